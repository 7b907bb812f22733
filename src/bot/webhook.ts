import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";

export interface WebhookServerDeps {
  bot: Bot<BotContext>;
  path: string;
  secret: string;
  redis: Redis;
  /** Resolves when the database and Redis answer. */
  healthy: () => Promise<void>;
  logger: Logger;
}

const UPDATE_KEY = (id: number) => `ortak:update:${id}`;
const MAX_BODY = 1024 * 1024;

/**
 * Receives updates from Telegram: checks the secret token, answers 200 only after the update
 * was handled (so Telegram retries what we could not take), and ignores an update id it has
 * already handled, because Telegram redelivers after a timeout or non-2xx answer.
 */
export function createWebhookServer(deps: WebhookServerDeps): Server {
  const secretMatches = secretChecker(deps.secret);
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      try {
        await withTimeout(deps.healthy(), 2_000);
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } catch (error) {
        deps.logger.warn({ err: error }, "health check failed");
        res.writeHead(503, { "content-type": "application/json" }).end('{"ok":false}');
      }
      return;
    }
    if (url.pathname !== deps.path) return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405).end();
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"])) return void res.writeHead(401).end();
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
      if (!Number.isSafeInteger(update.update_id)) throw new Error("no update_id");
    } catch {
      return void res.writeHead(400).end();
    }
    // A short claim while handling, kept for a day once handled; released if handling throws.
    const claimed = await deps.redis.set(UPDATE_KEY(update.update_id), "1", "EX", 120, "NX");
    if (claimed === null) return void res.writeHead(200).end();
    try {
      await deps.bot.handleUpdate(update);
      await deps.redis.set(UPDATE_KEY(update.update_id), "1", "EX", 86_400);
      res.writeHead(200).end();
    } catch (error) {
      await deps.redis.del(UPDATE_KEY(update.update_id)).catch(() => undefined);
      deps.logger.error({ err: error, updateId: update.update_id }, "webhook update failed; Telegram will retry");
      res.writeHead(500).end();
    }
  });
}

/**
 * Compares in constant time, so response timing tells a guesser nothing about how much of the
 * secret they have right. Digests make the lengths equal, as timingSafeEqual needs, without
 * leaking the secret's length either.
 */
function secretChecker(secret: string): (given: string | string[] | undefined) => boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  const expected = digest(secret);
  return (given) => typeof given === "string" && timingSafeEqual(digest(given), expected);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
