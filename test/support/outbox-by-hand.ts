import { Worker } from "bullmq";
import { MAIN_QUEUE } from "../../jobs/definitions.ts";
import type { DeliverPayload } from "../../jobs/outbox.ts";
import type { OutboxDelivery } from "../../src/outbox/delivery.ts";
import type { App } from "../../src/app.ts";

/**
 * Takes the queue's due jobs on request and runs deliveries through the real processor, as the
 * worker would (after the reconcile, as time passing would run it), but only when a test says so:
 * tests stay deterministic, and a faked `Date` decides what is due.
 */
export class OutboxByHand {
  private readonly worker: Worker;

  private readonly delivery: OutboxDelivery;

  constructor(
    redisPath: string,
    private readonly app: Pick<App, "delivery" | "services" | "reconciler">,
  ) {
    this.delivery = app.delivery;
    this.worker = new Worker(MAIN_QUEUE, null, { connection: { path: redisPath, maxRetriesPerRequest: null }, autorun: false });
  }

  /** Every job due now, and those they make due now, until none is left; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    // As the periodic reconcile would by now: rows that came within its window get their jobs
    // (the outbox carries rows due later than that only then). A newcomer's reminders are
    // planned in the background: they are in the database before anything is taken.
    await this.app.services.arrivals.idle();
    await this.app.services.outbox.handedOver();
    await this.app.reconciler.reconcile();
    for (;;) {
      await this.app.services.outbox.handedOver();
      const job = await this.worker.getNextJob("by-hand", { block: false });
      if (!job) return ran;
      ran++;
      try {
        if (job.name === "deliver") await this.delivery.deliver(job.data as DeliverPayload);
      } finally {
        await job.moveToCompleted("done", "by-hand", false);
      }
    }
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
