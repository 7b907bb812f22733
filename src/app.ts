import type { Server } from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { Redis } from "ioredis";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import { databaseTargetFor, openDatabase, type Database } from "./db/client.ts";
import { startPrivateRedis, type PrivateRedis } from "./redis/private-server.ts";
import { redisOptionsFromUrl, type RedisEndpoint } from "./redis/connection.ts";
import { Translator } from "./bot/i18n.ts";
import { createBot, type OrtakBot } from "./bot/create-bot.ts";
import { publishCommandMenu } from "./bot/commands.ts";
import { createWebhookServer } from "./bot/webhook.ts";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.ts";
import { createServices } from "./features/services.ts";
import { createQueue, type OrtakQueue } from "../jobs/queue.ts";
import { heartbeatProcessor, scheduleHousekeeping, scheduleRetention } from "../jobs/housekeeping.ts";
import type { Worker } from "bullmq";
import { Api } from "grammy";
import { QueueReminderTransport } from "../jobs/reminders.ts";
import { markUnreachableOn403 } from "./bot/transformers.ts";
import { createReminderWorker } from "./features/reminders/worker.ts";
import type { Services } from "./features/services.ts";


export interface RunningOrtak {
  ortak: OrtakBot;
  db: Database;
  redis: Redis;
  queue: OrtakQueue;
  /** Stops intake, lets running handlers and jobs finish, then closes everything in order. */
  stop(): Promise<void>;
}

/** The composition root (used by main.ts, the tests and the benchmarks): config → db → redis → queues → bot → workers → polling or webhook. */
export async function startOrtak(config: Config, logger: Logger): Promise<RunningOrtak> {
  const closers: { name: string; close: () => Promise<unknown> }[] = [];
  const closeAll = async () => {
    for (const { name, close } of closers.reverse()) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error }, `error while closing ${name}`);
      }
    }
    closers.length = 0;
  };
  try {
    const db = await openDatabase(databaseTargetFor(config));
    closers.push({ name: "database", close: () => db.close() });
    logger.info({ database: db.kind }, "database ready");

    let privateRedis: PrivateRedis | undefined;
    if (!config.redisUrl) {
      privateRedis = await startPrivateRedis({ dataDir: config.dataDir, logger });
      closers.push({ name: "redis-server", close: () => privateRedis!.stop() });
    }
    const redisOptions: RedisEndpoint = config.redisUrl ? redisOptionsFromUrl(config.redisUrl) : { path: privateRedis!.socketPath };
    const redis = new Redis({ ...redisOptions, maxRetriesPerRequest: 3 });
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    closers.push({ name: "redis client", close: () => redis.quit() });
    await redis.ping();

    const bullConnection = { ...redisOptions, maxRetriesPerRequest: null };
    const queue = createQueue(bullConnection);
    closers.push({ name: "queue", close: () => queue.close() });
    await scheduleHousekeeping(queue);
    await scheduleRetention(queue);

    const translator = await Translator.load();
    const services = createServices(db.prisma, { transport: new QueueReminderTransport(queue), logger });
    const ortak = createBot({ token: config.botToken, apiRoot: config.telegramApiRoot, translator, services, logger });
    await ortak.bot.init();
    logger.info({ botId: ortak.bot.botInfo.id, botUsername: ortak.bot.botInfo.username }, "connected to Telegram");
    closers.push({ name: "invitation cards", close: () => Promise.all([ortak.poster.stop(), ortak.refresher.stop()]) });
    // Invitation DMs and minutes copies cut off by a stop, and cards whose last edit was pending, are finished now.
    void ortak.poster.resume().catch((error: unknown) => logger.error({ err: error }, "could not resume invitation cards"));
    void ortak.publisher.resume(ortak.bot.api).catch((error: unknown) => logger.error({ err: error }, "could not resume published minutes"));

    const worker = startWorker(bullConnection, redis, services, translator, config, logger, ortak);
    closers.push({ name: "worker", close: () => worker.close() });
    // The ledger is the truth: jobs Redis lost are restored, reminders missed while down are settled.
    const reconciled = await services.reminders.reconcile();
    logger.info(reconciled, "reminders reconciled with the queue");
    void worker.run();

    void publishCommandMenu(ortak.bot.api, ortak.commands, translator, logger);

    const stopIntake = config.mode.kind === "webhook"
      ? await startWebhook(config, ortak, redis, db, logger)
      : await startPolling(ortak, logger);
    closers.push({ name: "update intake", close: stopIntake });

    return { ortak, db, redis, queue, stop: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function startWorker(connection: RedisEndpoint & { maxRetriesPerRequest: null }, redis: Redis, services: Services, translator: Translator, config: Config, logger: Logger, ortak: OrtakBot): Worker {
  // Its own API without automatic retries: a 429 pauses the queue instead of a worker.
  const api = new Api(config.botToken, config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : undefined);
  api.config.use(markUnreachableOn403(services.users, logger));
  return createReminderWorker(connection, {
    services,
    api,
    translator,
    logger,
    otherProcessors: { heartbeat: heartbeatProcessor(redis) },
    onHostDeadline: (turnId) => ortak.hostNotifier.deadlinePassed(api, turnId),
  });
}

async function startPolling(ortak: OrtakBot, logger: Logger): Promise<() => Promise<void>> {
  // Keeps pending updates: anything sent while the bot was down is still handled.
  await ortak.bot.api.deleteWebhook();
  const runner: RunnerHandle = run(ortak.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info("polling for updates");
  return async () => {
    await runner.stop();
    await ortak.inFlight.drain();
    // Confirm what was handled, so a restart does not handle it again.
    const handled = ortak.inFlight.highestHandledUpdateId;
    if (handled > 0) {
      await ortak.bot.api.getUpdates({ offset: handled + 1, limit: 1, timeout: 0 }).catch((error: unknown) =>
        logger.warn({ err: error }, "could not confirm the last update offset"),
      );
    }
  };
}

async function startWebhook(config: Config, ortak: OrtakBot, redis: Redis, db: Database, logger: Logger): Promise<() => Promise<void>> {
  if (config.mode.kind !== "webhook") throw new Error("not in webhook mode");
  const { url, secret, port } = config.mode;
  const server: Server = createWebhookServer({
    bot: ortak.bot,
    path: new URL(url).pathname,
    secret,
    redis,
    healthy: async () => {
      await Promise.all([db.ping(), redis.ping()]);
    },
    logger,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  await ortak.bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ port, url }, "webhook listening");
  return async () => {
    // close() stops accepting connections and waits for requests in progress.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await ortak.inFlight.drain();
  };
}
