import type { Reader } from "../../bot/i18n.ts";
import type { PrismaClient } from "../../db/client.ts";
import { emptyTotals } from "../../domain/support-needs.ts";
import { totalsOfMeetings } from "./service.ts";
import { needsTotalsLine } from "./view.ts";

/**
 * The support needs line of a host checklist reminder: totals only, never who. Undefined when
 * nobody stated a need, unless `evenIfNone` (the accessibility step says so).
 */
export async function hostNeedsLine(prisma: PrismaClient, reader: Reader, meetingId: number, evenIfNone: boolean): Promise<string | undefined> {
  const totals = (await totalsOfMeetings(prisma, [meetingId])).get(meetingId) ?? emptyTotals();
  return needsTotalsLine(reader, totals, { evenIfNone });
}
