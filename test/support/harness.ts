import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../src/db/client.ts";
import type { UserService } from "../../src/features/users/service.ts";
import { silentLogger, type Logger } from "../../src/logger.ts";
import { startPrivateRedis, type PrivateRedis } from "../../src/redis/private-server.ts";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { Redis } from "ioredis";
import { createQueue, type OrtakQueue } from "../../jobs/queue.ts";
import { QueueOutboxTransport, type OutboxTransport } from "../../jobs/outbox.ts";
import type { BudgetSettings as SendBudgetSettings } from "../../src/outbox/budget.ts";
import { queuePriority } from "../../src/outbox/kinds.ts";
import { buildApp, type App } from "../../src/app.ts";
import { OutboxByHand } from "./outbox-by-hand.ts";

export async function tempDir(prefix = "ortak-test-"): Promise<{ path: string; remove: () => Promise<void> }> {
  // Short paths: a unix socket path must stay under 108 bytes.
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A real redis-server owned by the test file, on a unix socket in a temporary directory. */
export interface TestRedis extends PrivateRedis {
  dir: string;
  /** kill -9, its files deleted (append-only file included), and after `downMs` a new, empty one on the same socket: a Redis that lost its data. */
  killAndRestartEmpty(downMs?: number): Promise<void>;
  remove(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const dir = await tempDir("ortak-r-");
  let server = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger, supervise: false });
  return {
    get socketPath() {
      return server.socketPath;
    },
    get pid() {
      return server.pid;
    },
    dir: dir.path,
    stop: () => server.stop(),
    killAndRestartEmpty: async (downMs = 0) => {
      process.kill(server.pid, "SIGKILL");
      const redisDir = path.join(dir.path, "redis");
      for (const entry of await readdir(redisDir)) await rm(path.join(redisDir, entry), { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger, supervise: false });
    },
    remove: async () => {
      await server.stop().catch(() => undefined);
      await dir.remove();
    },
  };
}

export function openMemoryDatabase(): Promise<Database> {
  return openDatabase({ kind: "pglite", dataDir: "memory" });
}

/** A test queue: BullMQ on a real redis-server, and the outbox transport on it. */
export interface TestQueue {
  queue: OrtakQueue;
  transport: OutboxTransport;
  redisPath: string;
}

export interface InProcessBot extends App {
  users: UserService;
  /** Runs every delivery job due now through the real delivery, as a worker would; returns how many ran. */
  deliverDue(): Promise<number>;
}

/**
 * ortak's application (src/app.ts) in this process, polling the emulator over HTTP as it would
 * poll Telegram; nothing takes the queue's jobs unless the test does (deliverDue), and the
 * periodic reconcile is run by hand too (claims of 60 s, rows due within 2 minutes).
 */
export async function startInProcessBot(
  emulator: TelegramEmulator,
  db: Database,
  testQueue: TestQueue,
  options: { logger?: Logger; clock?: () => Date; sendBudget?: SendBudgetSettings | false } = {},
): Promise<InProcessBot> {
  const app = await buildApp({
    db,
    redis: { path: testQueue.redisPath },
    telegram: { kind: "bot", token: emulator.token, apiRoot: emulator.apiRoot },
    logger: options.logger ?? silentLogger,
    clock: options.clock,
    sendBudget: options.sendBudget,
    outbox: { claimMs: 60_000, reconcileMs: 60_000 },
    delivery: "by-hand",
    intake: { kind: "polling", timeoutSeconds: 1 },
  });
  const byHand = new OutboxByHand(testQueue.redisPath, app);
  return {
    ...app,
    users: app.services.users,
    deliverDue: () => byHand.runDue(),
    stop: async () => {
      await app.stop();
      await byHand.close();
    },
  };
}

/** A real redis-server, the BullMQ queue on it and the outbox transport, for one test file. */
export async function startTestQueue(): Promise<TestQueue & { redis: Awaited<ReturnType<typeof startTestRedis>>; close: () => Promise<void> }> {
  const redis = await startTestRedis();
  const queue = createQueue({ path: redis.socketPath, maxRetriesPerRequest: null });
  const client = new Redis({ path: redis.socketPath, maxRetriesPerRequest: 3 });
  return {
    queue,
    redis,
    redisPath: redis.socketPath,
    transport: new QueueOutboxTransport(queue, client, queuePriority),
    close: async () => {
      client.disconnect();
      await queue.close();
      await redis.remove();
    },
  };
}
