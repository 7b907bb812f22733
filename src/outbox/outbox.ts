import { Prisma, type PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { ArmedRow, OutboxTransport, QueuedRow } from "../../jobs/outbox.ts";
import type { OutboxEntry, Tx } from "./types.ts";

/** Writes rows inside a transaction; what it armed is handed to the queue after the commit. */
export interface OutboxWriter {
  /** New rows; a row whose key exists already is left as it is (never sent twice). */
  write(entries: readonly OutboxEntry[]): Promise<void>;
  /**
   * An edit-like row: scheduled again (not before `notBefore`) unless it is still waiting, in
   * which case it will render what the database says when it runs anyway.
   */
  rearm(entry: OutboxEntry): Promise<void>;
  /** Scheduled rows matching `where` are withdrawn (a cancelled meeting's reminders). */
  withdraw(where: Prisma.OutboxMessageWhereInput, reason: string): Promise<number>;
  /** A scheduled row moves to another time (a rescheduled meeting's reminder). */
  move(id: number, notBefore: Date): Promise<void>;
  readonly tx: Tx;
}

/**
 * The one way a message other than a direct answer leaves ortak: a row written in the same
 * transaction as the change that causes it, carried by a BullMQ job afterwards. If handing the
 * job over fails (Redis down), the periodic reconcile gives the row its job.
 *
 * Only rows due within `carryWithinMs` get their job at once; the periodic reconcile gives the
 * others theirs as they come within its window. Redis then holds jobs for what is due soon, not
 * for every reminder planned weeks ahead (about 0.85 KB each: 500 MB for 600,000 rows).
 */
export class Outbox {
  constructor(
    private readonly prisma: PrismaClient,
    /** Where the rows' jobs go (BullMQ). */
    readonly transport: OutboxTransport,
    private readonly clock: () => Date,
    private readonly logger: Logger,
    /** How far ahead a row is carried at once; every row when not given. */
    private readonly carryWithinMs?: number,
  ) {}

  private readonly handing = new Set<Promise<void>>();

  /** Runs `work` in one transaction with a writer; after the commit the armed rows get their jobs. */
  async transaction<T>(work: (out: OutboxWriter) => Promise<T>): Promise<T> {
    const armed: ArmedRow[] = [];
    const withdrawn: QueuedRow[] = [];
    const result = await this.prisma.$transaction((tx) => work(this.writer(tx, armed, withdrawn)), { timeout: 30_000 });
    this.handOver(armed, withdrawn);
    return result;
  }

  /**
   * Hands rows armed by a writer to the queue (transaction() does this itself), in the
   * background: the caller answers its person at once. With Redis down the queue's client waits
   * for it to come back; the jobs are added then, or by the reconcile if the process stops first.
   */
  handOver(armed: readonly ArmedRow[], withdrawn: readonly QueuedRow[] = []): void {
    const horizon = this.carryWithinMs === undefined ? Infinity : this.clock().getTime() + this.carryWithinMs;
    const soon = armed.filter((row) => row.notBefore.getTime() <= horizon);
    if (soon.length === 0 && withdrawn.length === 0) return;
    const handing = (async () => {
      for (const row of withdrawn) await this.transport.remove(row);
      await this.transport.carry(soon);
    })()
      .catch((error: unknown) => this.logger.warn({ err: error, rows: soon.length }, "outbox rows written but not handed to the queue; the reconcile will"))
      .finally(() => this.handing.delete(handing));
    this.handing.add(handing);
  }

  /** Resolves when every hand-over started so far has ended (tests; a stop before the queue closes). */
  async handedOver(): Promise<void> {
    while (this.handing.size > 0) await Promise.all([...this.handing]);
  }

  /** A writer inside the transaction; `armed` and `withdrawn` are handed over after its commit. */
  private writer(tx: Tx, armed: ArmedRow[], withdrawn: QueuedRow[] = []): OutboxWriter {
    const now = () => this.clock();
    return {
      tx,
      async write(entries) {
        if (entries.length === 0) return;
        for (let i = 0; i < entries.length; i += 1000) {
          const created = await tx.outboxMessage.createManyAndReturn({
            data: entries.slice(i, i + 1000).map((entry) => ({ ...row(entry), notBefore: entry.notBefore ?? now() })),
            skipDuplicates: true,
            select: { id: true, notBefore: true, kind: true },
          });
          armed.push(...created);
        }
      },
      async rearm(entry) {
        const notBefore = entry.notBefore ?? now();
        const f = row(entry);
        const rows = await tx.$queryRaw<ArmedRow[]>(
          rearmStatement(Prisma.sql`VALUES (${f.dedupeKey}, ${f.kind}, ${f.networkId}, ${f.meetingId}, ${f.audience}, ${f.offsetMinutes}, ${JSON.stringify(f.payload)}::jsonb, ${notBefore})`),
        );
        armed.push(...rows);
      },
      async withdraw(where, reason) {
        // One statement: a row a delivery claims meanwhile is not reported as withdrawn.
        const rows = await tx.outboxMessage.updateManyAndReturn({ where: { ...where, status: "scheduled" }, data: { status: "cancelled", reason }, select: { id: true, notBefore: true } });
        withdrawn.push(...rows);
        return rows.length;
      },
      async move(id, notBefore) {
        const previous = await tx.outboxMessage.findUnique({ where: { id }, select: { id: true, notBefore: true, kind: true } });
        if (!previous) return;
        await tx.outboxMessage.update({ where: { id }, data: { notBefore, status: "scheduled", sentAt: null, claimedAt: null, reason: null, attempts: 0 } });
        withdrawn.push(previous);
        armed.push({ id, notBefore, kind: previous.kind });
      },
    };
  }
}

function row(entry: OutboxEntry) {
  return {
    dedupeKey: entry.dedupeKey,
    kind: entry.kind,
    networkId: entry.networkId,
    meetingId: entry.meetingId ?? null,
    audience: entry.audience,
    offsetMinutes: entry.offsetMinutes ?? 0,
    payload: entry.payload ?? {},
  };
}

/**
 * Re-arms edit-like rows, given as VALUES or a SELECT of (dedupeKey, kind, networkId, meetingId,
 * audience, offsetMinutes, payload, notBefore): a row still waiting is left as it is (it renders
 * what the database says when it runs); any other is scheduled again. Returns the rows armed, for
 * the queue. Usable inside a larger statement (a CTE), so a change and its re-arm are one write.
 */
export function rearmStatement(rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxMessage" ("dedupeKey", kind, "networkId", "meetingId", audience, "offsetMinutes", payload, "notBefore")
    ${rows}
    ON CONFLICT ("dedupeKey") DO UPDATE SET status = 'scheduled', "notBefore" = EXCLUDED."notBefore", payload = EXCLUDED.payload,
      attempts = 0, "claimedAt" = NULL, reason = NULL, "sentAt" = NULL
    WHERE "OutboxMessage".status <> 'scheduled'
    RETURNING id, "notBefore", kind`;
}
