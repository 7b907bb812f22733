import { pathToFileURL } from "node:url";
import { loadConfig, loadOrExit } from "./config.ts";
import { createLogger, secretsOf } from "./logger.ts";
import { createScrubber } from "./redaction.ts";
import { RedisUnavailableError } from "./redis/private-server.ts";
import { MigrationError } from "./db/migrate.ts";
import { startOrtak, type RunningOrtak } from "./app.ts";

async function main(): Promise<void> {
  const config = loadOrExit("ortak", () => loadConfig(process.env));
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  let running: RunningOrtak;
  try {
    running = await startOrtak(config, logger);
  } catch (error) {
    if (error instanceof RedisUnavailableError || error instanceof MigrationError) {
      process.stderr.write(`ortak: ${createScrubber(secretsOf(config))(error.message)}\n`);
    } else {
      logger.fatal({ err: error }, "ortak could not start");
    }
    process.exit(1);
  }
  logger.info("ortak is running; Ctrl-C stops it");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn("second signal: exiting at once");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    await running.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
