import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";

export class EvictionPolicyError extends Error {
  constructor(readonly policy: string) {
    super(
      `The Redis at REDIS_URL uses maxmemory-policy ${policy}: it may delete queued jobs when memory runs short, and reminders would be lost without a word. ` +
        "Set it to noeviction: `redis-cli CONFIG SET maxmemory-policy noeviction` (and `CONFIG REWRITE`), or `maxmemory-policy noeviction` in redis.conf.",
    );
    this.name = "EvictionPolicyError";
  }
}

/**
 * An external Redis must never evict keys: BullMQ keeps jobs in ordinary keys. A Redis that
 * does not let us read its configuration (ACLs, managed services renaming CONFIG) is trusted
 * with a warning.
 */
export async function checkEvictionPolicy(redis: Redis, logger: Logger): Promise<void> {
  let reply: unknown;
  try {
    reply = await redis.config("GET", "maxmemory-policy");
  } catch (error) {
    logger.warn({ err: error }, "could not read the Redis maxmemory-policy (CONFIG GET not permitted); make sure it is noeviction");
    return;
  }
  const policy = Array.isArray(reply) && typeof reply[1] === "string" ? reply[1] : undefined;
  if (policy === undefined) {
    logger.warn("Redis did not report its maxmemory-policy; make sure it is noeviction");
    return;
  }
  if (policy !== "noeviction") throw new EvictionPolicyError(policy);
}
