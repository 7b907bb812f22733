import type { OutboxWriter } from "../../outbox/outbox.ts";

/** The one key of a meeting's pending card refresh: re-arming it coalesces every change meanwhile. */
export const refreshKey = (meetingId: number) => `cards:${meetingId}`;

/**
 * Something a meeting's cards show has changed: in the transaction of that change, its one
 * refresh row is armed again. When it runs it compares every live card with the database and
 * edits those that differ, each at its own pace (see renderers.ts).
 */
export async function refreshCards(out: OutboxWriter, meeting: { id: number; networkId: number }): Promise<void> {
  await out.rearm({ dedupeKey: refreshKey(meeting.id), kind: "card-refresh", networkId: meeting.networkId, meetingId: meeting.id, audience: `meeting:${meeting.id}` });
}
