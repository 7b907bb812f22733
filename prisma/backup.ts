// npm run backup [-- <file>] · npm run restore -- <file>: a consistent copy of the embedded
// database, taken (or put back) while ortak is stopped; see src/db/backup.ts.
import path from "node:path";
import { loadOrExit, loadStorageConfig } from "../src/config.ts";
import { DataDirLockedError } from "../src/data-dir-lock.ts";
import { BackupError, backupPglite, restorePglite } from "../src/db/backup.ts";

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

await main();
