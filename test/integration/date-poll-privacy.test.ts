import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir. The clock is moved by hand (retention runs years later).
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say } = scenario;
const prisma = () => scenario.db.prisma;

interface Net {
  admin: EmulatedUser;
  ayse: EmulatedUser;
  elif: EmulatedUser;
  group: EmulatedChat;
  networkId: number;
}

/** Derya organises; Ayşe (Buca) and Elif (Karşıyaka) are members; all three have started the bot. */
async function network(name: string): Promise<Net> {
  const fixture = await scenario.network(name);
  const { admin, member: ayse, group } = fixture;
  const elif = scenario.emulator.createUser({ first_name: "Elif", username: `elif_${scenario.emulator.users.size}`, language_code: "tr" });
  scenario.emulator.setMember(group, elif, "member");
  await say(elif, group, "/whoami");
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, "/org_add Karşıyaka KDM | Karşıyaka");
  await say(admin, group, `/member_set_org @${ayse.username} Buca`);
  await say(admin, group, `/member_set_org @${elif.username} Karşıyaka`);
  for (const user of [admin, ayse, elif]) await say(user, "private", "/start");
  const { id } = await prisma().network.findUniqueOrThrow({ where: { joinCode: fixture.code } });
  return { admin, ayse, elif, group, networkId: id };
}

const cardOf = (group: EmulatedChat, number: number) => scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith(`🗓 Tarih anketi ${number}:`))!;
const press = (user: EmulatedUser, card: StoredMessage, position: number, answer: "y" | "m" | "n") => {
  const data = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.endsWith(`:${position}:${answer}`))!.callback_data!;
  return scenario.emulator.pressButton(user, card.chatId, card.message_id, data);
};

/** Sends a private command whose answer is a file; returns the file parsed as JSON. */
async function fileFor(user: EmulatedUser, text: string): Promise<Record<string, unknown>> {
  const before = scenario.emulator.botMessagesIn(user.id).length;
  scenario.emulator.sendText(user, "private", text);
  const message = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(user.id).slice(before).find((m) => m.document !== undefined), 5_000, `a file after ${text}`);
  await scenario.running.ortak.inFlight.drain();
  return JSON.parse(scenario.emulator.file(message.document!.file_id)!.toString("utf8")) as Record<string, unknown>;
}

const memberIdOf = async (net: Net, user: EmulatedUser) => (await prisma().member.findUniqueOrThrow({ where: { networkId_userId: { networkId: net.networkId, userId: BigInt(user.id) } } })).id;

describe("date polls in /mydata and /export_network", () => {
  it("/mydata lists the person's own votes (poll, candidate date, answer) and the polls they started; nobody else's", async () => {
    const net = await network("Anket Verisi Ağı");
    const { admin, ayse, elif, group } = net;
    await say(admin, group, "/poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00");
    await scenario.settle();
    const card = cardOf(group, 1);
    await press(ayse, card, 1, "y");
    await press(ayse, card, 2, "m");
    await press(elif, card, 2, "n");
    await scenario.settle();

    const mine = await fileFor(ayse, "/mydata");
    const about = { networkId: net.networkId, network: "Anket Verisi Ağı", pollNumber: 1, pollTitle: "Mart toplantısı" };
    expect(mine.pollVotes).toEqual([
      { ...about, candidate: 1, candidateStartsAt: "2027-03-17T07:00:00.000Z", answer: "yes", changedAt: now.toISOString() },
      { ...about, candidate: 2, candidateStartsAt: "2027-03-24T11:00:00.000Z", answer: "maybe", changedAt: now.toISOString() },
    ]);
    expect(mine.pollsCreated).toEqual([]);
    const organiser = await fileFor(admin, "/mydata");
    expect(organiser.pollVotes).toEqual([]);
    expect(organiser.pollsCreated).toEqual([{ ...about, createdAt: expect.any(String), status: "open" }]);
  });

  it("/export_network has every poll with its candidates, the counts per answer and the votes by member id, as meetings have their answers", async () => {
    const net = await network("Anket Yedeği Ağı");
    const { admin, ayse, elif, group } = net;
    await say(admin, group, "/poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00 | son: 10 Mart 2027 18:00");
    await say(admin, group, "/poll_dates Nisan toplantısı | 7 Nisan 2027 10:00 | 14 Nisan 2027 10:00");
    await scenario.settle();
    const card = cardOf(group, 1);
    await press(ayse, card, 1, "y");
    await press(elif, card, 1, "y");
    await press(elif, card, 2, "m");
    await press(admin, card, 2, "n");
    await scenario.settle();
    await say(admin, group, "/poll_cancel 2");

    const exported = await fileFor(admin, "/export_network");
    const polls = exported.polls as Record<string, unknown>[];
    const [ayseId, elifId, adminId] = [await memberIdOf(net, ayse), await memberIdOf(net, elif), await memberIdOf(net, admin)];
    const stamp = now.toISOString();
    expect(polls).toHaveLength(2);
    expect(polls[0]).toEqual({
      id: expect.any(Number),
      number: 1,
      title: "Mart toplantısı",
      deadline: "2027-03-10T15:00:00.000Z",
      status: "open",
      createdBy: String(admin.id),
      createdAt: expect.any(String),
      closedAt: null,
      chosenPosition: null,
      meetingId: null,
      candidates: [
        {
          id: expect.any(Number),
          position: 1,
          startsAt: "2027-03-17T07:00:00.000Z",
          counts: { yes: 2, maybe: 0, no: 0 },
          votes: [
            { memberId: Math.min(ayseId, elifId), answer: "yes", updatedAt: stamp },
            { memberId: Math.max(ayseId, elifId), answer: "yes", updatedAt: stamp },
          ],
        },
        {
          id: expect.any(Number),
          position: 2,
          startsAt: "2027-03-24T11:00:00.000Z",
          counts: { yes: 0, maybe: 1, no: 1 },
          votes: [
            { memberId: adminId, answer: "no", updatedAt: stamp },
            { memberId: elifId, answer: "maybe", updatedAt: stamp },
          ].sort((a, b) => a.memberId - b.memberId),
        },
      ],
    });
    expect(polls[1]).toMatchObject({ number: 2, status: "cancelled", closedAt: stamp, candidates: [{ counts: { yes: 0, maybe: 0, no: 0 }, votes: [] }, { votes: [] }] });
    // Names are where they are for the answers: in the member list, by member id.
    expect(JSON.stringify(polls)).not.toMatch(/Ayşe|Elif|Derya|username/);
    expect((exported.members as { memberId: number; name: string }[]).find((m) => m.memberId === ayseId)?.name).toBe("Ayşe Yılmaz");
  });
});

describe("retention for date polls", () => {
  it("deletes the votes (and the result DMs' records) of polls closed or cancelled more than the period ago; keeps no counts; open and recent polls keep theirs", async () => {
    now = new Date("2026-11-24T09:00:00Z");
    const net = await network("Anket Saklama Ağı");
    const { admin, ayse, elif, group } = net;
    for (const month of ["Mart", "Nisan", "Mayıs", "Haziran"]) await say(admin, group, `/poll_dates ${month} toplantısı | 1 ${month} 2027 10:00 | 8 ${month} 2027 10:00`);
    await scenario.settle();
    for (const number of [1, 2, 3, 4]) {
      const card = cardOf(group, number);
      await press(ayse, card, 1, "y");
      await press(elif, card, 2, "m");
    }
    await scenario.settle();
    // Poll 1 closed and poll 2 cancelled now; poll 3 closed in February; poll 4 stays open.
    await say(admin, group, "/poll_close 1 1");
    await say(admin, group, "/poll_cancel 2");
    now = new Date("2027-02-01T09:00:00Z");
    await say(admin, group, "/poll_close 3 2");
    await scenario.settle();
    const closedCard = cardOf(group, 1);
    const cardText = closedCard.text;
    const pollIds = new Map((await prisma().datePoll.findMany({ where: { networkId: net.networkId } })).map((p) => [p.number, p.id]));
    const votesOf = (number: number) => prisma().datePollVote.count({ where: { candidate: { pollId: pollIds.get(number)! } } });
    const resultRows = (number: number) => prisma().outboxMessage.count({ where: { kind: "poll-result", payload: { path: ["pollId"], equals: pollIds.get(number)! } } });
    expect([await votesOf(1), await votesOf(2), await votesOf(3), await votesOf(4)]).toEqual([2, 2, 2, 2]);
    expect([await resultRows(1), await resultRows(3)]).toEqual([2, 2]);

    // 24 months (the default) after 24 November 2026 is not yet past on that day.
    expect(await scenario.running.services.privacy.applyRetention(new Date("2028-11-24T08:59:00Z"))).toMatchObject({ polls: 0, pollVotes: 0, pollMessages: 0 });
    now = new Date("2028-11-25T09:00:00Z");
    expect(await scenario.running.services.privacy.applyRetention()).toMatchObject({ polls: 2, pollVotes: 4, pollMessages: 2 });
    expect([await votesOf(1), await votesOf(2), await votesOf(3), await votesOf(4)]).toEqual([0, 0, 2, 2]);
    expect([await resultRows(1), await resultRows(3)]).toEqual([0, 2]);
    // The poll, its dates and the meeting it chose stay.
    expect(await prisma().datePoll.findUniqueOrThrow({ where: { id: pollIds.get(1)! } })).toMatchObject({ status: "closed", chosenPosition: 1, meetingId: expect.any(Number) });
    expect(await prisma().datePollCandidate.count({ where: { pollId: pollIds.get(1)! } })).toBe(2);
    // Running again finds nothing left.
    expect(await scenario.running.services.privacy.applyRetention()).toMatchObject({ polls: 0, pollVotes: 0, pollMessages: 0 });

    // /poll says the votes are gone rather than counting zeros; organisers see no names either.
    const retired = [
      "🗓 Tarih anketi 1: Mart toplantısı",
      "Durum: kapandı",
      "",
      "1) 1 Mart 2027 Pazartesi, 10:00",
      "2) 8 Mart 2027 Pazartesi, 10:00",
      "",
      "Bu anketin oyları, saklama süresi (24 ay) dolduğu için silindi.",
      "✔️ Anket kapandı. Seçilen tarih: 1) 1 Mart 2027 Pazartesi, 10:00",
    ];
    expect((await say(admin, group, "/poll 1")).split("\n").slice(0, retired.length)).toEqual(retired);
    expect(await say(admin, "private", "/poll 1")).not.toMatch(/Ayşe|Elif|Katılabilir:/);
    expect(await say(admin, group, "/poll 3")).toContain("2) 8 Mayıs 2027 Cumartesi, 10:00: ✅ 0 kişi · 0 kurum · 🤷 1 · ❌ 0");

    // A refresh of the retired poll's cards leaves them as they ended. Delivered by hand: the
    // queue's delays count in real time, and this clock is two years ahead of it.
    const pollId = pollIds.get(1)!;
    await scenario.running.services.outbox.transaction((out) =>
      out.rearm({ dedupeKey: `poll-cards:${pollId}`, kind: "poll-card-refresh", networkId: net.networkId, audience: `poll:${pollId}`, payload: { pollId } }),
    );
    const cardIds = (await prisma().datePollCard.findMany({ where: { pollId } })).map((c) => `poll-card-edit:${c.id}`);
    for (const dedupeKey of [`poll-cards:${pollId}`, ...cardIds]) {
      const row = await prisma().outboxMessage.findUnique({ where: { dedupeKey } });
      if (row?.status === "scheduled") await scenario.running.delivery.deliver({ id: row.id, notBefore: row.notBefore.getTime() });
    }
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `poll-cards:${pollId}` } })).toMatchObject({ status: "skipped", reason: "votes past the retention period" });
    expect(closedCard.text).toBe(cardText);
    expect(closedCard.text).toContain("✅ 1 kişi (1 kurumdan)");
  });
});

describe("/forgetme and the polls a person started", () => {
  it("the polls an organiser started name the anonymous id of the audit log, not their Telegram id", async () => {
    now = new Date("2026-11-24T09:00:00Z");
    const net = await network("Anket Silme Ağı");
    const { admin, ayse, group } = net;
    await say(admin, group, `/organiser_add @${ayse.username}`);
    await say(ayse, group, "/poll_dates Mart toplantısı | 17 Mart 2027 10:00 | 24 Mart 2027 14:00");
    await say(ayse, "private", "/forgetme");
    const confirmation = scenario.emulator.botMessagesIn(ayse.id).at(-1)!;
    await scenario.emulator.pressButton(ayse, ayse.id, confirmation.message_id, confirmation.reply_markup!.inline_keyboard![0]![0]!.callback_data!);
    await scenario.running.ortak.inFlight.drain();
    const poll = await prisma().datePoll.findFirstOrThrow({ where: { networkId: net.networkId } });
    expect(poll.createdBy < 0n).toBe(true);
    const entry = await prisma().auditEntry.findFirstOrThrow({ where: { networkId: net.networkId, action: "poll.create" } });
    expect(entry.actorId).toBe(poll.createdBy);
  });
});
