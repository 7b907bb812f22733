import { Writable } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ApiError, type EmulatedChat, type EmulatedUser, type StoredMessage } from "../../emulator/index.ts";
import { createLogger } from "../../src/logger.ts";
import { useScenario } from "../support/scenario.ts";

/** Every line ortak logs, as it would reach stdout. */
const written: string[] = [];
const destination = new Writable({ write: (chunk, _encoding, done) => (written.push(String(chunk)), done()) });
type Line = Record<string, unknown> & { msg: string };
const lines = (from = 0): Line[] => written.slice(from).map((line) => JSON.parse(line) as Line);
const TOKEN = "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";

// The real clock: card edits are paced in real time. Every date below is absolute and far enough ahead.
const scenario = useScenario({ logger: createLogger({ level: "debug", secrets: [TOKEN], destination }) });
const { say } = scenario;

const TITLE = "Mart toplantısı";
const POLL = `/poll_dates ${TITLE} | 17 Mart 2027 10:00 | 24 Mart 2027 14:00`;

// Titles and names are what people wrote and who they are: no log line may carry them.
afterAll(() => {
  const everything = written.join("");
  expect(written.length).toBeGreaterThan(0);
  for (const text of [TITLE, "Nisan toplantısı", "Derya", "Ayşe", "Yılmaz"]) expect(everything).not.toContain(text);
});

const cardsIn = (chatId: number, number = 1) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.text?.startsWith(`🗓 Tarih anketi ${number}:`));
const press = (user: EmulatedUser, card: StoredMessage, position: number, answer: "y" | "m" | "n") => {
  const data = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.endsWith(`:${position}:${answer}`))!.callback_data!;
  return scenario.emulator.pressButton(user, card.chatId, card.message_id, data);
};

/** A network set up in `group` (a basic group unless told), Ayşe of Buca a member of it. */
async function networkIn(name: string, type: "group" | "supergroup" = "supergroup") {
  const n = scenario.emulator.users.size;
  const admin = scenario.emulator.createUser({ first_name: "Derya", username: `derya_${n}`, language_code: "tr" });
  const ayse = scenario.emulator.createUser({ first_name: "Ayşe", last_name: "Yılmaz", username: `ayse_${n}`, language_code: "tr" });
  const group: EmulatedChat = scenario.emulator.createGroup({ title: name, type, members: [{ user: admin, status: "creator" }, { user: ayse }] });
  await say(admin, group, `/setup ${name}`);
  await say(ayse, group, "/whoami");
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, `/member_set_org @${ayse.username} Buca`);
  await say(admin, "private", "/start");
  const network = await scenario.db.prisma.network.findFirstOrThrow({ where: { chats: { some: { telegramChatId: BigInt(group.id) } } } });
  return { admin, ayse, group, networkId: network.id };
}

describe("a group upgraded to a supergroup", () => {
  it("an open poll's card is posted again in the supergroup and edited there from then on; a closed poll's card stays behind", async () => {
    const { admin, ayse, group, networkId } = await networkIn("Büyüyen Anket Ağı", "group");
    await say(admin, group, POLL);
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await scenario.settle();
    await say(admin, group, "/poll_close 2 1");
    await scenario.settle();
    const [card] = cardsIn(group.id);
    expect(card).toBeDefined();

    const supergroup = scenario.emulator.upgradeToSupergroup(group);
    // A vote changes the card: its edit learns where the group went, and the card follows.
    expect((await press(ayse, card!, 1, "y")).text).toBe("1. seçenek: Katılabilirim ✅");
    await scenario.settle();

    const moved = cardsIn(supergroup.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.text).toContain("1) 17 Mart 2027 Çarşamba, 10:00 ⭐\n✅ 1 kişi (1 kurumdan) · 🤷 0 kişi gerekirse");
    expect(moved[0]!.reply_markup!.inline_keyboard!.flat()).toHaveLength(6);
    expect(cardsIn(supergroup.id, 2)).toEqual([]);
    expect((await scenario.db.prisma.chat.findFirstOrThrow({ where: { networkId } })).telegramChatId).toBe(BigInt(supergroup.id));
    const poll = await scenario.db.prisma.datePoll.findUniqueOrThrow({ where: { networkId_number: { networkId, number: 1 } } });
    const cards = await scenario.db.prisma.datePollCard.findMany({ where: { pollId: poll.id }, orderBy: { id: "asc" } });
    expect(cards.map((c) => [Number(c.telegramChatId), c.deadAt !== null])).toEqual([
      [group.id, true],
      [supergroup.id, false],
    ]);

    // From then on the new card takes votes and is the one kept up to date.
    await say(admin, supergroup, "/whoami");
    expect((await press(admin, moved[0]!, 2, "y")).text).toBe("2. seçenek: Katılabilirim ✅");
    await scenario.settle();
    expect(cardsIn(supergroup.id)).toHaveLength(1);
    expect(moved[0]!.text).toContain("Oy veren: 2 kişi");
  });
});

describe("/audit", () => {
  it("shows who started, closed and cancelled a date poll, in words", async () => {
    const { admin, group } = await networkIn("Anket Kayıt Ağı");
    await say(admin, group, POLL);
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await say(admin, group, "/poll_close 1 2");
    await say(admin, group, "/poll_cancel 2");
    const audit = (await say(admin, "private", "/audit 6")).split("\n");
    expect(audit.slice(0, 2)).toEqual(["Son 6 işlem", ""]);
    // Newest first; closing also made meeting 1 and proposed its host, as /meeting_new would have.
    expect(audit.slice(2).map((line) => line.replace(/^\d\d\.\d\d\.\d{4} \d\d:\d\d: /, ""))).toEqual([
      "Derya · Tarih anketi iptal edildi · 2 Nisan toplantısı",
      "ortak (otomatik) · Ev sahipliği önerildi · 1 Buca",
      "Derya · Tarih anketi kapatıldı, toplantı oluşturuldu · 1 24.03.2027 14:00, 1",
      "Derya · Toplantı oluşturuldu · 1 24.03.2027 14:00",
      "Derya · Tarih anketi başlatıldı · 2 Nisan toplantısı, 2",
      "Derya · Tarih anketi başlatıldı · 1 Mart toplantısı, 2",
    ]);
  });
});

describe("log lines about a date poll", () => {
  it("carry the poll's number while an update about it is handled and while its rows are delivered", async () => {
    const { admin, ayse, group } = await networkIn("Anket Günlük Ağı");
    const createdAt = written.length;
    await say(admin, group, POLL);
    await scenario.settle();
    expect(lines(createdAt).find((line) => line.msg === "date poll created")).toMatchObject({ poll: 1, update_id: expect.any(Number) });
    const delivered = lines(createdAt).filter((line) => line.msg === "outbox delivery done" && line.kind === "poll-card-post");
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ poll: 1, result: "sent", outboxId: expect.any(Number) });

    // A press whose answer fails: the error boundary's line names the poll the press was about.
    const [card] = cardsIn(group.id);
    const pressing = written.length;
    scenario.emulator.failNext("answerCallbackQuery", new ApiError(400, "Bad Request: something unexpected"));
    await press(ayse, card!, 1, "y").catch(() => undefined);
    const failed = await vi.waitFor(
      () => {
        const found = lines(pressing).find((line) => line.msg === "update handling failed");
        if (!found) throw new Error("no failure logged yet");
        return found;
      },
      { timeout: 15_000, interval: 20 },
    );
    expect(failed).toMatchObject({ poll: 1, update_id: expect.any(Number) });

    const closing = written.length;
    await say(admin, group, "/poll_close 1 1");
    expect(lines(closing).find((line) => line.msg === "date poll closed into a meeting")).toMatchObject({ poll: 1, meeting: 1 });
    const cancelling = written.length;
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await say(admin, group, "/poll_cancel 2");
    expect(lines(cancelling).find((line) => line.msg === "date poll cancelled")).toMatchObject({ poll: 2 });
    await scenario.settle();
  });
});
