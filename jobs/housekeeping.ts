import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobPayloads } from "./definitions.ts";

export const HEARTBEAT_KEY = "ortak:heartbeat";
export const HEARTBEAT_EVERY_MS = 60_000;

/** A heartbeat every minute shows that jobs flow end to end (queue → worker → Redis). */
export async function scheduleHousekeeping(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    "heartbeat",
    { every: HEARTBEAT_EVERY_MS },
    { name: "heartbeat", data: {} satisfies JobPayloads["heartbeat"], opts: { removeOnComplete: 10, removeOnFail: 100 } },
  );
}

export function heartbeatProcessor(redis: Redis, now: () => number = Date.now) {
  return async (): Promise<number> => {
    const at = now();
    await redis.set(HEARTBEAT_KEY, String(at));
    return at;
  };
}

/** 03:30 in İzmir every night: quiet, and after any meeting of the day has ended. */
export const RETENTION_PATTERN = "30 3 * * *";
export const RETENTION_ZONE = "Europe/Istanbul";

/** The nightly retention run; a separate scheduler so start-up can upsert it as often as it runs. */
export async function scheduleRetention(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    "retention",
    { pattern: RETENTION_PATTERN, tz: RETENTION_ZONE },
    { name: "retention", data: {} satisfies JobPayloads["retention"], opts: { removeOnComplete: 30, removeOnFail: 100 } },
  );
}

/** Runs retention at the clock's "now"; the counts it returns are kept with the completed job. */
export function retentionProcessor(apply: (now: Date) => Promise<unknown>, clock: () => Date = () => new Date()) {
  return async (): Promise<unknown> => apply(clock());
}
