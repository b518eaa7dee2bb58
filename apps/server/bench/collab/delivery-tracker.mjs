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

  /** A copy holding just the samples (transferable to another thread). */
  toArray() {
    return this.values.slice(0, this.length);
  }

  sorted() {
    return this.toArray().sort();
  }
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across worker threads. */
export const now = () => performance.timeOrigin + performance.now();

/**
 * Bookkeeping of sent edits and their arrival at every other client. Edits of one sender reach a
 * receiver in order over its one socket, so "seen" is the highest sequence number per sender and
 * receiver: a repeat (the reference server echoes edits to their sender; merged batches) is not
 * counted twice, and a skipped edit is counted as lost. When the clients of one paper are spread
 * over several load threads, the send times live in shared memory (`DeliveryTracker.shared`) and
 * each thread counts the arrivals at its own clients.
 */
export class DeliveryTracker {
  /** Shared memory for the send times of `senderCount` senders of up to `maxEditsPerSender` edits each. */
  static shared(senderCount, maxEditsPerSender) {
    return {
      maxEditsPerSender,
      sentAt: new SharedArrayBuffer(senderCount * maxEditsPerSender * Float64Array.BYTES_PER_ELEMENT),
      sentCount: new SharedArrayBuffer(senderCount * Int32Array.BYTES_PER_ELEMENT),
    };
  }

  /**
   * `serverOf[i]`: which server client i is connected to, to tell arrivals that crossed servers.
   * Edits numbered below `warmupEdits` are counted as delivered but their latency is not sampled.
   */
  constructor({ receiverCount, shared, serverOf, warmupEdits = 0 }) {
    this.serverOf = serverOf;
    this.warmupEdits = warmupEdits;
    this.crossLatencies = new Samples();
    this.receiverCount = receiverCount;
    this.maxEditsPerSender = shared.maxEditsPerSender;
    this.sentAt = new Float64Array(shared.sentAt);
    this.sentCount = new Int32Array(shared.sentCount);
    this.lastSeen = Array.from({ length: receiverCount }, () =>
      new Int32Array(this.sentCount.length).fill(-1),
    );
    this.latencies = new Samples();
    this.delivered = 0;
    this.lastDeliveryAt = 0;
  }

  recordSent(sender, seq, at) {
    this.sentAt[sender * this.maxEditsPerSender + seq] = at;
    // Published after the time: a thread that sees the count also sees the time.
    Atomics.store(this.sentCount, sender, seq + 1);
  }

  /** `tokens` as read by EditTokenReader; `receiver` is the client index, `sender` a typist index. */
  recordArrival(receiver, tokens, at, senderOfReceiver) {
    const seen = this.lastSeen[receiver];
    for (let i = 0; i < tokens.length; i += 2) {
      const sender = tokens[i];
      const seq = tokens[i + 1];
      if (sender === senderOfReceiver || seq <= seen[sender] || seq >= Atomics.load(this.sentCount, sender))
        continue;
      seen[sender] = seq;
      this.delivered++;
      this.lastDeliveryAt = at;
      if (seq < this.warmupEdits) continue;
      const latency = at - this.sentAt[sender * this.maxEditsPerSender + seq];
      this.latencies.push(latency);
      if (this.serverOf && this.serverOf[sender] !== this.serverOf[receiver])
        this.crossLatencies.push(latency);
    }
  }

  sentBy(sender) {
    return Atomics.load(this.sentCount, sender);
  }

  get totalSent() {
    let total = 0;
    for (let sender = 0; sender < this.sentCount.length; sender++) total += this.sentBy(sender);
    return total;
  }

  /** Deliveries owed to `receivers` (client indexes): every edit to every client except its sender. */
  expectedBy(receivers) {
    const total = this.totalSent;
    let expected = 0;
    for (const receiver of receivers)
      expected += total - (receiver < this.sentCount.length ? this.sentBy(receiver) : 0);
    return expected;
  }
}
