import type { PrismaClient } from "./client.ts";

/**
 * The filter for members the bot may still write to: someone who left every linked chat of a
 * network gets none of its DMs (invitations, reminders, nudges, host proposals, checklists),
 * though their earlier answers keep counting.
 */
export const ACTIVE_MEMBER = { leftAt: null } as const;

type MemberLookup = Pick<PrismaClient, "member">;

/**
 * The one current member of the network with this @username, or undefined when there is none
 * or several: stored usernames can be stale (someone changed theirs), and a guess would send a
 * task's reminders to the wrong person.
 */
export async function uniqueMemberByUsername(db: MemberLookup, networkId: number, username: string): Promise<{ id: number } | undefined> {
  const found = await db.member.findMany({
    where: { networkId, ...ACTIVE_MEMBER, user: { username: { equals: username.replace(/^@/, ""), mode: "insensitive" } } },
    select: { id: true },
    take: 2,
  });
  return found.length === 1 ? found[0] : undefined;
}

/** The network's current organisers (leaving out `exceptUserId`, who already knows): whom private notices about it go to. */
export async function currentOrganiserIds(db: MemberLookup, networkId: number, exceptUserId?: bigint): Promise<number[]> {
  const organisers = await db.member.findMany({
    where: { networkId, role: "organiser", ...ACTIVE_MEMBER, ...(exceptUserId !== undefined ? { userId: { not: exceptUserId } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return organisers.map((o) => o.id);
}
