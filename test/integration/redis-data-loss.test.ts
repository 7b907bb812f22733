import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { silentLogger } from "../../src/logger.ts";
import { DATASET_MARK_KEY, RECOVERING_KEY, markDataset, watchForDataLoss } from "../../src/redis/data-loss.ts";
import { startTestRedis, type TestRedis } from "../support/harness.ts";

let server: TestRedis;
beforeAll(async () => {
  server = await startTestRedis();
});
afterAll(async () => {
  await server?.remove();
});

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("noticing a Redis that lost its data", () => {
  it("three processes watching one Redis: a FLUSHALL is recovered from once, a restart without its data once more", async () => {
    const clients = [0, 1, 2].map(() => new Redis({ path: server.socketPath, maxRetriesPerRequest: 3 }).on("error", () => undefined));
    let recoveries = 0;
    await markDataset(clients[0]!);
    const watches = clients.map((redis) => watchForDataLoss(redis, { everyMs: 50, logger: silentLogger, recover: async () => void recoveries++ }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(recoveries).toBe(0);

      await clients[0]!.flushall();
      await until(() => recoveries === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(recoveries).toBe(1);
      expect(await clients[1]!.get(DATASET_MARK_KEY)).not.toBeNull();

      await server.killAndRestartEmpty(100);
      await until(() => recoveries === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(recoveries).toBe(2);
    } finally {
      for (const watch of watches) await watch.stop();
      for (const client of clients) client.disconnect();
    }
  });

  it("a recovery that fails is tried again at the next look", async () => {
    const redis = new Redis({ path: server.socketPath, maxRetriesPerRequest: 3 });
    let tries = 0;
    await markDataset(redis);
    const watch = watchForDataLoss(redis, {
      everyMs: 50,
      logger: silentLogger,
      recover: async () => {
        tries++;
        if (tries === 1) throw new Error("database away");
      },
    });
    try {
      await redis.flushall();
      await until(() => tries === 2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(tries).toBe(2);
      // Put back only once the rebuild succeeded; the lock is given up.
      expect(await redis.get(DATASET_MARK_KEY)).not.toBeNull();
      expect(await redis.exists(RECOVERING_KEY)).toBe(0);
    } finally {
      await watch.stop();
      redis.disconnect();
    }
  });

  it("a process that dies while rebuilding leaves the mark missing: once its lock expires, another rebuilds", async () => {
    const redis = new Redis({ path: server.socketPath, maxRetriesPerRequest: 3 });
    await markDataset(redis);
    await redis.flushall();
    // As a process that took the lock and was killed before it finished.
    await redis.set(RECOVERING_KEY, "a dead process", "PX", 300);
    let recoveries = 0;
    const watch = watchForDataLoss(redis, { everyMs: 50, logger: silentLogger, recover: async () => void recoveries++ });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(recoveries).toBe(0);
      await until(() => recoveries === 1);
      expect(await redis.get(DATASET_MARK_KEY)).not.toBeNull();
    } finally {
      await watch.stop();
      redis.disconnect();
    }
  });
});
