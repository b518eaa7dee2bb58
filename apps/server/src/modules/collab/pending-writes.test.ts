import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { PaperConnection } from './paper-connection.js';
import type { ContributionDelta, PendingUpdate } from './paper.repository.js';
import { PendingWrites } from './pending-writes.js';

const FLUSH_MS = 50;

/** A sink whose writes the test completes one by one. */
class ControlledSink {
  readonly writes: Array<{ updates: PendingUpdate[]; at: number; complete: () => void }> = [];

  append(updates: PendingUpdate[], _contributions: ContributionDelta[]): Promise<void> {
    return new Promise((resolve) => this.writes.push({ updates, at: Date.now(), complete: resolve }));
  }
}

/** The socket end of a connection: open, never backed up, and it keeps nothing it is sent. */
function openSocket(): WebSocket {
  return {
    readyState: 1,
    OPEN: 1,
    bufferedAmount: 0,
    send: () => undefined,
    once: () => undefined,
  } as unknown as WebSocket;
}

function writerConnection(): PaperConnection {
  return new PaperConnection(
    openSocket(),
    {
      userId: randomUUID(),
      sessionId: randomUUID(),
      memberId: randomUUID(),
      name: 'Writer',
      role: 'reviewer',
      groupId: randomUUID(),
      groupName: 'Civil society',
      groupLabel: 'Civil society',
      labelScope: 'group',
    },
    true,
    { maxBufferedBytes: 1 << 20, awarenessBurst: 10, awarenessPerSecond: 10 },
  );
}

describe('PendingWrites: the group commit of one paper', () => {
  let sink: ControlledSink;
  let writes: PendingWrites;
  let type: (text: string) => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    sink = new ControlledSink();
    const doc = new Y.Doc();
    const connection = writerConnection();
    writes = new PendingWrites(
      randomUUID(),
      sink,
      FLUSH_MS,
      () => Y.encodeStateVector(doc),
      () => true,
      Y.encodeStateVector(doc),
      { snapshotBytes: 0, logCount: 0, logBytes: 0 },
    );
    type = (text) => writes.accept(new TextEncoder().encode(text), connection.participant.userId, connection);
  });
  afterEach(() => {
    writes.destroy();
    vi.useRealTimers();
  });

  it('writes a window after the first edit, with every edit of that window in one batch', async () => {
    type('one');
    await vi.advanceTimersByTimeAsync(FLUSH_MS - 10);
    type('two');
    await vi.advanceTimersByTimeAsync(9);
    expect(sink.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.writes.map((write) => [write.at, write.updates.length])).toEqual([[FLUSH_MS, 2]]);
  });

  it('counts the window of an edit made during a write from that edit, not from the write’s end', async () => {
    type('first');
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    expect(sink.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30);
    type('during the write'); // accepted at 80 ms, due at 130 ms
    await vi.advanceTimersByTimeAsync(20);
    sink.writes[0]!.complete(); // the first write ends at 100 ms
    await vi.advanceTimersByTimeAsync(29);
    expect(sink.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sink.writes.map((write) => write.at)).toEqual([FLUSH_MS, 130]);
    expect(sink.writes[1]!.updates).toHaveLength(1);
  });

  it('writes at once after a write that outlasted the next edit’s window', async () => {
    type('first');
    await vi.advanceTimersByTimeAsync(FLUSH_MS);
    type('during a slow write'); // accepted at 50 ms
    await vi.advanceTimersByTimeAsync(200);
    sink.writes[0]!.complete(); // ends at 250 ms
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.writes.map((write) => write.at)).toEqual([FLUSH_MS, 250]);
  });
});
