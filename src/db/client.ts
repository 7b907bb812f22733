import { spawn } from "node:child_process";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations, type SqlSession } from "./migrate.ts";
import { withParsersFoldedIn } from "./pglite-parsers.ts";

export type { PrismaClient, Network, Organisation, Member, Meeting, MinutesEntry } from "./generated/client.ts";
export { Prisma } from "./generated/client.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: "pglite" | "postgres";
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | "memory" }
  | { kind: "postgres"; url: string };

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under the data directory. */
export function databaseTargetFor(storage: { dataDir: string; databaseUrl: string | undefined }): DatabaseTarget {
  return storage.databaseUrl ? { kind: "postgres", url: storage.databaseUrl } : { kind: "pglite", dataDir: path.join(storage.dataDir, "pglite") };
}

/**
 * Opens the database, applies pending migrations, and returns a connected Prisma client. Only the
 * driver in use is loaded: PGlite and its adapter, or pg and its.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  baselineWasmOnly();
  return target.kind === "pglite" ? openPglite(target.dataDir) : openPostgres(target.url);
}

/**
 * The WebAssembly here, PGlite's Postgres (9 MB of it) and Prisma's query compiler, runs as V8's
 * baseline (Liftoff) code and is not recompiled by the optimising compiler: the optimised copies
 * of hot functions cost about 60 MB resident at idle and more as a day's queries warm up others,
 * and the CPU to compile them, for queries that take milliseconds either way. V8 reads the flag
 * when it compiles a module, so it is set before the driver loads. It is process-wide: other
 * WebAssembly compiled later (Node's fetch parser) runs as baseline code too.
 */
function baselineWasmOnly(): void {
  v8.setFlagsFromString("--liftoff-only");
}

/**
 * Postgres settings for the embedded database, given at every start (they win over the data
 * directory's postgresql.conf, so databases created before these settings get them too).
 * PGlite's default shared_buffers, 128 MB, is all resident from the start (the buffer pool lives
 * in the WASM heap); ortak's database, catalogs included, is about 8 MB, and a page that is not in
 * the pool is one read from the operating system's file cache away.
 */
export const PGLITE_SETTINGS = ["shared_buffers=16MB"];

/** PGlite's create() options carrying PGLITE_SETTINGS (ortak's start, a backup). */
export const pgliteOptions = (PGlite: { defaultStartParams: string[] }) => ({
  startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])],
  // initdb writes them into the new postgresql.conf, and its bootstrap runs with them.
  initDbStartParams: PGLITE_SETTINGS.flatMap((setting) => ["-c", setting]),
});

async function openPglite(dataDir: string): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  let pglite: PGlite;
  if (dataDir === "memory") {
    pglite = await PGlite.create(pgliteOptions(PGlite));
  } else {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await createPgliteDataDir(dataDir);
    pglite = await PGlite.create(dataDir, pgliteOptions(PGlite));
  }
  try {
    await applyMigrations(pglite, MIGRATIONS_DIR);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(withParsersFoldedIn(pglite)) });
  return {
    prisma,
    kind: "pglite",
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// Run by `node --input-type=module -e` from this directory, so the import resolves as ours does.
const CREATE_DATA_DIR_SCRIPT = `
const [dataDir, settings] = [process.argv[1], JSON.parse(process.argv[2])];
const { PGlite } = await import("@electric-sql/pglite");
const pglite = await PGlite.create(dataDir, { initDbStartParams: settings.flatMap((setting) => ["-c", setting]), startParams: [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ["-c", setting])] });
await pglite.close();
`;

/**
 * A new embedded database is made by a short-lived node process. PGlite's initdb runs a second
 * Postgres with a 128 MB copy of its heap and passes the new data directory on as a tar: about
 * 600 MB at its peak, much of which would stay resident in this process long after. It is made
 * beside its final place and renamed into it, so a start cut short never leaves half a database.
 * A directory that exists with files but no database (left by an older ortak) PGlite completes itself.
 */
async function createPgliteDataDir(dataDir: string): Promise<void> {
  const existing = await readdir(dataDir).catch(() => undefined);
  if (existing && existing.length > 0) return;
  const parent = path.dirname(dataDir);
  const prefix = `${path.basename(dataDir)}.creating-`;
  for (const leftover of (await readdir(parent)).filter((name) => name.startsWith(prefix))) {
    await rm(path.join(parent, leftover), { recursive: true, force: true });
  }
  const draft = path.join(parent, `${prefix}${process.pid}`);
  try {
    await runNode(["--input-type=module", "-e", CREATE_DATA_DIR_SCRIPT, draft, JSON.stringify(PGLITE_SETTINGS)]);
    await rename(draft, dataDir);
  } catch (error) {
    await rm(draft, { recursive: true, force: true });
    throw new Error(`could not create the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
}

/**
 * Runs node with `args` here; rejects with the end of its stderr unless it exits with 0.
 * --liftoff-only: a one-off run needs no optimised WASM code, and compiling it would cost memory and time.
 */
function runNode(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ["--liftoff-only", ...args], { cwd: path.dirname(fileURLToPath(import.meta.url)), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`node exited with ${signal ?? `code ${code}`}: ${stderr.trim()}`))));
  });
}

// Any fixed number works; it only keeps two starting processes from migrating at once.
const MIGRATION_LOCK_KEY = 720_457_25;

/** PostgreSQL did not take the connection: one line naming DATABASE_URL, without its password. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, reason: string) {
    super(`DATABASE_URL: PostgreSQL at ${whereIn(url)} did not accept the connection (${reason}); check that the server runs, and the URL's host, port, user, password and database`);
    this.name = "DatabaseUnreachableError";
  }
}

function whereIn(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the given URL";
  }
}

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    // Postgres's own refusals (a wrong password, no such database) name what is wrong; a socket's say why it failed.
    throw new DatabaseUnreachableError(url, code && /^[0-9A-Z]{5}$/.test(code) ? `${code}: ${message ?? ""}`.trim() : (code ?? message ?? "no answer"));
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const session: SqlSession = {
      query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
      exec: (sql: string) => client.query(sql),
    };
    await applyMigrations(session, MIGRATIONS_DIR);
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    prisma,
    kind: "postgres",
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => prisma.$disconnect(),
  };
}
