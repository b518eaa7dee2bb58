import * as Y from 'yjs';
import type { PaperConnection, ViewerClass } from './paper-connection.js';
import type { PaperPresence } from './paper-presence.js';
import { updateMessage } from './sync-messages.js';

/**
 * What one paper sends its sockets, batched per turn of the event loop: the updates applied in
 * the turn as one merged frame, the presence changes as one frame per viewer class, each encoded
 * once for all recipients; each socket's frames leave in one write.
 */
export class PaperBroadcast {
  private outgoing: Array<{ update: Uint8Array; origin: PaperConnection | undefined }> = [];
  private isScheduled = false;

  constructor(
    private readonly connections: ReadonlySet<PaperConnection>,
    private readonly presence: PaperPresence,
  ) {}

  /** An applied update, for every socket but the one it came from (`origin`). */
  queueUpdate(update: Uint8Array, origin: PaperConnection | undefined): void {
    this.outgoing.push({ update, origin });
    this.schedule();
  }

  /** Sends what changed (updates queued, presence marked changed) at the end of this turn. */
  schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => this.send());
  }

  private send(): void {
    this.isScheduled = false;
    const recipients = [...this.connections];
    for (const connection of recipients) connection.cork();
    try {
      this.sendUpdates();
      this.sendPresence();
    } finally {
      for (const connection of recipients) connection.uncork();
    }
  }

  private sendUpdates(): void {
    if (this.outgoing.length === 0) return;
    const batch = this.outgoing;
    this.outgoing = [];
    const origins = new Set(batch.map((entry) => entry.origin));
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((entry) => entry.update));
    const message = updateMessage(update);
    // With a single sender, it already has the change; with several, each ignores what it knows.
    const skip = origins.size === 1 ? batch[0]!.origin : undefined;
    for (const connection of this.connections) if (connection !== skip) connection.send(message);
  }

  private sendPresence(): void {
    if (this.presence.changed.size === 0) return;
    const clientIds = this.presence.takeChanged();
    const messages = new Map<ViewerClass, Uint8Array | undefined>();
    for (const connection of this.connections) {
      if (!messages.has(connection.viewer))
        messages.set(connection.viewer, this.presence.messageFor(connection.viewer, clientIds));
      const message = messages.get(connection.viewer);
      const isOwn = clientIds.length === 1 && connection.awarenessClients.has(clientIds[0]!);
      if (message && !isOwn) connection.send(message);
    }
    this.presence.forgetEnded(clientIds);
  }
}
