import { Global, Module } from '@nestjs/common';
import { GroupLabelsRepository } from './group-labels.repository.js';

/** The k-anonymous group label rule's data, for every module that presents input (SPEC §3). */
@Global()
@Module({ providers: [GroupLabelsRepository], exports: [GroupLabelsRepository] })
export class AttributionModule {}
