import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

/** Set once per Redis dataset; its absence means the data this process relied on is gone. */
export const DATASET_MARK_KEY = "ortak:dataset";

export interface DataLossWatch {
  stop(): void;
}

/**
 * Notices a Redis that lost its data while ortak runs (restarted without its append-only file, a
 * FLUSHALL, a new server behind the same address): a mark written at start is looked for at every
 * reconnection and every `everyMs`. When it is gone, the first process to put it back runs
 * `recover` (the queue's schedulers and jobs are rebuilt from the database); the others, finding
 * it back, do nothing, since one recovery rebuilds everything for all of them.
 */
export async function watchForDataLoss(redis: Redis, options: { everyMs: number; logger: Logger; recover: () => Promise<Record<string, unknown> | void> }): Promise<DataLossWatch> {
  const { logger } = options;
  const mark = randomUUID();
  await redis.set(DATASET_MARK_KEY, mark, "NX");
  let checking: Promise<void> | undefined;
  let stopped = false;
  const check = () => {
    if (checking || stopped) return;
    checking = (async () => {
      // NX: of all processes that see the mark missing, exactly one puts it back and recovers.
      const restored = await redis.set(DATASET_MARK_KEY, mark, "NX");
      if (restored !== "OK") return;
      logger.warn("Redis lost its data: rebuilding the queue's jobs and schedules from the database");
      let outcome: Record<string, unknown> | void;
      try {
        outcome = await options.recover();
      } catch (error) {
        // Taken away again, so the next check (here or in another process) tries once more.
        await redis.del(DATASET_MARK_KEY).catch(() => undefined);
        throw error;
      }
      logger.info({ ...outcome }, "queue rebuilt after Redis lost its data");
    })()
      .catch((error: unknown) => logger.error({ err: error }, "could not check Redis for lost data; trying again"))
      .finally(() => (checking = undefined));
  };
  redis.on("ready", check);
  const timer = setInterval(check, options.everyMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      redis.off("ready", check);
    },
  };
}
