import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Api, GrammyError, InputFile } from "grammy";
import { ApiError, TelegramEmulator, TELEGRAM_LIMITS, type EmulatorSnapshot, type WorldChange } from "../../emulator/index.ts";

let emulator: TelegramEmulator;
let api: Api;

async function expectApiError(call: Promise<unknown>, code: number, description: RegExp): Promise<GrammyError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GrammyError);
  expect((error as GrammyError).error_code).toBe(code);
  expect((error as GrammyError).description).toMatch(description);
  return error as GrammyError;
}

beforeEach(async () => {
  emulator = new TelegramEmulator({ limits: false });
  await emulator.start();
  api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
});
afterEach(() => emulator.stop());

describe("emulator: identity and updates", () => {
  it("answers getMe and refuses a wrong token with 401", async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ is_bot: true, username: "ortak_test_bot", can_read_all_group_messages: false });
    await expectApiError(new Api("1:wrong-token-aaaaaaaaaaaaaaaaaaaa", { apiRoot: emulator.apiRoot }).getMe(), 401, /Unauthorized/);
  });

  it("keeps updates until a higher offset confirms them", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    emulator.sendText(user, "private", "merhaba");
    const first = await api.getUpdates({ timeout: 0 });
    expect(first.map((u) => u.message?.text)).toEqual(["/start", "merhaba"]);
    expect(first[0]!.message!.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(2);
    const rest = await api.getUpdates({ offset: first[0]!.update_id + 1, timeout: 0 });
    expect(rest.map((u) => u.message?.text)).toEqual(["merhaba"]);
    expect(await api.getUpdates({ offset: first[1]!.update_id + 1, timeout: 0 })).toEqual([]);
    expect(emulator.pendingUpdateCount).toBe(0);
  });

  it("long-polls until an update arrives, and honours limit", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    const poll = api.getUpdates({ timeout: 5 });
    setTimeout(() => emulator.sendText(user, "private", "ilk"), 50);
    expect((await poll).map((u) => u.message?.text)).toEqual(["ilk"]);
    emulator.sendText(user, "private", "iki");
    emulator.sendText(user, "private", "üç");
    const limited = await api.getUpdates({ limit: 1, timeout: 0 });
    expect(limited).toHaveLength(1);
  });

  it("ends a waiting getUpdates with 409 when another one starts", async () => {
    const first = api.getUpdates({ timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = api.getUpdates({ timeout: 0 });
    await expectApiError(first, 409, /terminated by other getUpdates request/);
    expect(await second).toEqual([]);
  });

  it("leaves out chat_member updates unless allowed_updates names them", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    await api.getUpdates({ timeout: 0, allowed_updates: ["message"] });
    emulator.sendText(user, "private", "x");
    expect((await api.getUpdates({ timeout: 0 })).map((u) => Object.keys(u))).toEqual([["update_id", "message"]]);
  });
});

describe("emulator: group privacy mode", () => {
  it("delivers commands for this bot and replies to it, not plain chatter", async () => {
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "İzmir KDM Ağı", members: [{ user: ayse }] });
    expect(emulator.sendText(ayse, group, "günaydın herkese").delivered).toBe(false);
    expect(emulator.sendText(ayse, group, "/help").delivered).toBe(true);
    expect(emulator.sendText(ayse, group, "/help@ortak_test_bot").delivered).toBe(true);
    expect(emulator.sendText(ayse, group, "/help@other_bot").delivered).toBe(false);
    const card = await api.sendMessage(group.id, "Toplantı kartı");
    expect(emulator.sendText(ayse, group, "katılıyorum", { replyTo: card.message_id }).delivered).toBe(true);
    emulator.setBotStatus(group, "administrator");
    expect(emulator.sendText(ayse, group, "admin olunca her şey gelir").delivered).toBe(true);
    const texts = (await api.getUpdates({ timeout: 0 })).map((u) => u.message?.text);
    expect(texts).toEqual(["/help", "/help@ortak_test_bot", "katılıyorum", "admin olunca her şey gelir"]);
  });
});

describe("emulator: sending rules", () => {
  it("refuses to DM a user who never started the bot, or blocked it, with 403", async () => {
    const stranger = emulator.createUser({ first_name: "Zeynep" });
    await expectApiError(api.sendMessage(stranger.id, "merhaba"), 403, /^Forbidden: bot can't initiate conversation with a user$/);
    emulator.sendText(stranger, "private", "/start");
    await api.sendMessage(stranger.id, "merhaba");
    emulator.blockBot(stranger);
    await expectApiError(api.sendMessage(stranger.id, "merhaba"), 403, /^Forbidden: bot was blocked by the user$/);
    await expectApiError(api.sendMessage(999, "kimse"), 400, /chat not found/);
  });

  it("enforces text length after entity parsing, and empty text", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    await api.sendMessage(user.id, `<b>${"ş".repeat(4096)}</b>`, { parse_mode: "HTML" });
    await expectApiError(api.sendMessage(user.id, "ş".repeat(4097)), 400, /message is too long/);
    await expectApiError(api.sendMessage(user.id, "<b> </b>", { parse_mode: "HTML" }), 400, /message text is empty/);
    await expectApiError(api.sendMessage(user.id, "a <x> b", { parse_mode: "HTML" }), 400, /can't parse entities/);
  });

  it("finds commands, mentions and links in HTML text as Telegram does, but not inside code or links", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    const sent = await api.sendMessage(user.id, '<b>Bakın:</b> /meeting 25, <code>/help</code>, <a href="https://example.org">/link</a> ve @ortak_destek', { parse_mode: "HTML" });
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 6 },
      { type: "bot_command", offset: 7, length: 8 },
      { type: "code", offset: 20, length: 5 },
      { type: "text_link", offset: 27, length: 5, url: "https://example.org" },
      { type: "mention", offset: 36, length: 13 },
    ]);
  });

  it("validates inline keyboards: callback_data up to 64 bytes", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    const ok = { inline_keyboard: [[{ text: "Katılıyorum", callback_data: "r:1:y".padEnd(64, "x") }]] };
    await api.sendMessage(user.id, "kart", { reply_markup: ok });
    const tooLong = { inline_keyboard: [[{ text: "Katılıyorum", callback_data: "ı".repeat(33) }]] };
    await expectApiError(api.sendMessage(user.id, "kart", { reply_markup: tooLong }), 400, /BUTTON_DATA_INVALID/);
    const bare = { inline_keyboard: [[{ text: "düğme" }]] } as never;
    await expectApiError(api.sendMessage(user.id, "kart", { reply_markup: bare }), 400, /Text buttons are unallowed/);
  });

  it("rejects identical edits as not modified, and drops the keyboard when an edit omits it", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    const markup = { inline_keyboard: [[{ text: "Evet", callback_data: "y" }]] };
    const sent = await api.sendMessage(user.id, "<b>kart</b>", { parse_mode: "HTML", reply_markup: markup });
    await expectApiError(
      api.editMessageText(user.id, sent.message_id, "<b>kart</b>", { parse_mode: "HTML", reply_markup: markup }),
      400,
      /message is not modified/,
    );
    await api.editMessageText(user.id, sent.message_id, "kart");
    const stored = emulator.botMessagesIn(user.id)[0]!;
    expect(stored.text).toBe("kart");
    expect(stored.reply_markup).toBeUndefined();
    expect(stored.versions).toHaveLength(2);
    await expectApiError(api.editMessageReplyMarkup(user.id, sent.message_id), 400, /message is not modified/);
    await expectApiError(api.editMessageText(user.id, 999, "x"), 400, /message to edit not found/);
  });

  it("pins only with the right to pin, and treats a missing reply target as Telegram does", async () => {
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: ayse }] });
    const card = await api.sendMessage(group.id, "kart");
    await expectApiError(api.pinChatMessage(group.id, card.message_id), 400, /not enough rights to manage pinned messages/);
    emulator.setBotStatus(group, "administrator", { can_pin_messages: true });
    await api.pinChatMessage(group.id, card.message_id);
    expect(group.pinned).toEqual([card.message_id]);
    await expectApiError(api.sendMessage(group.id, "yanıt", { reply_parameters: { message_id: 777 } }), 400, /message to be replied not found/);
    await api.sendMessage(group.id, "yanıt", { reply_parameters: { message_id: 777, allow_sending_without_reply: true } });
  });

  it("accepts multipart documents and keeps their bytes", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    const content = "meeting_number,organisation\n25,Buca KDM ğüşİı\n";
    const sent = await api.sendDocument(user.id, new InputFile(Buffer.from(content), "katilim.csv"), { caption: "25. toplantı" });
    expect(sent.document).toMatchObject({ file_name: "katilim.csv", file_size: Buffer.byteLength(content) });
    expect(emulator.file(sent.document!.file_id)?.toString("utf8")).toBe(content);
    expect(sent.caption).toBe("25. toplantı");
  });

  it("answers reactions, chat actions, chat and member queries", async () => {
    const organiser = emulator.createUser({ first_name: "Derya", username: "derya_izmir" });
    const member = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: organiser, status: "creator" }, { user: member }] });
    const { message } = emulator.sendText(member, group, "/help");
    await api.setMessageReaction(group.id, message.message_id, [{ type: "emoji", emoji: "👍" }]);
    expect(message.reactions).toEqual(["👍"]);
    await expectApiError(api.setMessageReaction(group.id, message.message_id, [{ type: "emoji", emoji: "🦖" as never }]), 400, /REACTION_INVALID/);
    await api.sendChatAction(group.id, "typing");
    await expectApiError(api.sendChatAction(group.id, "dancing" as never), 400, /wrong parameter action/);
    expect(await api.getChat(group.id)).toMatchObject({ id: group.id, type: "supergroup", title: "Ağ" });
    expect((await api.getChatMember(group.id, organiser.id)).status).toBe("creator");
    expect((await api.getChatMember(group.id, member.id)).status).toBe("member");
    const admins = await api.getChatAdministrators(group.id);
    expect(admins.map((a) => a.user.id)).toEqual([organiser.id]);
  });

  it("stores command menus per scope and language, refusing invalid commands", async () => {
    await api.setMyCommands([{ command: "yardim", description: "Komutlar" }], { language_code: "tr", scope: { type: "all_private_chats" } });
    expect(await api.getMyCommands({ language_code: "tr", scope: { type: "all_private_chats" } })).toEqual([{ command: "yardim", description: "Komutlar" }]);
    expect(await api.getMyCommands()).toEqual([]);
    await expectApiError(api.setMyCommands([{ command: "Yardım", description: "x" }]), 400, /BOT_COMMAND_INVALID/);
  });

  it("resolves a button press with the bot's answer, once", async () => {
    const user = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
    emulator.sendText(user, "private", "/start");
    const card = await api.sendMessage(user.id, "kart", { reply_markup: { inline_keyboard: [[{ text: "Evet", callback_data: "y" }]] } });
    await api.getUpdates({ offset: -1, timeout: 0 });
    const answer = emulator.pressButton(user, user.id, card.message_id, "y");
    const [update] = (await api.getUpdates({ timeout: 1 })).filter((u) => u.callback_query);
    expect(update!.callback_query).toMatchObject({ data: "y", from: { id: user.id } });
    await api.answerCallbackQuery(update!.callback_query!.id, { text: "Kaydedildi" });
    expect(await answer).toEqual({ text: "Kaydedildi", show_alert: false });
    await expectApiError(api.answerCallbackQuery(update!.callback_query!.id), 400, /query is too old/);
    expect(() => emulator.pressButton(user, user.id, card.message_id, "forged")).toThrow(/no button/);
  });
});

describe("emulator: flood control", () => {
  it("answers 429 with retry_after past 20 messages a minute in a group", async () => {
    const limited = new TelegramEmulator({ limits: TELEGRAM_LIMITS });
    await limited.start();
    try {
      const limitedApi = new Api(limited.token, { apiRoot: limited.apiRoot });
      const ayse = limited.createUser({ first_name: "Ayşe" });
      const group = limited.createGroup({ title: "Ağ", members: [{ user: ayse }] });
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => limitedApi.sendMessage(group.id, `m${i}`)));
      const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as GrammyError);
      // The per-chat burst (3) is reached before the group's 20 per minute.
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(TELEGRAM_LIMITS.perChatBurst);
      expect(refused[0]!.error_code).toBe(429);
      expect(refused[0]!.parameters.retry_after).toBeGreaterThanOrEqual(1);
      expect(limited.servedErrors.filter((e) => e.errorCode === 429)).toHaveLength(2);
    } finally {
      await limited.stop();
    }
  });

  it("fails the next matching call once when told to", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    emulator.failNext("sendMessage", new (await import("../../emulator/index.ts")).ApiError(429, "Too Many Requests: retry after 3", { retry_after: 3 }), user.id);
    const error = await expectApiError(api.sendMessage(user.id, "x"), 429, /retry after 3/);
    expect(error.parameters.retry_after).toBe(3);
    await api.sendMessage(user.id, "x");
  });
});

describe("emulator: webhooks", () => {
  it("posts updates with the secret header, retries non-2xx, and blocks getUpdates meanwhile", async () => {
    const received: { headers: IncomingHttpHeaders; body: { update_id: number; message?: { text: string } } }[] = [];
    let failuresLeft = 2;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (failuresLeft-- > 0) return void res.writeHead(500).end();
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg`;
    try {
      await expectApiError(api.setWebhook("http://example.org/tg"), 400, /HTTPS URL must be provided/);
      await api.setWebhook(url, { secret_token: "s3cret" });
      await expectApiError(api.getUpdates(), 409, /webhook is active/);
      const user = emulator.createUser({ first_name: "Ayşe" });
      emulator.sendText(user, "private", "bir");
      emulator.sendText(user, "private", "iki");
      await emulator.waitFor(() => received.length === 2, 10_000);
      expect(received.map((r) => r.body.message?.text)).toEqual(["bir", "iki"]);
      expect(received[0]!.headers["x-telegram-bot-api-secret-token"]).toBe("s3cret");
      const info = await api.getWebhookInfo();
      expect(info).toMatchObject({ url, pending_update_count: 0 });
      expect(info.last_error_message).toMatch(/500/);
      await api.deleteWebhook();
      expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      server.close();
    }
  });
});

describe("emulator: privacy guard", () => {
  it("records a test person's name or username in any group text, and lets the call succeed", async () => {
    const ayse = emulator.createUser({ first_name: "Ayşe", last_name: "Yılmaz", username: "ayse_buca" });
    const isil = emulator.createUser({ first_name: "Işıl", last_name: "Su" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: ayse }, { user: isil }] });
    emulator.sendText(ayse, "private", "/start");

    // Private chats are where names belong.
    await api.sendMessage(ayse.id, "Ayşe Yılmaz (@ayse_buca): üye");
    expect(emulator.privacy.violations).toEqual([]);

    const sent = await api.sendMessage(group.id, "Bu hafta AYŞE'nin kurumu ev sahibi; yılmaz ailesi değil");
    expect(sent.text).toContain("AYŞE'nin");
    await api.sendMessage(group.id, "iletişim: ayse_buca ve @ayse_buca, ayrıca ışıl ile IŞIL");
    const found = emulator.privacy.violations.map(({ method, matched }) => `${method}:${matched}`);
    expect(found).toEqual(["sendMessage:AYŞE", "sendMessage:yılmaz", "sendMessage:ayse_buca", "sendMessage:ayse_buca", "sendMessage:ışıl", "sendMessage:IŞIL"]);
    expect(emulator.privacy.violations[0]).toMatchObject({ chatId: group.id, excerpt: expect.stringContaining("AYŞE'nin kurumu") });
    expect(emulator.botMessagesIn(group.id)).toHaveLength(2);

    // Whole words only, Unicode-aware: "Ayşegül", "Işıltı" and "ayse_buca2" are other words;
    // two-letter names ("Su") are not guarded.
    emulator.privacy.reset();
    await api.sendMessage(group.id, "Ayşegül Hanım, Işıltı Derneği, ayse_buca2 ve su");
    expect(emulator.privacy.violations).toEqual([]);
  });

  it("checks edits, captions, file names, photos and button labels", async () => {
    const derya = emulator.createUser({ first_name: "Derya", username: "derya_ikdd" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: derya, status: "creator" }] });
    const card = await api.sendMessage(group.id, "kart");
    await api.editMessageText(group.id, card.message_id, "kart: Derya");
    await api.editMessageReplyMarkup(group.id, card.message_id, { reply_markup: { inline_keyboard: [[{ text: "@derya_ikdd", callback_data: "x" }]] } });
    const doc = await api.sendDocument(group.id, new InputFile(Buffer.from("a,b\n"), "derya-katilim.csv"), { caption: "liste" });
    await api.editMessageCaption(group.id, doc.message_id, { caption: "Derya hazırladı" });
    const photo = await api.sendPhoto(group.id, new InputFile(Buffer.from("png"), "kart.png"), { caption: "fotoğraf: derya" });
    expect(photo.photo?.[0]).toMatchObject({ width: 1280, height: 720 });
    await expectApiError(api.editMessageCaption(group.id, card.message_id, { caption: "x" }), 400, /no caption in the message/);
    expect(emulator.privacy.violations.map((v) => `${v.method}:${v.matched}`)).toEqual([
      "editMessageText:Derya",
      "editMessageReplyMarkup (button):derya_ikdd",
      "sendDocument (file name):derya",
      "editMessageCaption:Derya",
      "sendPhoto:derya",
    ]);
  });

  it("accepts declared exceptions and public people, for the current test only", async () => {
    const derya = emulator.createUser({ first_name: "Derya", username: "derya_ikdd" });
    const speaker = emulator.createUser({ first_name: "Nermin", last_name: "Kaya", public: true });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: derya, status: "creator" }] });
    expect(() => emulator.privacy.allow("Derya", " ")).toThrow(/say why/);
    emulator.privacy.allow(/Kolaylaştırıcı: [^\n]+/u, "the organiser typed the facilitator's name for the card");
    emulator.privacy.allow("derya hanım", "quoting the venue's name, which is hers");
    await api.sendMessage(group.id, "Kolaylaştırıcı: Derya\nMekân: Derya Hanım Kafe\nKonuşmacı: Nermin Kaya");
    expect(emulator.privacy.violations).toEqual([]);
    await api.sendMessage(group.id, "Derya sordu");
    expect(emulator.privacy.violations.map((v) => v.matched)).toEqual(["Derya"]);
    emulator.privacy.reset();
    await api.sendMessage(group.id, "Kolaylaştırıcı: Derya");
    expect(emulator.privacy.violations.map((v) => v.matched)).toEqual(["Derya"]);
  });
});

describe("emulator: forum topics", () => {
  it("opens a topic with its creation message, and files topic messages as replies to it", async () => {
    const derya = emulator.createUser({ first_name: "Derya" });
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const forum = emulator.createGroup({ title: "Ağ", isForum: true, botStatus: "administrator", members: [{ user: derya, status: "creator" }, { user: ayse }] });
    const topic = emulator.createTopic(forum, "Toplantılar");
    const byAyse = emulator.createTopic(forum, "Tutanak", ayse);
    const [created, second] = await api.getUpdates({ timeout: 0 });
    expect(created!.message).toMatchObject({
      message_id: topic,
      message_thread_id: topic,
      is_topic_message: true,
      from: { id: derya.id },
      forum_topic_created: { name: "Toplantılar", icon_color: 0x6fb9f0 },
    });
    expect(second!.message).toMatchObject({ message_id: byAyse, from: { id: ayse.id }, forum_topic_created: { name: "Tutanak" } });

    const bare = emulator.sendText(ayse, forum, "/help", { threadId: topic }).message;
    const other = emulator.sendText(derya, forum, "ilk konu", { threadId: topic }).message;
    const answer = emulator.sendText(ayse, forum, "yanıt", { threadId: topic, replyTo: other.message_id }).message;
    const inferred = emulator.sendText(ayse, forum, "konu belirtmeden yanıt", { replyTo: other.message_id }).message;
    const general = emulator.sendText(ayse, forum, "genel").message;
    const updates = await api.getUpdates({ offset: second!.update_id + 1, timeout: 0 });
    const byId = new Map(updates.map((u) => [u.message!.message_id, u.message!]));
    expect(byId.get(bare.message_id)).toMatchObject({ message_thread_id: topic, is_topic_message: true, reply_to_message: { message_id: topic, forum_topic_created: { name: "Toplantılar" } } });
    expect(byId.get(answer.message_id)).toMatchObject({ message_thread_id: topic, reply_to_message: { message_id: other.message_id, text: "ilk konu" } });
    expect(byId.get(inferred.message_id)).toMatchObject({ message_thread_id: topic, reply_to_message: { message_id: other.message_id } });
    expect(byId.get(general.message_id)).not.toHaveProperty("message_thread_id");
    expect(byId.get(general.message_id)).not.toHaveProperty("reply_to_message");
    expect(() => emulator.sendText(ayse, forum, "x", { threadId: 999 })).toThrow(/no topic 999/);
    expect(() => emulator.sendText(ayse, forum, "x", { threadId: byAyse, replyTo: other.message_id })).toThrow(/not in topic/);

    // The bot's messages land in the thread it names, or in the thread of what it answers.
    const sent = await api.sendMessage(forum.id, "kart", { message_thread_id: topic });
    expect(sent).toMatchObject({ message_thread_id: topic, is_topic_message: true, reply_to_message: { message_id: topic } });
    const reply = await api.sendMessage(forum.id, "tamam", { reply_parameters: { message_id: answer.message_id } });
    expect(reply).toMatchObject({ message_thread_id: topic, reply_to_message: { message_id: answer.message_id } });
    expect(emulator.botMessagesIn(forum.id).map((m) => m.threadId)).toEqual([topic, topic]);
    await expectApiError(api.sendMessage(forum.id, "x", { message_thread_id: 999 }), 400, /message thread not found/);
  });
});

describe("emulator: membership changes", () => {
  it("tells a privacy-mode bot of joins and leaves by service message, without chat_member", async () => {
    const derya = emulator.createUser({ first_name: "Derya" });
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: derya, status: "creator" }, { user: ayse }] });
    await api.getUpdates({ timeout: 0, allowed_updates: ["message", "chat_member"] });
    emulator.leaveChat(group, ayse);
    expect((await api.getChatMember(group.id, ayse.id)).status).toBe("left");
    expect(() => emulator.sendText(ayse, group, "/help")).toThrow(/not a member/);
    expect(() => emulator.leaveChat(group, ayse)).toThrow(/not a member/);
    emulator.joinChat(group, ayse);
    expect((await api.getChatMember(group.id, ayse.id)).status).toBe("member");
    const updates = await api.getUpdates({ timeout: 0 });
    expect(updates.map((u) => Object.keys(u)[1])).toEqual(["message", "message"]);
    expect(updates[0]!.message).toMatchObject({ from: { id: ayse.id }, left_chat_member: { id: ayse.id, first_name: "Ayşe" } });
    expect(updates[1]!.message).toMatchObject({ from: { id: ayse.id }, new_chat_members: [{ id: ayse.id }] });
  });

  it("sends chat_member updates to an administrator bot that asked for them", async () => {
    const derya = emulator.createUser({ first_name: "Derya" });
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", botStatus: "administrator", members: [{ user: derya, status: "creator" }, { user: ayse }] });
    // Telegram's default allowed_updates leave chat_member out.
    emulator.leaveChat(group, ayse);
    expect((await api.getUpdates({ timeout: 0 })).map((u) => Object.keys(u)[1])).toEqual(["message"]);

    const last = (await api.getUpdates({ timeout: 0, offset: -1, allowed_updates: ["message", "chat_member"] }))[0]!;
    emulator.joinChat(group, ayse);
    expect(() => emulator.removeFromChat(group, derya, ayse)).toThrow(/not an administrator/);
    emulator.removeFromChat(group, ayse, derya);
    expect(() => emulator.joinChat(group, ayse)).toThrow(/administrator must add them back/);
    expect((await api.getChatMember(group.id, ayse.id)).status).toBe("kicked");
    emulator.joinChat(group, ayse, derya);

    const updates = await api.getUpdates({ timeout: 0, offset: last.update_id + 1 });
    expect(updates.map((u) => Object.keys(u)[1])).toEqual(["message", "chat_member", "message", "chat_member", "message", "chat_member"]);
    expect(updates[1]!.chat_member).toMatchObject({
      chat: { id: group.id, type: "supergroup" },
      from: { id: ayse.id },
      old_chat_member: { status: "left", user: { id: ayse.id } },
      new_chat_member: { status: "member", user: { id: ayse.id } },
    });
    expect(updates[2]!.message).toMatchObject({ from: { id: derya.id }, left_chat_member: { id: ayse.id } });
    expect(updates[3]!.chat_member).toMatchObject({
      from: { id: derya.id },
      old_chat_member: { status: "member" },
      new_chat_member: { status: "kicked", until_date: 0, user: { id: ayse.id } },
    });
    expect(updates[4]!.message).toMatchObject({ from: { id: derya.id }, new_chat_members: [{ id: ayse.id }] });
    expect(updates[5]!.chat_member).toMatchObject({ from: { id: derya.id }, old_chat_member: { status: "kicked" }, new_chat_member: { status: "member" } });
    expect(typeof updates[5]!.chat_member!.date).toBe("number");
    expect((await api.getChatMember(group.id, ayse.id)).status).toBe("member");

    // A bot that has left the group hears nothing of it.
    emulator.setBotStatus(group, "left");
    emulator.leaveChat(group, ayse);
    expect(await api.getUpdates({ timeout: 0, offset: updates[5]!.update_id + 1 })).toEqual([]);
  });

  it("asks for chat_member through setWebhook as well", async () => {
    const derya = emulator.createUser({ first_name: "Derya" });
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", botStatus: "administrator", members: [{ user: derya, status: "creator" }, { user: ayse }] });
    const received: Record<string, unknown>[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, { allowed_updates: ["message", "chat_member"] });
      emulator.leaveChat(group, ayse);
      await emulator.waitFor(() => received.length === 2, 5_000, "two updates");
      expect(received.map((u) => Object.keys(u)[1])).toEqual(["message", "chat_member"]);
    } finally {
      await api.deleteWebhook();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("emulator: button presses a page can refuse", () => {
  it("throws a 400 ApiError for a deleted message or a button that is not there", async () => {
    const user = emulator.createUser({ first_name: "Ayşe" });
    emulator.sendText(user, "private", "/start");
    const card = await api.sendMessage(user.id, "kart", { reply_markup: { inline_keyboard: [[{ text: "Evet", callback_data: "y" }]] } });
    const missing = (() => {
      try {
        void emulator.pressButton(user, user.id, card.message_id, "n");
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ errorCode: 400, description: `Bad Request: message ${card.message_id} has no button with data "n"` });
    await api.deleteMessage(user.id, card.message_id);
    expect(() => emulator.pressButton(user, user.id, card.message_id, "y")).toThrow(new ApiError(400, "Bad Request: message not found"));
  });
});

describe("emulator: change feed", () => {
  it("announces the bot's sends, edits, reactions, deletions and pins, and nothing for chat actions", async () => {
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: ayse }], botStatus: "administrator", botRights: { can_pin_messages: true } });
    const changes: WorldChange[] = [];
    const pinned: number[] = [];
    emulator.onWorldChange((change) => changes.push(change));
    emulator.on("pinned-changed", (chatId) => pinned.push(chatId));
    const question = emulator.sendText(ayse, group, "/help").message;
    const card = await api.sendMessage(group.id, "kart", { reply_markup: { inline_keyboard: [[{ text: "Evet", callback_data: "y" }]] } });
    await api.editMessageText(group.id, card.message_id, "kart (güncel)");
    await api.setMessageReaction(group.id, question.message_id, [{ type: "emoji", emoji: "👍" }]);
    await api.pinChatMessage(group.id, card.message_id);
    await api.sendChatAction(group.id, "typing");
    await expectApiError(api.editMessageText(group.id, card.message_id, "kart (güncel)"), 400, /not modified/);
    await api.deleteMessage(group.id, card.message_id);
    const at = (messageId: number): WorldChange => ({ kind: "message", chatId: group.id, messageId });
    expect(changes).toEqual([
      at(question.message_id),
      at(card.message_id),
      at(card.message_id),
      at(question.message_id),
      { kind: "pinned", chatId: group.id },
      at(card.message_id),
    ]);
    expect(pinned).toEqual([group.id]);
  });
});

describe("emulator: snapshot and restore", () => {
  it("restores messages, pins, files and pending updates, and continues message ids", async () => {
    const ayse = emulator.createUser({ first_name: "Ayşe", language_code: "tr" });
    const group = emulator.createGroup({ title: "İzmir KDM Ağı", members: [{ user: ayse, status: "creator" }], botStatus: "administrator", botRights: { can_pin_messages: true, can_delete_messages: true } });
    emulator.sendText(ayse, "private", "/start");
    const card = await api.sendMessage(group.id, "<b>25. toplantı</b>", { parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Katılıyorum", callback_data: "r:25:y" }]] } });
    await api.editMessageText(group.id, card.message_id, "<b>25. toplantı</b> (güncel)", { parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Katılıyorum", callback_data: "r:25:y" }]] } });
    await api.pinChatMessage(group.id, card.message_id);
    const question = emulator.sendText(ayse, group, "/yardim").message;
    await api.setMessageReaction(group.id, question.message_id, [{ type: "emoji", emoji: "👍" }]);
    const gone = await api.sendMessage(group.id, "silinecek");
    await api.deleteMessage(group.id, gone.message_id);
    const bytes = Buffer.from("meeting_number,organisation\n25,Buca KDM ğüşİı\n");
    const document = await api.sendDocument(ayse.id, new InputFile(bytes, "katilim.csv"), { caption: "Katılım listesi" });
    await api.setMyCommands([{ command: "yardim", description: "Komutlar" }], { language_code: "tr" });
    const pendingBefore = (await api.getUpdates({ timeout: 0 })).map((update) => update.update_id);
    await emulator.stop();

    const saved = JSON.stringify(emulator.snapshot());
    emulator = TelegramEmulator.restore(JSON.parse(saved) as EmulatorSnapshot, { limits: false });
    await emulator.start();
    api = new Api(emulator.token, { apiRoot: emulator.apiRoot });

    expect(await api.getMe()).toMatchObject({ username: "ortak_test_bot", first_name: "ortak" });
    expect((await api.getUpdates({ timeout: 0 })).map((update) => update.update_id)).toEqual(pendingBefore);
    const restoredCard = emulator.botMessagesIn(group.id).find((message) => message.message_id === card.message_id)!;
    expect(restoredCard).toMatchObject({ text: "25. toplantı (güncel)", entities: [{ type: "bold", offset: 0, length: 12 }] });
    expect(restoredCard.versions).toHaveLength(2);
    expect(emulator.messagesIn(group.id).map((message) => message.message_id)).toEqual([card.message_id, question.message_id]);
    expect(emulator.messagesIn(group.id).find((message) => message.message_id === question.message_id)!.reactions).toEqual(["👍"]);
    expect((await api.getChat(group.id)).pinned_message?.message_id).toBe(card.message_id);
    expect(emulator.file(document.document!.file_id)).toEqual(bytes);
    expect(emulator.myCommands("tr")).toEqual([{ command: "yardim", description: "Komutlar" }]);

    // The bot carries on where it was: the same file id, the next message id, the old buttons.
    const again = await api.sendDocument(ayse.id, document.document!.file_id);
    expect(again.message_id).toBe(document.message_id + 1);
    const next = await api.sendMessage(group.id, "devam");
    expect(next.message_id).toBe(gone.message_id + 1);
    const press = emulator.pressButton(ayse, group.id, card.message_id, "r:25:y");
    const [update] = (await api.getUpdates({ offset: pendingBefore.at(-1)! + 1, timeout: 1 })).filter((u) => u.callback_query);
    expect(update!.update_id).toBe(pendingBefore.at(-1)! + 1);
    await api.answerCallbackQuery(update!.callback_query!.id, { text: "Kaydedildi" });
    expect(await press).toEqual({ text: "Kaydedildi", show_alert: false });
  });

  it("keeps a custom token and bot identity", async () => {
    const custom = new TelegramEmulator({ token: "987654:custom-token-ABCDEFGHIJKLMNOPQR", botUsername: "kdm_bot", botName: "KDM", privacyMode: false });
    const restored = TelegramEmulator.restore(JSON.parse(JSON.stringify(custom.snapshot())) as EmulatorSnapshot);
    await restored.start();
    try {
      expect(restored.token).toBe(custom.token);
      const me = await new Api(restored.token, { apiRoot: restored.apiRoot }).getMe();
      expect(me).toMatchObject({ id: 987654, username: "kdm_bot", first_name: "KDM", can_read_all_group_messages: true });
    } finally {
      await restored.stop();
    }
  });
});
