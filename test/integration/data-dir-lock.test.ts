import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/data-dir-lock.ts";
import { tempDir } from "../support/harness.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir("ortak-lock-");
});
afterAll(() => dir.remove());
const lockFile = () => path.join(dir.path, "ortak.lock");

// Another live process, to stand for a running bot.
const others: ChildProcess[] = [];
function otherProcess(): ChildProcess {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  others.push(child);
  return child;
}
afterEach(async () => {
  for (const child of others.splice(0)) child.kill("SIGKILL");
  await rm(lockFile(), { force: true });
});

describe("the data directory's lock", () => {
  it("is refused while the process holding it runs, naming it and its pid", async () => {
    const holder = otherProcess();
    await writeFile(lockFile(), JSON.stringify({ program: "ortak", pid: holder.pid }));
    const refused = await lockDataDir(dir.path, "ortak").then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toBe(
      `${dir.path} is in use by ortak (pid ${holder.pid}). Stop that process first (Ctrl-C in its terminal, or kill ${holder.pid}), or use another DATA_DIR.`,
    );
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toEqual({ program: "ortak", pid: holder.pid });
  });

  it("is taken over from a process that is gone, and released by its new holder", async () => {
    const holder = otherProcess();
    const pid = holder.pid!;
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    await writeFile(lockFile(), JSON.stringify({ program: "ortak", pid }));
    const lock = await lockDataDir(dir.path, "seed");
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ program: "seed", pid: process.pid });
    await lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("is taken over when its pid now belongs to another process (a pid reused after a restart)", async () => {
    const unrelated = otherProcess();
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    await writeFile(lockFile(), JSON.stringify({ program: "ortak", pid: unrelated.pid, bootId, startTicks: "1" }));
    const lock = await lockDataDir(dir.path, "ortak");
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("is taken over when unreadable, and a release leaves another holder's lock alone", async () => {
    await writeFile(lockFile(), "not a lock");
    const lock = await lockDataDir(dir.path, "ortak");
    const holder = otherProcess();
    await writeFile(lockFile(), JSON.stringify({ program: "ortak", pid: holder.pid }));
    await lock.release();
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toEqual({ program: "ortak", pid: holder.pid });
  });

  it("goes to exactly one of several processes starting at once on a stale lock", async () => {
    await writeFile(lockFile(), JSON.stringify({ program: "ortak", pid: 999_999_999 }));
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const outcomes = await Promise.all(
      [0, 1, 2, 3].map(
        () =>
          new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "test/support/lock-racer.ts"), dir.path], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
            let out = "";
            child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
            child.once("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`racer exited with ${code}`))));
          }),
      ),
    );
    expect(outcomes.sort()).toEqual(["refused", "refused", "refused", "won"]);
  });
});
