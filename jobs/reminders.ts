import { Worker, type Job } from "bullmq";
import type { OrtakQueue } from "./queue.ts";

/** A reminder's job: ids only; the ledger row is read again when it runs. */
export interface ReminderPayload {
  reminderId: number;
  /** The fire time this job was made for (ms): a job for an older time finds nothing to do. */
  fireAt: number;
}

export const REMINDER_ATTEMPTS = 5;

/** Deterministic per row and fire time: a moved reminder gets a new job, the old one does nothing. */
export function reminderJobId(reminder: { id: number; fireAt: Date }): string {
  return `r${reminder.id}-${reminder.fireAt.getTime()}`;
}

/** How the ledger reaches the queue; BullMQ in production and in tests alike. */
export interface ReminderTransport {
  /** Makes sure the row's job exists; true if it had to be (re)created. */
  ensure(reminder: { id: number; fireAt: Date }): Promise<boolean>;
  /** Jobs for rows that are new (so no job can exist yet), in one round trip. */
  addNew(reminders: readonly { id: number; fireAt: Date }[]): Promise<void>;
  remove(jobId: string): Promise<void>;
}

export class QueueReminderTransport implements ReminderTransport {
  constructor(
    private readonly queue: OrtakQueue,
    private readonly now: () => number = Date.now,
  ) {}

  async ensure(reminder: { id: number; fireAt: Date }): Promise<boolean> {
    const jobId = reminderJobId(reminder);
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== "completed" && state !== "failed") return false;
      // A finished job with this id would make the add below a silent no-op.
      await existing.remove().catch(() => undefined);
    }
    const job = this.job(reminder);
    await this.queue.add(job.name, job.data, job.opts);
    return true;
  }

  async addNew(reminders: readonly { id: number; fireAt: Date }[]): Promise<void> {
    if (reminders.length > 0) await this.queue.addBulk(reminders.map((r) => this.job(r)));
  }

  private job(reminder: { id: number; fireAt: Date }) {
    const data: ReminderPayload = { reminderId: reminder.id, fireAt: reminder.fireAt.getTime() };
    return {
      name: "reminder" as const,
      data,
      opts: {
        jobId: reminderJobId(reminder),
        delay: Math.max(0, reminder.fireAt.getTime() - this.now()),
        attempts: REMINDER_ATTEMPTS,
        backoff: { type: "exponential", delay: 5_000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    };
  }

  async remove(jobId: string): Promise<void> {
    // A job being processed right now is locked; it re-reads the ledger and will find nothing to do.
    await this.queue.remove(jobId).catch(() => undefined);
  }
}

export type DeliveryOutcome = { kind: "done" } | { kind: "wait"; retryAfterMs: number };

/**
 * Runs a reminder job. A 429 pauses the whole queue for Telegram's retry_after (the job goes
 * back without using an attempt); other errors are retried with backoff by BullMQ.
 */
export function reminderProcessor(deliver: (payload: ReminderPayload) => Promise<DeliveryOutcome>, worker: () => Worker) {
  return async (payload: ReminderPayload, _job: Job): Promise<string> => {
    const outcome = await deliver(payload);
    if (outcome.kind === "wait") {
      await worker().rateLimit(outcome.retryAfterMs);
      throw Worker.RateLimitError();
    }
    return "done";
  };
}
