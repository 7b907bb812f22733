import { Prisma, type PrismaClient } from "../../db/client.ts";
import { displayName } from "../../domain/names.ts";
import { retireAttendance } from "./scrub.ts";
import { retireSupportNeeds } from "../needs/service.ts";

export interface RetentionResult {
  meetings: number;
  answers: number;
  checkIns: number;
  directCards: number;
  /** Records of messages to a person about these meetings (reminders, DM cards, minutes copies). */
  messages: number;
  /** Stored minutes versions whose attendance (and texts) no longer name anyone. */
  minutesVersions: number;
  /** Date polls closed or cancelled more than the period ago whose votes were deleted now. */
  polls: number;
  pollVotes: number;
  /** Records of messages to a person about those polls (the nudge, the result). */
  pollMessages: number;
  /** Meetings whose members' support needs were deleted now, their totals kept on the meeting. */
  needMeetings: number;
  supportNeeds: number;
}

/**
 * Meetings that ended more than their network's retention period ago (Network.retentionMonths)
 * keep their counts but no longer say who: answers and check-ins become anonymous (counted for
 * the member's organisation), the records of DMs about them are deleted, and the organisers'
 * stored minutes versions keep the attendance counts per organisation without names (the
 * names are also taken out of the versions' texts). Date polls closed or cancelled more than the
 * period ago lose their votes, and the records of the nudges and results sent to voters go with
 * them. No counts are kept for those polls: a vote has no anonymous form, and the counts served a
 * decision already made (the chosen date and the meeting made from it stay; the cards in the
 * chats keep the tally they ended with, and /poll says the votes were deleted). Support needs go
 * sooner: 30 days after the meeting (NEEDS_KEPT_DAYS) only their totals stay, on the meeting. Idempotent: a
 * second run finds nothing left to do.
 */
export async function applyRetention(prisma: PrismaClient, now: Date): Promise<RetentionResult> {
  return prisma.$transaction(
    async (tx) => {
      // Months are calendar months, counted in SQL so each network uses its own period.
      const old = await tx.$queryRaw<{ id: number }[]>`
        SELECT mt.id FROM "Meeting" mt JOIN "Network" n ON n.id = mt."networkId"
        WHERE mt."endsAt" < ${now}::timestamptz - make_interval(months => n."retentionMonths")`;
      const ids = old.map((m) => m.id);
      const polls = await retirePollVotes(tx, now);
      // Before answers lose their member (a period shorter than 30 days): the totals count who was attending.
      const needs = await retireSupportNeeds(tx, now, ids);
      const needCounts = { needMeetings: needs.meetings, supportNeeds: needs.needs };
      if (ids.length === 0) return { meetings: 0, answers: 0, checkIns: 0, directCards: 0, messages: 0, minutesVersions: 0, ...polls, ...needCounts };
      // Read before the check-ins lose their member: versions stored without their attendance still name these people.
      const checkedIn = await namesOfCheckIns(tx, ids);
      const answers = await tx.$executeRaw`
        UPDATE "Rsvp" r SET "organisationId" = m."organisationId", "memberId" = NULL
        FROM "Member" m WHERE m.id = r."memberId" AND r."meetingId" IN (${Prisma.join(ids)})`;
      const checkIns = await tx.$executeRaw`
        UPDATE "Attendance" a SET "organisationId" = m."organisationId", "memberId" = NULL
        FROM "Member" m WHERE m.id = a."memberId" AND a."meetingId" IN (${Prisma.join(ids)})`;
      const directCards = await tx.postedCard.deleteMany({ where: { meetingId: { in: ids }, kind: "direct" } });
      // Still-scheduled ones (an old action item's reminder) are left to their own rules.
      const messages = await tx.outboxMessage.deleteMany({
        where: { meetingId: { in: ids }, status: { notIn: ["scheduled", "sending"] }, audience: { startsWith: "member:" } },
      });
      const minutesVersions = await retireVersions(tx, ids, checkedIn);
      return { meetings: ids.length, answers, checkIns, directCards: directCards.count, messages: messages.count, minutesVersions, ...polls, ...needCounts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

type Tx = Prisma.TransactionClient;

/**
 * Deletes the votes of polls that ended (closed or cancelled) more than their network's period
 * ago, and the records of the DMs about them to members; polls with nothing left to delete are
 * not counted, so a second run reports nothing.
 */
async function retirePollVotes(tx: Tx, now: Date): Promise<Pick<RetentionResult, "polls" | "pollVotes" | "pollMessages">> {
  const ended = await tx.$queryRaw<{ id: number }[]>`
    SELECT p.id FROM "DatePoll" p JOIN "Network" n ON n.id = p."networkId"
    WHERE p.status IN ('closed', 'cancelled') AND p."closedAt" < ${now}::timestamptz - make_interval(months => n."retentionMonths")`;
  const ids = ended.map((p) => p.id);
  if (ids.length === 0) return { polls: 0, pollVotes: 0, pollMessages: 0 };
  const deleted = await tx.$queryRaw<{ pollId: number }[]>`
    DELETE FROM "DatePollVote" v USING "DatePollCandidate" c
    WHERE c.id = v."candidateId" AND c."pollId" IN (${Prisma.join(ids)})
    RETURNING c."pollId"`;
  // A result or nudge sent to someone says they voted (or had not): it goes with the votes.
  const messages = await tx.$executeRaw`
    DELETE FROM "OutboxMessage"
    WHERE kind IN ('poll-result', 'poll-nudge') AND audience LIKE 'member:%' AND status NOT IN ('scheduled', 'sending')
      AND (payload->>'pollId')::int IN (${Prisma.join(ids)})`;
  return { polls: new Set(deleted.map((d) => d.pollId)).size, pollVotes: deleted.length, pollMessages: messages };
}

/** Display names of who checked in (and is still named), per meeting. */
async function namesOfCheckIns(tx: Tx, meetingIds: number[]): Promise<Map<number, string[]>> {
  const rows = await tx.attendance.findMany({ where: { meetingId: { in: meetingIds }, memberId: { not: null } }, select: { meetingId: true, member: { select: { user: { select: { firstName: true, lastName: true } } } } } });
  const names = new Map<number, string[]>();
  for (const row of rows) {
    if (!row.member) continue;
    names.set(row.meetingId, [...(names.get(row.meetingId) ?? []), displayName(row.member.user)]);
  }
  return names;
}

/** The versions of these meetings rewritten without attendees' names; those already without are left alone. */
async function retireVersions(tx: Tx, meetingIds: number[], checkedIn: Map<number, string[]>): Promise<number> {
  const versions = await tx.minutesVersion.findMany({ where: { meetingId: { in: meetingIds } }, select: { meetingId: true, version: true, markdown: true, content: true } });
  let changed = 0;
  for (const v of versions) {
    const retired = retireAttendance(v.markdown, v.content, checkedIn.get(v.meetingId));
    if (retired.markdown === v.markdown && JSON.stringify(retired.content) === JSON.stringify(v.content)) continue;
    await tx.minutesVersion.update({ where: { meetingId_version: { meetingId: v.meetingId, version: v.version } }, data: { markdown: retired.markdown, content: retired.content as Prisma.InputJsonValue } });
    changed++;
  }
  return changed;
}
