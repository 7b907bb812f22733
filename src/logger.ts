import { pino, type Logger as PinoLogger } from "pino";
import type { Config, LogLevel } from "./config.ts";
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
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      serializers: { err: serializeError, error: serializeError, cause: serializeError },
      hooks: { streamWrite: scrub },
    },
    options.destination ?? process.stdout,
  );
}

/** Everything in the configuration that must not be logged or printed: the token, the webhook secret, passwords in URLs. */
export function secretsOf(config: Pick<Config, "telegram" | "mode" | "databaseUrl" | "redisUrl">): string[] {
  const secrets: string[] = config.telegram.kind === "bot" ? [config.telegram.token] : [];
  if (config.mode.kind === "webhook") secrets.push(config.mode.secret);
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
