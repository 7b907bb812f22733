import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { BackupError, backupPglite, restorePglite } from "../../src/db/backup.ts";
import { DataDirLockedError } from "../../src/data-dir-lock.ts";
import { tempDir } from "../support/harness.ts";
import { spawnOrtak } from "../support/process.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
const original = () => path.join(dir.path, "original");
const copy = () => path.join(dir.path, "copy");
const file = () => path.join(dir.path, "ortak.tar.gz");

beforeAll(async () => {
  dir = await tempDir("ortak-backup-");
  const db = await openDatabase({ kind: "pglite", dataDir: path.join(original(), "pglite") });
  await db.prisma.network.create({ data: { name: "Yedeklenen Ağ", seriesTitle: "Yedeklenen Ağ", joinCode: "YEDEK001", nextMeetingNumber: 25 } });
  await db.close();
}, 60_000);
afterAll(async () => {
  await dir.remove();
});

describe("npm run backup and npm run restore (the embedded database)", () => {
  it("a backup restored into an empty data directory holds the same data, and ortak opens it", async () => {
    const { bytes } = await backupPglite(original(), file());
    expect(bytes).toBeGreaterThan(1000);
    await restorePglite(copy(), file());
    const db = await openDatabase({ kind: "pglite", dataDir: path.join(copy(), "pglite") });
    try {
      expect(await db.prisma.network.findMany({ select: { name: true, nextMeetingNumber: true } })).toEqual([{ name: "Yedeklenen Ağ", nextMeetingNumber: 25 }]);
    } finally {
      await db.close();
    }
  });

  it("refuses while ortak holds the data directory, and a restore over a database", async () => {
    // Another process holds the lock (as ortak does while it runs) for two seconds.
    const holder = spawnOrtak({}, "test/support/lock-racer.ts", [original()]);
    await holder.waitForLog("won");
    await expect(backupPglite(original(), path.join(dir.path, "refused.tar.gz"))).rejects.toBeInstanceOf(DataDirLockedError);
    expect(existsSync(path.join(dir.path, "refused.tar.gz"))).toBe(false);
    await holder.exited;
    await expect(restorePglite(copy(), file())).rejects.toThrow(BackupError);
    await expect(restorePglite(copy(), file())).rejects.toThrow(/already holds a database: move it aside first/);
  });

  it("says in one line what to use with PostgreSQL", async () => {
    const cli = spawnOrtak({ DATA_DIR: original(), DATABASE_URL: "postgres://ortak@127.0.0.1:1/ortak" }, "prisma/backup.ts", ["backup"]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toMatch(/^backup: DATABASE_URL is set: back up PostgreSQL with pg_dump/);
  });
});
