import { Worker } from "bullmq";
import { MAIN_QUEUE } from "../../jobs/definitions.ts";
import type { DeliverPayload } from "../../jobs/outbox.ts";
import type { OutboxDelivery } from "../../src/outbox/delivery.ts";

/**
 * Takes the queue's due jobs on request and runs deliveries through the real processor, as the
 * worker would, but only when a test says so: tests stay deterministic, and a faked `Date`
 * decides what is due.
 */
export class OutboxByHand {
  private readonly worker: Worker;

  constructor(
    redisPath: string,
    private readonly delivery: OutboxDelivery,
    /** Resolves once the jobs of rows written so far are in the queue (they are handed over in the background). */
    private readonly handedOver: () => Promise<void>,
  ) {
    this.worker = new Worker(MAIN_QUEUE, null, { connection: { path: redisPath, maxRetriesPerRequest: null }, autorun: false });
  }

  /** Every job due now, and those they make due now, until none is left; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      await this.handedOver();
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
