import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "../data-dir-lock.ts";
import { databaseTargetFor, pgliteOptions } from "./client.ts";

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
    // The embedded database's own settings (its small buffer pool), as ortak opens it.
    const pglite = await PGlite.create(target, pgliteOptions(PGlite));
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
