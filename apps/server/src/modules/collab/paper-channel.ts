import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { ClusterBus } from '../../cluster/cluster-bus.js';
import type { PaperDocument, PaperPeers, SharedPresence } from './paper-document.js';
import type { CompactionResult, PendingUpdate } from './paper.repository.js';

/** Frame types between instances on one paper's channel. */
const FRAME_STORED = 0;
const FRAME_PRESENCE = 1;
const FRAME_PRESENCE_QUERY = 2;
const FRAME_COMPACTED = 3;
/** A catch-up that failed (the database away too) is tried again after this many ms. */
const CATCH_UP_RETRY_MS = 1_000;

/** Reads the stored paper again and applies what this instance lacks. */
export type CatchUp = (document: PaperDocument) => Promise<void>;

/**
 * One paper's link to the other instances serving it. Edits are published only once stored, so
 * an instance never holds another's edit that storage could still lose, and anything it missed
 * (Redis away, a frame dropped, loaded while others were writing) is in the database: it catches
 * up by reading the stored paper again. Presence travels at once and is never stored.
 */
export class PaperChannel implements PaperPeers {
  private document: PaperDocument | undefined;
  /** Frames that arrived while the paper was loading; applied once it is in memory. */
  private early: Buffer[] = [];
  private catchingUp: Promise<void> | undefined;
  private isCatchUpDue = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly consultationId: string,
    private readonly bus: ClusterBus,
    private readonly catchUp: CatchUp,
  ) {}

  private get name(): string {
    return `cw:paper:${this.consultationId}`;
  }

  /**
   * Subscribes before the paper is read from storage: an edit stored after that read was
   * published after this subscription, so it arrives here and nothing falls in between.
   */
  static async open(consultationId: string, bus: ClusterBus, catchUp: CatchUp): Promise<PaperChannel> {
    const channel = new PaperChannel(consultationId, bus, catchUp);
    channel.unsubscribe = await bus.subscribe(channel.name, {
      message: (payload) => channel.receive(payload),
      missed: () => channel.requestCatchUp(),
    });
    return channel;
  }

  /** The paper is loaded: apply what came meanwhile, and ask the others who is present. */
  attach(document: PaperDocument): void {
    this.document = document;
    const early = this.early;
    this.early = [];
    for (const frame of early) this.receive(frame);
    if (this.isCatchUpDue) this.requestCatchUp();
    this.send(encodeType(FRAME_PRESENCE_QUERY));
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.document = undefined;
  }

  /** A batch this instance has just stored, merged into one update. */
  publishStored(updates: PendingUpdate[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_STORED);
    encoding.writeVarUint8Array(
      encoder,
      updates.length === 1 ? updates[0]!.data : Y.mergeUpdates(updates.map((update) => update.data)),
    );
    encoding.writeVarUint(encoder, updates.length);
    encoding.writeVarUint(
      encoder,
      updates.reduce((sum, update) => sum + update.data.length, 0),
    );
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

  presenceChanged(entries: SharedPresence[]): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, FRAME_PRESENCE);
    encoding.writeVarString(encoder, JSON.stringify(entries));
    this.send(encoding.toUint8Array(encoder));
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
    this.catchingUp = this.catchUp(document)
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

  private receive(frame: Buffer): void {
    const document = this.document;
    if (!document) {
      this.early.push(frame);
      return;
    }
    const decoder = decoding.createDecoder(frame);
    switch (decoding.readVarUint(decoder)) {
      case FRAME_STORED: {
        document.applyStoredUpdate(decoding.readVarUint8Array(decoder));
        document.storage.logCount += decoding.readVarUint(decoder);
        document.storage.logBytes += decoding.readVarUint(decoder);
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

  private send(payload: Uint8Array): void {
    this.bus.publish(this.name, payload);
  }
}

function encodeType(type: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  return encoding.toUint8Array(encoder);
}
