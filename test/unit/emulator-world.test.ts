import { describe, expect, it } from "vitest";
import { ApiError, TelegramEmulator, type EmulatorSnapshot, type WorldChange } from "../../emulator/index.ts";

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw");
}

function expectApiError(action: () => unknown, description: string | RegExp): void {
  const error = thrown(action);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).errorCode).toBe(400);
  if (typeof description === "string") expect((error as ApiError).description).toBe(description);
  else expect((error as ApiError).description).toMatch(description);
}

describe("emulator: people's text is refused as Telegram refuses it", () => {
  it("refuses empty and whitespace-only text and stores nothing", () => {
    const emulator = new TelegramEmulator();
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const group = emulator.createGroup({ title: "Ağ", members: [{ user: ayse }] });
    for (const text of ["", "   ", "\n\t ", "\u00a0"]) {
      expectApiError(() => emulator.sendText(ayse, "private", text), "Bad Request: message text is empty");
      expectApiError(() => emulator.sendText(ayse, group, text), "Bad Request: message text is empty");
    }
    expect(emulator.chats.has(ayse.id)).toBe(false);
    expect(emulator.messagesIn(group.id)).toEqual([]);
    expect(group.nextMessageId).toBe(1);
    expect(emulator.pendingUpdateCount).toBe(0);
  });

  it("counts the 4096 limit in UTF-16 code units, as Telegram does", () => {
    const emulator = new TelegramEmulator();
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    expect(emulator.sendText(ayse, "private", "ş".repeat(4096)).message.text).toHaveLength(4096);
    expect(emulator.sendText(ayse, "private", "😀".repeat(2048)).delivered).toBe(true);
    expectApiError(() => emulator.sendText(ayse, "private", "ş".repeat(4097)), "Bad Request: message is too long");
    expectApiError(() => emulator.sendText(ayse, "private", "😀".repeat(2048) + "a"), "Bad Request: message is too long");
    expect(emulator.messagesIn(ayse.id)).toHaveLength(2);
    expect(emulator.pendingUpdateCount).toBe(2);
  });

  it("refuses a press on a missing message, or on a person's message, with a 400", () => {
    const emulator = new TelegramEmulator();
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const { message } = emulator.sendText(ayse, "private", "/start");
    expectApiError(() => emulator.pressButton(ayse, ayse.id, 99, "y"), "Bad Request: message not found");
    expectApiError(() => emulator.pressButton(ayse, -5, 1, "y"), "Bad Request: message not found");
    expectApiError(() => emulator.pressButton(ayse, ayse.id, message.message_id, "y", { forged: true }), /has no buttons/);
  });
});

describe("emulator: change feed of people's actions", () => {
  it("announces user and service messages, and stops when unsubscribed", () => {
    const emulator = new TelegramEmulator();
    const changes: WorldChange[] = [];
    const raw: [number, number][] = [];
    emulator.on("message-changed", (chatId, messageId) => raw.push([chatId, messageId]));
    const stop = emulator.onWorldChange((change) => changes.push(change));
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    const derya = emulator.createUser({ first_name: "Derya" });
    const forum = emulator.createGroup({ title: "Ağ", isForum: true, members: [{ user: ayse, status: "creator" }] });
    const hello = emulator.sendText(ayse, "private", "/start").message;
    const topic = emulator.createTopic(forum, "Gündem");
    emulator.joinChat(forum, derya);
    emulator.leaveChat(forum, derya);
    expect(changes).toEqual([
      { kind: "message", chatId: ayse.id, messageId: hello.message_id },
      { kind: "message", chatId: forum.id, messageId: topic },
      { kind: "message", chatId: forum.id, messageId: topic + 1 },
      { kind: "message", chatId: forum.id, messageId: topic + 2 },
    ]);
    expect(raw).toEqual(changes.map((change) => [change.chatId, change.kind === "message" ? change.messageId : 0]));
    stop();
    emulator.sendText(ayse, "private", "merhaba");
    expect(changes).toHaveLength(4);
    expect(raw).toHaveLength(5);
  });

  it("does not announce refused input", () => {
    const emulator = new TelegramEmulator();
    const changes: WorldChange[] = [];
    emulator.onWorldChange((change) => changes.push(change));
    const ayse = emulator.createUser({ first_name: "Ayşe" });
    expect(() => emulator.sendText(ayse, "private", " ")).toThrow(ApiError);
    expect(changes).toEqual([]);
  });
});

describe("emulator: snapshot and restore of people's world", () => {
  function buildWorld(): { emulator: TelegramEmulator; snapshot: EmulatorSnapshot } {
    const emulator = new TelegramEmulator({ token: "42:snapshot-token-ABCDEFGHIJKLMNOPQRS", botUsername: "kdm_bot", botName: "KDM", privacyMode: false });
    const ayse = emulator.createUser({ first_name: "Ayşe", username: "ayse", language_code: "tr" });
    const derya = emulator.createUser({ first_name: "Derya", public: true });
    const forum = emulator.createGroup({ title: "İzmir KDM Ağı", isForum: true, username: "kdm_ag", members: [{ user: ayse, status: "creator" }], botStatus: "administrator", botRights: { can_pin_messages: true } });
    const old = emulator.createGroup({ title: "Eski grup", type: "group", members: [{ user: ayse }] });
    emulator.upgradeToSupergroup(old);
    const topic = emulator.createTopic(forum, "Gündem", ayse);
    emulator.joinChat(forum, derya);
    emulator.sendText(ayse, forum, "toplantı ne zaman?", { threadId: topic });
    emulator.sendText(ayse, "private", "/start");
    emulator.blockBot(ayse);
    // Through JSON, as a playground writes it to disk.
    return { emulator, snapshot: JSON.parse(JSON.stringify(emulator.snapshot())) as EmulatorSnapshot };
  }

  it("builds the same world, keeping the bot and continuing every counter", async () => {
    const { emulator, snapshot } = buildWorld();
    const restored = TelegramEmulator.restore(snapshot, { limits: false });
    expect(restored.token).toBe(emulator.token);
    expect(restored.bot).toEqual(emulator.bot);
    expect([...restored.users.values()]).toEqual([...emulator.users.values()]);
    for (const [id, chat] of emulator.chats) {
      const copy = restored.chats.get(id)!;
      expect(copy).toEqual(chat);
      expect(restored.messagesIn(id)).toEqual(emulator.messagesIn(id));
    }
    expect(restored.pendingUpdateCount).toBe(emulator.pendingUpdateCount);
    expect(restored.snapshot()).toEqual(snapshot);

    const [ayse, derya] = [...restored.users.values()];
    const forum = [...restored.chats.values()].find((chat) => chat.isForum)!;
    const next = restored.sendText(ayse!, forum, "yarın 10:00", { threadId: [...forum.topics.keys()][0] });
    expect(next.message.message_id).toBe(emulator.chats.get(forum.id)!.nextMessageId);
    expect(restored.createUser({ first_name: "Zehra" }).id).not.toBe(derya!.id);
    expect(restored.createUser({ first_name: "Nur" }).id).toBe(emulator.createUser({ first_name: "Nur" }).id + 1);
    const newGroup = restored.createGroup({ title: "Yeni" });
    expect(restored.chats.size).toBe(emulator.chats.size + 1);
    expect(emulator.chats.has(newGroup.id)).toBe(false);
    expect(() => restored.sendText(ayse!, "private", "merhaba")).toThrow(/blocked the bot/);
  });

  it("shares nothing with the snapshot it came from", () => {
    const { snapshot } = buildWorld();
    const copy = structuredClone(snapshot);
    const restored = TelegramEmulator.restore(snapshot);
    const ayse = [...restored.users.values()][0]!;
    restored.sendText(ayse, "private", "/start");
    restored.createUser({ first_name: "Zehra" });
    expect(snapshot).toEqual(copy);
  });

  it("keeps who may be named in groups", () => {
    const { snapshot } = buildWorld();
    const restored = TelegramEmulator.restore(snapshot);
    expect(restored.privacy.publicUserIds()).toEqual(snapshot.publicUserIds);
    expect(snapshot.publicUserIds).toHaveLength(1);
  });

  it("refuses options that name another bot, and files that are no snapshot", () => {
    const { snapshot } = buildWorld();
    expect(() => TelegramEmulator.restore(snapshot, { token: "1:other-token-ABCDEFGHIJKLMNOPQRSTU" })).toThrow(/different bot/);
    expect(() => TelegramEmulator.restore(snapshot, { botUsername: "other_bot" })).toThrow(/different bot/);
    expect(new TelegramEmulator({ snapshot, token: snapshot.token }).bot.username).toBe("kdm_bot");
    expect(() => TelegramEmulator.restore({ ...snapshot, version: 2 } as unknown as EmulatorSnapshot)).toThrow(/version 2/);
    expect(() => TelegramEmulator.restore({} as EmulatorSnapshot)).toThrow(/not an emulator snapshot/);
  });
});
