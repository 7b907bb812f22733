import { describe, expect, it } from "vitest";
import { RsvpService } from "../../src/features/rsvp/service.ts";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import { pressForLastSeats, raceNetwork, tickingClock } from "../support/races.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
const { scenario, moveClockTo } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, network } = scenario;

const ANSWERED = "Bu ev sahipliği önerisi zaten yanıtlandı; yanıtınız kaydedilmedi.";
const ACCEPTED = "Kaydedildi: ev sahipliğini üstlendiniz. Teşekkür ederiz!";

/** Buca and Karşıyaka; Ayşe and Nur both speak for Buca (neither is marked, so both are contacts). */
async function hostingNetwork(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await network(name);
  const { admin, member: ayse, group } = fixture;
  const nur = scenario.emulator.createUser({ first_name: "Nur", username: `nur_${scenario.emulator.users.size}`, language_code: "tr" });
  scenario.emulator.setMember(group, nur, "member");
  await say(nur, group, "/whoami");
  await say(admin, group, "/network_set next_number 25");
  for (const org of ["Buca KDM | Buca", "Karşıyaka KDM | Karşıyaka"]) await say(admin, group, `/org_add ${org}`);
  for (const user of [ayse, nur]) await say(admin, group, `/member_set_org @${user.username} Buca`);
  for (const user of [admin, ayse, nur]) await say(user, "private", "/start");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code } }, orderBy: { number: "desc" } });
  const turn = await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id, status: "proposed" } });
  return { ...fixture, ayse, nur, meeting, turn };
}

const proposalTo = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🏠")).at(-1)!;
const press = (user: EmulatedUser, data: string) => {
  const proposal = proposalTo(user);
  return scenario.emulator.pressButton(user, proposal.chatId, proposal.message_id, data);
};
const turnsOf = async (meetingId: number) =>
  (await scenario.db.prisma.hostTurn.findMany({ where: { meetingId }, include: { organisation: true }, orderBy: { id: "asc" } })).map((t) => `${t.organisation.shortName} ${t.status}`);
const hostAudit = async (networkId: number) =>
  (await scenario.db.prisma.auditEntry.findMany({ where: { networkId, action: { in: ["host.accepted", "host.declined", "host.expired", "host.swapped"] } } })).map((a) => a.action);
const groupSays = (group: EmulatedChat, text: string) => scenario.emulator.botMessagesIn(group.id).filter((m) => m.text === text).length;

describe("hosting answers pressed together: exactly one wins, the others are told and change nothing", () => {
  it("two contacts of one organisation press accept at once (two presses in Telegram)", async () => {
    const { ayse, nur, meeting, turn, group } = await hostingNetwork("Kabul Yarışı Ağı");
    const toasts = await Promise.all([press(ayse, `host:a:${turn.id}`), press(nur, `host:a:${turn.id}`)]);
    await scenario.settle();
    expect(toasts.map((t) => t.text).sort()).toEqual([ACCEPTED, ANSWERED].sort());
    expect(toasts.find((t) => t.text === ANSWERED)!.show_alert).toBe(true);
    expect(await turnsOf(meeting.id)).toEqual(["Buca accepted"]);
    expect(await hostAudit(meeting.networkId)).toEqual(["host.accepted"]);
    // The group hears it once.
    expect(groupSays(group, "✅ 25. toplantıya Buca KDM ev sahipliği yapacak.")).toBe(1);
    const winner = toasts[0]!.text === ACCEPTED ? ayse : nur;
    expect((await scenario.db.prisma.hostTurn.findUniqueOrThrow({ where: { id: turn.id } })).respondedBy).toBe(BigInt(winner.id));
  });

  it("an accept and a decline pressed at once (two presses in Telegram): one answer stands, and nobody else is asked if it was the accept", async () => {
    const { ayse, nur, meeting, turn } = await hostingNetwork("Kabul Ret Yarışı Ağı");
    const toasts = await Promise.all([press(ayse, `host:a:${turn.id}`), press(nur, `host:d:${turn.id}`)]);
    await scenario.running.ortak.inFlight.drain();
    const texts = toasts.map((t) => t.text);
    expect(texts.filter((t) => t === ANSWERED)).toHaveLength(1);
    const turns = await turnsOf(meeting.id);
    if (texts[0] === ACCEPTED) {
      expect(turns).toEqual(["Buca accepted"]);
      expect(await hostAudit(meeting.networkId)).toEqual(["host.accepted"]);
      expect((await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).hostOrganisationId).not.toBeNull();
    } else {
      expect(turns).toEqual(["Buca declined", "Karşıyaka proposed"]);
      expect(await hostAudit(meeting.networkId)).toEqual(["host.declined"]);
      expect((await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).hostOrganisationId).toBeNull();
    }
  });

  it("the services called together: accept against decline", async () => {
    const { ayse, nur, meeting, turn } = await hostingNetwork("Servis Yarışı Ağı");
    const { hosting } = scenario.running.services;
    const [accept, decline] = await Promise.all([hosting.answer(turn.id, BigInt(ayse.id), "accept"), hosting.answer(turn.id, BigInt(nur.id), "decline")]);
    expect([accept.kind, decline.kind].sort()).toEqual(accept.kind === "accepted" ? ["accepted", "answered"] : ["answered", "declined"]);
    expect(await hostAudit(meeting.networkId)).toHaveLength(1);
    // A decline passes the turn on in the same transaction.
    expect(await turnsOf(meeting.id)).toEqual(accept.kind === "accepted" ? ["Buca accepted"] : ["Buca declined", "Karşıyaka proposed"]);
  });

  it("the expiry job and an accept at once: one wins, the other changes nothing", async () => {
    const { ayse, meeting, turn } = await hostingNetwork("Süre Yarışı Ağı");
    const { hosting } = scenario.running.services;
    const [expired, answered] = await Promise.all([hosting.expire(turn.id), hosting.answer(turn.id, BigInt(ayse.id), "accept")]);
    const stored = await scenario.db.prisma.hostTurn.findUniqueOrThrow({ where: { id: turn.id } });
    const host = (await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).hostOrganisationId;
    if (expired) {
      expect(answered).toEqual({ kind: "closed" });
      expect([stored.status, host]).toEqual(["expired", null]);
      expect(await hostAudit(meeting.networkId)).toEqual(["host.expired"]);
    } else {
      expect(answered.kind).toBe("accepted");
      expect(stored.status).toBe("accepted");
      expect(await hostAudit(meeting.networkId)).toEqual(["host.accepted"]);
    }
    // Whichever came second is a no-op now.
    expect(await hosting.expire(turn.id)).toBeUndefined();
    expect((await hosting.answer(turn.id, BigInt(ayse.id), "decline")).kind).toBe(expired ? "closed" : "answered");
    expect(await hostAudit(meeting.networkId)).toHaveLength(1);
  });
});

describe("/invite typed twice at once", () => {
  it("posts one card per chat; the second is told the invitation is already being sent", async () => {
    const fixture = await scenario.networkWithMeeting("Davet Yarışı Ağı", "Gündem");
    const { admin, group } = fixture;
    const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
    const inGroup = scenario.emulator.sendText(admin, group, "/invite 25").message;
    const inPrivate = scenario.emulator.sendText(admin, "private", "/invite 25").message;
    const replyIn = (chatId: number, after: number) =>
      scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(chatId).find((m) => m.message_id > after && !m.text?.startsWith("25. Toplantı")));
    const replies = await Promise.all([replyIn(group.id, inGroup.message_id), replyIn(admin.id, inPrivate.message_id)]);
    await scenario.settle();
    const texts = replies.map((r) => r.text ?? "");
    expect(texts.filter((t) => t.startsWith("25. toplantının davet kartı 1 sohbete gönderiliyor"))).toHaveLength(1);
    // The second learns of the first whether it read the meeting before or after the first claimed it.
    const told = /^25\. toplantının daveti (başka bir komutla zaten gönderiliyor \(.+\); kartlar ikinci kez gönderilmedi\.|daha önce gönderildi \(.+\); kartlar yanıtlar geldikçe)/;
    expect(texts.filter((t) => told.test(t))).toHaveLength(1);
    expect(await scenario.db.prisma.postedCard.count({ where: { meetingId: meeting.id, kind: "group" } })).toBe(1);
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("25. Toplantı"))).toHaveLength(1);
    // Each member who started the bot has one card by DM, not two.
    for (const user of [admin, fixture.member]) expect(scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("25. Toplantı"))).toHaveLength(1);
    expect(await scenario.db.prisma.auditEntry.count({ where: { networkId: meeting.networkId, action: "meeting.invite" } })).toBe(1);
  });

  it("the service claims the invitation once", async () => {
    const fixture = await scenario.networkWithMeeting("Davet Servis Ağı", "Gündem");
    const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
    const network = await scenario.db.prisma.network.findUniqueOrThrow({ where: { id: meeting.networkId } });
    const { invitations } = scenario.running.services;
    const claims = await Promise.all([1, 2, 3].map(() => invitations.claimInvitation(network, BigInt(fixture.admin.id), meeting.id)));
    expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    const stored = await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(claims.filter((c) => c.kind === "taken")).toEqual([
      { kind: "taken", invitedAt: stored.invitedAt },
      { kind: "taken", invitedAt: stored.invitedAt },
    ]);
    expect(stored.status).toBe("invited");
  });
});

describe("capacity and waitlist on the embedded database", () => {
  it("many presses for the last seats at once, from several RSVP services: no overbooking, the rest waitlisted in order", async () => {
    const { prisma } = scenario.db;
    const { meetings, users } = await raceNetwork(prisma, { people: 24, capacity: 5, firstUserId: 7_100_000 });
    const clock = tickingClock("2026-11-24T09:00:00Z");
    const services = Array.from({ length: 4 }, () => new RsvpService(prisma, scenario.running.services.outbox, clock));
    await pressForLastSeats(prisma, services, meetings[0]!.id, users, 5);
  });
});
