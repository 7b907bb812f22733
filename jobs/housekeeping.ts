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
