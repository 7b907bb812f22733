import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { OutboxTransport } from "../../jobs/outbox.ts";

export interface ReconcileDeps {
  prisma: PrismaClient;
  transport: OutboxTransport;
  clock: () => Date;
  logger: Logger;
  claimMs: number;
  /** How often it runs; rows due within two intervals are checked. */
  intervalMs: number;
}

/** Rows looked at per query of the reconcile. */
const RECONCILE_PAGE = 5_000;

/** Overdue by more than this, the outbox is unhealthy (/healthz answers 503). */
export const OVERDUE_MS = 5 * 60_000;

/**
 * The database is the truth, the queue only carries it: every row due soon has its job (also
 * after Redis lost its data while ortak ran), and a row claimed by a worker that died is
 * scheduled again. Idempotent, so any number of processes may run it at once.
 */
export class OutboxReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: ReconcileDeps) {}

  async reconcile(): Promise<{ reclaimed: number; repaired: number }> {
    const { prisma, clock } = this.deps;
    const now = clock().getTime();
    // A claim that outlived its time belongs to a worker that died mid-send: one more try is used,
    // so a message that kills its worker every time ends as failed instead of looping for ever.
    // Its time moves by a millisecond, which gives it a new job at once: the dead worker's job
    // may sit in Redis as active until BullMQ sees it stalled, and a job with that id would not
    // be added (that old job, when it runs, finds a time that is no longer the row's). Lateness
    // for the grace period of reminders still counts from the time planned.
    const reclaimed = await prisma.$queryRaw<{ id: number; notBefore: Date; kind: string }[]>`
      UPDATE "OutboxMessage"
      SET status = 'scheduled', "claimedAt" = NULL, attempts = attempts + 1, "notBefore" = "notBefore" + interval '1 millisecond'
      WHERE status = 'sending' AND "claimedAt" < ${new Date(now - this.deps.claimMs)}
      RETURNING id, "notBefore", kind`;
    // Page by page through the whole window (rows due later than a process's carry horizon get
    // their jobs only here): a large backlog does not keep later rows from theirs.
    const until = new Date(now + 2 * this.deps.intervalMs);
    let repaired = 0;
    let after: { notBefore: Date; id: number } | undefined;
    for (;;) {
      const page = await prisma.outboxMessage.findMany({
        where: {
          status: "scheduled",
          notBefore: { lte: until },
          ...(after ? { OR: [{ notBefore: { gt: after.notBefore } }, { notBefore: after.notBefore, id: { gt: after.id } }] } : {}),
        },
        select: { id: true, notBefore: true, kind: true },
        orderBy: [{ notBefore: "asc" }, { id: "asc" }],
        take: RECONCILE_PAGE,
      });
      repaired += await this.deps.transport.repair(page);
      if (page.length < RECONCILE_PAGE) break;
      after = page.at(-1)!;
    }
    if (repaired > 0 || reclaimed.length > 0) this.deps.logger.warn({ repaired, reclaimed: reclaimed.length }, "outbox reconciled with the queue");
    return { reclaimed: reclaimed.length, repaired };
  }

  /** Rows that should have gone out more than five minutes ago. */
  overdue(): Promise<number> {
    return this.deps.prisma.outboxMessage.count({ where: { status: { in: ["scheduled", "sending"] }, notBefore: { lt: new Date(this.deps.clock().getTime() - OVERDUE_MS) } } });
  }

  start(): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.reconcile()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, "outbox reconcile failed; trying again at the next interval"))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
