import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { createBot, type OrtakBot } from "../../src/bot/create-bot.ts";
import { ALLOWED_UPDATES } from "../../src/bot/allowed-updates.ts";
import type { BudgetSettings } from "../../src/bot/outgoing-budget.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createServices, type Services } from "../../src/features/services.ts";
import type { UserService } from "../../src/features/users/service.ts";
import { silentLogger, type Logger } from "../../src/logger.ts";
import { startPrivateRedis, type PrivateRedis } from "../../src/redis/private-server.ts";
import type { TelegramEmulator } from "../../src/telegram-emulator/index.ts";
import { createQueue, type OrtakQueue } from "../../jobs/queue.ts";
import { QueueReminderTransport } from "../../jobs/reminders.ts";

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
  stop(): Promise<void>;
}

/** ortak's bot in this process, polling the emulator over HTTP as it would poll Telegram. */
export async function startInProcessBot(
  emulator: TelegramEmulator,
  db: Database,
  queue: OrtakQueue,
  options: { logger?: Logger; clock?: () => Date; budget?: BudgetSettings } = {},
): Promise<InProcessBot> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock;
  const transport = new QueueReminderTransport(queue, clock ? () => clock().getTime() : Date.now);
  const services = createServices(db.prisma, { transport, clock, logger });
  const users = services.users;
  const ortak = createBot({ token: emulator.token, apiRoot: emulator.apiRoot, translator: await Translator.load(), services, logger, budget: options.budget });
  await ortak.bot.init();
  // As the composition root does after a start.
  await ortak.poster.resume();
  await ortak.publisher.resume(ortak.bot.api);
  const runner: RunnerHandle = run(ortak.bot, { runner: { fetch: { timeout: 1, allowed_updates: [...ALLOWED_UPDATES] } } });
  return {
    ortak,
    users,
    services,
    stop: async () => {
      await runner.stop();
      await ortak.inFlight.drain();
      await Promise.all([ortak.poster.stop(), ortak.refresher.stop()]);
    },
  };
}

/** A real redis-server and the BullMQ queue on it, for one test file. */
export async function startTestQueue(): Promise<{ queue: OrtakQueue; redis: Awaited<ReturnType<typeof startTestRedis>>; close: () => Promise<void> }> {
  const redis = await startTestRedis();
  const queue = createQueue({ path: redis.socketPath, maxRetriesPerRequest: null });
  return {
    queue,
    redis,
    close: async () => {
      await queue.close();
      await redis.remove();
    },
  };
}
