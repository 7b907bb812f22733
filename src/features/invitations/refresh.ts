import { Prisma } from "../../db/client.ts";
import type { OutboxWriter } from "../../outbox/outbox.ts";

const REFRESH_PREFIX = "cards:";
/** The one key of a meeting's pending card refresh: re-arming it coalesces every change meanwhile. */
export const refreshKey = (meetingId: number) => `${REFRESH_PREFIX}${meetingId}`;
/** A refresh goes to no one: it re-arms the edits of the meeting's cards. */
const REFRESH_AUDIENCE_PREFIX = "meeting:";
const refreshAudience = (meetingId: number) => `${REFRESH_AUDIENCE_PREFIX}${meetingId}`;

/**
 * Something a meeting's cards show has changed: in the transaction of that change, its one
 * refresh row is armed again. When it runs it compares every live card with the database and
 * edits those that differ, each at its own pace (see renderers.ts).
 */
export async function refreshCards(out: OutboxWriter, meeting: { id: number; networkId: number }): Promise<void> {
  await out.rearm({ dedupeKey: refreshKey(meeting.id), kind: "card-refresh", networkId: meeting.networkId, meetingId: meeting.id, audience: refreshAudience(meeting.id) });
}

/**
 * The same as rows for rearmStatement, for the meetings of `meetings` (a relation with columns
 * meeting_id and network_id), in meeting order: a statement that changes answers re-arms the
 * refreshes itself, in one write.
 */
export function refreshRows(meetings: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${REFRESH_PREFIX} || t.meeting_id, 'card-refresh', t.network_id, t.meeting_id, ${REFRESH_AUDIENCE_PREFIX} || t.meeting_id, 0, '{}'::jsonb, ${now}::timestamp
    FROM ${meetings} t ORDER BY t.meeting_id`;
}
