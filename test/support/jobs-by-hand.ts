import { Worker } from "bullmq";
import { Api } from "grammy";
import { afterAll, beforeAll, vi } from "vitest";
import { MAIN_QUEUE } from "../../jobs/definitions.ts";
import type { ReminderPayload } from "../../jobs/reminders.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { markUnreachableOn403 } from "../../src/bot/transformers.ts";
import { ReminderDelivery } from "../../src/features/reminders/delivery.ts";
import { silentLogger } from "../../src/logger.ts";
import { useScenario, type Scenario } from "./scenario.ts";

export interface JobsByHand {
  scenario: Scenario;
  /** The real delivery, as the worker would call it. */
  delivery: Pick<ReminderDelivery, "deliver" | "giveUp">;
  /** Moves the app's clock and the faked `Date` that BullMQ reads together. */
  moveClockTo(iso: string): void;
  /** Takes every job due now, as a worker would, and runs it through the real delivery. */
  runDueJobs(): Promise<string[]>;
}

/**
 * A scenario whose jobs nobody runs except the test: `Date` is faked (BullMQ's due times come
 * from it) and a worker without a processor hands out due jobs on request. Never moves the
 * clock under a running worker, because there is none.
 */
export function useJobsByHand(start: string): JobsByHand {
  let now = new Date(start);
  const scenario = useScenario({ clock: () => now });
  let worker: Worker;
  let delivery: ReminderDelivery;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    worker = new Worker(MAIN_QUEUE, null, { connection: { path: scenario.redisPath, maxRetriesPerRequest: null }, autorun: false });
    const api = new Api(scenario.emulator.token, { apiRoot: scenario.emulator.apiRoot });
    const { services } = scenario.running;
    api.config.use(markUnreachableOn403(services.users, silentLogger));
    delivery = new ReminderDelivery({
      prisma: services.prisma,
      reminders: services.reminders,
      rsvps: services.rsvps,
      api,
      translator: await Translator.load(),
      logger: silentLogger,
      onHostDeadline: (turnId) => scenario.running.ortak.hostNotifier.deadlinePassed(api, turnId),
    });
  });
  afterAll(async () => {
    await worker.close();
    vi.useRealTimers();
  });
  return {
    scenario,
    delivery: { deliver: (payload) => delivery.deliver(payload), giveUp: (payload, error) => delivery.giveUp(payload, error) },
    moveClockTo(iso) {
      now = new Date(iso);
      vi.setSystemTime(now);
    },
    async runDueJobs() {
      const ran: string[] = [];
      for (;;) {
        const job = await worker.getNextJob("test-token", { block: false });
        if (!job) return ran;
        ran.push(job.id!);
        if (job.name === "reminder") await delivery.deliver(job.data as ReminderPayload);
        await job.moveToCompleted("done", "test-token", false);
      }
    },
  };
}
