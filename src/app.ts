import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { MAX_RECONCILE_SECONDS, type BotConfig, type BotMode, type BotTarget, type OutboxTiming, type QueueDashboardConfig } from "./config.ts";
import type { Logger } from "./logger.ts";
import { databaseTargetFor, openDatabase, type Database } from "./db/client.ts";
import { startPrivateRedis } from "./redis/private-server.ts";
import { redisOptionsFromUrl, type RedisEndpoint } from "./redis/connection.ts";
import { Translator } from "./bot/i18n.ts";
import { createBot, type OrtakBot } from "./bot/create-bot.ts";
import { publishCommandMenu } from "./bot/commands.ts";
import { webhookHandler } from "./bot/webhook.ts";
import { createHttpServer, QUEUE_DASHBOARD_PATH } from "./http/server.ts";
import { countTelegramErrors, createMetrics, type Metrics } from "./observability/metrics.ts";
import { startPolling } from "./bot/polling.ts";
import { connectToTelegram } from "./bot/connect.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { checkEvictionPolicy } from "./redis/eviction-policy.ts";
import { markDataset, watchForDataLoss } from "./redis/data-loss.ts";
import { ALLOWED_UPDATES } from "./bot/allowed-updates.ts";
import { createServices } from "./features/services.ts";
import { createQueue, type OrtakQueue } from "../jobs/queue.ts";
import { heartbeatProcessor, retentionProcessor, scheduleHousekeeping, scheduleRetention } from "../jobs/housekeeping.ts";
import { Api } from "grammy";
import { QueueOutboxTransport } from "../jobs/outbox.ts";
import { markUnreachableOn403 } from "./bot/transformers.ts";
import { createDelivery, startDelivery } from "./features/delivery.ts";
import { SendBudget, TELEGRAM_BUDGET, type BudgetSettings } from "./outbox/budget.ts";
import { OutboxReconciler } from "./outbox/reconcile.ts";
import { queuePriority } from "./outbox/kinds.ts";
import type { DeliveryResult, OutboxDelivery } from "./outbox/delivery.ts";
import type { Services } from "./features/services.ts";
import { CalendarFeeds } from "./features/calendar/feed.ts";
import { calendarFeedMount } from "./features/calendar/http.ts";

/** Another program (another ortak?) listens on PORT. */
export class HttpPortInUseError extends Error {
  constructor(port: number, cause: Error) {
    super(`the HTTP port ${port} is already in use (another ortak?): stop that program, or set PORT to a free port`, { cause });
    this.name = "HttpPortInUseError";
  }
}

/** What the application runs on: opened by its caller (startOrtak, a test, the playground), closed by it too. */
export interface AppParts {
  db: Database;
  redis: RedisEndpoint;
  telegram: BotTarget;
  logger: Logger;
  /** The app's clock (tests move it); Telegram's budgets always run on real time. */
  clock?: () => Date;
  /** Telegram's limits by default; false: no limits (tests against an emulator without them). */
  sendBudget?: BudgetSettings | false;
  outbox: OutboxTiming;
  /**
   * "workers": the queue's worker, housekeeping and the periodic reconcile run here; "none": other
   * processes deliver (ROLE=bot); "by-hand": a test takes due jobs itself.
   */
  delivery: "workers" | "none" | "by-hand";
  intake: Intake;
  /** The HTTP server: the webhook, the calendar feeds, /healthz, /readyz and /metrics; none without a port. */
  httpPort?: number;
  /** The one address it listens on (127.0.0.1); every interface when not given. */
  httpHost?: string;
  /** Where people's calendar apps reach the HTTP server (PUBLIC_URL); http://127.0.0.1:<the port it listens on> when not given. */
  publicUrl?: string;
  /** The queue dashboard on the HTTP server (QUEUE_DASHBOARD=on); nothing without a port. */
  queueDashboard?: QueueDashboardConfig;
  /** Aborted when the process is asked to stop during start-up: what was opened is closed, then the start rejects. */
  signal?: AbortSignal;
  /** Called once if the running bot can no longer take updates (Telegram: 401, 409); the caller stops it. */
  onFatal?: (error: Error) => void;
}

/** How updates come in; "none": a process that only delivers the outbox and runs housekeeping. */
export type Intake = { kind: "polling"; timeoutSeconds?: number } | Extract<BotMode, { kind: "webhook" }> | { kind: "none" };

/** The running application: the bot, its services and its delivery. */
export interface App {
  ortak: OrtakBot;
  services: Services;
  redis: Redis;
  queue: OrtakQueue;
  /** The outbox's delivery, as the queue's worker calls it. */
  delivery: OutboxDelivery;
  reconciler: OutboxReconciler;
  metrics: Metrics;
  /** Stops intake, lets running handlers and jobs finish, then closes what the app opened, in order. */
  stop(): Promise<void>;
}

export interface RunningOrtak extends App {
  db: Database;
}

export interface StartOptions {
  signal?: AbortSignal;
  onFatal?: (error: Error) => void;
}

/** ortak as a process runs it: lock → database → Redis (its own unless REDIS_URL) → the app. */
export async function startOrtak(config: BotConfig, logger: Logger, options: StartOptions = {}): Promise<RunningOrtak> {
  const infrastructure = new Closers(logger);
  try {
    // Before anything touches the data directory: a second process must not stop our Redis or open our database files.
    if (!config.databaseUrl || !config.redisUrl) {
      const lock = await lockDataDir(config.dataDir, "ortak");
      infrastructure.add("data directory lock", () => lock.release());
    }
    options.signal?.throwIfAborted();
    const db = await openDatabase(databaseTargetFor(config));
    infrastructure.add("database", () => db.close());
    logger.info({ database: db.kind }, "database ready");
    options.signal?.throwIfAborted();

    let redis: RedisEndpoint;
    if (config.redisUrl) {
      redis = redisOptionsFromUrl(config.redisUrl);
    } else {
      const privateRedis = await startPrivateRedis({ dataDir: config.dataDir, logger });
      infrastructure.add("redis-server", () => privateRedis.stop());
      redis = { path: privateRedis.socketPath };
    }
    const app = await buildApp({
      db,
      redis,
      telegram: config.telegram,
      logger,
      outbox: config.outbox,
      delivery: config.role === "bot" ? "none" : "workers",
      intake: config.role === "worker" ? { kind: "none" } : config.mode,
      ...(config.httpPort !== undefined ? { httpPort: config.httpPort } : {}),
      ...(config.httpHost !== undefined ? { httpHost: config.httpHost } : {}),
      ...(config.publicUrl !== undefined ? { publicUrl: config.publicUrl } : {}),
      ...(config.queueDashboard ? { queueDashboard: config.queueDashboard } : {}),
      checkEviction: Boolean(config.redisUrl),
      ...options,
    });
    return {
      ...app,
      db,
      stop: async () => {
        await app.stop();
        await infrastructure.closeAll();
      },
    };
  } catch (error) {
    await infrastructure.closeAll();
    throw error;
  }
}

/** The composition root: Redis client → queue → services → bot → delivery → intake. */
export async function buildApp(parts: AppParts & { checkEviction?: boolean }): Promise<App> {
  const { logger, telegram } = parts;
  const signal = parts.signal ?? new AbortController().signal;
  const onFatal = parts.onFatal ?? ((error: Error) => logger.fatal({ err: error }, "ortak can no longer take updates"));
  const closers = new Closers(logger);
  // Between steps: a stop asked for during start-up is honoured at the next one.
  const checkpoint = () => signal.throwIfAborted();
  try {
    const redis = new Redis({ ...parts.redis, maxRetriesPerRequest: 3 });
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    closers.add("redis client", () => redis.quit());
    await redis.ping();
    if (parts.checkEviction) await checkEvictionPolicy(redis, logger);
    // Before anything of ours is in Redis: a loss from here on is noticed (src/redis/data-loss.ts).
    await markDataset(redis);
    checkpoint();

    const bullConnection = { ...parts.redis, maxRetriesPerRequest: null };
    const queue = createQueue(bullConnection);
    closers.add("queue", () => queue.close());
    // Upserted at start, and again after Redis lost its data (see the watch below).
    const scheduleJobs = async () => {
      await scheduleHousekeeping(queue);
      await scheduleRetention(queue);
    };
    if (parts.delivery === "workers") await scheduleJobs();

    const translator = await Translator.load();
    const clock = parts.clock;
    const transport = new QueueOutboxTransport(queue, redis, queuePriority, clock ? () => clock().getTime() : Date.now);
    // Rows due later get their jobs from the reconcile of a delivering process, whose interval
    // may differ from this one's: the longest any may have is the horizon.
    const services = createServices(parts.db.prisma, { transport, clock, logger, carryWithinMs: 2 * MAX_RECONCILE_SECONDS * 1000 });
    // The feeds' links start with the public address (without one: the HTTP server's, once it
    // listens, before any update is taken); /network shows organisers their network's feed.
    services.calendar.serveAt(parts.publicUrl);
    services.networks.useCalendarLinks(services.calendar);
    // Closed before the queue: jobs of rows written last are handed over first.
    // Bounded: with Redis gone for good the hand-over would wait for ever; its rows are in the
    // database, and the next start's reconcile carries them.
    closers.add("outbox hand-over", () => withinMs(HAND_OVER_AT_STOP_MS, () => services.outbox.handedOver()));
    // Before the hand-over: a newcomer's reminders being planned are written (or left to the next start).
    closers.add("newcomers' reminders", () => withinMs(HAND_OVER_AT_STOP_MS, () => services.arrivals.idle()));
    // Telegram's budgets live in Redis: answers to people and the outbox of every process share them.
    const sendBudget = new SendBudget(redis, parts.sendBudget === undefined ? TELEGRAM_BUDGET : parts.sendBudget);
    // Bounded: a database or Redis that does not answer is a scrape error, never a scrape that hangs.
    const metrics = createMetrics({
      outboxByStatus: () => withinMs(SCRAPE_SOURCE_MS, async () => Object.fromEntries((await parts.db.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } })).map((g) => [g.status, g._count._all]))),
      queueByState: () => withinMs(SCRAPE_SOURCE_MS, () => queue.getJobCounts()),
    });
    const ortak = createBot({ token: telegram.token, apiRoot: telegram.apiRoot, translator, services, logger, sendBudget, metrics });
    await connectToTelegram(ortak.bot, { apiRoot: telegram.apiRoot, logger, signal });
    logger.info({ botId: ortak.bot.botInfo.id, botUsername: ortak.bot.botInfo.username }, "connected to Telegram");
    checkpoint();

    // The delivery's own API: no automatic retries (a 429 delays the row, it never holds a worker),
    // and a call never outlasts a third of a claim, so a send and a pin fit inside one.
    const deliveryApi = new Api(telegram.token, { ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}), timeoutSeconds: Math.max(1, Math.floor(parts.outbox.claimMs / 3000)) });
    deliveryApi.config.use(countTelegramErrors(metrics));
    deliveryApi.config.use(markUnreachableOn403(services.users, logger));
    const observe = (kind: string, result: DeliveryResult) => metrics.outboxDelivered(kind, result);
    const deliveryOptions = { services, transport, api: deliveryApi, budget: sendBudget, translator, logger, claimMs: parts.outbox.claimMs, observe };
    let delivery: OutboxDelivery;
    let reconciler: OutboxReconciler;
    if (parts.delivery === "workers") {
      const running = startDelivery({
        ...deliveryOptions,
        connection: bullConnection,
        reconcileMs: parts.outbox.reconcileMs,
        otherProcessors: {
          heartbeat: heartbeatProcessor(redis),
          retention: retentionProcessor((now) => services.privacy.applyRetention(now), services.clock),
        },
      });
      closers.add("outbox delivery", () => running.close());
      ({ delivery, reconciler } = running);
      const rebuilt = reconciler;
      const watch = watchForDataLoss(redis, {
        everyMs: DATA_LOSS_CHECK_MS,
        logger,
        recover: async () => {
          await scheduleJobs();
          return rebuilt.reconcile();
        },
      });
      closers.add("Redis data-loss watch", () => watch.stop());
    } else {
      delivery = createDelivery(deliveryOptions);
      reconciler = new OutboxReconciler({ prisma: services.prisma, transport, clock: services.clock, logger, claimMs: parts.outbox.claimMs, intervalMs: parts.outbox.reconcileMs });
    }
    // Members and chats that joined while the bot was down are planned for now.
    void services.reminders.replanAhead().catch((error: unknown) => logger.error({ err: error }, "could not re-plan the reminders of meetings ahead"));
    checkpoint();

    if (parts.intake.kind !== "none") void publishCommandMenu(ortak.bot.api, ortak.commands, translator, logger);
    const webhook = parts.intake.kind === "webhook" ? parts.intake : undefined;
    if (webhook && parts.httpPort === undefined) throw new Error("webhook mode needs an HTTP port");
    // Before polling, so it closes after it: the probes answer until the end of a stop.
    if (parts.httpPort !== undefined) {
      const stopping = { now: false };
      // Loaded only when on: a process without the dashboard never loads bull-board.
      const dashboard = parts.queueDashboard
        ? (await import("./http/queue-dashboard.ts")).queueDashboard({ queues: [queue], adminPassword: parts.queueDashboard.adminPassword })
        : undefined;
      const server = createHttpServer({
        ...(webhook ? { webhook: { path: new URL(webhook.url).pathname, handle: webhookHandler({ bot: ortak.bot, secret: webhook.secret, redis, logger }) } } : {}),
        ready: async () => {
          await Promise.all([parts.db.ping(), redis.ping()]);
          // Only where the outbox is delivered: a bot process is ready whether or not the workers keep up.
          if (parts.delivery !== "workers") return;
          const overdue = await reconciler.overdue();
          if (overdue > 0) throw new Error(`${overdue} outbox messages overdue by more than 5 minutes`);
        },
        metrics: () => metrics.render(),
        ...(dashboard ? { queueDashboard: dashboard } : {}),
        mounts: [calendarFeedMount(new CalendarFeeds({ calendar: services.calendar, translator, withholder: services.withholder, clock: services.clock }))],
        stopping: () => stopping.now,
        logger,
      });
      const listening = await listen(server, { port: parts.httpPort, host: parts.httpHost }, stopping, logger, webhook ? () => ortak.inFlight.drain() : undefined);
      closers.add("HTTP server", listening.close);
      if (parts.publicUrl === undefined) services.calendar.serveAt(`http://127.0.0.1:${listening.port}`);
      if (dashboard) logger.info({ path: QUEUE_DASHBOARD_PATH }, "queue dashboard served (read-only; Basic authentication as admin)");
      if (webhook) {
        await ortak.bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
        logger.info({ port: parts.httpPort, url: webhook.url }, "webhook listening");
      }
    }
    if (parts.queueDashboard && parts.httpPort === undefined) logger.info("QUEUE_DASHBOARD=on, but this process has no HTTP server (PORT unset): the queue dashboard is served by those that have one");
    if (parts.intake.kind === "polling") closers.add("update intake", await startPollingIntake(ortak, parts.intake.timeoutSeconds, logger, onFatal));
    checkpoint();

    return { ortak, services, redis, queue, delivery, reconciler, metrics, stop: () => closers.closeAll() };
  } catch (error) {
    await closers.closeAll();
    throw error;
  }
}

const SCRAPE_SOURCE_MS = 2_000;
/** How long a stop waits for rows written last to reach the queue. */
const HAND_OVER_AT_STOP_MS = 10_000;
/** How often a delivering process looks whether Redis lost its data (besides at every reconnection). */
const DATA_LOSS_CHECK_MS = 5_000;

function withinMs<T>(ms: number, read: () => Promise<T>): Promise<T> {
  return Promise.race([read(), new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/** What was opened, closed in reverse order; a failing close is logged and the others still run. */
class Closers {
  private readonly closers: { name: string; close: () => Promise<unknown> }[] = [];

  constructor(private readonly logger: Logger) {}

  add(name: string, close: () => Promise<unknown>): void {
    this.closers.push({ name, close });
  }

  async closeAll(): Promise<void> {
    for (const { name, close } of this.closers.reverse()) {
      try {
        this.logger.debug(`closing ${name}`);
        await close();
      } catch (error) {
        this.logger.error({ err: error }, `error while closing ${name}`);
      }
    }
    this.closers.length = 0;
  }
}

async function startPollingIntake(ortak: OrtakBot, timeoutSeconds: number | undefined, logger: Logger, onFatal: (error: Error) => void): Promise<() => Promise<void>> {
  // Keeps pending updates: anything sent while the bot was down is still handled.
  await ortak.bot.api.deleteWebhook();
  const polling = startPolling(ortak.bot, {
    allowedUpdates: ALLOWED_UPDATES,
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
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

/**
 * Listens on `port`. The returned close stops taking requests: kept-alive connections are closed
 * once idle and told to close (a webhook request meanwhile gets 503: Telegram sends it again,
 * elsewhere); then the handlers of webhook updates in progress finish.
 */
async function listen(server: Server, { port, host }: { port: number; host: string | undefined }, stopping: { now: boolean }, logger: Logger, drain?: () => Promise<void>): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    // Now that every bot listens (PORT defaults to 8080), a taken port must name the setting.
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new HttpPortInUseError(port, error) : error));
    if (host === undefined) server.listen(port, resolve);
    else server.listen(port, host, resolve);
  });
  // PORT=0: the one the system chose.
  const bound = (server.address() as AddressInfo).port;
  logger.info({ port: bound, host: host ?? "every interface" }, "HTTP server listening (/healthz, /readyz, /metrics, /calendar/)");
  const close = async () => {
    stopping.now = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await drain?.();
  };
  return { port: bound, close };
}
