import { Prisma, type PrismaClient } from "../../db/client.ts";

export interface RetentionResult {
  meetings: number;
  answers: number;
  checkIns: number;
  directCards: number;
  reminders: number;
  minutesCopies: number;
}

/**
 * Meetings that ended more than their network's retention period ago (Network.retentionMonths)
 * keep their counts but no longer say who: answers and check-ins become anonymous (counted for
 * the member's organisation) and the records of DMs about them are deleted. Idempotent: a
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
      if (ids.length === 0) return { meetings: 0, answers: 0, checkIns: 0, directCards: 0, reminders: 0, minutesCopies: 0 };
      const answers = await tx.$executeRaw`
        UPDATE "Rsvp" r SET "organisationId" = m."organisationId", "memberId" = NULL
        FROM "Member" m WHERE m.id = r."memberId" AND r."meetingId" IN (${Prisma.join(ids)})`;
      const checkIns = await tx.$executeRaw`
        UPDATE "Attendance" a SET "organisationId" = m."organisationId", "memberId" = NULL
        FROM "Member" m WHERE m.id = a."memberId" AND a."meetingId" IN (${Prisma.join(ids)})`;
      const directCards = await tx.postedCard.deleteMany({ where: { meetingId: { in: ids }, kind: "direct" } });
      // Still-scheduled ones (an old action item's reminder) are left to their own rules.
      const reminders = await tx.reminder.deleteMany({
        where: {
          meetingId: { in: ids },
          status: { notIn: ["scheduled", "sending"] },
          OR: [{ audience: { startsWith: "member:" } }, { audience: { startsWith: "action:", contains: ":member:" } }],
        },
      });
      const minutesCopies = await tx.minutesDelivery.deleteMany({ where: { meetingId: { in: ids }, target: { startsWith: "member:" } } });
      return { meetings: ids.length, answers, checkIns, directCards: directCards.count, reminders: reminders.count, minutesCopies: minutesCopies.count };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
