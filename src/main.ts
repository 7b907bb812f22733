import { pathToFileURL } from "node:url";
import { loadConfig, loadOrExit } from "./config.ts";
import { createLogger, secretsOf } from "./logger.ts";
import { createScrubber } from "./redaction.ts";
import { RedisUnavailableError } from "./redis/private-server.ts";
import { EvictionPolicyError } from "./redis/eviction-policy.ts";
import { MigrationError } from "./db/migrate.ts";
import { DatabaseUnreachableError } from "./db/client.ts";
import { DataDirLockedError } from "./data-dir-lock.ts";
import { TelegramRejectedError } from "./bot/connect.ts";
import { HttpPortInUseError, startOrtak, type StartOptions } from "./app.ts";
import { PlaygroundPortInUseError, startPlayground } from "./playground/playground.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";

interface Running {
  stop(): Promise<void>;
}

// Start-up failures a person can fix: one plain line on stderr, no stack.
const EXPLAINED = [RedisUnavailableError, MigrationError, DataDirLockedError, TelegramRejectedError, EvictionPolicyError, PlaygroundPortInUseError, DatabaseUnreachableError, HttpPortInUseError];

/**
 * The process: starts ortak and stops it in order on a signal, a fault (an unhandled rejection,
 * an uncaught exception) or Telegram ending polling. Whatever comes first, the embedded database
 * is closed and the private redis-server stopped before the process exits, also when the stop
 * comes during start-up; further signals do not cut that short.
 */
export async function main(): Promise<void> {
  // Once nobody reads our output (a closed terminal or pipe), every write fails with EPIPE; as an
  // uncaught error each would be logged, fail again, and spin.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  // `npm start` chooses by BOT_TOKEN; `--playground` (npm run playground) and `--bot` (services) insist.
  const expect = process.argv.includes("--playground") ? "playground" : process.argv.includes("--bot") ? "bot" : undefined;
  const config = loadOrExit("ortak", () => loadConfig(process.env, process.cwd(), { expect }));
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const scrub = createScrubber(secretsOf(config));
  const startAbort = new AbortController();
  let exitCode = 0;
  let stopping: Promise<void> | undefined;

  // Set below, before anything can call stop(): it awaits the start, whatever its outcome.
  let starting: Promise<Running | undefined> = Promise.resolve(undefined);
  const stop = (reason: string, code: number) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) {
      logger.warn({ reason }, "already stopping: waiting for the orderly stop to finish (the database is closed before exit)");
      return;
    }
    logger.info({ reason }, "shutting down");
    startAbort.abort(new Error(`stopped during start-up (${reason})`));
    stopping = (async () => {
      // An interrupted start closes what it opened before it rejects.
      const running = await starting.catch(() => undefined);
      await running?.stop();
      logger.info("stopped");
      process.exit(exitCode);
    })();
  };
  process.on("SIGINT", () => stop("SIGINT", 0));
  process.on("SIGTERM", () => stop("SIGTERM", 0));
  process.on("unhandledRejection", (reason) => {
    logger.fatal({ err: reason }, "unhandled promise rejection; stopping");
    stop("unhandled rejection", 1);
  });
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; stopping");
    stop("uncaught exception", 1);
  });

  starting = start(config, logger, { signal: startAbort.signal, onFatal: () => stop("Telegram ended polling", 1) });
  try {
    await starting;
  } catch (error) {
    // A stop asked for during start-up exits once start-up has closed what it opened.
    if (stopping) return;
    if (EXPLAINED.some((type) => error instanceof type)) {
      process.stderr.write(`ortak: ${scrub((error as Error).message)}\n`);
    } else {
      logger.fatal({ err: error }, "ortak could not start");
    }
    process.exit(1);
  }
  if (!stopping) logger.info("ortak is running; Ctrl-C stops it");
}

async function start(config: Config, logger: Logger, options: StartOptions): Promise<Running> {
  if (config.telegram.kind === "bot") return startOrtak({ ...config, telegram: config.telegram }, logger, options);
  const playground = await startPlayground(config, logger, options);
  process.stdout.write(
    `\nortak playground: ${playground.url}\n` +
      "No BOT_TOKEN is set, so nothing reaches Telegram: open the page and play every person of the demo world.\n" +
      "To run the bot on Telegram, set BOT_TOKEN (from @BotFather) and run npm start again.\n\n",
  );
  return playground;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
