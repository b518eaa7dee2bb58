import { Global, Module } from '@nestjs/common';
import { AccessChanges } from './access-changes.js';

/**
 * The signal that rights changed, for every module that changes them (members, consultations,
 * structure, sign-out) and every one that holds sockets open on them (paper, live events).
 */
@Global()
@Module({ providers: [AccessChanges], exports: [AccessChanges] })
export class AccessChangesModule {}
