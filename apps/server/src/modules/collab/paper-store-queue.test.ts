import { describe, expect, it } from 'vitest';
import { PaperStoreQueue } from './paper-store-queue.js';
import type { PaperBatch, PaperRepository, PendingUpdate } from './paper.repository.js';

/** A repository whose transactions the test answers one by one. */
class FakeRepository {
  readonly calls: Array<{ batches: PaperBatch[]; answer: (stored: string[] | Error) => void }> = [];

  appendMany(batches: PaperBatch[]): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        batches,
        answer: (stored) => (stored instanceof Error ? reject(stored) : resolve(new Set(stored))),
      });
    });
  }

  /** Papers and update labels of each call so far. */
  get written(): Array<Record<string, string[]>> {
    return this.calls.map((call) =>
      Object.fromEntries(
        call.batches.map((batch) => [
          batch.documentId,
          batch.updates.map((update) => new TextDecoder().decode(update.data)),
        ]),
      ),
    );
  }
}

function setUp() {
  const repository = new FakeRepository();
  const queue = new PaperStoreQueue(repository as unknown as PaperRepository);
  const outcomes: string[] = [];
  const append = (paper: string, label: string) => {
    const update: PendingUpdate = { data: new TextEncoder().encode(label), userId: 'user' };
    return queue.append(paper, [update], []).then(
      () => outcomes.push(`${label} stored`),
      (error: Error) => outcomes.push(`${label} failed: ${error.message}`),
    );
  };
  return { repository, append, outcomes };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function eventuallyCalled(repository: FakeRepository, calls: number): Promise<void> {
  for (let i = 0; i < 100 && repository.calls.length < calls; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function unavailable(): Error {
  return Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
}

describe('PaperStoreQueue', () => {
  it('writes at once when idle and everything that arrives meanwhile in the next write', async () => {
    const { repository, append, outcomes } = setUp();
    void append('a', 'a1');
    expect(repository.written).toEqual([{ a: ['a1'] }]);
    void append('b', 'b1');
    void append('c', 'c1');
    void append('b', 'b2');
    expect(repository.calls).toHaveLength(1);
    repository.calls[0]!.answer(['a']);
    await settle();
    expect(repository.written[1]).toEqual({ b: ['b1', 'b2'], c: ['c1'] });
    repository.calls[1]!.answer(['b', 'c']);
    await settle();
    expect(outcomes).toEqual(['a1 stored', 'b1 stored', 'b2 stored', 'c1 stored']);
    expect(repository.calls).toHaveLength(2);
  });

  it('keeps a paper left out ahead of its later flushes and tries it again', async () => {
    const { repository, append, outcomes } = setUp();
    void append('a', 'a1');
    void append('b', 'b1');
    repository.calls[0]!.answer([]);
    await settle();
    expect(repository.written[1]).toEqual({ b: ['b1'], a: ['a1'] });
    void append('a', 'a2');
    repository.calls[1]!.answer(['b']);
    await settle();
    // Only the left-out paper is queued: it waits a little, unless something new arrives.
    expect(repository.calls).toHaveLength(2);
    void append('c', 'c1');
    await settle();
    expect(repository.written[2]).toEqual({ a: ['a1', 'a2'], c: ['c1'] });
    repository.calls[2]!.answer(['c']);
    await eventuallyCalled(repository, 4);
    expect(repository.written[3]).toEqual({ a: ['a1', 'a2'] });
    repository.calls[3]!.answer(['a']);
    await settle();
    expect(outcomes).toEqual(['b1 stored', 'c1 stored', 'a1 stored', 'a2 stored']);
  });

  it('writes each paper alone when a write of several fails, failing only the broken one', async () => {
    const { repository, append, outcomes } = setUp();
    void append('a', 'a1');
    void append('b', 'b1');
    void append('c', 'c1');
    repository.calls[0]!.answer(['a']);
    await settle();
    repository.calls[1]!.answer(new Error('foreign key violation'));
    await settle();
    expect(repository.written.slice(2)).toEqual([{ b: ['b1'] }, { c: ['c1'] }]);
    repository.calls[2]!.answer(new Error('foreign key violation'));
    repository.calls[3]!.answer(['c']);
    await settle();
    expect(outcomes).toEqual(['a1 stored', 'b1 failed: foreign key violation', 'c1 stored']);
  });

  it('fails every paper of the write at once while the database is away', async () => {
    const { repository, append, outcomes } = setUp();
    void append('a', 'a1');
    void append('b', 'b1');
    void append('c', 'c1');
    repository.calls[0]!.answer(unavailable());
    await settle();
    repository.calls[1]!.answer(unavailable());
    await settle();
    expect(repository.calls).toHaveLength(2);
    expect(outcomes).toEqual([
      'a1 failed: connection refused',
      'b1 failed: connection refused',
      'c1 failed: connection refused',
    ]);
  });
});
