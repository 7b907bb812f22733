import { existsSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { beforeAll, describe, expect, it } from "vitest";
import { tooManyRequests, type TelegramEmulator } from "../../emulator/index.ts";
import { startTestRedis } from "../support/harness.ts";
import { isAlive, useSpawnedOrtak, useEmulatorAndDataDir, type OrtakProcess } from "../support/process.ts";

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
beforeAll(() => {
  emulator = fixture.emulator();
});

const spawnOrtak = useSpawnedOrtak();

const env = () => ({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATA_DIR: fixture.dataDir() });
const lockFile = () => path.join(fixture.dataDir(), "ortak.lock");
const RUNNING = "ortak is running; Ctrl-C stops it";

/** Starts ortak and waits until it runs; returns it with its private redis-server's pid. */
async function startRunning(script?: string, extra: Record<string, string> = {}): Promise<{ proc: OrtakProcess; redisPid: number }> {
  const proc = spawnOrtak({ ...env(), ...extra }, script);
  const redisPid = (await proc.waitForLog("private redis-server started")).pid as number;
  await proc.waitForLog(RUNNING);
  return { proc, redisPid };
}

/** A /help whose answer Telegram holds back with a 429, so its handler is still running (auto-retry waits) when the test acts. */
async function helpInFlight(name: string, retryAfterSeconds: number): Promise<{ userId: number; sentId: number }> {
  const user = emulator.createUser({ first_name: name, language_code: "en" });
  emulator.failNext("sendMessage", tooManyRequests(retryAfterSeconds), user.id);
  const sent = emulator.sendText(user, "private", "/help").message;
  await emulator.waitFor(() => emulator.servedErrors.some((error) => error.errorCode === 429 && error.chatId === user.id), 15_000, "the 429 on the answer");
  return { userId: user.id, sentId: sent.message_id };
}

function expectStoppedInOrder(proc: OrtakProcess, redisPid: number): void {
  expect(proc.logs.some((entry) => entry.msg === "stopped")).toBe(true);
  expect(isAlive(redisPid)).toBe(false);
  // The lock goes last, after the database closed.
  expect(existsSync(lockFile())).toBe(false);
}

describe("ortak as a process, when things go wrong around it", () => {
  it("refuses a second start and a seed on the same data directory, naming the pid; the first runs on with its Redis", async () => {
    const { proc: first, redisPid } = await startRunning();
    try {
      const second = spawnOrtak(env());
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toContain(`ortak: ${fixture.dataDir()} is in use by ortak (pid ${first.child.pid}).`);
      expect(second.logs.map((entry) => entry.msg)).not.toContain("private redis-server started");

      const seed = spawnOrtak({ DATA_DIR: fixture.dataDir() }, "prisma/seed.ts");
      expect(await seed.exited).toBe(1);
      expect(seed.stderr()).toContain(`seed: ${fixture.dataDir()} is in use by ortak (pid ${first.child.pid}).`);

      expect(isAlive(redisPid)).toBe(true);
      const ayse = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
      emulator.sendText(ayse, "private", "/start");
      expect((await emulator.nextBotMessage(ayse.id, 0, 15_000)).text).toContain("Merhaba Ayşe!");
    } finally {
      expect(await first.stop("SIGTERM")).toBe(0);
    }
    expectStoppedInOrder(first, redisPid);
  });

  it("handles again after a kill -9 the update whose handler was running, taking over the dead process's lock and Redis", async () => {
    const { proc: first, redisPid } = await startRunning();
    const { userId, sentId } = await helpInFlight("Zeynep", 20);
    expect(await first.stop("SIGKILL")).toBe(null);
    // Left behind: the lock of a dead process, and its redis-server.
    expect(existsSync(lockFile())).toBe(true);
    expect(isAlive(redisPid)).toBe(true);
    expect(emulator.botMessagesIn(userId)).toHaveLength(0);

    const { proc: second, redisPid: secondRedis } = await startRunning();
    expect(isAlive(redisPid)).toBe(false);
    const answer = await emulator.nextBotMessage(userId, sentId, 15_000);
    expect(answer.text).toContain("Commands you can use");
    expect(await second.stop("SIGINT")).toBe(0);
    expectStoppedInOrder(second, secondRedis);
    expect(emulator.botMessagesIn(userId)).toHaveLength(1);
  });

  it("lets a second and a third Ctrl-C wait for the orderly stop: the running handler finishes and the database closes", async () => {
    const { proc, redisPid } = await startRunning();
    const { userId } = await helpInFlight("Elif", 3);
    proc.signal("SIGINT");
    await proc.waitForLog("shutting down");
    proc.signal("SIGINT");
    await proc.waitForLog(/^already stopping/);
    proc.signal("SIGTERM");
    expect(await proc.exited).toBe(0);
    expect(proc.logs.filter((entry) => String(entry.msg).startsWith("already stopping"))).toHaveLength(2);
    expectStoppedInOrder(proc, redisPid);
    // The handler that was waiting out the 429 finished before the stop went on.
    expect(emulator.botMessagesIn(userId)).toHaveLength(1);
  });

  it("refuses an external Redis that may evict keys, naming the fix, and leaves that Redis alone", async () => {
    const external = await startTestRedis();
    const admin = new Redis({ path: external.socketPath });
    try {
      await admin.config("SET", "maxmemory-policy", "allkeys-lru");
      const proc = spawnOrtak({ ...env(), REDIS_URL: `unix://${external.socketPath}` });
      expect(await proc.exited).toBe(1);
      expect(proc.stderr()).toMatch(/^ortak: The Redis at REDIS_URL uses maxmemory-policy allkeys-lru: .*`redis-cli CONFIG SET maxmemory-policy noeviction`.*redis\.conf/m);
      expect(await admin.ping()).toBe("PONG");
      expect(existsSync(lockFile())).toBe(false);
    } finally {
      admin.disconnect();
      await external.remove();
    }
  });

  it.each(["rejection", "exception"])("logs an unhandled %s without the token and stops in order with exit code 1", async (fault) => {
    const { proc, redisPid } = await startRunning("test/support/faulty-ortak.ts", { ORTAK_TEST_FAULT: fault });
    expect(await proc.exited).toBe(1);
    const logged = proc.logs.find((entry) => /^(unhandled promise rejection|uncaught exception); stopping$/.test(String(entry.msg)));
    expect(JSON.stringify(logged)).toContain("a fault for the test (token <redacted>)");
    expectStoppedInOrder(proc, redisPid);
    const output = JSON.stringify(proc.logs) + proc.stderr();
    for (const secret of [emulator.token, emulator.token.split(":")[1]!]) expect(output).not.toContain(secret);
  });
});
