import path from "node:path";
import { z } from "zod";

/** The one place that reads the environment. Everything else receives a Config. */
export interface Config {
  telegram: TelegramTarget;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: LogLevel;
  mode: BotMode;
  /** What this process does: everything, take updates only, or deliver the outbox and housekeeping only. */
  role: Role;
  /**
   * The HTTP server (webhook, calendar feeds, /healthz, /readyz, /metrics), on PORT or 8080: for a
   * bot process always, a worker only in webhook mode or with PORT, the playground only with PORT.
   * 0: any free port (tests), said in the log.
   */
  httpPort: number | undefined;
  /**
   * Where it listens: every interface (undefined), or 127.0.0.1 only for a polling bot given
   * neither PORT nor PUBLIC_URL, which serves its calendar feeds and metrics to this machine alone.
   */
  httpHost: "127.0.0.1" | undefined;
  /**
   * The address people's calendar apps reach this server at (PUBLIC_URL), without a trailing slash:
   * the feeds' links start with it. Unset: the app uses http://127.0.0.1:<the port it listens on>.
   */
  publicUrl: string | undefined;
  outbox: OutboxTiming;
  /** The BullMQ dashboard at /admin/queues of the HTTP server; undefined: not served (404). */
  queueDashboard: QueueDashboardConfig | undefined;
}

export interface QueueDashboardConfig {
  /** Basic auth as DASHBOARD_USER with this password. */
  adminPassword: string;
}

/** The one user name the queue dashboard accepts. */
export const DASHBOARD_USER = "admin";
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

export interface OutboxTiming {
  /** How long a delivery worker's claim on an outbox row lasts before another may take it. */
  claimMs: number;
  /** How often due rows without a queued job are given one. */
  reconcileMs: number;
}

/** Telegram itself (a token from BotFather), or, without a token, the playground's built-in emulator. */
export type TelegramTarget = BotTarget | { kind: "playground"; port: number };
export interface BotTarget {
  kind: "bot";
  token: string;
  /** Another Bot API server (a self-hosted one, the emulator); Telegram's when undefined. */
  apiRoot: string | undefined;
}

/** A configuration that talks to a Bot API server: what the application itself runs on. */
export type BotConfig = Omit<Config, "telegram"> & { telegram: BotTarget };

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export type BotMode =
  | { kind: "polling" }
  | { kind: "webhook"; url: string; secret: string };
export type Role = "all" | "bot" | "worker";

const DEFAULT_PORT = 8080;
/**
 * The longest reconcile interval any process may have. A process hands the queue at once the rows
 * due within two of these: whatever interval the delivering processes have, their reconcile then
 * sees every other row in time (it looks two of its own intervals ahead).
 */
export const MAX_RECONCILE_SECONDS = 600;

const PUBLIC_URL_PROBLEM = "PUBLIC_URL must be the http(s) address calendar apps reach ortak at, e.g. https://ortak.example.org (no ?query or #fragment)";

/** A base the feeds' paths can follow: no query, no fragment, no credentials. */
function isBaseUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.search === "" && url.hash === "" && url.username === "" && url.password === "";
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const optional = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

function wholeSeconds(name: string, min: number, max: number) {
  const range = `${name} must be a whole number of seconds from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range);
}

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "BOT_TOKEN does not look like a bot token (expected 123456:ABC…, as @BotFather gives it)")
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "TELEGRAM_API_ROOT must be an http(s) URL, e.g. http://127.0.0.1:8081" }).optional(),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^(rediss?|unix):\/\/.+/, "REDIS_URL must be a redis://, rediss:// or unix:// URL (leave it unset for the private redis-server)")
    .optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "BOT_MODE must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "WEBHOOK_URL must be an https URL that Telegram can reach" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "WEBHOOK_SECRET must be 1–256 characters of A–Z, a–z, 0–9, _ and -")
    .optional(),
  PORT: z.coerce
    .number({ error: "PORT must be a number from 1 to 65535 (or 0: any free port)" })
    .int("PORT must be a whole number")
    .min(0, "PORT must be from 1 to 65535 (or 0: any free port)")
    .max(65535, "PORT must be from 1 to 65535 (or 0: any free port)")
    .optional(),
  ROLE: z.enum(["all", "bot", "worker"], { error: "ROLE must be all, bot or worker" }).default("all"),
  PLAYGROUND_PORT: z.coerce
    .number({ error: "PLAYGROUND_PORT must be a number from 1 to 65535" })
    .int("PLAYGROUND_PORT must be a whole number")
    .min(1, "PLAYGROUND_PORT must be from 1 to 65535")
    .max(65535, "PLAYGROUND_PORT must be from 1 to 65535")
    .default(8090),
  OUTBOX_CLAIM_SECONDS: wholeSeconds("OUTBOX_CLAIM_SECONDS", 2, 600).default(60),
  OUTBOX_RECONCILE_SECONDS: wholeSeconds("OUTBOX_RECONCILE_SECONDS", 1, MAX_RECONCILE_SECONDS).default(60),
  QUEUE_DASHBOARD: z.enum(["on", "off"], { error: "QUEUE_DASHBOARD must be on or off" }).default("off"),
  ADMIN_PASSWORD: z.string().optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: PUBLIC_URL_PROBLEM })
    .refine((value) => isBaseUrl(value), PUBLIC_URL_PROBLEM)
    .optional(),
});

export interface LoadOptions {
  /**
   * `npm run playground` asks for the playground (refused with a BOT_TOKEN); `npm start -- --bot`,
   * as a service should run, for the bot (refused without one, rather than a demo nobody sees).
   */
  expect?: "bot" | "playground";
}

/** Without BOT_TOKEN, the playground; with it, the bot on Telegram. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd(), options: LoadOptions = {}): Config {
  const cleaned = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, optional(env[key])]));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const values = parsed.data;
  if (options.expect === "playground" && values.BOT_TOKEN) {
    throw new ConfigError(["the playground runs without Telegram, but BOT_TOKEN is set: unset BOT_TOKEN to try the playground, or use npm start to run the bot on Telegram"]);
  }
  if (options.expect === "bot" && !values.BOT_TOKEN) {
    throw new ConfigError(["BOT_TOKEN is missing: get a token from @BotFather and set BOT_TOKEN=123456:ABC… (without --bot, npm start runs the playground instead)"]);
  }
  if (!values.BOT_TOKEN && values.BOT_MODE === "webhook") {
    throw new ConfigError(["BOT_MODE=webhook needs BOT_TOKEN (get a token from @BotFather); without one, npm start runs the playground"]);
  }
  if (values.ROLE !== "all" && (!values.DATABASE_URL || !values.REDIS_URL)) {
    // Alone on the embedded defaults, a bot process would never send a card, and a worker would have nothing to send.
    throw new ConfigError([`ROLE=${values.ROLE} shares the work with other processes: it needs DATABASE_URL and REDIS_URL, the same for all of them (or ROLE=all, the default, in one process)`]);
  }
  const telegram: TelegramTarget = values.BOT_TOKEN
    ? { kind: "bot", token: values.BOT_TOKEN, apiRoot: values.TELEGRAM_API_ROOT?.replace(/\/+$/, "") }
    : { kind: "playground", port: values.PLAYGROUND_PORT };
  let mode: BotMode = { kind: "polling" };
  if (values.BOT_MODE === "webhook") {
    const problems: string[] = [];
    if (!values.WEBHOOK_URL) problems.push("WEBHOOK_URL is required when BOT_MODE=webhook");
    if (!values.WEBHOOK_SECRET) problems.push("WEBHOOK_SECRET is required when BOT_MODE=webhook");
    if (values.WEBHOOK_URL && !isHttpsOrLoopback(values.WEBHOOK_URL)) problems.push("WEBHOOK_URL must be an https URL (Telegram posts only to HTTPS); plain http is accepted on loopback only");
    if (problems.length > 0) throw new ConfigError(problems);
    mode = { kind: "webhook", url: values.WEBHOOK_URL!, secret: values.WEBHOOK_SECRET! };
  }
  const http = httpOf(telegram.kind, mode.kind, values.ROLE, values.PORT, values.PUBLIC_URL);
  return {
    telegram,
    dataDir: path.resolve(cwd, values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    logLevel: values.LOG_LEVEL,
    mode,
    role: values.ROLE,
    httpPort: http?.port,
    httpHost: http?.host,
    publicUrl: http === undefined ? undefined : values.PUBLIC_URL?.replace(/\/+$/, ""),
    outbox: { claimMs: values.OUTBOX_CLAIM_SECONDS * 1000, reconcileMs: values.OUTBOX_RECONCILE_SECONDS * 1000 },
    queueDashboard: queueDashboardOf(values.QUEUE_DASHBOARD, values.ADMIN_PASSWORD),
  };
}

/**
 * A bot process always serves HTTP (the calendar feeds need it). Told nothing about it, a polling
 * one listens on 127.0.0.1 only: /metrics and the feeds are not put on every interface unasked.
 * A worker has nothing to serve but probes: it listens when given PORT (or in webhook mode, as
 * before). The playground only with PORT, so trying it out never opens a port.
 */
function httpOf(target: TelegramTarget["kind"], mode: BotMode["kind"], role: Role, port: number | undefined, publicUrl: string | undefined): { port: number; host: "127.0.0.1" | undefined } | undefined {
  if (port !== undefined || mode === "webhook") return { port: port ?? DEFAULT_PORT, host: undefined };
  if (target === "playground" || role === "worker") return undefined;
  return { port: DEFAULT_PORT, host: publicUrl === undefined ? "127.0.0.1" : undefined };
}

function queueDashboardOf(setting: "on" | "off", adminPassword: string | undefined): QueueDashboardConfig | undefined {
  if (setting === "off") return undefined;
  // Never the value itself in the message: it is a secret even when it is too short.
  if (!adminPassword) throw new ConfigError([`QUEUE_DASHBOARD=on needs ADMIN_PASSWORD (at least ${MIN_ADMIN_PASSWORD_LENGTH} characters): the dashboard is served only behind a password`]);
  if ([...adminPassword].length < MIN_ADMIN_PASSWORD_LENGTH) throw new ConfigError([`ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters long (QUEUE_DASHBOARD=on)`]);
  return { adminPassword };
}

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
}

/** Only where the data lives: for tools (the demo seed) that need no bot token. */
export function loadStorageConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Pick<Config, "dataDir" | "databaseUrl"> {
  const storage = schema.pick({ DATA_DIR: true, DATABASE_URL: true });
  const parsed = storage.safeParse({ DATA_DIR: optional(env.DATA_DIR), DATABASE_URL: optional(env.DATABASE_URL) });
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  return { dataDir: path.resolve(cwd, parsed.data.DATA_DIR), databaseUrl: parsed.data.DATABASE_URL };
}

/** For process entry points: a bad configuration is one readable message and exit code 1. */
export function loadOrExit<T>(program: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${program}: ${error.message}\n`);
    process.exit(1);
  }
}
