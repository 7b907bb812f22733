import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { checkEvictionPolicy, EvictionPolicyError } from "../../src/redis/eviction-policy.ts";
import { startTestRedis } from "../support/harness.ts";

let server: Awaited<ReturnType<typeof startTestRedis>>;
let admin: Redis;
beforeAll(async () => {
  server = await startTestRedis();
  admin = new Redis({ path: server.socketPath });
});
afterAll(async () => {
  admin.disconnect();
  await server.remove();
});

function collectingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", secrets: [], destination: new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }) });
  return { logger, lines };
}

describe("the maxmemory-policy of an external Redis", () => {
  it("accepts noeviction without a word", async () => {
    await admin.config("SET", "maxmemory-policy", "noeviction");
    const { logger, lines } = collectingLogger();
    await checkEvictionPolicy(admin, logger);
    expect(lines).toEqual([]);
  });

  it.each(["allkeys-lru", "volatile-lru", "allkeys-random", "volatile-ttl"])("refuses %s, naming the fix", async (policy) => {
    await admin.config("SET", "maxmemory-policy", policy);
    try {
      const { logger } = collectingLogger();
      const refused = await checkEvictionPolicy(admin, logger).then(() => undefined, (error: unknown) => error);
      expect(refused).toBeInstanceOf(EvictionPolicyError);
      expect((refused as Error).message).toContain(`maxmemory-policy ${policy}`);
      expect((refused as Error).message).toContain("CONFIG SET maxmemory-policy noeviction");
      expect((refused as Error).message).toContain("redis.conf");
    } finally {
      await admin.config("SET", "maxmemory-policy", "noeviction");
    }
  });

  it("warns and goes on when CONFIG is not permitted (an ACL user without it)", async () => {
    await admin.config("SET", "maxmemory-policy", "allkeys-lru");
    await admin.call("ACL", "SETUSER", "ortak-limited", "on", ">limited-password", "~*", "&*", "+@all", "-config");
    const limited = new Redis({ path: server.socketPath, username: "ortak-limited", password: "limited-password" });
    try {
      const { logger, lines } = collectingLogger();
      await checkEvictionPolicy(limited, logger);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: "could not read the Redis maxmemory-policy (CONFIG GET not permitted); make sure it is noeviction" });
    } finally {
      limited.disconnect();
      await admin.config("SET", "maxmemory-policy", "noeviction");
    }
  });
});
