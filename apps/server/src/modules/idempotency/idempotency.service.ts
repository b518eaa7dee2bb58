import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppError, notFound } from '../../common/app-error.js';
import { repeatEvery } from '../../common/periodic-task.js';
import { Database, type TransactionSql } from '../../db/database.js';
import { IdempotencyKeysRepository, type StoredKey } from './idempotency-keys.repository.js';

/** One creating request that carried an Idempotency-Key. */
export interface IdempotentRequest {
  userId: string;
  key: string;
  /** SHA-256 of the method, path and body: what the key stands for. */
  requestHash: Buffer;
  /** Marks the answer as repeating an earlier outcome (`Idempotent-Replayed: true`). */
  markReplayed(): void;
}

/** What a write created: now, or — for a retry — the first time. */
export interface WriteOutcome {
  id: string;
  isReplay: boolean;
}

/** A retry's answer when what the first request created has been deleted since. */
export const createdNoLonger = () => notFound('What this Idempotency-Key created has been deleted since');

/** How long a key is remembered; a retry after that creates anew. */
const KEY_LIFETIME_HOURS = 24;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Makes creating writes safe to retry. The key is claimed in the write's own transaction, so it
 * is stored exactly when the write committed: a retry finds it and gets the id of what was
 * created; a concurrent duplicate waits for the first and then does the same; a write that
 * failed left no key, so its retry runs again.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyService.name);
  private stopSweep: (() => void) | undefined;

  constructor(
    private readonly db: Database,
    private readonly keys: IdempotencyKeysRepository,
  ) {}

  onModuleInit(): void {
    this.stopSweep = repeatEvery(SWEEP_INTERVAL_MS, () => this.keys.sweep(), this.logger);
  }

  onModuleDestroy(): void {
    this.stopSweep?.();
  }

  /**
   * The id an earlier request with this key created, for routes that check their input before
   * writing: a retry is answered before checks that might no longer pass.
   */
  async earlier(request: IdempotentRequest | undefined): Promise<string | undefined> {
    if (!request) return undefined;
    const stored = await this.keys.find(request.userId, request.key, this.db.sql);
    if (!stored) return undefined;
    return this.replayed(request, stored);
  }

  /**
   * Runs `write` (which returns the id of what it created) in a transaction, once per key: with
   * a key already used for this request, answers that request's id without writing. A key used
   * for another request is 422 IDEMPOTENCY_KEY_REUSED.
   */
  async once(
    request: IdempotentRequest | undefined,
    write: (tx: TransactionSql) => Promise<string>,
  ): Promise<WriteOutcome> {
    if (!request) return { id: await this.db.sql.begin(write), isReplay: false };
    return this.db.sql.begin(async (tx): Promise<WriteOutcome> => {
      const claim = { ...request, lifetimeHours: KEY_LIFETIME_HOURS };
      if (await this.keys.claim(claim, tx)) {
        const id = await write(tx);
        await this.keys.complete(request.userId, request.key, id, tx);
        return { id, isReplay: false };
      }
      const stored = (await this.keys.find(request.userId, request.key, tx))!;
      return { id: this.replayed(request, stored), isReplay: true };
    });
  }

  private replayed(request: IdempotentRequest, stored: StoredKey): string {
    if (!stored.requestHash.equals(request.requestHash)) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request; send a new key for a new action',
      );
    }
    request.markReplayed();
    return stored.resourceId;
  }
}
