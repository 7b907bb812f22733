import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { tempDir } from "../support/harness.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLIENT = pathToFileURL(path.join(ROOT, "src/db/client.ts")).href;

const sharedBuffers = async (db: Awaited<ReturnType<typeof openDatabase>>) =>
  (await db.prisma.$queryRawUnsafe<{ shared_buffers: string }[]>("SHOW shared_buffers"))[0]!.shared_buffers;

/** Opens (first creating) the embedded database in a fresh node process; its own memory in MiB. */
async function openInOwnProcess(dataDir: string): Promise<{ hwm: number; rss: number }> {
  const script = `
    const { readFileSync } = await import("node:fs");
    const { openDatabase } = await import(${JSON.stringify(CLIENT)});
    const db = await openDatabase({ kind: "pglite", dataDir: process.argv[1] });
    await db.prisma.telegramUser.count();
    const status = readFileSync("/proc/self/status", "utf8");
    const mib = (field) => Number(new RegExp(field + ":\\\\s+(\\\\d+)").exec(status)[1]) / 1024;
    console.log(JSON.stringify({ hwm: mib("VmHWM"), rss: mib("VmRSS") }));
    await db.close();`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dataDir], { cwd: ROOT });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { hwm: number; rss: number };
}

describe("the embedded database's memory", () => {
  it("is created by a helper process: the opening process never holds initdb's peak, and later opens stay as small", { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    try {
      const dataDir = path.join(dir.path, "pglite");
      // Measured on these machines: created in-process, about 800 MB at the peak and 750 MB kept;
      // with PGlite's default 128 MB buffer pool, about 330 MB at every later open.
      const first = await openInOwnProcess(dataDir);
      expect(first.hwm).toBeLessThan(300);
      const later = await openInOwnProcess(dataDir);
      expect(later.hwm).toBeLessThan(300);
    } finally {
      await dir.remove();
    }
  });

  it("runs with a small buffer pool, also in a data directory made by an older ortak with PGlite's default", { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    try {
      const dataDir = path.join(dir.path, "pglite");
      const fresh = await openDatabase({ kind: "pglite", dataDir });
      expect(await sharedBuffers(fresh)).toBe("16MB");
      await fresh.close();
      const conf = path.join(dataDir, "postgresql.conf");
      await writeFile(conf, (await readFile(conf, "utf8")).replace(/^shared_buffers = \S+/m, "shared_buffers = 128MB"));
      const older = await openDatabase({ kind: "pglite", dataDir });
      expect(await sharedBuffers(older)).toBe("16MB");
      await older.close();
      const memory = await openDatabase({ kind: "pglite", dataDir: "memory" });
      expect(await sharedBuffers(memory)).toBe("16MB");
      await memory.close();
    } finally {
      await dir.remove();
    }
  });

  it("is made beside its place and moved in whole: a draft left by an interrupted start is removed, a failed one leaves nothing", { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    try {
      const dataDir = path.join(dir.path, "pglite");
      await mkdir(path.join(dir.path, "pglite.creating-4242", "base"), { recursive: true });
      const db = await openDatabase({ kind: "pglite", dataDir });
      await db.close();
      expect(await readdir(dir.path)).toEqual(["pglite"]);
      expect(await readdir(dataDir)).toContain("PG_VERSION");

      // A file where the directory belongs: the database cannot be put there.
      const blocked = path.join(dir.path, "blocked");
      await writeFile(blocked, "not a directory");
      await expect(openDatabase({ kind: "pglite", dataDir: blocked })).rejects.toThrow(`could not create the embedded database in ${blocked}`);
      expect((await readdir(dir.path)).sort()).toEqual(["blocked", "pglite"]);
    } finally {
      await dir.remove();
    }
  });
});
