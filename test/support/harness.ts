import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { createBot, type OrtakBot } from "../../src/bot/create-bot.ts";
import { ALLOWED_UPDATES } from "../../src/bot/allowed-updates.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createServices, type Services } from "../../src/features/services.ts";
import type { UserService } from "../../src/features/users/service.ts";
import { silentLogger, type Logger } from "../../src/logger.ts";
import { startPrivateRedis, type PrivateRedis } from "../../src/redis/private-server.ts";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { Api } from "grammy";
import { Redis } from "ioredis";
import { createQueue, type OrtakQueue } from "../../jobs/queue.ts";
import { QueueOutboxTransport, type OutboxTransport } from "../../jobs/outbox.ts";
import { markUnreachableOn403 } from "../../src/bot/transformers.ts";
import { SendBudget, TELEGRAM_BUDGET, type BudgetSettings as SendBudgetSettings } from "../../src/outbox/budget.ts";
import { createDelivery } from "../../src/features/delivery.ts";
import type { OutboxDelivery } from "../../src/outbox/delivery.ts";
import { OutboxByHand } from "./outbox-by-hand.ts";
import { OutboxReconciler } from "../../src/outbox/reconcile.ts";

export async function tempDir(prefix = "ortak-test-"): Promise<{ path: string; remove: () => Promise<void> }> {
  // Short paths: a unix socket path must stay under 108 bytes.
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A real redis-server owned by the test file, on a unix socket in a temporary directory. */
export async function startTestRedis(): Promise<PrivateRedis & { dir: string; remove: () => Promise<void> }> {
  const dir = await tempDir("ortak-r-");
  const server = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger });
  return {
    socketPath: server.socketPath,
    pid: server.pid,
    dir: dir.path,
    stop: server.stop,
    remove: async () => {
      await server.stop();
      await dir.remove();
    },
  };
}

export function openMemoryDatabase(): Promise<Database> {
  return openDatabase({ kind: "pglite", dataDir: "memory" });
}

export interface InProcessBot {
  ortak: OrtakBot;
  users: UserService;
  services: Services;
  /** The real delivery, as the queue's worker would call it. */
  delivery: OutboxDelivery;
  /** The periodic reconcile, run by hand: claims of 60 s, rows due within 2 minutes. */
  reconciler: OutboxReconciler;
  /** Runs every delivery job due now through the real delivery, as a worker would; returns how many ran. */
  deliverDue(): Promise<number>;
  stop(): Promise<void>;
}

/** A test queue: BullMQ on a real redis-server, and the outbox transport on it. */
export interface TestQueue {
  queue: OrtakQueue;
  transport: OutboxTransport;
  redisPath: string;
}

/** ortak's bot in this process, polling the emulator over HTTP as it would poll Telegram. */
export async function startInProcessBot(
  emulator: TelegramEmulator,
  db: Database,
  testQueue: TestQueue,
  options: { logger?: Logger; clock?: () => Date; sendBudget?: SendBudgetSettings | false } = {},
): Promise<InProcessBot> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock;
  const redis = new Redis({ path: testQueue.redisPath, maxRetriesPerRequest: 3 });
  const now = clock ? () => clock().getTime() : Date.now;
  const transport = new QueueOutboxTransport(testQueue.queue, redis, now);
  const services = createServices(db.prisma, { transport, clock, logger });
  const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  api.config.use(markUnreachableOn403(services.users, logger));
  const translator = await Translator.load();
  // Telegram's budgets run on real time, whatever the app's clock says; the bot and the delivery share one.
  const sendBudget = new SendBudget(redis, options.sendBudget === undefined ? TELEGRAM_BUDGET : options.sendBudget);
  const delivery = createDelivery({ services, transport, api, budget: sendBudget, translator, logger, claimMs: 60_000 });
  const byHand = new OutboxByHand(testQueue.redisPath, delivery, () => services.outbox.handedOver());
  const reconciler = new OutboxReconciler({ prisma: db.prisma, transport, clock: services.clock, logger, claimMs: 60_000, intervalMs: 60_000 });
  const users = services.users;
  const ortak = createBot({ token: emulator.token, apiRoot: emulator.apiRoot, translator, services, logger, sendBudget });
  await ortak.bot.init();
  const runner: RunnerHandle = run(ortak.bot, { runner: { fetch: { timeout: 1, allowed_updates: [...ALLOWED_UPDATES] } } });
  return {
    ortak,
    users,
    services,
    delivery,
    reconciler,
    deliverDue: () => byHand.runDue(),
    stop: async () => {
      await runner.stop();
      await ortak.inFlight.drain();
      await byHand.close();
      redis.disconnect();
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
    transport: new QueueOutboxTransport(queue, client),
    close: async () => {
      client.disconnect();
      await queue.close();
      await redis.remove();
    },
  };
}
