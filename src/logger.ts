import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger as PinoLogger } from "pino";
import { DASHBOARD_USER, type Config, type LogLevel } from "./config.ts";
import { createErrorSerializer, createScrubber, REDACTED } from "./redaction.ts";

export type Logger = PinoLogger;

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never be written: `secretsOf(config)`. */
  secrets: readonly (string | undefined)[];
  /** stdout unless given (tests collect lines in memory). */
  destination?: NodeJS.WritableStream;
}

// Fields that name a secret or carry what people wrote or who they are; logs use ids instead.
const REDACTED_PATHS = [
  "token",
  "botToken",
  "secret",
  "password",
  "text",
  "caption",
  "payload",
  "first_name",
  "last_name",
  "username",
  "*.token",
  "*.botToken",
  "*.secret",
  "*.password",
  "*.text",
  "*.caption",
  "*.payload",
  "*.first_name",
  "*.last_name",
  "*.username",
  "headers.authorization",
  'headers["x-telegram-bot-api-secret-token"]',
];

/**
 * What a log line is about, so that the lines of one update, one job or one meeting can be
 * found together. Ids and numbers only: never names, never texts.
 */
export interface LogFields {
  /** The Telegram update being handled. */
  update_id?: number;
  /** The BullMQ job being run (a delivery's job id is its outbox row's and time's). */
  job_id?: string;
  /** The job's kind: deliver, heartbeat, retention. */
  job?: string;
  /** The outbox row being delivered, and its kind. */
  outboxId?: number;
  kind?: string;
  /** The number of the meeting the work is about (per network, as people say it). */
  meeting?: number;
  /** The number of the date poll the work is about (per network, as /poll names it). */
  poll?: number;
}

const logContext = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with these fields on every line logged while it runs, by any logger made by
 * createLogger, also in services and API transformers that know nothing of it. Work that
 * already carries the same values is joined, not nested: a field added inside (the meeting an
 * update turned out to be about) is then seen by the error boundary outside as well.
 */
export function withLogFields<T>(fields: LogFields, work: () => T): T {
  const current = logContext.getStore();
  const same = current && (Object.keys(fields) as (keyof LogFields)[]).every((key) => current[key] === fields[key]);
  if (same) return work();
  return logContext.run({ ...current, ...fields }, work);
}

/** Runs `work` outside any update's or job's fields: shared work that several of them feed (a batch written for many). */
export function withoutLogFields<T>(work: () => T): T {
  return logContext.exit(work);
}

/** Adds fields to the work in progress, for the rest of it (nothing outside such work). */
export function addLogFields(fields: LogFields): void {
  const current = logContext.getStore();
  if (current) Object.assign(current, fields);
}

/**
 * The one way to make ortak's logger. Three layers keep secrets out: redacted field paths,
 * error serializers that keep only facts (class, message, frames, codes, causes) with secrets
 * scrubbed, and a scrub of every finished line before it is written, for whatever the first two
 * did not foresee.
 */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = createScrubber(options.secrets);
  const serializeError = createErrorSerializer(scrub);
  return pino(
    {
      level: options.level,
      base: { app: "ortak" },
      // A copy: pino merges the call's own fields into what this returns.
      mixin: () => ({ ...logContext.getStore() }),
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      serializers: { err: serializeError, error: serializeError, cause: serializeError },
      hooks: { streamWrite: scrub },
    },
    options.destination ?? process.stdout,
  );
}

/**
 * Everything in the configuration that must not be logged or printed: the token, the webhook
 * secret, passwords in URLs, the queue dashboard's password (and the Basic credentials made of it).
 */
export function secretsOf(config: Pick<Config, "telegram" | "mode" | "databaseUrl" | "redisUrl"> & Partial<Pick<Config, "queueDashboard">>): string[] {
  const secrets: string[] = config.telegram.kind === "bot" ? [config.telegram.token] : [];
  if (config.mode.kind === "webhook") secrets.push(config.mode.secret);
  const adminPassword = config.queueDashboard?.adminPassword;
  if (adminPassword) secrets.push(adminPassword, Buffer.from(`${DASHBOARD_USER}:${adminPassword}`, "utf8").toString("base64"));
  for (const url of [config.databaseUrl, config.redisUrl]) {
    const password = passwordIn(url);
    if (password) secrets.push(password, safeDecode(password));
  }
  return secrets;
}

function passwordIn(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).password || undefined;
  } catch {
    // Not a URL the WHATWG parser takes (config validated only the scheme): take user:pass@ by hand.
    return /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url)?.[1] || undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const silentLogger: Logger = pino({ level: "silent" });
