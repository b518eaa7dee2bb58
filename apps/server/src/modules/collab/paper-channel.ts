import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { ClusterBus } from '../../cluster/cluster-bus.js';
import type { PaperDocument, PaperPeers } from './paper-document.js';
import type { SharedPresence } from './paper-presence.js';
import type { CompactionResult, PendingUpdate } from './paper.repository.js';

/** Frame types between instances on one paper's channel. */
const FRAME_UPDATE = 0;
const FRAME_STORED = 1;
const FRAME_PRESENCE = 2;
const FRAME_PRESENCE_QUERY = 3;
const FRAME_COMPACTED = 4;
/** "I serve this paper from now on, answer me": sent when the paper is loaded or frames were lost. */
const FRAME_HELLO = 5;
/** "I serve this paper too": the answer to a hello, or to a frame from an instance not known yet. */
const FRAME_HERE = 6;
/** "I no longer serve this paper": sent when it is unloaded. */
const FRAME_LEAVE = 7;
/** A catch-up that failed (the database away too) is tried again after this many ms. */
const CATCH_UP_RETRY_MS = 1_000;

/** An update another instance relayed before storing it, held until it says it is stored. */
interface UnstoredUpdate {
  seq: number;
  userId: string;
  data: Uint8Array;
  /** First and next clock per client the update covers. */
  from: Map<number, number>;
  to: Map<number, number>;
}

/** What the registry does for a channel: read the stored paper, store what a dead instance had not. */
export interface ChannelStorage {
  /** Reads the stored paper again; applies it to `document` and returns its state vector. */
  catchUp(document: PaperDocument): Promise<Map<number, number>>;
  /** Stores the updates not in storage yet (checked under the paper's lock: stored once); returns them. */
  storeMissing(updates: PendingUpdate[]): Promise<PendingUpdate[]>;
}

/**
 * One paper's link to the other instances serving it. An accepted edit is sent to the others at
 * once and stored only by the instance that accepted it, which then says up to where it has
 * stored. Until then the others hold it as unstored: they never acknowledge it as stored, and if
 * its instance dies first they store it themselves (once, under the paper's lock). Anything
 * missed (Redis away, a dropped frame, edits sent before this instance subscribed) is in the
 * database once its instance has stored it: the channel then reads the stored paper again.
 *
 * An instance alone on a paper (the proxy routes each consultation to one instance) publishes
 * nothing. Instances say when they start and stop serving a paper (hello, here, leave); one that
 * hears of another starts publishing, and tells it the count of updates it accepted so far. The
 * newcomer reads the stored paper again once that many are stored, which brings it the edits
 * accepted before the two knew of each other.
 */
export class PaperChannel implements PaperPeers {
  private document: PaperDocument | undefined;
  /** Frames that arrived while the paper was loading; applied once it is in memory. */
  private early: Array<{ frame: Buffer; origin: string }> = [];
  /** Updates accepted here, published or not. */
  private sentSeq = 0;
  private readonly unstored = new Map<string, UnstoredUpdate[]>();
  /**
   * Instances whose "stored" reaching this mark should be followed by a catch-up: they accepted
   * edits this instance may not have heard (before this subscription, before they knew of this
   * instance, or frames were missed).
   */
  private readonly catchUpAfter = new Map<string, number>();
  /** The other instances serving this paper: while there are none, nothing is published. */
  private readonly peers = new Set<string>();
  private catchingUp: Promise<void> | undefined;
  private isCatchUpDue = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopWatchingLost: (() => void) | undefined;

  private constructor(
    /** The document's id (document-id.ts): the paper's is its consultation's. */
    private readonly documentId: string,
    private readonly bus: ClusterBus,
    private readonly store: ChannelStorage,
  ) {}

  private get name(): string {
    return `cw:paper:${this.documentId}`;
  }

  /**
   * Subscribes before the paper is read from storage, so every frame sent after that read
   * arrives here; what was sent before is covered by the catch-up after its sender's next
   * "stored".
   */
  static async open(documentId: string, bus: ClusterBus, store: ChannelStorage): Promise<PaperChannel> {
    const channel = new PaperChannel(documentId, bus, store);
    channel.unsubscribe = await bus.subscribe(channel.name, {
      message: (payload, origin) => channel.receive(payload, origin),
      missed: () => channel.missed(),
    });
    channel.stopWatchingLost = bus.onInstanceLost((origin) => void channel.adopt(origin));
    return channel;
  }

  /** The paper is loaded: apply what came meanwhile, and tell the others this instance serves it. */
  attach(document: PaperDocument): void {
    this.document = document;
    const early = this.early;
    this.early = [];
    for (const { frame, origin } of early) this.receive(frame, origin);
    if (this.isCatchUpDue) this.requestCatchUp();
    this.announce(FRAME_HELLO);
  }

  close(): void {
    if (this.peers.size > 0) this.bus.publish(this.name, encodeType(FRAME_LEAVE));
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.stopWatchingLost?.();
    this.document = undefined;
  }

  accepted(update: Uint8Array, userId: string): void {
    if (this.peers.size === 0) {
      ++this.sentSeq;
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_UPDATE);
    encoding.writeVarUint(encoder, ++this.sentSeq);
    encoding.writeVarString(encoder, userId);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  mark(): number {
    return this.sentSeq;
  }

  stored(mark: number, updates: PendingUpdate[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_STORED);
    encoding.writeVarUint(encoder, mark);
    encoding.writeVarUint(encoder, updates.length);
    encoding.writeVarUint(
      encoder,
      updates.reduce((sum, update) => sum + update.data.length, 0),
    );
    this.send(encoding.toUint8Array(encoder));
  }

  unstoredFloor(): Map<number, number> | undefined {
    if (this.unstored.size === 0) return undefined;
    const floor = new Map<number, number>();
    for (const updates of this.unstored.values()) {
      for (const update of updates) {
        for (const [client, clock] of update.from)
          floor.set(client, Math.min(clock, floor.get(client) ?? clock));
      }
    }
    return floor;
  }

  presenceChanged(entries: SharedPresence[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_PRESENCE);
    encoding.writeVarString(encoder, JSON.stringify(entries));
    this.send(encoding.toUint8Array(encoder));
  }

  publishCompacted(result: CompactionResult): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_COMPACTED);
    encoding.writeVarUint(encoder, result.count);
    encoding.writeVarUint(encoder, result.bytes);
    encoding.writeVarUint(encoder, result.snapshotBytes);
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * Read storage now, and again once each instance has stored what it had in flight; and say
   * hello again, as a hello or its answer may be among the frames lost.
   */
  private missed(): void {
    for (const origin of this.peers) this.catchUpAfter.set(origin, 0);
    this.requestCatchUp();
    if (this.document) this.announce(FRAME_HELLO);
  }

  /**
   * Tells the others this instance serves the paper and how many updates it accepted so far
   * (a hello asks every instance serving it to answer; a "here" answers `to`); then its
   * presence, and a "stored" mark at once when every accepted update is stored already.
   */
  private announce(type: typeof FRAME_HELLO | typeof FRAME_HERE, to = ''): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    encoding.writeVarUint(encoder, this.sentSeq);
    if (type === FRAME_HERE) encoding.writeVarString(encoder, to);
    this.bus.publish(this.name, encoding.toUint8Array(encoder));
    const document = this.document;
    if (!document || this.peers.size === 0) return;
    const entries = document.localPresence();
    if (entries.length > 0) this.presenceChanged(entries);
    if (!document.hasUnstoredUpdates) this.stored(this.sentSeq, []);
  }

  /** Catch up once `origin` has stored its first `count` updates (nothing to wait for when 0). */
  private expectStored(origin: string, count: number): void {
    if (count > 0) this.catchUpAfter.set(origin, Math.max(this.catchUpAfter.get(origin) ?? 0, count));
  }

  /**
   * Shutdown: stores what other instances relayed here and have not said they stored, as if they
   * had died (stored once: anything storage holds already is skipped). An instance killed just
   * before the others stop would otherwise take those edits with it, unheard of as dead.
   */
  async storeHeld(): Promise<void> {
    const updates = [...this.unstored.values()].flat().map(({ data, userId }) => ({ data, userId }));
    if (updates.length > 0) await this.store.storeMissing(updates);
  }

  /** Another instance died: store what it sent but never said it stored. */
  private async adopt(origin: string): Promise<void> {
    this.peers.delete(origin);
    this.catchUpAfter.delete(origin);
    const updates = this.unstored.get(origin);
    if (!updates) return;
    let written: PendingUpdate[];
    try {
      written = await this.store.storeMissing(updates.map(({ data, userId }) => ({ data, userId })));
    } catch {
      // The database is away too: try again shortly (the updates stay held).
      setTimeout(() => void this.adopt(origin), CATCH_UP_RETRY_MS).unref();
      return;
    }
    const left = (this.unstored.get(origin) ?? []).filter((update) => !updates.includes(update));
    if (left.length > 0) this.unstored.set(origin, left);
    else this.unstored.delete(origin);
    // Sent again as this instance's own, now stored: an instance that never got them from the
    // dead one (it loaded the paper later) gets them now.
    for (const update of written) this.accepted(update.data, update.userId);
    if (written.length > 0) this.stored(this.sentSeq, written);
  }

  /** Catch-ups of one paper run one at a time; one asked for meanwhile runs after. */
  private requestCatchUp(): void {
    const document = this.document;
    if (!document) {
      this.isCatchUpDue = true;
      return;
    }
    this.isCatchUpDue = false;
    if (this.catchingUp) {
      this.isCatchUpDue = true;
      return;
    }
    this.catchingUp = this.store
      .catchUp(document)
      .then((storedState) => this.forgetStored(storedState))
      .catch(() => {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.requestCatchUp(), CATCH_UP_RETRY_MS);
        this.retryTimer.unref();
      })
      .finally(() => {
        this.catchingUp = undefined;
        if (this.isCatchUpDue && this.document) this.requestCatchUp();
      });
    this.send(encodeType(FRAME_PRESENCE_QUERY));
  }

  /** Drops held updates that storage already contains (their "stored" was lost). */
  private forgetStored(storedState: Map<number, number>): void {
    for (const [origin, updates] of this.unstored) {
      const left = updates.filter((update) =>
        [...update.to].some(([client, clock]) => (storedState.get(client) ?? 0) < clock),
      );
      if (left.length > 0) this.unstored.set(origin, left);
      else this.unstored.delete(origin);
    }
  }

  private receive(frame: Buffer, origin: string): void {
    const document = this.document;
    if (!document) {
      this.early.push({ frame, origin });
      return;
    }
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === FRAME_LEAVE) {
      this.peers.delete(origin);
      this.catchUpAfter.delete(origin);
      return;
    }
    const isNew = !this.peers.has(origin);
    if (isNew) {
      this.peers.add(origin);
      if (type !== FRAME_HELLO) this.announce(FRAME_HERE, origin);
      // A hello, or an answer to this instance, says how far to catch up; any other frame means
      // this instance missed that exchange, and catches up after the next "stored".
      if (type !== FRAME_HELLO && type !== FRAME_HERE) this.catchUpAfter.set(origin, 0);
    }
    switch (type) {
      case FRAME_HELLO:
        this.expectStored(origin, decoding.readVarUint(decoder));
        this.announce(FRAME_HERE, origin);
        return;
      case FRAME_HERE: {
        const count = decoding.readVarUint(decoder);
        if (decoding.readVarString(decoder) === this.bus.instanceName) this.expectStored(origin, count);
        else if (isNew) this.catchUpAfter.set(origin, 0);
        return;
      }
      case FRAME_UPDATE: {
        const seq = decoding.readVarUint(decoder);
        const userId = decoding.readVarString(decoder);
        const data = decoding.readVarUint8Array(decoder);
        const { from, to } = Y.parseUpdateMeta(data);
        const held = this.unstored.get(origin) ?? [];
        held.push({ seq, userId, data, from, to });
        this.unstored.set(origin, held);
        document.applyRemoteUpdate(data, userId);
        return;
      }
      case FRAME_STORED: {
        const mark = decoding.readVarUint(decoder);
        document.storage.logCount += decoding.readVarUint(decoder);
        document.storage.logBytes += decoding.readVarUint(decoder);
        const held = this.unstored.get(origin);
        if (held) {
          const left = held.filter((update) => update.seq > mark);
          if (left.length > 0) this.unstored.set(origin, left);
          else this.unstored.delete(origin);
        }
        const after = this.catchUpAfter.get(origin);
        if (after !== undefined && mark >= after) {
          this.catchUpAfter.delete(origin);
          this.requestCatchUp();
        }
        return;
      }
      case FRAME_PRESENCE:
        document.applyRemotePresence(JSON.parse(decoding.readVarString(decoder)) as SharedPresence[]);
        return;
      case FRAME_PRESENCE_QUERY: {
        const entries = document.localPresence();
        if (entries.length > 0) this.presenceChanged(entries);
        return;
      }
      case FRAME_COMPACTED:
        document.countCompaction({
          count: decoding.readVarUint(decoder),
          bytes: decoding.readVarUint(decoder),
          snapshotBytes: decoding.readVarUint(decoder),
        });
        return;
    }
  }

  /** Publishes a frame, unless no other instance serves this paper. */
  private send(payload: Uint8Array): void {
    if (this.peers.size > 0) this.bus.publish(this.name, payload);
  }
}

function encodeType(type: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  return encoding.toUint8Array(encoder);
}
