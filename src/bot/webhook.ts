import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { BotError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import { withLogFields, type Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import { runErrorBoundary } from "./polling.ts";

export interface WebhookDeps {
  bot: Bot<BotContext>;
  secret: string;
  redis: Redis;
  logger: Logger;
  /** How long a claim on an update lives without renewal; renewed at half of it while the handler runs. */
  claimSeconds?: number;
}

const UPDATE_KEY = (id: number) => `ortak:update:${id}`;
const MAX_BODY = 1024 * 1024;
const CLAIMED = "claimed";
const HANDLED = "handled";
// Telegram redelivers for up to a day; an id handled is remembered that long.
const HANDLED_SECONDS = 86_400;

/**
 * Receives updates from Telegram: checks the secret token, answers 200 only after the update
 * was handled (so Telegram retries what we could not take), and handles an update id once,
 * because Telegram redelivers after a timeout or a non-2xx answer.
 *
 * An update is claimed in Redis while its handler runs (the claim renewed, so it lasts as long as
 * the handler) and marked handled after. A handler that throws has been answered by the bot's
 * error boundary and may have done part of its work: it counts as handled, and a redelivery does
 * not run it again. Without Redis nothing can be claimed: 503, and Telegram retries later.
 */
export function webhookHandler(deps: WebhookDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const secretMatches = secretChecker(deps.secret);
  const claimSeconds = deps.claimSeconds ?? 60;
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") return void res.writeHead(405).end();
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"])) return void res.writeHead(401).end();
    let update: Update;
    try {
      update = JSON.parse(await readBody(req)) as Update;
      if (!Number.isSafeInteger(update.update_id)) throw new Error("no update_id");
    } catch {
      return void res.writeHead(400).end();
    }
    // Every line about this update names it, the error boundary's included.
    return withLogFields({ update_id: update.update_id }, async () => {
      const key = UPDATE_KEY(update.update_id);
      try {
        const claimed = await deps.redis.set(key, CLAIMED, "EX", claimSeconds, "NX");
        if (claimed === null) {
          const state = await deps.redis.get(key);
          // "1": the mark of handled updates before claims were renewed.
          if (state === HANDLED || state === "1") return void res.writeHead(200).end();
          // Another request is handling it now (Telegram gave up waiting and redelivered): ask again later.
          return void res.writeHead(503, { "retry-after": "5" }).end();
        }
      } catch (error) {
        deps.logger.warn({ err: error }, "Redis unavailable: webhook update refused with 503; Telegram will retry");
        return void res.writeHead(503, { "retry-after": "5" }).end();
      }

      const renewal = setInterval(() => {
        deps.redis.expire(key, claimSeconds).catch((error: unknown) => deps.logger.warn({ err: error }, "could not renew the claim on an update"));
      }, (claimSeconds * 1000) / 2);
      try {
        await deps.bot.handleUpdate(update);
      } catch (error) {
        if (!(error instanceof BotError)) {
          // Not the handler's fault (the bot itself could not take updates): let Telegram retry.
          clearInterval(renewal);
          await deps.redis.del(key).catch(() => undefined);
          deps.logger.error({ err: error }, "webhook update failed; Telegram will retry");
          return void res.writeHead(500).end();
        }
        await runErrorBoundary(deps.bot, error, deps.logger);
      } finally {
        clearInterval(renewal);
      }
      try {
        await deps.redis.set(key, HANDLED, "EX", HANDLED_SECONDS);
      } catch (error) {
        // Handled all the same; a redelivery while the claim lives is still refused.
        deps.logger.warn({ err: error }, "could not mark a webhook update handled");
      }
      res.writeHead(200).end();
    });
  };
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
