import { COLLAB_PATH, MESSAGE_STORED, MESSAGE_WRITE_ACCESS, sectionFragmentName } from '@cw/shared';
import * as buffer from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Builds a long paper the way its authors would: through the API (consultation, sections,
 * threads) and the paper's WebSocket (the text), signed in as an organiser. Used by the browser
 * test of long papers and by `pnpm bench:web`.
 */

export interface LongPaperOptions {
  title: string;
  sections: number;
  /** Characters of text per section, in paragraphs of about 400. */
  charactersPerSection: number;
  /** Threads anchored on passages, spread evenly over the sections. */
  threads: number;
}

export interface LongPaper {
  consultationId: string;
  /** The organiser's session token. */
  token: string;
  sections: Array<{ id: string; number: string; title: string }>;
  /** Each thread with the section it is anchored in and the passage it quotes. */
  threads: Array<{ id: string; sectionId: string; quote: string }>;
}

const PARAGRAPH_CHARACTERS = 400;
const WORDS = [
  'States',
  'should',
  'require',
  'technology',
  'companies',
  'to',
  'respect',
  'human',
  'rights',
  'across',
  'their',
  'value',
  'chains',
  'through',
  'due',
  'diligence',
  'remedy',
  'and',
  'meaningful',
  'engagement',
  'with',
  'affected',
  'stakeholders',
];

/** Deterministic words (a linear congruential sequence), so every paper reads the same. */
function paragraphText(seed: number): string {
  let state = seed * 2654435761;
  const words: string[] = [];
  let length = 0;
  while (length < PARAGRAPH_CHARACTERS) {
    state = (state * 1103515245 + 12345) >>> 0;
    const word = WORDS[state % WORDS.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return `${words.join(' ')}.`;
}

/** One JSON request with the bearer token; throws on any answer but 2xx. */
export async function callApi<T>(
  baseUrl: string,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A session token for the account, from the same sign-in the web app uses. */
export async function sessionToken(
  baseUrl: string,
  account: { email: string; password: string },
): Promise<string> {
  const { token } = await callApi<{ token: string }>(baseUrl, 'POST', '/api/auth/login', {
    body: { email: account.email, password: account.password },
  });
  return token;
}

/**
 * The paper's shared document over the stock y-websocket client, with the server's
 * acknowledgements: `stored()` resolves once the server has committed everything written here.
 */
export class PaperConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private storedClock = 0;
  private waiting: Array<() => void> = [];

  constructor(baseUrl: string, consultationId: string, token: string) {
    const socketBase = baseUrl.replace(/^http/, 'ws');
    this.provider = new WebsocketProvider(`${socketBase}${COLLAB_PATH}`, consultationId, this.doc, {
      params: { token, acks: '1' },
      disableBc: true,
    });
    this.provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder) => {
      this.storedClock = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(this.doc.clientID) ?? 0;
      this.settle();
    };
    this.provider.messageHandlers[MESSAGE_WRITE_ACCESS] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
    };
  }

  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve) => this.provider.once('sync', () => resolve()));
  }

  stored(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.settle();
    });
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  private settle() {
    if (this.storedClock < Y.getState(this.doc.store, this.doc.clientID)) return;
    const done = this.waiting;
    this.waiting = [];
    for (const resolve of done) resolve();
  }
}

const encode = (position: Y.RelativePosition) => buffer.toBase64(Y.encodeRelativePosition(position));

/** A passage of about six words inside one paragraph, anchored as the editor anchors a selection. */
function passageIn(text: Y.XmlText, seed: number) {
  const content = text.toString();
  const starts = [...content.matchAll(/(?<=^| )\S/g)].map((match) => match.index);
  const from = starts[seed % Math.max(1, starts.length - 8)] ?? 0;
  const to = starts[starts.indexOf(from) + 6]! - 1;
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(text, from, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, to, -1)),
    quote: content.slice(from, to),
  };
}

/** Creates the consultation, opens it, then writes its sections, their text and the threads. */
export async function createLongPaper(
  baseUrl: string,
  token: string,
  options: LongPaperOptions,
): Promise<LongPaper> {
  const consultation = await callApi<{ id: string }>(baseUrl, 'POST', '/api/consultations', {
    token,
    body: { title: options.title, attributionMode: 'chatham' },
  });
  const consultationId = consultation.id;
  await callApi(baseUrl, 'POST', `/api/consultations/${consultationId}/phase`, {
    token,
    body: { phase: 'open' },
  });
  const sections: LongPaper['sections'] = [];
  for (let index = 0; index < options.sections; index++) {
    sections.push(
      await callApi(baseUrl, 'POST', `/api/consultations/${consultationId}/sections`, {
        token,
        body: { title: `Commitment ${index + 1} on responsible technology` },
      }),
    );
  }

  const paper = new PaperConnection(baseUrl, consultationId, token);
  const paragraphs = Math.max(1, Math.round(options.charactersPerSection / PARAGRAPH_CHARACTERS));
  const texts = new Map<string, Y.XmlText[]>();
  try {
    await paper.synced();
    sections.forEach((section, sectionIndex) => {
      // One update per section keeps every message far below the server's frame limit.
      paper.doc.transact(() => {
        const fragment = paper.doc.getXmlFragment(sectionFragmentName(section.id));
        const own: Y.XmlText[] = [];
        for (let index = 0; index < paragraphs; index++) {
          const paragraph = new Y.XmlElement('paragraph');
          const text = new Y.XmlText(paragraphText(sectionIndex * paragraphs + index + 1));
          paragraph.insert(0, [text]);
          fragment.insert(fragment.length, [paragraph]);
          own.push(text);
        }
        texts.set(section.id, own);
      });
    });
    await paper.stored();

    const threads: LongPaper['threads'] = [];
    for (let index = 0; index < options.threads; index++) {
      const section = sections[Math.floor((index * sections.length) / options.threads)]!;
      const own = texts.get(section.id)!;
      const passage = passageIn(own[index % own.length]!, index);
      const thread = await callApi<{ id: string }>(
        baseUrl,
        'POST',
        `/api/consultations/${consultationId}/threads`,
        {
          token,
          body: {
            questionId: null,
            anchor: { sectionId: section.id, ...passage },
            body: `Input ${index + 1}: the passage needs a clearer duty of care.`,
          },
        },
      );
      threads.push({ id: thread.id, sectionId: section.id, quote: passage.quote });
    }
    return { consultationId, token, sections, threads };
  } finally {
    paper.close();
  }
}
