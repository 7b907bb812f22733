import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
export { isAlive } from "../../src/redis/private-server.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";
import { TelegramEmulator, type EmulatedChat, type EmulatedUser } from "../../emulator/index.ts";
import { tempDir } from "./harness.ts";
import { checkPrivacy, enforcePrivacy } from "./privacy.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface OrtakProcess {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  stderr: () => string;
  /** The first log line whose message is `msg` (or matches it). */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends the signal to the process group and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Sends the signal to the process group without waiting. */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

/**
 * Starts `npm start`'s command (node --import tsx src/main.ts) with only the given environment;
 * `script` runs another entry point the same way (`npm run seed`'s prisma/seed.ts, say), or a
 * compiled one (`dist/src/main.js`, `npm run start:dist`) with plain node.
 */
export function spawnOrtak(env: Record<string, string>, script = "src/main.ts", args: string[] = []): OrtakProcess {
  const loader = /\.m?js$/.test(script) ? [] : ["--import", "tsx"];
  const child = spawn(process.execPath, [...loader, path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stop() can signal the group as a terminal's Ctrl-C does.
    detached: true,
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let stderr = "";
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
      for (const wake of waiters.splice(0)) wake();
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(msg, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log "${msg}" within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const matches = (entry: Record<string, unknown>) => (typeof msg === "string" ? entry.msg === msg : typeof entry.msg === "string" && msg.test(entry.msg));
        const check = () => {
          const found = logs.find(matches);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        void exited.then(() => {
          const found = logs.find(matches);
          if (!found) {
            clearTimeout(timer);
            reject(new Error(`ortak exited before logging "${msg}"; stderr: ${stderr}`));
          }
        });
        check();
      });
    },
    async stop(signal = "SIGINT") {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
    signal(signal) {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
    },
  };
}

/** The fields of /proc/<pid>/stat after the parenthesised command name: state, ppid, pgrp, … (Linux). */
export function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** The process group of a live process, to check what a Ctrl-C would reach. */
export function processGroup(pid: number): number {
  return Number(procStat(pid)[2]);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An emulator and an empty data directory for one e2e test file, removed after it. Its privacy
 * guard is on: a test fails when the bot named a test person in a group.
 */
export function useEmulatorAndDataDir(): { emulator: () => TelegramEmulator; dataDir: () => string } {
  let emulator: TelegramEmulator;
  let data: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    emulator = new TelegramEmulator();
    await emulator.start();
    data = await tempDir("ortak-e2e-");
  });
  enforcePrivacy(() => emulator);
  afterAll(async () => {
    await emulator.stop();
    await data.remove();
    checkPrivacy(emulator);
  });
  return { emulator: () => emulator, dataDir: () => data.path };
}

/** Over HTTP to a separate bot process: the user writes, and the bot's next message there is awaited. */
export async function sayTo(emulator: TelegramEmulator, user: EmulatedUser, chat: EmulatedChat | "private", text: string, replyTo?: number): Promise<string> {
  const chatId = chat === "private" ? user.id : chat.id;
  const { message } = emulator.sendText(user, chat, text, { replyTo });
  return (await emulator.nextBotMessage(chatId, message.message_id, 15_000)).text ?? "";
}

/**
 * spawnOrtak for one test file whose tests may fail half way: a process a test left running (and
 * holding the data directory) is stopped after that test, so the next starts clean.
 */
export function useSpawnedOrtak(): typeof spawnOrtak {
  const spawned: OrtakProcess[] = [];
  afterEach(async () => {
    for (const proc of spawned.splice(0)) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
      proc.signal("SIGTERM");
      await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      proc.signal("SIGKILL");
    }
  });
  return (...args) => {
    const proc = spawnOrtak(...args);
    spawned.push(proc);
    return proc;
  };
}
