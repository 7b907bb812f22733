import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

export class RedisUnavailableError extends Error {}

export const REDIS_INSTALL_HINT =
  "Install it with `sudo apt-get install -y redis-server` (Debian/Ubuntu), or set REDIS_URL to an existing Redis.";

// A unix socket path longer than this is rejected by the kernel (sun_path is 108 bytes).
const MAX_SOCKET_PATH = 107;

export interface PrivateRedis {
  readonly socketPath: string;
  readonly pid: number;
  /** Asks redis-server to shut down (it flushes its append-only file) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface PrivateRedisOptions {
  dataDir: string;
  logger: Logger;
  binary?: string;
  readyTimeoutMs?: number;
  /**
   * Started again when it exits by itself (a crash, the OOM killer), on the same socket, with its
   * append-only file: without it ortak could not send or schedule anything until restarted.
   * Default true; tests that kill Redis on purpose turn it off.
   */
  supervise?: boolean;
}

/** Waits before a restart: 1 s, doubling up to 30 s; back to 1 s once a server stayed up a minute. */
const RESTART_DELAYS_MS = { first: 1_000, max: 30_000, stableAfter: 60_000 };

/**
 * Starts a redis-server owned by this process: unix socket only, data under dataDir, every write
 * in the append-only file fsynced each second, and no eviction, because BullMQ loses jobs when
 * Redis evicts keys.
 */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  const dir = path.join(options.dataDir, "redis");
  const socketPath = path.join(dir, "redis.sock");
  const pidFile = path.join(dir, "redis.pid");
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new RedisUnavailableError(
      `The data directory path is too long for a unix socket (${socketPath}). Use a shorter DATA_DIR or set REDIS_URL.`,
    );
  }
  await mkdir(dir, { recursive: true });
  await stopLeftover(socketPath, pidFile, options.logger);
  const { logger } = options;
  let server = await spawnRedis(options, dir, socketPath, pidFile);
  logger.info({ socketPath, pid: server.child.pid }, "private redis-server started");

  let stopping = false;
  let delayMs = RESTART_DELAYS_MS.first;
  let restartTimer: NodeJS.Timeout | undefined;
  // A restart under way: a stop waits for it, then stops what it started.
  let restarting: Promise<void> | undefined;
  const later = (restart: () => Promise<void>) => {
    if (stopping) return;
    restartTimer = setTimeout(() => void (restarting = restart().finally(() => (restarting = undefined))), delayMs);
    restartTimer.unref();
    delayMs = Math.min(delayMs * 2, RESTART_DELAYS_MS.max);
  };
  const supervise = (current: RunningServer) => {
    const startedAt = Date.now();
    void current.exited.then((code) => {
      if (stopping || options.supervise === false) return;
      if (Date.now() - startedAt > RESTART_DELAYS_MS.stableAfter) delayMs = RESTART_DELAYS_MS.first;
      logger.error({ code, signal: current.child.signalCode, restartInMs: delayMs, output: current.output.join("").trim().slice(-2_000) }, "private redis-server exited; starting it again");
      const restart = async (): Promise<void> => {
        restartTimer = undefined;
        if (stopping) return;
        try {
          await rm(socketPath, { force: true });
          server = await spawnRedis(options, dir, socketPath, pidFile);
          logger.warn({ pid: server.child.pid }, "private redis-server started again");
          supervise(server);
        } catch (error) {
          logger.error({ err: error, restartInMs: delayMs }, "private redis-server could not start again; trying later");
          later(restart);
        }
      };
      later(restart);
    });
  };
  supervise(server);
  return {
    socketPath,
    get pid() {
      return server.child.pid!;
    },
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      await restarting;
      await stopChild(server.child, server.exited, socketPath);
    },
  };
}

interface RunningServer {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Its last lines of output, for the log when it exits. */
  output: string[];
}

async function spawnRedis(options: PrivateRedisOptions, dir: string, socketPath: string, pidFile: string): Promise<RunningServer> {
  const child = spawn(
    options.binary ?? "redis-server",
    [
      "--port", "0",
      "--unixsocket", socketPath,
      "--unixsocketperm", "700",
      "--dir", dir,
      "--pidfile", pidFile,
      "--appendonly", "yes",
      "--appendfsync", "everysec",
      "--save", "",
      "--maxmemory-policy", "noeviction",
      "--hz", "100",
      "--daemonize", "no",
      "--loglevel", "warning",
    ],
    // Its own process group: a Ctrl-C in the terminal must not stop Redis before the bot has
    // closed its workers and queues; the bot stops it last.
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));

  const ready = waitForSocket(socketPath, options.readyTimeoutMs ?? 10_000);
  const first = await Promise.race([
    ready.then(
      () => ({ kind: "ready" as const }),
      (error: Error) => ({ kind: "not-answering" as const, error }),
    ),
    spawnError.then((error) => ({ kind: "error" as const, error })),
    exited.then((code) => ({ kind: "exit" as const, code })),
  ]);
  if (first.kind !== "ready" && child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    // Started but not answering (or failed after starting): it must not stay behind on our directory.
    child.kill("SIGKILL");
    await exited;
  }
  if (first.kind === "error") {
    const missing = (first.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new RedisUnavailableError(
      missing ? `redis-server was not found on PATH. ${REDIS_INSTALL_HINT}` : `redis-server could not start: ${first.error.message}`,
    );
  }
  if (first.kind === "exit") {
    throw new RedisUnavailableError(`redis-server exited with code ${first.code} at start:\n${output.join("").trim()}`);
  }
  if (first.kind === "not-answering") throw first.error;
  return { child, exited, output };
}

async function waitForSocket(socketPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await pings(socketPath)) return;
    if (Date.now() > deadline) throw new RedisUnavailableError(`redis-server did not answer on ${socketPath} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Whether a Redis answers PING on this socket now (one try, no retries). */
export async function pings(socketPath: string): Promise<boolean> {
  const client = new Redis({ path: socketPath, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A redis-server left by a process that died without stopping it still holds our socket. */
async function stopLeftover(socketPath: string, pidFile: string, logger: Logger): Promise<void> {
  if (await pings(socketPath)) {
    logger.warn({ socketPath }, "a redis-server from an earlier run is still running; shutting it down");
    const client = new Redis({ path: socketPath, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => undefined);
    await client.call("SHUTDOWN").catch(() => undefined);
    client.disconnect();
    const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
    for (let i = 0; i < 200 && pid > 0 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 25));
  }
  await rm(socketPath, { force: true });
}

/**
 * Whether a process with this id runs (signal 0 checks without signalling). A zombie does not:
 * a redis-server orphaned by a killed bot exits, but where nobody reaps it (a container's init
 * that does not wait for orphans) it stays in the process table.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    // No /proc (not Linux): signal 0 is all we know.
    return true;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, socketPath: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGTERM makes redis-server fsync the append-only file and exit cleanly.
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
  await rm(socketPath, { force: true });
}
