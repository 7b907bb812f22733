import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations, type SqlSession } from "./migrate.ts";

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

/** Opens the database, applies pending migrations, and returns a connected Prisma client. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dataDir) : openPostgres(target.url);
}

async function openPglite(dataDir: string): Promise<Database> {
  let pglite: PGlite;
  if (dataDir === "memory") {
    pglite = await PGlite.create();
  } else {
    await mkdir(path.dirname(dataDir), { recursive: true });
    pglite = await PGlite.create(dataDir);
  }
  try {
    await applyMigrations(pglite, MIGRATIONS_DIR);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
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
