/**
 * Counts CSV records as the bytes arrive (RFC 4180): a line feed ends a record unless it sits
 * inside a quoted field. A doubled quote inside a field toggles twice, so it needs no special
 * case, and the count never depends on where one chunk ends and the next begins.
 */
export class CsvRecordCounter {
  private isQuoted = false;
  /** Records completed so far, the header included. */
  records = 0;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === QUOTE) this.isQuoted = !this.isQuoted;
      else if (byte === LINE_FEED && !this.isQuoted) this.records += 1;
    }
  }
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
