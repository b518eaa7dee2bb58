/** A growable list of numbers in a typed array (millions of samples without boxing). */
export class Samples {
  constructor(initial = 1 << 16) {
    this.values = new Float64Array(initial);
    this.length = 0;
  }

  push(value) {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  sorted() {
    return this.values.slice(0, this.length).sort();
  }
}

/**
 * Bookkeeping of sent edits and their arrival at every other client. Edits of one sender reach a
 * receiver in order over its one socket, so "seen" is the highest sequence number per sender and
 * receiver: a repeat (the reference server echoes edits to their sender; merged batches) is not
 * counted twice, and a skipped edit is counted as lost.
 */
export class DeliveryTracker {
  /** `serverOf[i]`: which server client i is connected to, to tell arrivals that crossed servers. */
  constructor({ receiverCount, senderCount, maxEditsPerSender, serverOf }) {
    this.serverOf = serverOf;
    this.crossLatencies = new Samples();
    this.receiverCount = receiverCount;
    this.sentAt = Array.from({ length: senderCount }, () => new Float64Array(maxEditsPerSender));
    this.sentCount = new Int32Array(senderCount);
    this.lastSeen = Array.from({ length: receiverCount }, () => new Int32Array(senderCount).fill(-1));
    this.latencies = new Samples();
    this.delivered = 0;
    this.lastDeliveryAt = 0;
  }

  recordSent(sender, seq, at) {
    this.sentAt[sender][seq] = at;
    this.sentCount[sender] = seq + 1;
  }

  /** `tokens` as read by EditTokenReader; `receiver` is the client index, `sender` a typist index. */
  recordArrival(receiver, tokens, at, senderOfReceiver) {
    const seen = this.lastSeen[receiver];
    for (let i = 0; i < tokens.length; i += 2) {
      const sender = tokens[i];
      const seq = tokens[i + 1];
      if (sender === senderOfReceiver || seq <= seen[sender] || seq >= this.sentCount[sender]) continue;
      seen[sender] = seq;
      this.latencies.push(at - this.sentAt[sender][seq]);
      if (this.serverOf && this.serverOf[sender] !== this.serverOf[receiver])
        this.crossLatencies.push(at - this.sentAt[sender][seq]);
      this.delivered++;
      this.lastDeliveryAt = at;
    }
  }

  get totalSent() {
    return this.sentCount.reduce((sum, count) => sum + count, 0);
  }

  /** Deliveries owed: every edit to every client except its sender. */
  get expected() {
    return this.totalSent * (this.receiverCount - 1);
  }
}
