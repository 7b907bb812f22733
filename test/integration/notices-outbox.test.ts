import { Api } from "grammy";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { SendBudget, TELEGRAM_BUDGET } from "../../src/outbox/budget.ts";
import { TELEGRAM_LIMITS, type EmulatedChat, type EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Telegram's flood limits are on, and a group's minute is a minute: time is driven by a fake
// `Date` that also runs on by itself (installed before the scenario starts, so the emulator's
// flood control, the send budget, the queue and the services all read it).
vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
vi.setSystemTime(new Date("2026-11-24T09:00:00Z"));
afterAll(() => void vi.useRealTimers());
const scenario = useScenario({ limits: TELEGRAM_LIMITS });
const { say } = scenario;

const later = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));
const notices = (meetingId: number) => scenario.db.prisma.outboxMessage.findMany({ where: { meetingId, kind: "meeting-notice" }, orderBy: { id: "asc" } });

/**
 * A minute on, what is due goes out: the group's set-up answers have used its burst, and the
 * notice waits for room as it would at any time.
 */
async function deliverLater(): Promise<void> {
  later(61_000);
  const errorsBefore = scenario.emulator.servedErrors.length;
  await scenario.deliver();
  expect(scenario.emulator.servedErrors.slice(errorsBefore)).toEqual([]);
}

/** The user writes; resolves with the bot's answer once the handler is done, without delivering the outbox. */
async function act(user: EmulatedUser, chat: EmulatedChat | "private", text: string): Promise<string> {
  const { message } = scenario.emulator.sendText(user, chat, text);
  const answer = await scenario.emulator.nextBotMessage(chat === "private" ? user.id : chat.id, message.message_id);
  await scenario.running.ortak.inFlight.drain();
  return answer.text ?? "";
}

/** A network whose meeting 27 was announced to its group (invited), and an organiser who started the bot. */
async function announcedMeeting(name: string) {
  const fixture = await scenario.network(name);
  const { admin, group } = fixture;
  await say(admin, "private", "/start");
  await say(admin, group, "/network_set next_number 27");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 27 } });
  // As /invite leaves it (its cards are another feature's business).
  await scenario.db.prisma.meeting.update({ where: { id: meeting.id }, data: { status: "invited", invitedAt: new Date() } });
  return { ...fixture, meeting };
}

describe("a meeting notice to a group whose budget is used up", () => {
  it("/cancel answers the organiser at once; the notice is a row that follows when the group's minute allows, once", async () => {
    const { emulator, db } = scenario;
    const { admin, group, meeting } = await announcedMeeting("Kalabalık Ağ");
    // A fresh minute for the group, then 20 messages to it by other means (counted where ortak's
    // own answers are counted), one a second: the group's budget is used up.
    later(61_000);
    const redis = new Redis({ path: scenario.redisPath, maxRetriesPerRequest: 3 });
    const other = new Api(emulator.token, { apiRoot: emulator.apiRoot });
    other.config.use(new SendBudget(redis, TELEGRAM_BUDGET).transformer);
    for (let i = 0; i < 20; i++) {
      later(1000);
      await other.sendMessage(group.id, `Duyuru ${i + 1}`);
    }
    await vi.waitFor(async () => expect(await redis.zcard(`ortak:budget:group:${group.id}`)).toBe(20));
    const errorsBefore = emulator.servedErrors.length;
    const groupBefore = emulator.botMessagesIn(group.id).length;

    expect(await scenario.cancelMeeting(admin, "private", "27 Salon su baskını nedeniyle kapalı")).toBe(
      "27. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.",
    );
    const answer = emulator.botMessagesIn(admin.id).at(-1)!;
    // The delivery ran (say() runs what is due) and left the notice waiting for the group's minute.
    const [waiting] = await notices(meeting.id);
    expect(waiting).toMatchObject({ audience: `chat:${group.id}:0`, status: "scheduled", sentAt: null, attempts: 0 });
    expect(waiting!.notBefore.getTime()).toBeGreaterThan(Date.now());
    expect(emulator.botMessagesIn(group.id)).toHaveLength(groupBefore);
    expect(emulator.servedErrors.slice(errorsBefore)).toEqual([]);

    later(61_000);
    await scenario.deliver();
    const after = emulator.botMessagesIn(group.id).slice(groupBefore);
    expect(after.map((m) => m.text)).toEqual(["❌ 27. toplantı iptal edildi.\nGerekçe: Salon su baskını nedeniyle kapalı"]);
    expect(after[0]!.date).toBeGreaterThan(answer.date);
    expect(await notices(meeting.id)).toMatchObject([{ status: "sent", attempts: 0 }]);
    expect(emulator.servedErrors.slice(errorsBefore)).toEqual([]);

    // Nothing more comes of it: the row is done, and a second run finds nothing to send.
    later(120_000);
    expect(await scenario.deliver()).toBe(0);
    expect(emulator.botMessagesIn(group.id)).toHaveLength(groupBefore + 1);
    // The meeting's reminders were withdrawn with it.
    expect(await db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, dedupeKey: { startsWith: "reminder:" }, status: "scheduled" } })).toBe(0);
    redis.disconnect();
  });
});

describe("meeting notices are rendered when they go out", () => {
  it("two moves before the group hears of either: one notice, from the date it knew to the latest", async () => {
    const { admin, group, meeting } = await announcedMeeting("Taşınma Ağı");
    expect(await act(admin, "private", "/reschedule 27 18.03.2027 10:00")).toMatch(/^27\. toplantı yeni tarihine taşındı: 18 Mart 2027 Perşembe, 10:00–15:00\. Duyuru bağlı sohbetlere gönderiliyor\.$/);
    expect(await act(admin, "private", "/reschedule 27 19.03.2027 14:00")).toMatch(/^27\. toplantı yeni tarihine taşındı: 19 Mart 2027 Cuma/);
    expect((await notices(meeting.id)).map((n) => n.status)).toEqual(["cancelled", "scheduled"]);
    // Reminders follow the new date.
    const reminders = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, dedupeKey: { startsWith: "reminder:" }, status: "scheduled" } });
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.notBefore <= new Date("2027-03-19T11:00:00Z"))).toBe(true);
    expect(reminders.some((r) => r.notBefore > new Date("2027-03-18T07:00:00Z"))).toBe(true);

    const before = scenario.emulator.botMessagesIn(group.id).length;
    await deliverLater();
    expect(scenario.emulator.botMessagesIn(group.id).slice(before).map((m) => m.text)).toEqual([
      "📅 27. toplantının tarihi değişti.\nEski: 17 Mart 2027 Çarşamba, 10:00–15:00\nYeni: 19 Mart 2027 Cuma, 14:00–19:00",
    ]);
  });

  it("a move then a cancellation before either went out: the group hears only of the cancellation", async () => {
    const { admin, group, meeting } = await announcedMeeting("Vazgeçme Ağı");
    await act(admin, "private", "/reschedule 27 18.03.2027 10:00");
    expect(await scenario.cancelMeeting(admin, "private", "27", { deliver: false })).toBe("27. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.");
    const before = scenario.emulator.botMessagesIn(group.id).length;
    await deliverLater();
    expect(scenario.emulator.botMessagesIn(group.id).slice(before).map((m) => m.text)).toEqual(["❌ 27. toplantı iptal edildi."]);
    expect((await notices(meeting.id)).map((n) => [JSON.stringify(n.payload).includes("rescheduled"), n.status])).toEqual([
      [true, "cancelled"],
      [false, "sent"],
    ]);
  });

  it("a meeting not yet announced is moved and cancelled without a notice", async () => {
    const fixture = await scenario.network("Sessiz Ağ");
    await say(fixture.admin, "private", "/start");
    await say(fixture.admin, fixture.group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
    expect(await say(fixture.admin, "private", "/reschedule 1 18.03.2027 10:00")).toMatch(/^1\. toplantı yeni tarihine taşındı: [^.]+\.$/);
    expect(await scenario.cancelMeeting(fixture.admin, "private", "1")).toBe("1. toplantı iptal edildi. Bu numara bir daha kullanılmayacak.");
    expect(await scenario.db.prisma.outboxMessage.count({ where: { kind: "meeting-notice", network: { joinCode: fixture.code } } })).toBe(0);
  });
});

/** Waits until the bot has handled the service messages it was sent (they get no answer to wait for). */
async function handled(): Promise<void> {
  await vi.waitFor(() => expect(scenario.emulator.pendingUpdateCount).toBe(0), { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  await scenario.running.ortak.inFlight.drain();
}

describe("organisers hear privately, through the outbox", () => {
  it("a member who left every linked chat: one DM row per organiser, the name never in the group; someone back before it went out is not reported", async () => {
    const { admin, member, group, code } = await scenario.network("Ayrılış Ağı");
    const second = scenario.emulator.createUser({ first_name: "Nur", username: "nur_koord", language_code: "en" });
    scenario.emulator.setMember(group, second, "member");
    await say(second, group, "/whoami");
    await say(admin, group, `/organiser_add @${second.username}`);
    await say(admin, "private", "/start");
    await say(second, "private", "/start");
    const network = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code }, include: { members: { orderBy: { id: "asc" } } } });
    const idOf = (user: EmulatedUser) => network.members.find((m) => m.userId === BigInt(user.id))!.id;
    expect(network.members.find((m) => m.id === idOf(second))!.role).toBe("organiser");

    scenario.emulator.leaveChat(group, member);
    await handled();
    const rows = await scenario.db.prisma.outboxMessage.findMany({ where: { kind: "membership-organisers", networkId: network.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.audience, r.status])).toEqual([
      [`member:${idOf(admin)}`, "scheduled"],
      [`member:${idOf(second)}`, "scheduled"],
    ]);
    // Ids, never names, in the row.
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toMatch(/Ayşe|ayse/);
    const groupBefore = scenario.emulator.botMessagesIn(group.id).length;
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toBe(
      `Ayşe Yılmaz (@${member.username}), Ayrılış Ağı ağının bağlı gruplarının hiçbirinde artık yer almıyor. Bu kişiye ağla ilgili özel mesaj gönderilmeyecek; daha önce verdiği yanıtlar sayılmaya devam ediyor. Gruba yeniden yazarsa üyeliği kendiliğinden yenilenir.`,
    );
    expect(scenario.emulator.botMessagesIn(second.id).at(-1)!.text).toMatch(new RegExp(`^Ayşe Yılmaz \\(@${member.username}\\)`));
    expect(scenario.emulator.botMessagesIn(group.id)).toHaveLength(groupBefore);

    // Leaves again and comes back before the organisers' notice goes out: nothing is sent.
    scenario.emulator.joinChat(group, member);
    await handled();
    scenario.emulator.leaveChat(group, member);
    await handled();
    scenario.emulator.joinChat(group, member);
    await handled();
    const adminBefore = scenario.emulator.botMessagesIn(admin.id).length;
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(admin.id)).toHaveLength(adminBefore);
    const again = await scenario.db.prisma.outboxMessage.findMany({ where: { kind: "membership-organisers", networkId: network.id }, orderBy: { id: "asc" }, skip: 2 });
    expect(again.map((r) => [r.status, r.reason])).toEqual([
      ["skipped", "came back"],
      ["skipped", "came back"],
    ]);
  });

  it("an action item done: the organisers get a DM row, written with the change; the person who closed it gets only the answer", async () => {
    const { admin, member, group, code } = await scenario.network("Görev Ağı");
    await say(admin, "private", "/start");
    await say(member, "private", "/start");
    const { prisma } = scenario.db;
    const network = await prisma.network.findUniqueOrThrow({ where: { joinCode: code }, include: { members: true } });
    const owner = network.members.find((m) => m.userId === BigInt(member.id))!;
    const organiser = network.members.find((m) => m.userId === BigInt(admin.id))!;
    const now = new Date();
    const meeting = await prisma.meeting.create({ data: { networkId: network.id, number: 1, title: "1", startsAt: new Date(now.getTime() - 86_400_000), endsAt: new Date(now.getTime() - 82_800_000), status: "held" } });
    await prisma.minutes.create({ data: { meetingId: meeting.id } });
    const entry = await prisma.minutesEntry.create({
      data: { meetingId: meeting.id, number: 1, kind: "action", text: "Broşür taslağı", ownerMemberId: owner.id, ownerUsername: member.username, publishedAt: now },
    });

    const memberBefore = scenario.emulator.botMessagesIn(member.id).length;
    const answer = await act(member, "private", `/done ${entry.id}`);
    expect(answer).toContain("Broşür taslağı");
    const rows = await prisma.outboxMessage.findMany({ where: { kind: "action-organisers", networkId: network.id } });
    expect(rows.map((r) => [r.audience, r.status])).toEqual([[`member:${organiser.id}`, "scheduled"]]);

    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toBe(`✅ Ayşe bir görevi tamamladı (1. toplantı): Broşür taslağı — @${member.username}, son tarih belirtilmemiş (#${entry.id})`);
    expect(scenario.emulator.botMessagesIn(member.id)).toHaveLength(memberBefore + 1);
    expect(scenario.emulator.botMessagesIn(group.id).some((m) => m.text?.includes("Broşür"))).toBe(false);
  });
});
