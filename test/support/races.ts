import { expect } from "vitest";
import type { PrismaClient } from "../../src/db/client.ts";
import type { AnswerOutcome, RsvpService } from "../../src/features/rsvp/service.ts";
import { nameKey } from "../../src/domain/names.ts";

/**
 * A network written straight to the database: Buca (first in rotation) and Karşıyaka, `people`
 * members of Buca, and one meeting far ahead with the given capacity.
 */
export async function raceNetwork(prisma: PrismaClient, options: { people: number; capacity?: number; meetings?: number; firstUserId: number }) {
  const network = await prisma.network.create({ data: { name: `Yarış Ağı ${options.firstUserId}`, seriesTitle: "Yarış", joinCode: `R${options.firstUserId.toString(36).toUpperCase()}` } });
  const organisation = async (name: string, shortName: string, rotationPosition: number) =>
    prisma.organisation.create({ data: { networkId: network.id, name, shortName, nameKey: nameKey(name), shortNameKey: nameKey(shortName), rotationPosition } });
  const buca = await organisation("Buca KDM", "Buca", 1);
  const karsiyaka = await organisation("Karşıyaka KDM", "Karşıyaka", 2);
  const users = Array.from({ length: options.people }, (_, i) => BigInt(options.firstUserId + i));
  for (const id of users) {
    await prisma.telegramUser.create({ data: { id, firstName: `Üye ${id}`, dmReachable: true } });
    await prisma.member.create({ data: { networkId: network.id, userId: id, organisationId: buca.id } });
  }
  const meetings = [];
  for (let number = 1; number <= (options.meetings ?? 1); number++) {
    meetings.push(
      await prisma.meeting.create({
        data: {
          networkId: network.id,
          number,
          title: "Yarış",
          agenda: ["Gündem"],
          startsAt: new Date(`2031-03-${String(number).padStart(2, "0")}T07:00:00Z`),
          endsAt: new Date(`2031-03-${String(number).padStart(2, "0")}T12:00:00Z`),
          capacity: options.capacity ?? null,
        },
      }),
    );
  }
  return { network, buca, karsiyaka, users, meetings };
}

/**
 * Every user presses "yes" at once, spread over several RSVP services (one per process), and
 * the seats and the waitlist come out exact: no more seats than the capacity, everyone else
 * waiting, told distinct places in line in the order the database keeps them.
 */
export async function pressForLastSeats(prisma: PrismaClient, services: RsvpService[], meetingId: number, users: bigint[], capacity: number): Promise<void> {
  const outcomes = await Promise.all(users.map((userId, i) => services[i % services.length]!.answer({ meetingId, userId, status: "yes", partySize: undefined, source: "button" })));
  const recorded = outcomes.filter((o): o is Extract<AnswerOutcome, { kind: "recorded" }> => o.kind === "recorded");
  expect(recorded).toHaveLength(users.length);
  const rows = await prisma.rsvp.findMany({ where: { meetingId }, include: { member: true }, orderBy: [{ waitlistedAt: "asc" }, { id: "asc" }] });
  const seated = rows.filter((r) => r.waitlistedAt === null);
  const waiting = rows.filter((r) => r.waitlistedAt !== null);
  expect(seated.reduce((sum, r) => sum + r.partySize, 0)).toBe(capacity);
  expect(waiting).toHaveLength(users.length - capacity);
  // What each was told matches what was written: the seated were not told they wait, and the
  // places in line are 1…n, in the order the waitlist will be served.
  const told = new Map(users.map((userId, i) => [userId, outcomes[i] as Extract<AnswerOutcome, { kind: "recorded" }>]));
  for (const row of seated) expect(told.get(row.member!.userId)).toMatchObject({ waitlisted: false });
  expect(waiting.map((row) => told.get(row.member!.userId)!.position)).toEqual(waiting.map((_, i) => i + 1));
  expect(new Set(waiting.map((r) => r.waitlistedAt!.getTime())).size).toBe(waiting.length);
}

/** A clock that moves one millisecond at every reading: no two answers share an instant. */
export function tickingClock(start: string): () => Date {
  let now = new Date(start).getTime();
  return () => new Date(now++);
}
