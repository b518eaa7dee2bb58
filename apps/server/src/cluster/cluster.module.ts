import { Global, Module } from '@nestjs/common';
import { ClusterBus } from './cluster-bus.js';

/** The link between server instances (Redis pub/sub when `REDIS_URL` is set). */
@Global()
@Module({ providers: [ClusterBus], exports: [ClusterBus] })
export class ClusterModule {}
