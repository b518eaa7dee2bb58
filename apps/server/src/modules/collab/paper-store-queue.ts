import { Injectable } from '@nestjs/common';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import {
  type ContributionDelta,
  type PaperBatch,
  PaperRepository,
  type PendingUpdate,
} from './paper.repository.js';

/** One document's flush waiting to be stored, and how to tell it the outcome. */
interface Waiting {
  updates: PendingUpdate[];
  contributions: ContributionDelta[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Flushes waiting for the next write, by document id, each document's in the order they arrived. */
type Queue = Map<string, Waiting[]>;

/**
 * When only papers whose lock was held remain queued, they are tried again after this many ms,
 * or sooner when another flush arrives.
 */
const LOCKED_RETRY_MS = 10;

/**
 * The group commit of the instance: the flushes of all papers that are due together are stored
 * in one transaction. One write at a time: a flush arriving while none is in progress is written
 * at once; those arriving during a write wait for it to end and are then written together.
 */
@Injectable()
export class PaperStoreQueue {
  private queue: Queue = new Map();
  private isWriting = false;
  /** Ends the wait for papers whose lock was held, when another flush arrives. */
  private wake: (() => void) | undefined;

  constructor(private readonly papers: PaperRepository) {}

  /** Stores one flush of a paper; resolves once it is committed. */
  append(documentId: string, updates: PendingUpdate[], contributions: ContributionDelta[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { updates, contributions, resolve, reject };
      const queued = this.queue.get(documentId);
      if (queued) queued.push(waiting);
      else this.queue.set(documentId, [waiting]);
      this.wake?.();
      if (!this.isWriting) void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    this.isWriting = true;
    try {
      while (this.queue.size > 0) {
        const round = this.queue;
        this.queue = new Map();
        const locked = await this.write(round);
        // Before whatever the same papers flushed meanwhile, so each paper's log stays in order.
        for (const [documentId, waiting] of locked) {
          this.queue.set(documentId, [...waiting, ...(this.queue.get(documentId) ?? [])]);
        }
        if (locked.size > 0 && [...this.queue.keys()].every((id) => locked.has(id))) await this.pause();
      }
    } finally {
      this.isWriting = false;
    }
  }

  /**
   * Writes one round in one transaction. When a transaction of several papers fails (other than
   * by the database being away), each paper is written alone, so a paper that cannot be stored
   * (its consultation was deleted meanwhile) fails only its own flushes. Returns the papers left
   * out because their lock was held exclusively; never throws.
   */
  private async write(round: Queue): Promise<Queue> {
    const batches: PaperBatch[] = [...round].map(([documentId, waiting]) => ({
      documentId,
      updates: waiting.flatMap((entry) => entry.updates),
      contributions: waiting.flatMap((entry) => entry.contributions),
    }));
    let stored: Set<string>;
    try {
      stored = await this.papers.appendMany(batches);
    } catch (error) {
      if (round.size === 1 || isDatabaseUnavailable(error)) {
        for (const waiting of round.values()) for (const entry of waiting) entry.reject(error);
        return new Map();
      }
      const alone = await Promise.all([...round].map((entry) => this.write(new Map([entry]))));
      return new Map(alone.flatMap((locked) => [...locked]));
    }
    const locked: Queue = new Map();
    for (const [documentId, waiting] of round) {
      if (stored.has(documentId)) for (const entry of waiting) entry.resolve();
      else locked.set(documentId, waiting);
    }
    return locked;
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), LOCKED_RETRY_MS);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
