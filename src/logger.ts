import { pino, type Logger as PinoLogger } from "pino";
import type { LogLevel } from "./config.ts";

export type Logger = PinoLogger;

export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { app: "ortak" } }, destination ?? process.stdout);
}

export const silentLogger: Logger = pino({ level: "silent" });
