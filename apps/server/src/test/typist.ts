import * as Y from 'yjs';
import { RawClient, typeParagraph } from './ws-clients.js';

/**
 * A client typing one numbered paragraph after another into its own section, over a raw socket
 * that asks for stored acknowledgements. It keeps every edit in its local document, so after a
 * disconnect the unacknowledged ones can be sent again, as a real editor would.
 */
export class Typist {
  readonly doc = new Y.Doc();
  client: RawClient;
  /** The local clock after each edit: edit i is stored once an ack covers clockAfter[i]. */
  private readonly clockAfter: number[] = [];
  private isStopped = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly consultationId: string,
    private readonly token: string,
    /** The section it types into (a section of the consultation). */
    readonly section: string,
  ) {
    this.client = this.connect();
  }

  private connect(): RawClient {
    return new RawClient(this.baseUrl, `/collab/${this.consultationId}`, { token: this.token, acks: true });
  }

  get typed(): number {
    return this.clockAfter.length;
  }

  /** Types up to `count` paragraphs, one every `intervalMs`, while the socket is open. */
  start(count: number, intervalMs: number): void {
    this.loop = (async () => {
      await this.client.opened;
      for (let i = this.typed; i < count && !this.isStopped && !this.client.closed; i++) {
        const before = Y.encodeStateVector(this.doc);
        typeParagraph(this.doc, this.section, `line-${i}`);
        this.client.sendUpdate(Y.encodeStateAsUpdate(this.doc, before));
        this.clockAfter.push(Y.getState(this.doc.store, this.doc.clientID));
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    })();
  }

  /** Stops typing; resolves once the loop has ended. */
  async stop(): Promise<void> {
    this.isStopped = true;
    await this.loop;
  }

  /** How many of the typed paragraphs the server has acknowledged as stored. */
  acknowledged(): number {
    const acked = Math.max(0, ...this.client.storedAcks().map((ack) => ack.get(this.doc.clientID) ?? 0));
    return this.clockAfter.filter((clock) => clock <= acked).length;
  }

  /** Reconnects (to `baseUrl`) and sends everything the local document holds. */
  async resend(baseUrl = this.baseUrl): Promise<void> {
    this.client.close();
    this.client = new RawClient(baseUrl, `/collab/${this.consultationId}`, { token: this.token, acks: true });
    await this.client.opened;
    this.client.sendUpdate(Y.encodeStateAsUpdate(this.doc));
  }

  /** The lines every typed paragraph should produce, in order. */
  expectedLines(): string[] {
    return Array.from({ length: this.typed }, (_, i) => `line-${i}`);
  }
}
