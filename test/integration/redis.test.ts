import { Writable } from "node:stream";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createLogger, silentLogger } from "../../src/logger.ts";
import { redisOptionsFromUrl } from "../../src/redis/connection.ts";
import { isAlive, pings, startPrivateRedis } from "../../src/redis/private-server.ts";
import { tempDir } from "../support/harness.ts";

describe("private redis-server", () => {
  it("runs with AOF every second and no eviction, keeps data across restarts, and leaves no process", async () => {
    const dir = await tempDir("ortak-r-");
    try {
      const first = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger });
      const client = new Redis({ path: first.socketPath });
      expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
      expect(await client.config("GET", "appendfsync")).toEqual(["appendfsync", "everysec"]);
      expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
      expect(await client.config("GET", "port")).toEqual(["port", "0"]);
      await client.set("ortak:test", "kalıcı");
      client.disconnect();
      await first.stop();
      expect(isAlive(first.pid)).toBe(false);

      const second = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger });
      const again = new Redis({ path: second.socketPath });
      expect(await again.get("ortak:test")).toBe("kalıcı");
      again.disconnect();
      await second.stop();
      expect(isAlive(second.pid)).toBe(false);
    } finally {
      await dir.remove();
    }
  });

  it("starts again by itself when it dies (kill -9), on the same socket, with what its append-only file kept; a stop ends it for good", async () => {
    const dir = await tempDir("ortak-r-");
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: [], destination: new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }) });
    try {
      const redis = await startPrivateRedis({ dataDir: dir.path, logger });
      const client = new Redis({ path: redis.socketPath, maxRetriesPerRequest: null });
      client.on("error", () => undefined);
      await client.set("ortak:test", "kalıcı");
      // The append-only file is written at once and fsynced every second.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const firstPid = redis.pid;
      process.kill(firstPid, "SIGKILL");
      // The signal lands a moment later: until then the old server may still answer.
      while (isAlive(firstPid)) await new Promise((resolve) => setTimeout(resolve, 10));
      // The client's command waits for the new server instead of failing.
      expect(await client.get("ortak:test")).toBe("kalıcı");
      expect(redis.pid).not.toBe(firstPid);
      expect(isAlive(firstPid)).toBe(false);
      expect(lines.some((line) => line.includes("private redis-server exited; starting it again"))).toBe(true);
      client.disconnect();
      const lastPid = redis.pid;
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(isAlive(lastPid)).toBe(false);
      expect(await pings(redis.socketPath)).toBe(false);
    } finally {
      await dir.remove();
    }
  });

  it("replaces a redis-server left running by a process that died", async () => {
    const dir = await tempDir("ortak-r-");
    try {
      const redisDir = path.join(dir.path, "redis");
      await mkdir(redisDir, { recursive: true });
      const socketPath = path.join(redisDir, "redis.sock");
      const orphan = spawn("redis-server", ["--port", "0", "--unixsocket", socketPath, "--dir", redisDir, "--pidfile", path.join(redisDir, "redis.pid"), "--save", ""], { stdio: "ignore" });
      for (let i = 0; i < 100 && !(await readFile(path.join(redisDir, "redis.pid"), "utf8").catch(() => "")); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const server = await startPrivateRedis({ dataDir: dir.path, logger: silentLogger });
      expect(server.pid).not.toBe(orphan.pid);
      expect(orphan.exitCode !== null || orphan.signalCode !== null || !isAlive(orphan.pid!)).toBe(true);
      await server.stop();
    } finally {
      await dir.remove();
    }
  });

  it("names the install command when redis-server is missing", async () => {
    const dir = await tempDir("ortak-r-");
    try {
      await expect(
        startPrivateRedis({ dataDir: dir.path, logger: silentLogger, binary: "/nonexistent/redis-server" }),
      ).rejects.toThrow(/redis-server was not found.*apt-get install -y redis-server/s);
    } finally {
      await dir.remove();
    }
  });

  it("reports a server that exits at start with its output", async () => {
    const dir = await tempDir("ortak-r-");
    try {
      const fake = path.join(dir.path, "fake-redis");
      await writeFile(fake, "#!/bin/sh\necho 'FATAL: cannot open dir' >&2\nexit 3\n", { mode: 0o755 });
      await expect(startPrivateRedis({ dataDir: dir.path, logger: silentLogger, binary: fake })).rejects.toThrow(
        /exited with code 3.*cannot open dir/s,
      );
    } finally {
      await dir.remove();
    }
  });
  it("kills a server that started but does not answer in time, instead of leaving it on the data directory", async () => {
    const dir = await tempDir("ortak-r-");
    try {
      const fake = path.join(dir.path, "silent-redis");
      const pidFile = path.join(dir.path, "silent.pid");
      await writeFile(fake, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 30\n`, { mode: 0o755 });
      await expect(startPrivateRedis({ dataDir: dir.path, logger: silentLogger, binary: fake, readyTimeoutMs: 300 })).rejects.toThrow(/did not answer/);
      const pid = Number((await readFile(pidFile, "utf8")).trim());
      expect(pid).toBeGreaterThan(0);
      expect(isAlive(pid)).toBe(false);
    } finally {
      await dir.remove();
    }
  });
});

describe("redisOptionsFromUrl", () => {
  it.each([
    ["redis://localhost:6380/2", { host: "localhost", port: 6380, db: 2 }],
    ["redis://:p%40ss@10.0.0.5", { host: "10.0.0.5", port: 6379, db: 0, password: "p@ss" }],
    ["rediss://user:pw@cache.example.org:6390", { host: "cache.example.org", port: 6390, db: 0, username: "user", password: "pw", tls: {} }],
    ["unix:///var/run/redis/redis.sock?db=3", { path: "/var/run/redis/redis.sock", db: 3 }],
  ])("%s", (url, expected) => {
    expect(redisOptionsFromUrl(url)).toEqual(expected);
  });
});
