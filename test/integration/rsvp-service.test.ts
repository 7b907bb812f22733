import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { RsvpService } from "../../src/features/rsvp/service.ts";
import { Outbox } from "../../src/outbox/outbox.ts";
import { silentLogger } from "../../src/logger.ts";
import { openMemoryDatabase, startTestQueue } from "../support/harness.ts";

const NOW = new Date("2026-11-24T09:00:00Z");
let db: Database;
let queue: Awaited<ReturnType<typeof startTestQueue>>;
let rsvps: RsvpService;
let meetingId: number;
const users = Array.from({ length: 20 }, (_, i) => BigInt(5000 + i));

beforeAll(async () => {
  db = await openMemoryDatabase();
  queue = await startTestQueue();
  rsvps = new RsvpService(db.prisma, new Outbox(db.prisma, queue.transport, () => NOW, silentLogger), () => NOW);
  const network = await db.prisma.network.create({ data: { name: "Ağ", seriesTitle: "Ağ", joinCode: "SRVC0001" } });
  for (const id of users) {
    await db.prisma.telegramUser.create({ data: { id, firstName: `Üye ${id}` } });
    await db.prisma.member.create({ data: { networkId: network.id, userId: id } });
  }
  const meeting = await db.prisma.meeting.create({
    data: { networkId: network.id, number: 1, title: "Ağ", agenda: ["Gündem"], startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z") },
  });
  meetingId = meeting.id;
});
afterAll(async () => {
  await db.close();
  await queue.close();
});

const answer = (userId: bigint, status: "yes" | "maybe" | "no", partySize?: number) => rsvps.answer({ meetingId, userId, status, partySize, source: "button" });
const stored = (userId: bigint) => db.prisma.rsvp.findFirstOrThrow({ where: { meetingId, member: { userId } } });

describe("RSVP group commit", () => {
  it("writes answers that arrive together, one per member", async () => {
    const outcomes = await Promise.all(users.map((id, i) => answer(id, i % 2 ? "yes" : "no")));
    expect(outcomes.every((o) => o.kind === "recorded")).toBe(true);
    expect(await db.prisma.rsvp.count({ where: { meetingId } })).toBe(20);
    expect(await db.prisma.rsvp.count({ where: { meetingId, status: "yes" } })).toBe(10);
  });

  it("of one member's answers in one batch, the last stands", async () => {
    const [first, second, third] = await Promise.all([answer(users[0]!, "yes"), answer(users[0]!, "maybe"), answer(users[0]!, "no")]);
    expect([first!.kind, second!.kind, third!.kind]).toEqual(["recorded", "recorded", "recorded"]);
    expect((await stored(users[0]!)).status).toBe("no");
  });

  it("a 'yes' without a size keeps the party of an earlier 'yes'; any other change resets it", async () => {
    await answer(users[1]!, "yes", 3);
    expect(await answer(users[1]!, "yes")).toMatchObject({ kind: "recorded", partySize: 3 });
    await answer(users[1]!, "maybe");
    expect(await answer(users[1]!, "yes")).toMatchObject({ kind: "recorded", partySize: 1 });
  });

  it("refuses a stranger and a party size out of range, writing nothing", async () => {
    const before = await db.prisma.rsvp.count();
    expect(await answer(999n, "yes")).toEqual({ kind: "not-member" });
    expect(await answer(users[2]!, "yes", 0)).toEqual({ kind: "bad-party-size" });
    expect(await answer(users[2]!, "yes", 21)).toEqual({ kind: "bad-party-size" });
    expect(await rsvps.answer({ meetingId: 987654, userId: users[2]!, status: "yes", partySize: undefined, source: "button" })).toEqual({ kind: "unknown-meeting" });
    expect(await db.prisma.rsvp.count()).toBe(before);
  });
});
