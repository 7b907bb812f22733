import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

/** Set once per Redis dataset; its absence means the data this process relied on is gone. */
export const DATASET_MARK_KEY = "ortak:dataset";
/** Held by the one process rebuilding after a loss; it expires, so a process that died meanwhile is replaced. */
export const RECOVERING_KEY = "ortak:dataset-recovering";
const RECOVERING_MS = 120_000;

export interface DataLossWatch {
  /** Stops looking; a recovery in progress is waited for. */
  stop(): Promise<void>;
}

/**
 * Marks the Redis dataset this process starts on, before it puts anything there (the queue's
 * schedules): data lost from then on is noticed by the watch.
 */
export async function markDataset(redis: Redis): Promise<void> {
  await redis.set(DATASET_MARK_KEY, randomUUID(), "NX");
}

/**
 * Notices a Redis that lost its data while ortak runs (restarted without its append-only file, a
 * FLUSHALL, a new server behind the same address): the mark is looked for at every reconnection
 * and every `everyMs`. When it is gone, one process (holding an expiring lock) runs `recover` —
 * the queue's schedules and jobs are rebuilt from the database — and puts the mark back only
 * once that succeeded; a process that dies meanwhile leaves the mark missing and the lock
 * expiring, so another one recovers.
 */
export function watchForDataLoss(redis: Redis, options: { everyMs: number; logger: Logger; recover: () => Promise<Record<string, unknown> | void> }): DataLossWatch {
  const { logger } = options;
  let checking: Promise<void> | undefined;
  let stopped = false;
  const check = () => {
    if (checking || stopped) return;
    checking = (async () => {
      if ((await redis.exists(DATASET_MARK_KEY)) === 1) return;
      const lock = randomUUID();
      if ((await redis.set(RECOVERING_KEY, lock, "PX", RECOVERING_MS, "NX")) !== "OK") return;
      try {
        // Looked at again under the lock: another process may have finished a recovery just now.
        if ((await redis.exists(DATASET_MARK_KEY)) === 1) return;
        logger.warn("Redis lost its data: rebuilding the queue's jobs and schedules from the database");
        const outcome = await options.recover();
        await redis.set(DATASET_MARK_KEY, randomUUID(), "NX");
        logger.info({ ...outcome }, "queue rebuilt after Redis lost its data");
      } finally {
        // Only our own lock: one that expired and was taken by another process is left to it.
        if ((await redis.get(RECOVERING_KEY).catch(() => null)) === lock) await redis.del(RECOVERING_KEY).catch(() => undefined);
      }
    })()
      .catch((error: unknown) => logger.error({ err: error }, "could not check Redis for lost data, or rebuild after it; trying again"))
      .finally(() => (checking = undefined));
  };
  redis.on("ready", check);
  const timer = setInterval(check, options.everyMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      redis.off("ready", check);
      await checking;
    },
  };
}
