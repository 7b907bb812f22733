import type { ConnectionOptions, Worker } from "bullmq";
import type { Api } from "grammy";
import type { Processors } from "../../../jobs/definitions.ts";
import { createWorker } from "../../../jobs/queue.ts";
import { reminderProcessor, type ReminderPayload } from "../../../jobs/reminders.ts";
import { retentionProcessor } from "../../../jobs/housekeeping.ts";
import type { Translator } from "../../bot/i18n.ts";
import type { Logger } from "../../logger.ts";
import type { Services } from "../services.ts";
import { ReminderDelivery } from "./delivery.ts";

/**
 * 25 a second, under Telegram's 30/s for notifications. One per 40 ms rather than 25 per
 * second: BullMQ's limiter counts fixed windows, and two full windows back to back would put 50
 * messages inside one second.
 */
export const REMINDER_RATE = { max: 1, duration: 40 };

/**
 * The queue's worker: reminders at most 25 a second across the queue, a 429 pausing it, and a
 * reminder that failed every attempt recorded and told to the organisers; it also runs the
 * nightly retention job. `api` must not retry 429s by itself.
 */
export function createReminderWorker(
  connection: ConnectionOptions,
  deps: {
    services: Services;
    api: Api;
    translator: Translator;
    logger: Logger;
    otherProcessors?: Partial<Processors>;
    /** A host proposal's deadline passed. */
    onHostDeadline?: (turnId: number) => Promise<void>;
  },
): Worker {
  const { services, logger } = deps;
  const delivery = new ReminderDelivery({ prisma: services.prisma, reminders: services.reminders, rsvps: services.rsvps, api: deps.api, translator: deps.translator, logger, onHostDeadline: deps.onHostDeadline });
  const worker: Worker = createWorker(
    connection,
    {
      retention: retentionProcessor((now) => services.privacy.applyRetention(now), services.clock),
      ...deps.otherProcessors,
      reminder: reminderProcessor((payload) => delivery.deliver(payload), () => worker),
    },
    logger,
    { concurrency: 8, limiter: REMINDER_RATE },
  );
  worker.on("failed", (job, error) => {
    if (job?.name === "reminder" && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      void delivery.giveUp(job.data as ReminderPayload, error).catch((giveUpError: unknown) => logger.error({ err: giveUpError }, "could not record a failed reminder"));
    }
  });
  return worker;
}
