import type { PGlite } from "@electric-sql/pglite";

interface Entry {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

// ReadyForQuery: 'Z', length 5, then the transaction status ('I' idle, 'T' in a transaction,
// 'E' in a failed transaction).
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/**
 * Runs the protocol messages of many client connections on PGlite's single session, one
 * connection at a time. It replaces pglite-socket's own queue, which hands the session to
 * another connection between the messages of one extended-protocol query (Parse, Bind,
 * Execute, Sync) whenever no transaction is open. Two connections then share the unnamed
 * statement and portal: a query can fail with `portal "" does not exist`, or run with another
 * query's text and parameters and return someone else's rows.
 *
 * Here a connection keeps the session from its first message until the server answers
 * ReadyForQuery with the status idle: after a Sync or a simple query outside a transaction.
 * In between, messages of other connections wait. That is exactly how a PostgreSQL backend
 * behaves for its own client, so every connection sees a session of its own.
 */
export class PgliteSessionQueue {
  private readonly queue: Entry[] = [];
  private processing = false;
  /** The connection that holds the session: mid-query or inside a transaction. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** Called when a connection goes away: its waiting messages will never be answered. */
  clearQueueForHandler(handlerId: number): void {
    for (let index = this.queue.length - 1; index >= 0; index -= 1) {
      const entry = this.queue[index];
      if (entry?.handlerId !== handlerId) continue;
      this.queue.splice(index, 1);
      entry.reject(new Error("Connection closed"));
    }
  }

  /** Called when a connection goes away: it must not leave the session mid-transaction. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index =
          this.owner === null ? 0 : this.queue.findIndex((entry) => entry.handlerId === this.owner);
        // The owner's next message has not arrived yet; its arrival restarts processing.
        if (index === -1) break;
        const [entry] = this.queue.splice(index, 1);
        if (entry === undefined) break;
        await this.run(entry);
      }
    } finally {
      this.processing = false;
    }
  }

  private async run(entry: Entry): Promise<void> {
    let bytes = 0;
    let tail: Uint8Array = new Uint8Array(0);
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(entry.message, {
          onRawData: (data: Uint8Array) => {
            bytes += data.length;
            tail = lastBytes(tail, data, 6);
            entry.onData(data);
          },
        }),
      );
    } catch (error) {
      // The connection errors out and is detached, which releases the session.
      entry.reject(error);
      return;
    }
    const idle = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[5] === IDLE;
    this.owner = idle ? null : entry.handlerId;
    entry.resolve(bytes);
  }
}

function lastBytes(previous: Uint8Array, data: Uint8Array, count: number): Uint8Array {
  if (data.length >= count) return data.slice(data.length - count);
  const joined = new Uint8Array(previous.length + data.length);
  joined.set(previous);
  joined.set(data, previous.length);
  return joined.slice(Math.max(0, joined.length - count));
}
