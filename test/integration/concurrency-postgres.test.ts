import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createServices, type Services } from "../../src/features/services.ts";
import { RsvpService } from "../../src/features/rsvp/service.ts";
import { startTestQueue } from "../support/harness.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";
import { pressForLastSeats, raceNetwork, tickingClock } from "../support/races.ts";

// Several connections (the pg adapter's pool), as several processes or busy handlers would use.
let server: TestPostgres;
let db: Database;
let closeQueue: () => Promise<void>;
/** Two sets of services on one pool: two processes. */
let processes: [Services, Services];

beforeAll(async () => {
  server = await startTestPostgres();
  db = await openDatabase({ kind: "postgres", url: server.url });
  const queue = await startTestQueue();
  closeQueue = queue.close;
  const { transport } = queue;
  processes = [createServices(db.prisma, { transport }), createServices(db.prisma, { transport })];
}, 60_000);
afterAll(async () => {
  await db?.close();
  await closeQueue?.();
  await server?.stop();
});

describe("capacity and waitlist on PostgreSQL", () => {
  it("many presses for the last seats at once, from several processes: no overbooking, the rest waitlisted in order", async () => {
    const { meetings, users } = await raceNetwork(db.prisma, { people: 40, capacity: 6, meetings: 3, firstUserId: 8_200_000 });
    const clock = tickingClock("2026-11-24T09:00:00Z");
    const services = Array.from({ length: 8 }, (_, i) => new RsvpService(db.prisma, processes[i % 2]!.outbox, clock));
    for (const meeting of meetings) await pressForLastSeats(db.prisma, services, meeting.id, users, 6);
  });

  it("a capacity raised while presses arrive: promotions and new answers never overbook", async () => {
    const { meetings, users } = await raceNetwork(db.prisma, { people: 30, capacity: 3, firstUserId: 8_300_000 });
    const meetingId = meetings[0]!.id;
    const clock = tickingClock("2026-11-24T10:00:00Z");
    const services = Array.from({ length: 6 }, (_, i) => new RsvpService(db.prisma, processes[i % 2]!.outbox, clock));
    const answer = (userId: bigint, i: number) => services[i % services.length]!.answer({ meetingId, userId, status: "yes", partySize: undefined, source: "button" });
    await Promise.all(users.slice(0, 15).map(answer));
    await db.prisma.meeting.update({ where: { id: meetingId }, data: { capacity: 10 } });
    await Promise.all([...users.slice(15).map((u, i) => answer(u, i)), ...services.map((s) => s.promoteWaiting(meetingId))]);
    const rows = await db.prisma.rsvp.findMany({ where: { meetingId } });
    expect(rows.filter((r) => r.waitlistedAt === null).reduce((sum, r) => sum + r.partySize, 0)).toBe(10);
    expect(rows.filter((r) => r.waitlistedAt !== null)).toHaveLength(20);
  });
});

describe("hosting answers on PostgreSQL", () => {
  /** A fresh network per round, so the proposal always goes to Buca, whose two members answer. */
  const proposal = async (firstUserId: number, hosting: Services["hosting"]) => {
    const fixture = await raceNetwork(db.prisma, { people: 2, firstUserId });
    const proposed = await hosting.propose(fixture.meetings[0]!.id);
    if (proposed.kind !== "proposed") throw new Error(`no proposal: ${proposed.kind}`);
    return { ...fixture, meeting: fixture.meetings[0]!, turnId: proposed.proposal.turn.id };
  };

  it("an accept and a decline at once, from two processes: exactly one wins, every time", async () => {
    const [a, b] = processes;
    for (let round = 0; round < 12; round++) {
      const { turnId, users, meeting, buca, network } = await proposal(8_400_000 + round * 10, a.hosting);
      const results = await Promise.all([a.hosting.answer(turnId, users[0]!, "accept"), b.hosting.answer(turnId, users[1]!, "decline")]);
      const kinds = results.map((r) => r.kind);
      expect(kinds.filter((k) => k === "answered")).toHaveLength(1);
      const stored = await db.prisma.hostTurn.findUniqueOrThrow({ where: { id: turnId } });
      const host = (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).hostOrganisationId;
      if (kinds[0] === "accepted") expect([stored.status, stored.respondedBy, host]).toEqual(["accepted", users[0], buca.id]);
      else expect([stored.status, stored.respondedBy, host]).toEqual(["declined", users[1], null]);
      expect(await db.prisma.auditEntry.count({ where: { networkId: network.id, action: { in: ["host.accepted", "host.declined"] } } })).toBe(1);
    }
  });

  it("the expiry job against two accepts, from two processes: one of the three wins, every time", async () => {
    const [a, b] = processes;
    for (let round = 0; round < 8; round++) {
      const { turnId, users, network } = await proposal(8_500_000 + round * 10, a.hosting);
      const [expired, first, second] = await Promise.all([b.hosting.expire(turnId), a.hosting.answer(turnId, users[0]!, "accept"), b.hosting.answer(turnId, users[1]!, "accept")]);
      expect([expired !== undefined, first.kind === "accepted", second.kind === "accepted"].filter(Boolean)).toHaveLength(1);
      expect(await db.prisma.auditEntry.count({ where: { networkId: network.id, action: { in: ["host.accepted", "host.expired"] } } })).toBe(1);
    }
  });

  it("two proposals at once open one turn", async () => {
    const { meetings } = await raceNetwork(db.prisma, { people: 1, meetings: 5, firstUserId: 8_600_000 });
    const [a, b] = processes;
    for (const meeting of meetings) {
      const results = await Promise.all([a.hosting.propose(meeting.id), b.hosting.propose(meeting.id)]);
      expect(results.map((r) => r.kind).sort()).toEqual(["open", "proposed"]);
      expect(await db.prisma.hostTurn.count({ where: { meetingId: meeting.id, status: "proposed" } })).toBe(1);
      await db.prisma.hostTurn.updateMany({ where: { meetingId: meeting.id }, data: { status: "accepted" } });
    }
  });
});

describe("/invite on PostgreSQL", () => {
  it("two claims at once, from two processes: one", async () => {
    const { meetings, network, users } = await raceNetwork(db.prisma, { people: 1, meetings: 6, firstUserId: 8_700_000 });
    const [a, b] = processes;
    for (const meeting of meetings) {
      const claims = await Promise.all([a.invitations.claimInvitation(network, users[0]!, meeting.id), b.invitations.claimInvitation(network, users[0]!, meeting.id)]);
      expect(claims.map((c) => c.kind).sort()).toEqual(["claimed", "taken"]);
    }
    expect(await db.prisma.auditEntry.count({ where: { networkId: network.id, action: "meeting.invite" } })).toBe(meetings.length);
  });
});
