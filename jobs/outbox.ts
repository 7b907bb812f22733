import type { Redis } from "ioredis";
import type { OrtakQueue } from "./queue.ts";

/** A delivery job: the row and the time it was armed for. The row is read again when it runs. */
export interface DeliverPayload {
  id: number;
  /** notBefore (ms) this job was made for: a job for an older time finds nothing to do. */
  notBefore: number;
}

/** Deterministic per row and time: re-arming makes a new job, writing it twice makes one. */
export function deliveryJobId(row: { id: number; notBefore: Date }): string {
  return `o${row.id}-${row.notBefore.getTime()}`;
}

/** A row with a job (or about to have one): its id and the time it is armed for. */
export type QueuedRow = { id: number; notBefore: Date };
/** A row being given its job: the kind decides the job's priority. */
export type ArmedRow = QueuedRow & { kind: string };

/** How outbox rows reach the queue; BullMQ in production and in tests alike. */
export interface OutboxTransport {
  /** Jobs for these rows; those that exist already are left as they are. */
  carry(rows: readonly ArmedRow[]): Promise<void>;
  /** Of these rows, those whose job is missing (Redis lost it, or adding it failed) get one. */
  repair(rows: readonly ArmedRow[]): Promise<number>;
  remove(row: QueuedRow): Promise<void>;
}

export class QueueOutboxTransport implements OutboxTransport {
  constructor(
    private readonly queue: OrtakQueue,
    /** A plain connection to the queue's Redis, to ask which jobs exist in one round trip. */
    private readonly redis: Redis,
    /** A kind's place behind the others when many are due at once (none: first). */
    private readonly priorityOf: (kind: string) => number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async carry(rows: readonly ArmedRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await this.queue.addBulk(rows.slice(i, i + 500).map((row) => this.job(row)));
  }

  async repair(rows: readonly ArmedRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const pipeline = this.redis.pipeline();
    for (const row of rows) pipeline.exists(this.queue.toKey(deliveryJobId(row)));
    const results = (await pipeline.exec()) ?? [];
    // An answer that is an error says nothing about the job: the repair fails and runs again.
    const failed = results.find(([error]) => error);
    if (failed || results.length !== rows.length) throw failed?.[0] ?? new Error("Redis did not answer every EXISTS of the repair");
    const missing = rows.filter((_, i) => results[i]![1] === 0);
    await this.carry(missing);
    return missing.length;
  }

  async remove(row: QueuedRow): Promise<void> {
    // A job running now is locked; it re-reads the row and finds nothing to do.
    await this.queue.remove(deliveryJobId(row)).catch(() => undefined);
  }

  private job(row: ArmedRow) {
    const data: DeliverPayload = { id: row.id, notBefore: row.notBefore.getTime() };
    const priority = this.priorityOf(row.kind);
    return {
      name: "deliver" as const,
      data,
      // Retries live in the row (attempts, notBefore); the job only wakes the delivery.
      opts: {
        jobId: deliveryJobId(row),
        delay: Math.max(0, row.notBefore.getTime() - this.now()),
        // BullMQ takes jobs without a priority before those with one.
        ...(priority === undefined ? {} : { priority }),
        removeOnComplete: true,
        removeOnFail: true,
      },
    };
  }
}
