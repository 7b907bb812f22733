import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * One process at a time per data directory: PGlite's files and the private redis-server's socket
 * cannot be shared, and a second process would stop the first one's Redis and open the same
 * database files (PGlite does not recover from that).
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `${dataDir} is in use by ${holder.program} (pid ${holder.pid}). Stop that process first (Ctrl-C in its terminal, or kill ${holder.pid}), or use another DATA_DIR.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface LockOwner {
  program: string;
  pid: number;
  /** Linux: the kernel's boot id and the process's start time, to tell a reused pid apart. */
  bootId?: string;
  startTicks?: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock if it is still ours. */
  release(): Promise<void>;
}

const LOCK_FILE = "ortak.lock";
// A process that dies while taking over a stale lock leaves this guard; after this long it is ignored.
const STALE_GUARD_MS = 10_000;

export async function lockDataDir(dataDir: string, program: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const { bootId, startTicks } = identityOf(process.pid);
  const me: LockOwner = { program, pid: process.pid, bootId, startTicks };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await createWith(lockPath, content)) return { path: lockPath, release: () => releaseIfOurs(lockPath, content) };
    const holder = await readOwner(lockPath);
    if (holder && isRunning(holder)) throw new DataDirLockedError(dataDir, holder);
    // Stale (its process is gone, e.g. after kill -9) or half-written: take it over, one taker at a time.
    if (await takeOver(lockPath, holder, content)) {
      return { path: lockPath, release: () => releaseIfOurs(lockPath, content) };
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

/** Creates the file with its whole content at once (a hard link fails if the name exists), so nobody reads it half-written. */
async function createWith(lockPath: string, content: string): Promise<boolean> {
  const temporary = `${lockPath}.${process.pid}`;
  await writeFile(temporary, content, { mode: 0o600 });
  try {
    await link(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function takeOver(lockPath: string, stale: LockOwner | undefined, content: string): Promise<boolean> {
  const guard = `${lockPath}.takeover`;
  try {
    await writeFile(guard, String(process.pid), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const age = Date.now() - ((await stat(guard).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > STALE_GUARD_MS) await rm(guard, { force: true });
    return false;
  }
  try {
    // Still the same stale lock? Another process may have taken it over just before the guard.
    const now = await readOwner(lockPath);
    if (JSON.stringify(now) !== JSON.stringify(stale)) return false;
    const temporary = `${lockPath}.${process.pid}`;
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, lockPath);
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

async function releaseIfOurs(lockPath: string, content: string): Promise<void> {
  const current = await readFile(lockPath, "utf8").catch(() => undefined);
  if (current === content) await rm(lockPath, { force: true });
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number" || !Number.isSafeInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return { program: typeof parsed.program === "string" ? parsed.program : "another process", pid: parsed.pid, bootId: parsed.bootId, startTicks: parsed.startTicks };
  } catch {
    return undefined;
  }
}

function isRunning(owner: LockOwner): boolean {
  // In a container the bot often gets the same small pid after a restart: our own pid is stale.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = identityOf(owner.pid);
  if (now.state === "Z") return false;
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return false;
  if (owner.startTicks && now.startTicks && owner.startTicks !== now.startTicks) return false;
  return true;
}

/** Where /proc exists (Linux): what tells this process apart from a later one with the same pid. */
function identityOf(pid: number): { bootId?: string; startTicks?: string; state?: string } {
  try {
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name start at field 3 (the state, Z for a zombie); the start time is field 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { bootId, startTicks: fields[19], state: fields[0] };
  } catch {
    return {};
  }
}
