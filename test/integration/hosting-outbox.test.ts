import { describe, expect, it } from "vitest";
import { ApiError, type EmulatedChat, type EmulatedUser } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; a proposal's deadline is three days on.
const { scenario, moveClockTo, runDueJobs, delivery } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;

const ACCEPTED = "Kaydedildi: ev sahipliğini üstlendiniz. Teşekkür ederiz!";
const CLOSED = "Bu öneri artık geçerli değil: yanıtlandı ya da süresi doldu.";
const ANSWERED = "Bu ev sahipliği önerisi zaten yanıtlandı; yanıtınız kaydedilmedi.";
const ACCEPTED_LINE = "✅ 25. toplantıya Buca KDM ev sahipliği yapacak.";
const EXPIRED_DM = "⏰ Buca KDM, 25. toplantının ev sahipliği önerisine süresi içinde yanıt vermedi; sıra bir sonraki kuruma geçti.";
const KARSIYAKA_LINE = (deadline: string) => `🏠 25. toplantı için ev sahibi önerildi: Karşıyaka KDM. Son yanıt tarihi: ${deadline}.`;

/** Buca (Ayşe, Nur and Zehra, all its contacts) and Karşıyaka (Elif); meeting 25, proposed to Buca. */
async function hostingNetwork(name: string, before?: (people: { zehra: EmulatedUser }) => void) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await scenario.network(name);
  const { admin, member: ayse, group } = fixture;
  const person = (first: string) => {
    const user = scenario.emulator.createUser({ first_name: first, username: `${first.toLowerCase()}_${scenario.emulator.users.size}`, language_code: "tr" });
    scenario.emulator.setMember(group, user, "member");
    return user;
  };
  const [nur, zehra, elif] = [person("Nur"), person("Zehra"), person("Elif")];
  for (const user of [nur, zehra, elif]) await say(user, group, "/whoami");
  await say(admin, group, "/network_set next_number 25");
  for (const org of ["Buca KDM | Buca", "Karşıyaka KDM | Karşıyaka"]) await say(admin, group, `/org_add ${org}`);
  for (const user of [ayse, nur, zehra]) await say(admin, group, `/member_set_org @${user.username} Buca`);
  await say(admin, group, `/member_set_org @${elif.username} Karşıyaka`);
  for (const user of [admin, ayse, nur, zehra, elif]) await say(user, "private", "/start");
  before?.({ zehra });
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code } }, orderBy: { number: "desc" } });
  const turn = await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id, status: "proposed" } });
  return { ...fixture, ayse, nur, zehra, elif, meeting, turn };
}

const texts = (chatId: number) => scenario.emulator.botMessagesIn(chatId).map((m) => m.text);
const count = (chat: EmulatedUser | EmulatedChat, text: string) => texts(chat.id).filter((t) => t === text).length;
const proposalsTo = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🏠"));
const pressAccept = (user: EmulatedUser, turnId: number) => {
  const proposal = proposalsTo(user).at(-1)!;
  return scenario.emulator.pressButton(user, proposal.chatId, proposal.message_id, `host:a:${turnId}`);
};
const settle = async () => {
  await scenario.running.ortak.inFlight.drain();
  await scenario.deliver();
};
const turnsOf = async (meetingId: number) =>
  (await scenario.db.prisma.hostTurn.findMany({ where: { meetingId }, include: { organisation: true }, orderBy: { id: "asc" } })).map((t) => `${t.organisation.shortName} ${t.status}`);
/** The meeting's hosting rows, as `kind status` counts. */
const hostingRows = async (meetingId: number) => {
  const rows = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId, kind: { in: ["host-proposal", "host-group", "host-organisers", "host-swap", "host-expiry"] } }, orderBy: { id: "asc" } });
  const counts: Record<string, number> = {};
  for (const row of rows) counts[`${row.kind} ${row.status}`] = (counts[`${row.kind} ${row.status}`] ?? 0) + 1;
  return counts;
};
const expiryRow = (turnId: number) => scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "host-expiry", payload: { equals: { turnId } } } });

describe("hosting notices leave through the outbox", () => {
  it("a proposal to a contact who blocked the bot is skipped (403); the other contacts get theirs", async () => {
    const { ayse, nur, zehra, group, turn } = await hostingNetwork("Engel Ağı", ({ zehra }) => scenario.emulator.blockBot(zehra));
    expect(proposalsTo(ayse)).toHaveLength(1);
    expect(proposalsTo(nur)).toHaveLength(1);
    expect(proposalsTo(zehra)).toHaveLength(0);
    const rows = await scenario.db.prisma.outboxMessage.findMany({ where: { kind: "host-proposal", payload: { equals: { turnId: turn.id } } }, orderBy: { id: "asc" } });
    const members = await scenario.db.prisma.member.findMany({ where: { id: { in: rows.map((r) => Number(r.audience.split(":")[1])) } } });
    const statusOf = (user: EmulatedUser) => {
      const member = members.find((m) => m.userId === BigInt(user.id))!;
      return rows.find((r) => r.audience === `member:${member.id}`)!;
    };
    expect([ayse, nur, zehra].map((u) => [statusOf(u).status, statusOf(u).reason])).toEqual([
      ["sent", null],
      ["sent", null],
      ["skipped", "unreachable"],
    ]);
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(zehra.id) } })).dmReachable).toBe(false);
    expect(count(group, "🏠 25. toplantı için ev sahibi önerildi: Buca KDM. Son yanıt tarihi: 27 Kasım 2026 Cuma, 12:00.")).toBe(1);
    // The contacts who got it can still answer it.
    expect((await pressAccept(nur, turn.id)).text).toBe(ACCEPTED);
    await settle();
    expect(count(group, ACCEPTED_LINE)).toBe(1);
  });

  it("an accept pressed while the expiry job runs: one wins, and exactly one set of notices goes out", async () => {
    // Either one started first, the other after a pause of its own: different interleavings; whichever wins, the outcome is whole.
    const rounds = [["job", 0], ["press", 0], ["press", 5], ["press", 20], ["job", 5]] as const;
    for (const [round, [first, pauseMs]] of rounds.entries()) {
      const { admin, ayse, elif, group, meeting, turn } = await hostingNetwork(`Yarış Ağı ${round}`);
      const expiry = await expiryRow(turn.id);
      // The job for the deadline, as a worker takes it the moment it is due, against a press made just before it.
      const runJob = () => delivery.deliver({ id: expiry.id, notBefore: expiry.notBefore.getTime() });
      const press = () => pressAccept(ayse, turn.id);
      const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
      let job: ReturnType<typeof runJob>;
      let pressed: ReturnType<typeof press>;
      if (first === "job") {
        job = runJob();
        await pause();
        pressed = press();
      } else {
        pressed = press();
        await pause();
        job = runJob();
      }
      const [outcome, toast] = await Promise.all([job, pressed]);
      await settle();
      const audit = await scenario.db.prisma.auditEntry.findMany({ where: { networkId: meeting.networkId, action: { in: ["host.accepted", "host.expired"] } } });
      expect(audit).toHaveLength(1);
      if (audit[0]!.action === "host.accepted") {
        expect(toast.text).toBe(ACCEPTED);
        expect(outcome === "skipped" || outcome === "not-mine").toBe(true);
        expect(await turnsOf(meeting.id)).toEqual(["Buca accepted"]);
        expect(count(group, ACCEPTED_LINE)).toBe(1);
        expect(count(admin, EXPIRED_DM)).toBe(0);
        expect(proposalsTo(elif)).toHaveLength(0);
        expect(await hostingRows(meeting.id)).toEqual({
          "host-proposal sent": 3,
          "host-group sent": 2,
          [`host-expiry ${outcome === "skipped" ? "skipped" : "cancelled"}`]: 1,
        });
      } else {
        expect(toast).toEqual({ text: CLOSED, show_alert: true });
        expect(outcome).toBe("sent");
        expect(await turnsOf(meeting.id)).toEqual(["Buca expired", "Karşıyaka proposed"]);
        expect(count(group, ACCEPTED_LINE)).toBe(0);
        expect(count(admin, EXPIRED_DM)).toBe(1);
        expect(proposalsTo(elif)).toHaveLength(1);
        expect(count(group, KARSIYAKA_LINE("27 Kasım 2026 Cuma, 12:00"))).toBe(1);
        expect(await hostingRows(meeting.id)).toEqual({
          "host-proposal sent": 4,
          "host-group sent": 2,
          "host-expiry sent": 1,
          "host-expiry scheduled": 1,
          "host-organisers sent": 1,
        });
      }
    }
  });

  it("the expiry job run again after its worker died: the turn passes on once, everyone is told once", async () => {
    const { admin, elif, group, meeting, turn } = await hostingNetwork("Tekrar Ağı");
    moveClockTo("2026-11-27T09:00:01Z");
    await runDueJobs();
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired", "Karşıyaka proposed"]);
    // The worker expired the turn but died before recording it: the row is still claimed.
    const expiry = await expiryRow(turn.id);
    await scenario.db.prisma.outboxMessage.update({ where: { id: expiry.id }, data: { status: "sending", claimedAt: new Date("2026-11-27T09:00:01Z"), sentAt: null } });
    moveClockTo("2026-11-27T09:05:00Z");
    expect((await scenario.running.reconciler.reconcile()).reclaimed).toBe(1);
    await runDueJobs();
    expect(await scenario.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: expiry.id } })).toMatchObject({ status: "skipped", reason: "answered before the deadline" });
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired", "Karşıyaka proposed"]);
    expect(count(admin, EXPIRED_DM)).toBe(1);
    expect(proposalsTo(elif)).toHaveLength(1);
    expect(count(group, KARSIYAKA_LINE("30 Kasım 2026 Pazartesi, 12:00"))).toBe(1);
  });

  it("the group line is sent once: a failed send is retried once, and an answer pressed again writes nothing", async () => {
    const { ayse, nur, zehra, group, meeting, turn } = await hostingNetwork("Yeniden Ağı");
    // Telegram fails the group line once (a 5xx): the row waits and is tried again.
    scenario.emulator.failNext("sendMessage", new ApiError(500, "Internal Server Error"), group.id);
    expect((await pressAccept(ayse, turn.id)).text).toBe(ACCEPTED);
    await settle();
    expect(count(group, ACCEPTED_LINE)).toBe(0);
    const line = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "host-group", payload: { equals: { event: "accepted", turnId: turn.id } } } });
    expect(line).toMatchObject({ status: "scheduled", attempts: 1 });
    moveClockTo("2026-11-24T09:01:00Z");
    await runDueJobs();
    expect(count(group, ACCEPTED_LINE)).toBe(1);
    // The other contacts press accept on their copies too: nothing new is written.
    const rows = await scenario.db.prisma.outboxMessage.count();
    expect((await pressAccept(nur, turn.id)).text).toBe(ANSWERED);
    expect((await pressAccept(zehra, turn.id)).text).toBe(ANSWERED);
    await settle();
    expect(await scenario.db.prisma.outboxMessage.count()).toBe(rows);
    expect(count(group, ACCEPTED_LINE)).toBe(1);
  });

  it("a swap request and its refusal reach the right organisation once; a request overtaken by an answer is not sent", async () => {
    const { ayse, elif, meeting, turn } = await hostingNetwork("Takas Ağı");
    const karsiyaka = await scenario.db.prisma.organisation.findFirstOrThrow({ where: { networkId: meeting.networkId, shortName: "Karşıyaka" } });
    const proposal = proposalsTo(ayse).at(-1)!;
    const ask = async () => {
      await scenario.emulator.pressButton(ayse, proposal.chatId, proposal.message_id, `host:s:${turn.id}`);
      await scenario.running.ortak.inFlight.drain();
      const choice = scenario.emulator.botMessagesIn(ayse.id).at(-1)!;
      return (await scenario.emulator.pressButton(ayse, choice.chatId, choice.message_id, `host:w:${turn.id}:${karsiyaka.id}`)).text;
    };
    const requests = () => scenario.emulator.botMessagesIn(elif.id).filter((m) => m.text?.startsWith("🔁"));
    expect(await ask()).toBe("Öneriniz Karşıyaka kurumuna iletildi.");
    // Chosen again while Karşıyaka is still asked: it has the request already.
    expect(await ask()).toBe("Öneriniz Karşıyaka kurumuna iletildi.");
    await settle();
    expect(requests()).toHaveLength(1);
    const request = requests()[0]!;
    const refuse = request.reply_markup!.inline_keyboard!.flat()[1]!.callback_data!;
    expect((await scenario.emulator.pressButton(elif, elif.id, request.message_id, refuse)).text).toBe("Kaydedildi: sıra değişimini kabul etmediniz.");
    await settle();
    expect(count(ayse, "Karşıyaka KDM, 25. toplantı için önerdiğiniz sıra değişimini kabul etmedi; ev sahipliği önerisi hâlâ kurumunuzda ve yanıtınızı bekliyor.")).toBe(1);
    // Asked again after the refusal, then Ayşe accepts before the new request goes out: it is not sent.
    expect(await ask()).toBe("Öneriniz Karşıyaka kurumuna iletildi.");
    expect(await scenario.db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, kind: "host-swap", status: "scheduled" } })).toBe(1);
    expect((await pressAccept(ayse, turn.id)).text).toBe(ACCEPTED);
    await settle();
    expect(requests()).toHaveLength(1);
    expect(await scenario.db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, kind: "host-swap", status: "skipped", reason: "no longer proposed" } })).toBe(1);
  });

  it("the invitation card shows the host once the turn is accepted, edited in the same change", async () => {
    const { admin, ayse, group, turn } = await hostingNetwork("Kart Ağı");
    await say(admin, group, "/invite 25");
    const card = () => scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
    expect(card().text).toContain("Ev sahibi: henüz belli değil");
    expect((await pressAccept(ayse, turn.id)).text).toBe(ACCEPTED);
    await settle();
    // Card edits are paced (one per card every few seconds).
    moveClockTo("2026-11-24T09:00:10Z");
    await runDueJobs();
    expect(card().text).toContain("Ev sahibi: Buca KDM");
  });

  it("a proposal answered before its messages went out is not sent late; the answer's line is", async () => {
    const { admin, elif, group, meeting, turn } = await hostingNetwork("Geç Kalan Ağı");
    const { hosting } = scenario.running.services;
    // Buca's turn expires and Karşıyaka is asked, and Elif accepts, before the delivery gets to any of it.
    const expired = await hosting.expire(turn.id);
    if (expired?.next.kind !== "proposed") throw new Error(`Karşıyaka was not asked: ${expired?.next.kind}`);
    expect((await hosting.answer(expired.next.proposal.turn.id, BigInt(elif.id), "accept")).kind).toBe("accepted");
    await scenario.deliver();
    expect(proposalsTo(elif)).toHaveLength(0);
    expect(count(group, KARSIYAKA_LINE("27 Kasım 2026 Cuma, 12:00"))).toBe(0);
    expect(count(group, "✅ 25. toplantıya Karşıyaka KDM ev sahipliği yapacak.")).toBe(1);
    expect(count(admin, EXPIRED_DM)).toBe(1);
    const skipped = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, status: "skipped" }, orderBy: { id: "asc" } });
    expect(skipped.map((r) => [r.kind, r.reason])).toEqual([
      ["host-proposal", "no longer proposed"],
      ["host-group", "no longer proposed"],
    ]);
  });
});
