import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishCommandMenu } from "../../src/bot/commands.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { createLogger } from "../../src/logger.ts";
import type { Database } from "../../src/db/client.ts";
import { ApiError, TelegramEmulator, type EmulatedUser } from "../../emulator/index.ts";
import { openMemoryDatabase, startInProcessBot, startTestQueue, type InProcessBot } from "../support/harness.ts";
import { enforcePrivacy } from "../support/privacy.ts";

let emulator: TelegramEmulator;
let db: Database;
let running: InProcessBot;
let queue: Awaited<ReturnType<typeof startTestQueue>>;

beforeAll(async () => {
  emulator = new TelegramEmulator();
  await emulator.start();
  db = await openMemoryDatabase();
  queue = await startTestQueue();
  running = await startInProcessBot(emulator, db, queue);
});
enforcePrivacy(() => emulator);
afterAll(async () => {
  await running.stop();
  await emulator.stop();
  await db.close();
  await queue.close();
});

/** The user sends text and we wait for the bot's next message in that chat. */
async function ask(user: EmulatedUser, text: string, chat: Parameters<TelegramEmulator["sendText"]>[1] = "private") {
  const chatId = chat === "private" ? user.id : chat.id;
  const { message } = emulator.sendText(user, chat, text);
  return emulator.nextBotMessage(chatId, message.message_id);
}

describe("/start", () => {
  it("welcomes in Turkish by default, shows a name with HTML exactly as typed, and makes DMs possible", async () => {
    const user = emulator.createUser({ first_name: "<b>Ayşe</b> & *Co*", language_code: "tr" });
    const reply = await ask(user, "/start");
    expect(reply.text).toContain("Merhaba <b>Ayşe</b> & *Co*! Ben ortak.");
    // No formatting from the name (commands in the text are found, as Telegram finds them).
    expect((reply.entities ?? []).filter((entity) => entity.type !== "bot_command")).toEqual([]);
    expect((await running.users.find(user.id))?.dmReachable).toBe(true);
  });

  it("welcomes in English when the Telegram app is in English", async () => {
    const user = emulator.createUser({ first_name: "John", language_code: "en-US" });
    expect((await ask(user, "/start")).text).toContain("Hello John! I am ortak.");
  });

  it("gives a short introduction in a group", async () => {
    const user = emulator.createUser({ first_name: "Derya", language_code: "tr" });
    const group = emulator.createGroup({ title: "İzmir KDM Ağı", members: [{ user }] });
    expect((await ask(user, "/start", group)).text).toMatch(/^Merhaba! Ben ortak; bu ağın toplantılarını/);
  });
});

describe("/help", () => {
  it.each([
    ["tr", "Kullanabileceğiniz komutlar", "/lang — Dil seçimi (tr / en)"],
    ["en", "Commands you can use", "/lang — Choose the language (tr / en)"],
  ])("lists the commands in %s", async (language, header, line) => {
    const user = emulator.createUser({ first_name: "Ayşe", language_code: language });
    const reply = await ask(user, "/help");
    expect(reply.text).toContain(header);
    expect(reply.text).toContain(line);
    expect(reply.entities?.[0]).toMatchObject({ type: "bold", offset: 0 });
  });

  it("answers in a group, addressed with or without the bot's username", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user }] });
    expect((await ask(user, "/help@ortak_test_bot", group)).text).toContain("/start — Tanıtım ve başlangıç");
  });
});

describe("/lang", () => {
  it("switches to English for good, and back", async () => {
    const user = emulator.createUser({ first_name: "Elif", language_code: "tr" });
    expect((await ask(user, "/lang en")).text).toBe("Done, I will speak English with you from now on.");
    expect((await running.users.find(user.id))?.locale).toBe("en");
    expect((await ask(user, "/help")).text).toContain("Commands you can use");
    expect((await ask(user, "/lang TR")).text).toBe("Tamam, bundan sonra sizinle Türkçe konuşacağım.");
  });

  it.each(["/lang", "/lang de", "/lang en tr", "/lang <b>"])("answers %s with the usage and changes nothing", async (text) => {
    const user = emulator.createUser({ first_name: "Elif", language_code: "tr" });
    const reply = await ask(user, text);
    expect(reply.text).toBe("Kullanım: /lang tr veya /lang en\nŞu anki diliniz: Türkçe");
    expect((await running.users.find(user.id))?.locale).toBeNull();
  });
});

describe("what no feature handles", () => {
  it("explains an unknown command, escaping what was typed", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    expect((await ask(user, "/toplanti_yok")).text).toBe("/toplanti_yok diye bir komut tanımıyorum. Komutların listesi için /help yazın.");
    // The whole word, Turkish letters included (Telegram's command entity stops before them).
    expect((await ask(user, "/yardım lütfen")).text).toBe("/yardım diye bir komut tanımıyorum. Komutların listesi için /help yazın.");
    expect((await ask(user, `/${"ş".repeat(100)}`)).text).toBe(`/${"ş".repeat(38)}… diye bir komut tanımıyorum. Komutların listesi için /help yazın.`);
  });

  it("in a group, quotes the message it answers; in private it does not need to", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Alıntı Grubu", members: [{ user }] });
    const { message } = emulator.sendText(user, group, "/toplanti_yok");
    expect((await emulator.nextBotMessage(group.id, message.message_id)).replyToMessageId).toBe(message.message_id);
    expect((await ask(user, "/toplanti_yok")).replyToMessageId).toBeUndefined();
  });

  it("answers plain private text with a pointer to /help", async () => {
    const user = emulator.createUser({ first_name: "John", language_code: "en" });
    expect((await ask(user, "hello?")).text).toBe(
      "I did not understand that. Type /help for the commands you can use, or /meetings for the list of meetings. To answer an invitation, press the buttons on its card, or reply to the card with words such as “I will come”.",
    );
  });

  it("stays quiet on a plain reply to the bot in a group", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user }] });
    const intro = await ask(user, "/start", group);
    emulator.sendText(user, group, "teşekkürler", { replyTo: intro.message_id });
    const marker = await ask(user, "/help", group);
    expect(emulator.botMessagesIn(group.id).map((m) => m.message_id)).toEqual([intro.message_id, marker.message_id]);
  });

  it("answers a press on a button nobody handles with a toast", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    await ask(user, "/start");
    const old = await running.ortak.bot.api.sendMessage(user.id, "eski kart", {
      reply_markup: { inline_keyboard: [[{ text: "Eski", callback_data: "old:1" }]] },
    });
    expect(await emulator.pressButton(user, user.id, old.message_id, "old:1")).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
  });
});

describe("Telegram errors", () => {
  it("waits out a 429 and delivers the reply exactly once", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    await emulator.nextBotMessage(user.id);
    emulator.failNext("sendMessage", new ApiError(429, "Too Many Requests: retry after 1", { retry_after: 1 }), user.id);
    const started = Date.now();
    const reply = await ask(user, "/help");
    expect(reply.text).toContain("Kullanabileceğiniz komutlar");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emulator.servedErrors.filter((e) => e.chatId === user.id && e.errorCode === 429)).toHaveLength(1);
    await ask(user, "/lang");
    expect(emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("Kullanabileceğiniz komutlar\n"))).toHaveLength(1);
  });

  it("handles a DM to someone who never started the bot, and marks a blocker unreachable", async () => {
    const stranger = emulator.createUser({ first_name: "Zeynep" });
    const api = running.ortak.bot.api;
    await expect(api.sendMessage(stranger.id, "Merhaba")).rejects.toMatchObject({ error_code: 403 });

    const member = emulator.createUser({ first_name: "Ayşe" });
    await ask(member, "/start");
    expect((await running.users.find(member.id))?.dmReachable).toBe(true);
    emulator.blockBot(member);
    await expect(api.sendMessage(member.id, "Hatırlatma")).rejects.toMatchObject({ error_code: 403 });
    expect((await running.users.find(member.id))?.dmReachable).toBe(false);

    await ask(member, "/start");
    expect((await running.users.find(member.id))?.dmReachable).toBe(true);
    expect(await api.sendMessage(member.id, "Hatırlatma")).toMatchObject({ text: "Hatırlatma" });
  });

  it("answers a failing handler with a localised apology and keeps running", async () => {
    const user = emulator.createUser({ first_name: "John", language_code: "en" });
    await ask(user, "/start");
    emulator.failNext("sendMessage", new ApiError(400, "Bad Request: something unexpected"), user.id);
    const { message } = emulator.sendText(user, "private", "/help");
    const apology = await emulator.nextBotMessage(user.id, message.message_id);
    expect(apology.text).toBe("Something went wrong and your request could not be completed. Please try again in a little while.");
    expect((await ask(user, "/help")).text).toContain("Commands you can use");
  });
});

describe("command menu", () => {
  it("logs a refused setMyCommands and still publishes the other menus", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "warn", secrets: [emulator.token], destination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) });
    emulator.failNext("setMyCommands", new ApiError(400, "Bad Request: BOT_COMMAND_INVALID"));
    await publishCommandMenu(running.ortak.bot.api, running.ortak.commands, await Translator.load(), logger);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("could not publish the command menu");
    const groupMenu = emulator.myCommands("en", { type: "all_group_chats" })?.map((c) => c.command);
    expect(groupMenu).toEqual(expect.arrayContaining(["start", "help", "lang", "setup", "join"]));
    expect(groupMenu).not.toContain("org_add");
    expect(emulator.myCommands("", { type: "all_group_chats" })?.[0]?.description).toBe("Tanıtım ve başlangıç");
  });
});
