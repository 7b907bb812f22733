import type { Server } from "node:http";
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
import { startPolling } from "./bot/polling.ts";
import { connectToTelegram } from "./bot/connect.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { checkEvictionPolicy } from "./redis/eviction-policy.ts";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.ts";
import { createServices } from "./features/services.ts";
import { createQueue, type OrtakQueue } from "../jobs/queue.ts";
import { heartbeatProcessor, retentionProcessor, scheduleHousekeeping, scheduleRetention } from "../jobs/housekeeping.ts";
import { Api } from "grammy";
import { QueueOutboxTransport } from "../jobs/outbox.ts";
import { markUnreachableOn403 } from "./bot/transformers.ts";
import { startDelivery } from "./features/delivery.ts";
import { SendBudget } from "./outbox/budget.ts";
import type { OutboxReconciler } from "./outbox/reconcile.ts";

export interface RunningOrtak {
  ortak: OrtakBot;
  db: Database;
  redis: Redis;
  queue: OrtakQueue;
  /** Stops intake, lets running handlers and jobs finish, then closes everything in order. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Aborted when the process is asked to stop during start-up: what was opened is closed, then startOrtak rejects. */
  signal?: AbortSignal;
  /** Called once if the running bot can no longer take updates (Telegram: 401, 409); the caller stops it. */
  onFatal?: (error: Error) => void;
}

/** The composition root (used by main.ts, the tests and the benchmarks): lock → db → redis → queues → bot → workers → polling or webhook. */
export async function startOrtak(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningOrtak> {
  const signal = options.signal ?? new AbortController().signal;
  const onFatal = options.onFatal ?? ((error: Error) => logger.fatal({ err: error }, "ortak can no longer take updates"));
  const closers: { name: string; close: () => Promise<unknown> }[] = [];
  const closeAll = async () => {
    for (const { name, close } of closers.reverse()) {
      try {
        logger.debug(`closing ${name}`);
        await close();
      } catch (error) {
        logger.error({ err: error }, `error while closing ${name}`);
      }
    }
    closers.length = 0;
  };
  // Between steps: a stop asked for during start-up is honoured at the next one.
  const checkpoint = () => signal.throwIfAborted();
  try {
    // Before anything touches the data directory: a second process must not stop our Redis or open our database files.
    if (!config.databaseUrl || !config.redisUrl) {
      const lock = await lockDataDir(config.dataDir, "ortak");
      closers.push({ name: "data directory lock", close: () => lock.release() });
    }
    checkpoint();

    const db = await openDatabase(databaseTargetFor(config));
    closers.push({ name: "database", close: () => db.close() });
    logger.info({ database: db.kind }, "database ready");
    checkpoint();

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
    if (config.redisUrl) await checkEvictionPolicy(redis, logger);
    checkpoint();

    const bullConnection = { ...redisOptions, maxRetriesPerRequest: null };
    const queue = createQueue(bullConnection);
    closers.push({ name: "queue", close: () => queue.close() });
    await scheduleHousekeeping(queue);
    await scheduleRetention(queue);

    const translator = await Translator.load();
    const transport = new QueueOutboxTransport(queue, redis);
    const services = createServices(db.prisma, { transport, logger });
    // Closed before the queue: jobs of rows written last are handed over first.
    closers.push({ name: "outbox hand-over", close: () => services.outbox.handedOver() });
    // Telegram's budgets live in Redis: answers to people and the outbox of every process share them.
    const sendBudget = new SendBudget(redis);
    const ortak = createBot({ token: config.botToken, apiRoot: config.telegramApiRoot, translator, services, logger, sendBudget });
    await connectToTelegram(ortak.bot, { apiRoot: config.telegramApiRoot, logger, signal });
    logger.info({ botId: ortak.bot.botInfo.id, botUsername: ortak.bot.botInfo.username }, "connected to Telegram");
    checkpoint();

    // The delivery's own API: no automatic retries (a 429 delays the row, it never holds a worker),
    // and a call never outlasts a third of a claim, so a send and a pin fit inside one.
    const deliveryApi = new Api(config.botToken, { ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}), timeoutSeconds: Math.max(1, Math.floor(config.outbox.claimMs / 3000)) });
    deliveryApi.config.use(markUnreachableOn403(services.users, logger));
    const delivery = startDelivery({
      services,
      transport,
      api: deliveryApi,
      budget: sendBudget,
      translator,
      logger,
      connection: bullConnection,
      claimMs: config.outbox.claimMs,
      reconcileMs: config.outbox.reconcileMs,
      otherProcessors: {
        heartbeat: heartbeatProcessor(redis),
        retention: retentionProcessor((now) => services.privacy.applyRetention(now), services.clock),
      },
    });
    closers.push({ name: "outbox delivery", close: () => delivery.close() });
    // Members and chats that joined while the bot was down are planned for now.
    void services.reminders.replanAhead().catch((error: unknown) => logger.error({ err: error }, "could not re-plan the reminders of meetings ahead"));
    checkpoint();

    void publishCommandMenu(ortak.bot.api, ortak.commands, translator, logger);

    const stopIntake = config.mode.kind === "webhook"
      ? await startWebhook(config, ortak, redis, db, delivery.reconciler, logger)
      : await startPollingIntake(ortak, logger, onFatal);
    closers.push({ name: "update intake", close: stopIntake });
    checkpoint();

    return { ortak, db, redis, queue, stop: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function startPollingIntake(ortak: OrtakBot, logger: Logger, onFatal: (error: Error) => void): Promise<() => Promise<void>> {
  // Keeps pending updates: anything sent while the bot was down is still handled.
  await ortak.bot.api.deleteWebhook();
  const polling = startPolling(ortak.bot, {
    allowedUpdates: ALLOWED_UPDATES,
    logger,
    onEnded: (ended) => {
      logger.error({ reason: ended.reason }, ended.message);
      onFatal(ended);
    },
  });
  logger.info("polling for updates");
  return async () => {
    await polling.stop();
    await ortak.inFlight.drain();
  };
}

async function startWebhook(config: Config, ortak: OrtakBot, redis: Redis, db: Database, outbox: OutboxReconciler, logger: Logger): Promise<() => Promise<void>> {
  if (config.mode.kind !== "webhook") throw new Error("not in webhook mode");
  const { url, secret, port } = config.mode;
  const server: Server = createWebhookServer({
    bot: ortak.bot,
    path: new URL(url).pathname,
    secret,
    redis,
    healthy: async () => {
      await Promise.all([db.ping(), redis.ping()]);
      const overdue = await outbox.overdue();
      if (overdue > 0) throw new Error(`${overdue} outbox messages overdue by more than 5 minutes`);
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
