import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { freePort } from './free-port.js';

/**
 * How the server answers a mail: `accept` it; `defer` it (451, try again later); `reject` it for
 * good (550); or `stall`: read it and never answer, as a server that hangs mid-transaction.
 */
export type SmtpMode = 'accept' | 'defer' | 'reject' | 'stall';

/**
 * A real SMTP server in the test process, on a fixed port it can stop listening on and come
 * back to, as a mail server that goes down and up again. It keeps every mail it accepted.
 */
export class TestSmtpServer {
  /** The mails accepted, parsed, in order of arrival. */
  readonly received: ParsedMail[] = [];
  /** The mails read in `stall` mode, never answered. */
  readonly unanswered: ParsedMail[] = [];
  /** Mails offered so far, answered or not: the sentinel that a send has reached the server. */
  offered = 0;
  mode: SmtpMode = 'accept';
  private server: SMTPServer | undefined;

  private constructor(readonly port: number) {}

  /** A server on a free port, listening at once unless `isUp` is false. */
  static async start(isUp = true): Promise<TestSmtpServer> {
    const server = new TestSmtpServer(await freePort());
    if (isUp) await server.up();
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Starts listening on its port. */
  async up(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 100,
      onData: (stream, _session, callback) => this.receive(stream, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and cuts open connections: connecting is refused until `up`. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The mails accepted for `address`. */
  to(address: string): ParsedMail[] {
    return this.received.filter((mail) =>
      [mail.to].flat().some((to) => to?.value.some((value) => value.address === address)),
    );
  }

  private receive(stream: SMTPServerDataStream, callback: (error?: Error | null) => void): void {
    const mode = this.mode;
    simpleParser(stream).then(
      (mail) => {
        this.offered++;
        if (mode === 'stall') {
          this.unanswered.push(mail);
          return;
        }
        if (mode === 'accept') {
          this.received.push(mail);
          callback();
          return;
        }
        const error = new Error(mode === 'defer' ? 'Try again later' : 'No such mailbox') as Error & {
          responseCode: number;
        };
        error.responseCode = mode === 'defer' ? 451 : 550;
        callback(error);
      },
      (error: Error) => callback(error),
    );
  }
}
