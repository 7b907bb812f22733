import { afterAll, beforeAll, vi } from "vitest";
import type { OutboxDelivery } from "../../src/outbox/delivery.ts";
import { useScenario, type Scenario } from "./scenario.ts";

export interface JobsByHand {
  scenario: Scenario;
  /** The real delivery, as the worker would call it. */
  delivery: Pick<OutboxDelivery, "deliver">;
  /** Moves the app's clock and the faked `Date` that BullMQ reads together. */
  moveClockTo(iso: string): void;
  /** Takes every job due now, as a worker would, and runs it through the real delivery; returns how many ran. */
  runDueJobs(): Promise<number>;
}

/**
 * A scenario whose jobs nobody runs except the test: `Date` is faked (BullMQ's due times come
 * from it) and due jobs are taken on request. Never moves the clock under a running worker,
 * because there is none.
 */
export function useJobsByHand(start: string): JobsByHand {
  let now = new Date(start);
  const scenario = useScenario({ clock: () => now });
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
  });
  afterAll(() => {
    vi.useRealTimers();
  });
  return {
    scenario,
    delivery: { deliver: (payload) => scenario.running.delivery.deliver(payload) },
    moveClockTo(iso) {
      now = new Date(iso);
      vi.setSystemTime(now);
    },
    runDueJobs: () => scenario.deliver(),
  };
}
