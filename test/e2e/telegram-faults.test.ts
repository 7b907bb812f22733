import { existsSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, TelegramEmulator } from "../../emulator/index.ts";
import { freePort, isAlive, useSpawnedOrtak, useEmulatorAndDataDir, type OrtakProcess } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const spawnOrtak = useSpawnedOrtak();

const env = (extra: Record<string, string> = {}) => ({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir(), ...extra });
const RUNNING = "ortak is running; Ctrl-C stops it";

function expectStoppedInOrder(proc: OrtakProcess, redisPid: number): void {
  expect(isAlive(redisPid)).toBe(false);
  // The data directory's lock is released last, after the database closed.
  expect(existsSync(path.join(fixture.dataDir(), "ortak.lock"))).toBe(false);
  const output = JSON.stringify(proc.logs) + proc.stderr();
  for (const secret of [emulator.token, emulator.token.split(":")[1]!]) expect(output).not.toContain(secret);
}

describe("ortak and Telegram refusing or not answering", () => {
  it("stops in order with exit code 1 when getUpdates answers 401 (token revoked)", async () => {
    const proc = spawnOrtak(env());
    const redisPid = (await proc.waitForLog("private redis-server started")).pid as number;
    await proc.waitForLog(RUNNING);
    emulator.failNext("getUpdates", new ApiError(401, "Unauthorized"));
    // Ends a long poll already waiting, so that the next getUpdates gets the 401.
    const user = emulator.createUser({ first_name: "Deniz", language_code: "en" });
    emulator.sendText(user, "private", "/help");
    expect(await proc.exited).toBe(1);
    expect(proc.logs.filter((entry) => entry.msg === "the token was revoked or is wrong (401); stopping")).toHaveLength(1);
    expect(proc.logs.some((entry) => entry.msg === "stopped")).toBe(true);
    expectStoppedInOrder(proc, redisPid);
  });

  it("stops in order with exit code 1 when another process polls with the same token (409)", async () => {
    const proc = spawnOrtak(env());
    const redisPid = (await proc.waitForLog("private redis-server started")).pid as number;
    await proc.waitForLog(RUNNING);
    // Another poller: the emulator, as Telegram, ends the older long poll with 409.
    for (let i = 0; i < 20 && proc.child.exitCode === null; i++) {
      await fetch(`${emulator.apiRoot}/bot${emulator.token}/getUpdates?timeout=0&limit=1`);
      await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    expect(await proc.exited).toBe(1);
    expect(proc.logs.filter((entry) => entry.msg === "another process is polling with this token (409); stopping")).toHaveLength(1);
    expect(proc.logs.some((entry) => entry.msg === "stopped")).toBe(true);
    expectStoppedInOrder(proc, redisPid);
  });

  it("says at start that Telegram rejected the token (401) and exits 1 with its Redis stopped", async () => {
    const wrongToken = "123456789:WRONG-token-abcdefghijklmnopqrst";
    const proc = spawnOrtak(env({ BOT_TOKEN: wrongToken }));
    const redisPid = (await proc.waitForLog("private redis-server started")).pid as number;
    expect(await proc.exited).toBe(1);
    expect(proc.stderr()).toMatch(/^ortak: Telegram rejected the token \(401\)/m);
    expectStoppedInOrder(proc, redisPid);
    expect(JSON.stringify(proc.logs) + proc.stderr()).not.toContain("WRONG-token-abcdefghijklmnopqrst");
  });

  it("says Telegram is unreachable at its API root, retries, and runs once Telegram answers", async () => {
    const port = await freePort();
    const apiRoot = `http://127.0.0.1:${port}`;
    const proc = spawnOrtak(env({ TELEGRAM_API_ROOT: apiRoot }));
    const line = await proc.waitForLog(new RegExp(`^Telegram unreachable at ${apiRoot.replace(/\./g, "\\.")}: .*ECONNREFUSED.*; retrying`), 20_000);
    expect(line.apiRoot).toBe(apiRoot);
    const late = new TelegramEmulator();
    await late.start(port);
    try {
      await proc.waitForLog(RUNNING);
      const user = late.createUser({ first_name: "Nur", language_code: "en" });
      late.sendText(user, "private", "/help");
      expect((await late.nextBotMessage(user.id, 0, 15_000)).text).toContain("Commands you can use");
      expect(await proc.stop("SIGTERM")).toBe(0);
    } finally {
      await late.stop();
    }
  });

  it("stops its Redis and closes the database on SIGTERM while still waiting for a Telegram that never answers", async () => {
    // Accepts connections and never answers, as a blackholed route looks from here.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const apiRoot = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const proc = spawnOrtak(env({ TELEGRAM_API_ROOT: apiRoot }));
      const redisPid = (await proc.waitForLog("private redis-server started")).pid as number;
      await proc.waitForLog(`connecting to Telegram at ${apiRoot}`);
      await proc.waitForLog(/^Telegram unreachable at .*: no answer within \d+ s; retrying/, 20_000);
      expect(await proc.stop("SIGTERM")).toBe(0);
      expect(proc.logs.map((entry) => entry.msg)).not.toContain(RUNNING);
      expect(proc.logs.some((entry) => entry.msg === "stopped")).toBe(true);
      expectStoppedInOrder(proc, redisPid);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
