import type { Server } from "node:http";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, type OrtakBot } from "../../src/bot/create-bot.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { webhookHandler } from "../../src/bot/webhook.ts";
import { createHttpServer } from "../../src/http/server.ts";
import type { Database } from "../../src/db/client.ts";
import { createServices } from "../../src/features/services.ts";
import { createLogger, silentLogger } from "../../src/logger.ts";
import { startPrivateRedis, type PrivateRedis } from "../../src/redis/private-server.ts";
import { ApiError, TelegramEmulator, tooManyRequests, type EmulatedUser } from "../../emulator/index.ts";
import { SendBudget, TELEGRAM_BUDGET } from "../../src/outbox/budget.ts";
import { openMemoryDatabase, startTestQueue } from "../support/harness.ts";
import { enforcePrivacy } from "../support/privacy.ts";

const SECRET = "webhook_test-secret";
const CLAIM_SECONDS = 2;

let emulator: TelegramEmulator;
let db: Database;
let queue: Awaited<ReturnType<typeof startTestQueue>>;
let redis: Redis;
let ortak: OrtakBot;
let server: Server;
let hook: string;
const logLines: string[] = [];
let restarted: PrivateRedis | undefined;

beforeAll(async () => {
  emulator = new TelegramEmulator();
  await emulator.start();
  db = await openMemoryDatabase();
  queue = await startTestQueue();
  redis = new Redis({ path: queue.redis.socketPath, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined);
  const logger = createLogger({ level: "info", secrets: [emulator.token], destination: new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) }) });
  const services = createServices(db.prisma, { transport: queue.transport, logger: silentLogger });
  ortak = createBot({ token: emulator.token, apiRoot: emulator.apiRoot, translator: await Translator.load(), services, logger, sendBudget: new SendBudget(redis, TELEGRAM_BUDGET) });
  await ortak.bot.init();
  server = createHttpServer({
    webhook: { path: "/hook", handle: webhookHandler({ bot: ortak.bot, secret: SECRET, redis, logger, claimSeconds: CLAIM_SECONDS }) },
    ready: async () => {
      await Promise.all([db.ping(), redis.ping()]);
    },
    metrics: async () => ({ contentType: "text/plain", body: "" }),
    logger,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hook = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
enforcePrivacy(() => emulator);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ortak.inFlight.drain();
  redis.disconnect();
  await emulator.stop();
  await db.close();
  await queue.close();
  await restarted?.stop();
});

let nextUpdateId = 900_000;
/** An update as Telegram would post it: /help from the user in private, a message the emulator knows. */
function helpUpdate(user: EmulatedUser) {
  const message = emulator.sendText(user, "private", "/help").message;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: "private", first_name: user.first_name },
      from: { id: user.id, is_bot: false, first_name: user.first_name, language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}

function post(update: object): Promise<Response> {
  return fetch(`${hook}/hook`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
    body: JSON.stringify(update),
  });
}

describe("the webhook server when things fail", () => {
  it("answers 503 while Redis is down and stays up; the update is handled once Redis is back", async () => {
    const user = emulator.createUser({ first_name: "Sevgi", language_code: "en" });
    const update = helpUpdate(user);
    await queue.redis.stop();
    try {
      const refused = await post(update);
      expect(refused.status).toBe(503);
      // Alive, not ready.
      expect((await fetch(`${hook}/healthz`)).status).toBe(200);
      expect((await fetch(`${hook}/readyz`)).status).toBe(503);
      expect(server.listening).toBe(true);
      expect(emulator.botMessagesIn(user.id)).toHaveLength(0);
    } finally {
      // The same socket and data, as a restarted Redis.
      restarted = await startPrivateRedis({ dataDir: queue.redis.dir, logger: silentLogger });
    }
    // Telegram retries.
    let retried: Response | undefined;
    for (let attempt = 0; attempt < 50 && retried?.status !== 200; attempt++) {
      retried = await post(update);
      if (retried.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(retried?.status).toBe(200);
    expect(emulator.botMessagesIn(user.id)).toHaveLength(1);
    expect(logLines.some((line) => line.includes("Redis unavailable: webhook update refused with 503"))).toBe(true);
  });

  it("answers a handler's failure once and does not run the handler again when Telegram redelivers", async () => {
    const user = emulator.createUser({ first_name: "Gül", language_code: "en" });
    emulator.failNext("sendMessage", new ApiError(400, "Bad Request: a failure for the test"), user.id);
    const update = helpUpdate(user);
    expect((await post(update)).status).toBe(200);
    const told = emulator.botMessagesIn(user.id);
    expect(told.map((message) => message.text)).toEqual(["Something went wrong and your request could not be completed. Please try again in a little while."]);
    expect(emulator.requestCounts.get("sendMessage")).toBeGreaterThan(0);
    const sendsBefore = emulator.requestCounts.get("sendMessage");
    for (let i = 0; i < 2; i++) expect((await post(update)).status).toBe(200);
    expect(emulator.botMessagesIn(user.id)).toHaveLength(1);
    expect(emulator.requestCounts.get("sendMessage")).toBe(sendsBefore);
    expect(await redis.get(`ortak:update:${update.update_id}`)).toBe("handled");
  });

  it("keeps an update's claim for as long as its handler runs, past the claim's lifetime", async () => {
    const user = emulator.createUser({ first_name: "Nazlı", language_code: "en" });
    // The answer waits out a 429 for twice the claim's lifetime.
    emulator.failNext("sendMessage", tooManyRequests(CLAIM_SECONDS * 2), user.id);
    const update = helpUpdate(user);
    const first = post(update);
    await emulator.waitFor(() => emulator.servedErrors.some((error) => error.errorCode === 429 && error.chatId === user.id), 10_000, "the 429");
    await new Promise((resolve) => setTimeout(resolve, (CLAIM_SECONDS + 1) * 1000));
    // Telegram gave up waiting and redelivers: the handler still runs, so it is asked to come back.
    expect(await redis.get(`ortak:update:${update.update_id}`)).toBe("claimed");
    const redelivered = await post(update);
    expect(redelivered.status).toBe(503);
    expect((await first).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    expect(emulator.botMessagesIn(user.id)).toHaveLength(1);
  });
});
