import path from "node:path";
import { buildApp, type App } from "../../src/app.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { silentLogger } from "../../src/logger.ts";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { startTestRedis, tempDir } from "../support/harness.ts";
import { startTestPostgres } from "../support/postgres.ts";

export interface BenchApp {
  app: App;
  db: Database;
  close(): Promise<void>;
}

/**
 * ortak as `npm start` builds it (src/app.ts: Telegram's budgets in Redis, the outbox worker,
 * polling), on a fresh PGlite in a temporary directory (or a PostgreSQL server of its own) and its
 * own redis-server, against `emulator`.
 */
export async function startBenchApp(emulator: TelegramEmulator, options: { seeing?: (db: Database) => Database; database?: "pglite" | "postgres" } = {}): Promise<BenchApp> {
  const dir = await tempDir("ortak-bench-");
  const postgres = options.database === "postgres" ? await startTestPostgres() : undefined;
  const opened = await openDatabase(postgres ? { kind: "postgres", url: postgres.url } : { kind: "pglite", dataDir: path.join(dir.path, "pglite") });
  // What ortak is given may be a view of the database that counts its queries.
  const db = options.seeing?.(opened) ?? opened;
  const redis = await startTestRedis();
  const app = await buildApp({
    db,
    redis: { path: redis.socketPath },
    telegram: { kind: "bot", token: emulator.token, apiRoot: emulator.apiRoot },
    logger: silentLogger,
    outbox: { claimMs: 60_000, reconcileMs: 60_000 },
    delivery: "workers",
    intake: { kind: "polling", timeoutSeconds: 1 },
  });
  return {
    app,
    db,
    close: async () => {
      await app.stop();
      await opened.close();
      await postgres?.stop();
      await redis.remove();
      await dir.remove();
    },
  };
}

/** Resolves once `check` holds, polling every 100 ms; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
