import { describe, expect, it } from "vitest";
import { ApiError, type BotAction, type EmulatedChat, type EmulatedUser, type StoredMessage } from "../../emulator/index.ts";
import { readSnapshot } from "../../src/features/minutes/view.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Meeting 25 on Wednesday 17 March 2027, 10:00 in İzmir; the minutes are written once it has begun.
const { scenario, moveClockTo } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;

let admin: EmulatedUser;
let member: EmulatedUser;
let elif: EmulatedUser;
let group: EmulatedChat;
let second: EmulatedChat;
let gone: EmulatedChat;
let code: string;

/** The bot's answer to a message, without delivering the outbox afterwards (say() would). */
async function answer(user: EmulatedUser, chat: EmulatedChat | "private", text: string): Promise<string> {
  const { message } = scenario.emulator.sendText(user, chat, text);
  const reply = await scenario.emulator.nextBotMessage(chat === "private" ? user.id : chat.id, message.message_id);
  await scenario.running.ortak.inFlight.drain();
  return reply.text ?? "";
}

const sentAfter = (chatId: number, messageId: number) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.message_id > messageId);
const lastId = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)?.message_id ?? 0;
/** What a copy consists of, in order: each message's text, then each file's name and content. */
const partsOf = (messages: StoredMessage[]) => messages.map((m) => (m.document ? `${m.document.file_name}:${scenario.emulator.file(m.document.file_id)!.length}` : m.text));
const copyRows = (version: number) => scenario.db.prisma.outboxMessage.findMany({ where: { kind: "minutes-copy", dedupeKey: { contains: `:${version}:` } }, orderBy: { id: "asc" } });

/** A note of about 900 characters: six of them make a copy of two messages. */
const longNote = (n: number) => `Değerlendirme ${n}) ${"Danışma merkezlerinin ortak çalışması üzerine uzun bir değerlendirme yapıldı. ".repeat(11)}`.trim();

describe("minutes copies go through the outbox", () => {
  it("sets up meeting 25 with two linked groups, a third one soon unlinked, and a second organiser", async () => {
    ({ admin, member, group, code } = await scenario.networkWithMeeting("İzmir Kopya Ağı", "Açılış; Kampanya"));
    second = scenario.emulator.createGroup({ title: "İzmir Kopya Ağı — duyurular", members: [{ user: admin, status: "creator" }, { user: member }] });
    gone = scenario.emulator.createGroup({ title: "İzmir Kopya Ağı — eski grup", members: [{ user: admin, status: "creator" }] });
    expect(await say(admin, second, `/link ${code}`)).toBe("Bu sohbet “İzmir Kopya Ağı” ağına bağlandı.");
    expect(await say(admin, gone, `/link ${code}`)).toBe("Bu sohbet “İzmir Kopya Ağı” ağına bağlandı.");
    elif = scenario.emulator.createUser({ first_name: "Elif", username: "elif_kopya", language_code: "tr" });
    scenario.emulator.setMember(group, elif, "member");
    await say(elif, group, "/whoami");
    await say(elif, "private", "/start");
    await say(admin, "private", `/organiser_add @${elif.username}`);
    expect(await scenario.db.prisma.member.count({ where: { role: "organiser", network: { joinCode: code } } })).toBe(2);

    moveClockTo("2027-03-17T07:30:00Z");
    expect(await say(admin, "private", "/minutes 25")).toContain("📝 25. toplantının tutanağı");
    for (let n = 1; n <= 6; n++) expect(await say(admin, "private", longNote(n))).toBe(`✍️ ${n} numaralı kayıt eklendi.`);
    expect(await say(admin, "private", "Açılışı Ayşe Yılmaz yaptı.")).toBe("✍️ 7 numaralı kayıt eklendi.");
  });

  it("publishing answers at once; each part goes out once, a part that failed is tried again alone, a blocked organiser and an unlinked chat get nothing", async () => {
    const before = { group: lastId(group.id), second: lastId(second.id), gone: lastId(gone.id), admin: lastId(admin.id), member: lastId(member.id), elif: lastId(elif.id) };
    // The answer comes before any copy: nothing is sent until the outbox delivers.
    expect(await answer(admin, "private", "/minutes_publish 25")).toBe("📣 25. toplantının tutanağı 1. sürüm olarak yayımlandı; kopyaları 3 sohbete ve 2 koordinatöre gönderiliyor.");
    expect(sentAfter(group.id, before.group)).toEqual([]);
    const rows = await copyRows(1);
    expect(rows.map((r) => [r.audience.replace(/\d+/g, "#").replace(/-#/, "#"), r.payload])).toEqual([
      ["chat:#:#", { version: 1, part: 0 }],
      ["chat:#:#", { version: 1, part: 0 }],
      ["chat:#:#", { version: 1, part: 0 }],
      ["member:#", { version: 1, part: 0 }],
      ["member:#", { version: 1, part: 0 }],
    ]);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(5);

    // Meanwhile the old group is unlinked, and Elif blocks the bot.
    expect(await answer(admin, gone, "/unlink")).toMatch(/bağlantısı kaldırıldı/);
    scenario.emulator.blockBot(elif);
    // Telegram fails the group's second message once, with a server error.
    const failSecond = (action: BotAction) => {
      if (action.kind !== "send" || action.chatId !== group.id) return;
      scenario.emulator.off("action", failSecond);
      scenario.emulator.failNext("sendMessage", new ApiError(502, "Bad Gateway"), group.id);
    };
    scenario.emulator.on("action", failSecond);
    await scenario.deliver();

    const full = sentAfter(second.id, before.second);
    // Six long notes do not fit in one message: two messages, the Markdown file, the PDF.
    expect(full.map((m) => m.document?.file_name ?? "message")).toEqual(["message", "message", "tutanak-25-surum-1.md", "tutanak-25-surum-1.pdf"]);
    expect(full[0]!.text).toContain("İzmir Kopya Ağı — 25. toplantı tutanağı");
    expect(full.map((m) => m.text ?? "").join("\n")).toContain("Açılışı (isim gizlendi) yaptı.");
    // The group got its first message only; the row waits for its second part with one attempt used.
    expect(partsOf(sentAfter(group.id, before.group))).toEqual(partsOf(full.slice(0, 1)));
    const waiting = (await copyRows(1)).find((r) => r.audience === `chat:${group.id}:0`)!;
    expect([waiting.status, waiting.payload, waiting.attempts]).toEqual(["scheduled", { version: 1, part: 1 }, 1]);

    // After the answer to /minutes_publish.
    const organiserCopy = sentAfter(admin.id, before.admin).slice(1);
    expect(organiserCopy.map((m) => m.document?.file_name ?? "message")).toEqual(["message", "message", "tutanak-25-surum-1.md", "tutanak-25-surum-1.pdf"]);
    expect(organiserCopy.map((m) => m.text ?? "").join("\n")).toContain("Açılışı Ayşe Yılmaz yaptı.");
    // Not an organiser: no copy. Blocked the bot: skipped, and known to be unreachable. Unlinked: nothing.
    expect(sentAfter(member.id, before.member)).toEqual([]);
    expect(sentAfter(elif.id, before.elif)).toEqual([]);
    expect(sentAfter(gone.id, before.gone).map((m) => m.text)).toEqual([expect.stringMatching(/bağlantısı kaldırıldı/)]);
    const byAudience = new Map((await copyRows(1)).map((r) => [r.audience, r]));
    const elifMember = await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(elif.id) } });
    expect([byAudience.get(`member:${elifMember.id}`)!.status, byAudience.get(`member:${elifMember.id}`)!.reason]).toEqual(["skipped", "unreachable"]);
    expect(byAudience.get(`chat:${gone.id}:0`)!.status).toBe("cancelled");
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(elif.id) } })).dmReachable).toBe(false);

    // The minutes card says where the copies are, from the outbox rows.
    expect(await say(admin, "private", "/minutes 25")).toContain("Kopyalar: 2 gönderildi, 1 sırada, 2 ulaştırılamadı.");

    // After the backoff the group gets the rest: every part exactly once, in order.
    moveClockTo("2027-03-17T07:31:00Z");
    await scenario.deliver();
    expect(partsOf(sentAfter(group.id, before.group))).toEqual(partsOf(full));
    expect((await copyRows(1)).find((r) => r.audience === `chat:${group.id}:0`)!.status).toBe("sent");
    expect(await say(admin, "private", "/minutes 25")).toContain("Kopyalar: 3 gönderildi, 2 ulaştırılamadı.");
    // Delivering again sends nothing more.
    const settled = scenario.emulator.botMessagesIn(group.id).length;
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(group.id).length).toBe(settled);
  });

  it("two publications at once publish once", async () => {
    expect(await say(admin, "private", "/minutes_edit 25 7 Açılış yapıldı.")).toContain("✏️ 7 numaralı kayıt düzeltildi.");
    const { services, ortak } = scenario.running;
    const network = await scenario.db.prisma.network.findFirstOrThrow({ where: { joinCode: code } });
    const meeting = (await services.meetings.find(network.id, 25))!;
    const check = await services.minutes.checkPublish(meeting);
    if (check.kind !== "ready") throw new Error(`not ready: ${check.kind}`);
    const rowsBefore = await scenario.db.prisma.outboxMessage.count({ where: { kind: "minutes-copy" } });
    const outcomes = await Promise.all([1, 2].map(() => ortak.publisher.publish(meeting, network, BigInt(admin.id), check.version)));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["published", "taken"]);
    expect(await scenario.db.prisma.minutesVersion.count({ where: { meetingId: meeting.id } })).toBe(2);
    // Two linked groups and one reachable organiser now.
    expect(await scenario.db.prisma.outboxMessage.count({ where: { kind: "minutes-copy" } })).toBe(rowsBefore + 3);
    expect(await scenario.db.prisma.auditEntry.count({ where: { action: "minutes.publish", networkId: network.id } })).toBe(2);

    const before = lastId(group.id);
    await scenario.deliver();
    const copy = sentAfter(group.id, before);
    expect(copy.filter((m) => m.text?.includes("25. toplantı tutanağı"))).toHaveLength(1);
    expect(copy.filter((m) => m.document).map((m) => m.document!.file_name)).toEqual(["tutanak-25-surum-2.md", "tutanak-25-surum-2.pdf"]);
    // And the command, once more, finds nothing new to publish.
    expect(await say(admin, "private", "/minutes_publish 25")).toBe("25. toplantının tutanağı 2. sürüm olarak zaten yayımlandı ve o günden beri değişmedi.");
  });

  it("an entry written between the check and the publication is in that version, not marked published without it", async () => {
    const { services, ortak } = scenario.running;
    const network = await scenario.db.prisma.network.findFirstOrThrow({ where: { joinCode: code } });
    const meeting = (await services.meetings.find(network.id, 25))!;
    expect(await say(admin, "private", "/minutes_edit 25 7 Açılış yapıldı; katılımcılar tanıştı.")).toContain("✏️ 7 numaralı kayıt düzeltildi.");
    const check = await services.minutes.checkPublish(meeting);
    if (check.kind !== "ready") throw new Error(`not ready: ${check.kind}`);
    await services.minutes.add(meeting, BigInt(admin.id), { kind: "note", text: "Yayından hemen önce eklenen not" });
    expect((await ortak.publisher.publish(meeting, network, BigInt(admin.id), check.version)).kind).toBe("published");
    const version = await scenario.db.prisma.minutesVersion.findFirstOrThrow({ where: { meetingId: meeting.id, version: check.version } });
    expect(readSnapshot(version.content).entries.map((e) => e.text)).toContain("Yayından hemen önce eklenen not");
    expect(await services.minutes.checkPublish(meeting)).toEqual({ kind: "unchanged", version: check.version });
    await scenario.deliver();
  });
});
