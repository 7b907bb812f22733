import { PassThrough } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { TelegramEmulator, type EmulatedChat, type EmulatedUser, type StoredMessage } from "../../emulator/index.ts";
import { buildApp, type App } from "../../src/app.ts";
import type { Database } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import { openMemoryDatabase, startTestQueue } from "../support/harness.ts";
import { OutboxByHand } from "../support/outbox-by-hand.ts";
import { checkPrivacy, enforcePrivacy } from "../support/privacy.ts";
import { freePort } from "../support/process.ts";

export interface CalendarApp {
  emulator: TelegramEmulator;
  db: Database;
  app: App;
  /** http://127.0.0.1:<port>: where the app's HTTP server listens (PUBLIC_URL's default). */
  baseUrl: string;
  /** Every line the app logged, as written (debug level): for checking that no token reaches them. */
  logs(): string;
  /** The user writes; resolves with the bot's next message there, once handlers and due deliveries are done. */
  say(user: EmulatedUser, chat: EmulatedChat | "private", text: string): Promise<StoredMessage>;
  deliver(): Promise<number>;
  /** A fresh group whose creator ran /setup, a member who wrote there; both have started the bot. */
  network(name: string, options?: { timeZone?: string }): Promise<{ admin: EmulatedUser; member: EmulatedUser; group: EmulatedChat; networkId: number }>;
}

/**
 * ortak's application (src/app.ts) in this process with its HTTP server on a free port, polling
 * the emulator; deliveries are run by hand after each step, as in test/support/scenario.ts.
 */
export function useCalendarApp(clock: () => Date): CalendarApp {
  const fixture = {} as CalendarApp;
  let closeQueue: () => Promise<void> = async () => undefined;
  let byHand: OutboxByHand;
  let written = "";
  beforeAll(async () => {
    const queue = await startTestQueue();
    closeQueue = queue.close;
    fixture.emulator = new TelegramEmulator({ limits: false });
    await fixture.emulator.start();
    fixture.db = await openMemoryDatabase();
    const port = await freePort();
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => (written += chunk.toString()));
    fixture.app = await buildApp({
      db: fixture.db,
      redis: { path: queue.redisPath },
      telegram: { kind: "bot", token: fixture.emulator.token, apiRoot: fixture.emulator.apiRoot },
      logger: createLogger({ level: "debug", secrets: [fixture.emulator.token], destination: stream }),
      clock,
      sendBudget: false,
      outbox: { claimMs: 60_000, reconcileMs: 60_000 },
      delivery: "by-hand",
      intake: { kind: "polling", timeoutSeconds: 1 },
      httpPort: port,
    });
    fixture.baseUrl = `http://127.0.0.1:${port}`;
    byHand = new OutboxByHand(queue.redisPath, fixture.app);
  });
  enforcePrivacy(() => fixture.emulator);
  afterAll(async () => {
    await fixture.app?.stop();
    await byHand?.close();
    await fixture.emulator?.stop();
    await fixture.db?.close();
    await closeQueue();
    checkPrivacy(fixture.emulator);
  });
  fixture.logs = () => written;
  fixture.deliver = () => byHand.runDue();
  fixture.say = async (user, chat, text) => {
    const chatId = chat === "private" ? user.id : chat.id;
    const { message } = fixture.emulator.sendText(user, chat, text);
    const reply = await fixture.emulator.nextBotMessage(chatId, message.message_id, 10_000);
    await fixture.app.ortak.inFlight.drain();
    await fixture.deliver();
    return reply;
  };
  fixture.network = async (name, options = {}) => {
    const { emulator } = fixture;
    const n = emulator.users.size;
    const admin = emulator.createUser({ first_name: "Derya", username: `derya_${n}`, language_code: "tr" });
    const member = emulator.createUser({ first_name: "Ayşe", last_name: "Yılmaz", username: `ayse_${n}`, language_code: "tr" });
    const group = emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    await fixture.say(admin, group, `/setup ${name}`);
    await fixture.say(member, group, "/whoami");
    await fixture.say(admin, "private", "/start");
    await fixture.say(member, "private", "/start");
    if (options.timeZone) await fixture.say(admin, group, `/network_set timezone ${options.timeZone}`);
    const chat = await fixture.db.prisma.chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) } });
    return { admin, member, group, networkId: chat.networkId };
  };
  return fixture;
}

/** The feed address in the last message that carried one (the /calendar answer). */
export function feedUrlIn(message: StoredMessage): string {
  const url = /https?:\/\/\S+\/calendar\/(?:network\/)?[A-Za-z0-9_-]+\.ics/.exec(message.text ?? "")?.[0];
  if (!url) throw new Error(`no feed address in: ${message.text}`);
  return url;
}
