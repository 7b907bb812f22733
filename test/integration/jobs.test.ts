import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_KEY, heartbeatProcessor, scheduleHousekeeping } from "../../jobs/housekeeping.ts";
import { createQueue, createWorker, type OrtakQueue } from "../../jobs/queue.ts";
import { silentLogger } from "../../src/logger.ts";
import { startTestRedis } from "../support/harness.ts";

let redisServer: Awaited<ReturnType<typeof startTestRedis>>;
let redis: Redis;
let queue: OrtakQueue;

beforeAll(async () => {
  redisServer = await startTestRedis();
  redis = new Redis({ path: redisServer.socketPath });
  queue = createQueue({ path: redisServer.socketPath, maxRetriesPerRequest: null });
});
afterAll(async () => {
  await queue.close();
  redis.disconnect();
  await redisServer.remove();
});

describe("jobs on a real redis-server", () => {
  beforeEach(async () => {
    await queue.obliterate({ force: true });
  });

  it("schedules the heartbeat once however often start-up runs", async () => {
    await scheduleHousekeeping(queue);
    await scheduleHousekeeping(queue);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(["heartbeat"]);
    expect(await queue.getJobCounts("delayed", "waiting")).toSatisfy(
      (counts: Record<string, number>) => counts.delayed! + counts.waiting! === 1,
    );
  });

  it("a worker processes a heartbeat job and records it in Redis", async () => {
    const worker = createWorker({ path: redisServer.socketPath, maxRetriesPerRequest: null }, { heartbeat: heartbeatProcessor(redis, () => 1_795_000_000_000) }, silentLogger);
    try {
      await queue.add("heartbeat", {}, { jobId: "heartbeat-now" });
      // Pulled by hand, as later tests with a faked clock do.
      const job = await worker.getNextJob("test-token", { block: false });
      expect(job?.id).toBe("heartbeat-now");
      const result = await heartbeatProcessor(redis, () => 1_795_000_000_000)();
      await job!.moveToCompleted(result, "test-token", false);
      expect(await redis.get(HEARTBEAT_KEY)).toBe("1795000000000");
      expect(await queue.getJobState("heartbeat-now")).toBe("completed");
    } finally {
      await worker.close();
    }
  });

  it("a running worker dispatches by job name, fails a kind it has no processor for, and drops kinds of earlier versions", async () => {
    await redis.del(HEARTBEAT_KEY);
    const worker = createWorker({ path: redisServer.socketPath, maxRetriesPerRequest: null }, { heartbeat: heartbeatProcessor(redis, () => 7) }, silentLogger);
    const completed: { id: string; value: unknown }[] = [];
    worker.on("completed", (job, value) => completed.push({ id: job.id!, value }));
    const failed = new Promise<string>((resolve) => worker.on("failed", (_job, error) => resolve(error.message)));
    void worker.run();
    try {
      await queue.add("heartbeat", {}, { jobId: "heartbeat-run" });
      await vi.waitFor(() => expect(completed.map((c) => c.id)).toContain("heartbeat-run"));
      expect(await redis.get(HEARTBEAT_KEY)).toBe("7");
      // A reminder job queued by the version before the outbox: nothing to do, nothing failed.
      await (queue as unknown as { add: (name: string, data: object, opts: object) => Promise<unknown> }).add("reminder", { reminderId: 1, fireAt: 0 }, { jobId: "old-reminder" });
      await vi.waitFor(() => expect(completed).toContainEqual({ id: "old-reminder", value: "dropped" }));
      await queue.add("deliver", { id: 1, notBefore: 0 });
      expect(await failed).toMatch(/no processor for job kind "deliver"/);
    } finally {
      await worker.close();
    }
  });
});
