import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026, 12:00 in İzmir. Date is faked: the queue's due times follow the clock.
const { scenario, moveClockTo, runDueJobs, delivery } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;

const NUDGE = "🗓 Tarih anketi 1 (“Aralık toplantısı”) için henüz oy vermediniz. Son oylama tarihi: 4 Aralık 2026 Cuma, 18:00. Size uyan tarihleri ağın grubundaki anket kartından işaretleyebilirsiniz.";
const CLOSED = "Bu tarih anketinde oylama sona erdi; oy verilemez ve verilen oylar değiştirilemez.";

/** An organiser, Ayşe, Fatma and Elif who have started the bot, and Zehra who has not. */
async function pollNetwork(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await scenario.network(name);
  const { admin, member: ayse, group } = fixture;
  const person = async (first: string) => {
    const user = scenario.emulator.createUser({ first_name: first, username: `${first.toLocaleLowerCase("tr")}_${scenario.emulator.users.size}`, language_code: "tr" });
    scenario.emulator.setMember(group, user, "member");
    await say(user, group, "/whoami");
    return user;
  };
  const [fatma, elif, zehra] = [await person("Fatma"), await person("Elif"), await person("Zehra")];
  for (const user of [admin, ayse, fatma, elif]) await say(user, "private", "/start");
  const network = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: fixture.code } });
  return { admin, group, networkId: network.id, ayse, fatma, elif, zehra };
}

const cardIn = (group: EmulatedChat, number = 1) => scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith(`🗓 Tarih anketi ${number}:`))!;
const press = (user: EmulatedUser, card: StoredMessage, position: number, answer: "y" | "m" | "n") => {
  const data = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.endsWith(`:${position}:${answer}`))!.callback_data!;
  return scenario.emulator.pressButton(user, card.chatId, card.message_id, data);
};
const nudgesTo = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🗓 Tarih anketi"));
const nudgeRows = (networkId: number) => scenario.db.prisma.outboxMessage.findMany({ where: { networkId, kind: { in: ["poll-nudges", "poll-nudge"] } }, orderBy: { id: "asc" } });
const settle = async () => {
  await scenario.running.ortak.inFlight.drain();
  await runDueJobs();
};

describe("the nudge a day before a poll's deadline", () => {
  it("goes to each member who can be written to and has not voted, not before its time, and not to someone who voted meanwhile", async () => {
    const { admin, group, networkId, ayse, fatma, elif, zehra } = await pollNetwork("Hatırlatma Ağı");
    const answer = await say(admin, group, "/poll_dates Aralık toplantısı | 10 Aralık 2026 10:00 | 11 Aralık 2026 14:00 | son: 4 Aralık 2026 18:00");
    expect(answer).toContain("Henüz oy vermemiş üyelere özel mesajla bir hatırlatma gönderilecek: 3 Aralık 2026 Perşembe, 18:00");
    const card = cardIn(group);
    await press(ayse, card, 1, "y");
    await settle();
    const [planned] = await nudgeRows(networkId);
    expect([planned!.kind, planned!.status, planned!.notBefore.toISOString()]).toEqual(["poll-nudges", "scheduled", "2026-12-03T15:00:00.000Z"]);

    moveClockTo("2026-12-03T14:59:00Z");
    await runDueJobs();
    expect((await nudgeRows(networkId)).map((r) => r.status)).toEqual(["scheduled"]);
    for (const user of [admin, ayse, fatma, elif, zehra]) expect(nudgesTo(user)).toEqual([]);

    // At its time the nudge is owed to those who have not voted; Elif votes before hers goes out.
    moveClockTo("2026-12-03T15:00:00Z");
    expect(await delivery.deliver({ id: planned!.id, notBefore: planned!.notBefore.getTime() })).toBe("sent");
    await press(elif, card, 2, "m");
    await settle();
    expect(nudgesTo(admin).map((m) => m.text)).toEqual([NUDGE]);
    expect(nudgesTo(fatma).map((m) => m.text)).toEqual([NUDGE]);
    // Ayşe voted before, Elif meanwhile; Zehra never started the bot: no row at all.
    for (const user of [ayse, elif, zehra]) expect(nudgesTo(user)).toEqual([]);
    const memberId = async (user: EmulatedUser) => (await scenario.db.prisma.member.findUniqueOrThrow({ where: { networkId_userId: { networkId, userId: BigInt(user.id) } } })).id;
    const rows = (await nudgeRows(networkId)).filter((r) => r.kind === "poll-nudge");
    expect(new Map(rows.map((r) => [r.audience, [r.status, r.reason].filter(Boolean).join(" ")]))).toEqual(
      new Map([
        [`member:${await memberId(admin)}`, "sent"],
        [`member:${await memberId(fatma)}`, "sent"],
        [`member:${await memberId(elif)}`, "skipped voted"],
      ]),
    );

    // Once only.
    moveClockTo("2026-12-03T18:00:00Z");
    await scenario.running.reconciler.reconcile();
    await runDueJobs();
    expect(nudgesTo(fatma)).toHaveLength(1);

    // Past its deadline it is listed as ended, waiting for /poll_close, not as taking votes.
    expect(await say(ayse, group, "/poll")).toContain("Son oylama tarihi: 4 Aralık 2026 Cuma, 18:00");
    moveClockTo("2026-12-04T18:00:00Z");
    const listed = await say(ayse, group, "/poll");
    expect(listed).toContain("Durum: oylama sona erdi, sonuç bekleniyor");
    expect(listed).not.toContain("Son oylama tarihi");
  });

  it("moves out of the quiet hours; none without a deadline or with one less than a day away; a poll cancelled first sends none", async () => {
    const { admin, group, networkId, fatma } = await pollNetwork("Sessiz Saat Ağı");
    // A day before 5 December 23:00 is 23:00, inside the quiet hours (21:00–09:00): 09:00 instead.
    expect(await say(admin, group, "/poll_dates Aralık toplantısı | 10 Aralık 2026 10:00 | 11 Aralık 2026 14:00 | son: 5 Aralık 2026 23:00")).toContain(
      "hatırlatma gönderilecek: 5 Aralık 2026 Cumartesi, 09:00",
    );
    expect((await nudgeRows(networkId)).map((r) => r.notBefore.toISOString())).toEqual(["2026-12-05T06:00:00.000Z"]);

    expect(await say(admin, group, "/poll_dates Ocak | 7 Ocak 2027 10:00 | 8 Ocak 2027 10:00")).toContain(
      "Son oylama tarihi belirtilmedi; oylama, anketi /poll_close 2 <seçenek numarası> ile kapattığınızda biter.",
    );
    expect(await say(admin, group, "/poll_dates Yarın | 30 Kasım 2026 10:00 | 1 Aralık 2026 10:00 | son: yarın 10:00")).toContain(
      "Son oylama tarihine bir günden az kaldığı için hatırlatma gönderilmeyecek.",
    );
    expect(await nudgeRows(networkId)).toHaveLength(1);

    await say(admin, group, "/poll_cancel 1");
    expect((await nudgeRows(networkId)).map((r) => [r.status, r.reason])).toEqual([["cancelled", "poll cancelled"]]);
    // Nor is the organiser told at the deadline that a date can be chosen.
    const endedRows = await scenario.db.prisma.outboxMessage.findMany({ where: { networkId, kind: "poll-ended", dedupeKey: { startsWith: "poll-ended:" } } });
    const pollOne = await scenario.db.prisma.datePoll.findFirstOrThrow({ where: { networkId, number: 1 } });
    expect(endedRows.filter((r) => r.dedupeKey.startsWith(`poll-ended:${pollOne.id}:`)).map((r) => r.status)).toEqual(["cancelled"]);
    moveClockTo("2026-12-05T06:00:00Z");
    await scenario.running.reconciler.reconcile();
    await runDueJobs();
    expect(nudgesTo(fatma)).toEqual([]);
  });
});

describe("a poll's deadline", () => {
  it("ends the voting: a press is refused, the cards lose their buttons; a candidate whose time has passed cannot become the meeting", async () => {
    const { admin, group, networkId, ayse, fatma } = await pollNetwork("Son Tarih Ağı");
    await say(admin, group, "/poll_dates Aralık toplantısı | 10 Aralık 2026 10:00 | 11 Aralık 2026 14:00 | son: 4 Aralık 2026 18:00");
    const card = cardIn(group);
    await press(ayse, card, 2, "y");
    await settle();

    moveClockTo("2026-12-04T15:00:00Z");
    const votes = await scenario.db.prisma.datePollVote.count();
    // The refresh at the deadline has not run yet: the buttons are still there, and refuse.
    expect(await press(fatma, card, 1, "y")).toEqual({ text: CLOSED, show_alert: true });
    expect(await press(ayse, card, 2, "n")).toEqual({ text: CLOSED, show_alert: true });
    expect(await scenario.db.prisma.datePollVote.count()).toBe(votes);
    await settle();
    expect(card.reply_markup?.inline_keyboard ?? []).toEqual([]);
    expect(card.text!.endsWith("Son oylama tarihi: 4 Aralık 2026 Cuma, 18:00\nOy veren: 1 kişi\n\nOylama sona erdi; koordinatörler tarihi yakında açıklayacak.")).toBe(true);
    expect(await say(ayse, group, "/poll 1")).toContain("Durum: oylama sona erdi, sonuç bekleniyor");
    // The organiser hears it privately, with the tallies and the command for the suggested date; members do not.
    const told = scenario.emulator.botMessagesIn(admin.id).filter((m) => m.text?.startsWith("📊 Tarih anketinde oylama sona erdi"));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("2) 11 Aralık 2026 Cuma, 14:00: ✅ 1 kişi");
    expect(told[0]!.text).toContain("Önerilen seçenekle toplantıyı oluşturmak için: /poll_close 1 2");
    for (const user of [ayse, fatma]) expect(scenario.emulator.botMessagesIn(user.id).some((m) => m.text?.startsWith("📊"))).toBe(false);

    moveClockTo("2026-12-10T08:00:00Z");
    const rows = async () => [await scenario.db.prisma.meeting.count({ where: { networkId } }), (await scenario.db.prisma.datePoll.findFirstOrThrow({ where: { networkId } })).status];
    const before = await rows();
    expect(await say(admin, group, "/poll_close 1 1")).toBe(
      "1. seçeneğin tarihi geçti; geçmiş bir tarihe toplantı oluşturulamaz. Başka bir seçenek seçin ya da anketi /poll_cancel ile iptal edin.",
    );
    expect(await rows()).toEqual(before);
    expect(await say(admin, group, "/poll_close 1 2")).toContain("✅ Tarih anketi 1 kapandı.");
    expect(await rows()).toEqual([1, "closed"]);
  });
});
