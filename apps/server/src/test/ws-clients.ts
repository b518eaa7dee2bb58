import { COLLAB_PATH, MESSAGE_STORED, MESSAGE_SYNC } from '@cw/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Polls until `check` passes or `timeoutMs` runs out (then throws the last failure). The default
 * is generous: it only bounds a failure, and a busy machine must not turn a pass into one.
 */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The stock y-websocket client, exactly as an outside integrator would use it. */
export function stockClient(baseUrl: string, consultationId: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(
    `${baseUrl.replace('http', 'ws')}${COLLAB_PATH}`,
    consultationId,
    doc,
    {
      WebSocketPolyfill: WebSocket as never,
      params: { token },
      disableBc: true,
    },
  );
  return { doc, provider, destroy: () => provider.destroy() };
}

/** A raw protocol client: sends hand-made frames and records what it receives and how it closes. */
export class RawClient {
  readonly messages: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;
  readonly socket: WebSocket;
  readonly opened: Promise<void>;

  constructor(
    baseUrl: string,
    path: string,
    options: { token?: string; origin?: string; acks?: boolean } = {},
  ) {
    const url = new URL(`${baseUrl.replace('http', 'ws')}${path}`);
    if (options.token) url.searchParams.set('token', options.token);
    if (options.acks) url.searchParams.set('acks', '1');
    this.socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    this.socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    this.socket.on('error', () => undefined);
    this.opened = new Promise((resolve) => this.socket.once('open', () => resolve()));
  }

  send(frame: Uint8Array | string): void {
    this.socket.send(frame);
  }

  /** Sends a sync update (`syncType` 2) or step 2 (`syncType` 1) carrying `update`. */
  sendUpdate(update: Uint8Array, syncType: number = syncProtocol.messageYjsUpdate): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  async waitClosed(timeoutMs = 20_000): Promise<{ code: number; reason: string }> {
    return eventually(() => {
      if (!this.closed) throw new Error('socket still open');
      return this.closed;
    }, timeoutMs);
  }

  /** The state vectors of every MESSAGE_STORED acknowledgement received so far. */
  storedAcks(): Map<number, number>[] {
    return this.messages
      .filter((message) => message[0] === MESSAGE_STORED)
      .map((message) => {
        const decoder = decoding.createDecoder(message);
        decoding.readVarUint(decoder);
        return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Sends a sync step 1 on a stock client's socket and waits for the server's answer. The server
 * handles a socket's frames in order and relays at the end of the same turn, so afterwards
 * everything this client sent before has been handled, and whatever it caused has been sent.
 */
export async function roundTrip(provider: WebsocketProvider): Promise<void> {
  const socket = provider.ws as unknown as WebSocket;
  let answered = false;
  // The provider has its socket deliver ArrayBuffers.
  const onMessage = (data: ArrayBuffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] === MESSAGE_SYNC && bytes[1] === syncProtocol.messageYjsSyncStep2) answered = true;
  };
  socket.on('message', onMessage);
  try {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    socket.send(encoding.toUint8Array(encoder));
    await eventually(() => {
      if (!answered) throw new Error('no answer to the sync step 1 yet');
    });
  } finally {
    socket.off('message', onMessage);
  }
}

/** Text of one section fragment as plain string (paragraph texts joined by newlines). */
export function sectionText(doc: Y.Doc, sectionId: string): string {
  return doc
    .getXmlFragment(`section:${sectionId}`)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => child.toString())
            .join('')
        : node.toString(),
    )
    .join('\n');
}

/** Appends a paragraph with `text` to a section of `doc`. */
export function typeParagraph(doc: Y.Doc, sectionId: string, text: string): void {
  const fragment = doc.getXmlFragment(`section:${sectionId}`);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}
