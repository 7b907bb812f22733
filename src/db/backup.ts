import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { loadOrExit, loadStorageConfig } from "../config.ts";
import { DataDirLockedError, lockDataDir } from "../data-dir-lock.ts";
import { databaseTargetFor } from "./client.ts";

/** Backing up or restoring cannot go ahead: one plain line. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * A consistent copy of the embedded database: taken under the data directory's lock, so never
 * while ortak runs on it. Redis is not copied: the database is the truth, and the outbox's
 * reconcile gives every due message its queue job again after a restore.
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const target = pgliteDirOf(dataDir);
  if (!existsSync(target)) throw new BackupError(`there is no embedded database in ${dataDir} to back up`);
  const lock = await lockDataDir(dataDir, "backup");
  try {
    const pglite = await PGlite.create(target);
    try {
      const dump = await pglite.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      await writeFile(file, bytes, { mode: 0o600 });
      return { bytes: bytes.length };
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
}

/** Restores a backup into a data directory without a database (move the old one aside first). */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  const target = pgliteDirOf(dataDir);
  // Checked under the lock: ortak must not start on the directory in between.
  const lock = await lockDataDir(dataDir, "restore");
  try {
    if (existsSync(target) && (await readdir(target)).length > 0) {
      throw new BackupError(`${target} already holds a database: move it aside first, then restore`);
    }
    const pglite = await PGlite.create(target, { loadDataDir: new Blob([await readFile(file)]) });
    await pglite.close();
  } finally {
    await lock.release();
  }
}

function pgliteDirOf(dataDir: string): string {
  const target = databaseTargetFor({ dataDir, databaseUrl: undefined });
  if (target.kind !== "pglite") throw new Error("not an embedded database");
  return target.dataDir;
}

// npm run backup [-- <file>] · npm run restore -- <file>
async function main(): Promise<void> {
  const [command, fileArg] = process.argv.slice(2);
  const storage = loadOrExit(command ?? "backup", () => loadStorageConfig(process.env));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => {
    process.stderr.write(`${command}: ${line}\n`);
    process.exit(1);
  };
  if (storage.databaseUrl) {
    fail('DATABASE_URL is set: back up PostgreSQL with pg_dump (pg_dump --format=custom "$DATABASE_URL" > ortak.dump) and restore with pg_restore');
  }
  try {
    if (command === "backup") {
      const file = path.resolve(fileArg ?? `ortak-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
      const { bytes } = await backupPglite(storage.dataDir, file);
      say(`backed up ${storage.dataDir} to ${file} (${bytes} bytes)`);
    } else if (command === "restore" && fileArg) {
      await restorePglite(storage.dataDir, path.resolve(fileArg));
      say(`restored ${fileArg} into ${storage.dataDir}; start ortak as usual`);
    } else {
      fail("usage: npm run backup [-- <file>] | npm run restore -- <file>");
    }
  } catch (error) {
    if (error instanceof BackupError || error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
