import type { Prisma } from "./generated/client.ts";

/**
 * Holds the meeting's row until the transaction ends, so that decisions read from several rows
 * (seats left, the waitlist, the open hosting turn) are made by one transaction at a time on
 * PostgreSQL. `NO KEY UPDATE` still lets RSVP rows that reference the meeting be inserted
 * meanwhile. On PGlite, a single session, transactions are serial anyway; the same SQL runs.
 */
export async function lockMeeting(tx: Prisma.TransactionClient, meetingId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR NO KEY UPDATE`;
  return rows.length === 1;
}
