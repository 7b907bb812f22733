import type { OutboxWriter } from "../../outbox/outbox.ts";

/** A check-in message the bot sent: the row that sent it, its audience and message. */
export interface SentCheckIn {
  rowId: number;
  audience: string;
  messageId: number;
}

/**
 * After a task's status changed, every check-in message about it that went out shows the new
 * status: one edit row per message (re-armed, so a burst of answers edits each message once with
 * the last one). `except`: the message the answer was given on, edited by the answer itself.
 */
export async function editCheckInsIn(out: OutboxWriter, entryId: number, except?: { audience: string; messageId: number }): Promise<number> {
  const rows = await out.tx.outboxMessage.findMany({
    where: { kind: "task-checkin", status: "sent", payload: { path: ["entryId"], equals: entryId } },
    select: { id: true, audience: true, payload: true, networkId: true, meetingId: true },
    orderBy: { id: "asc" },
  });
  let edits = 0;
  for (const row of rows) {
    const messageId = (row.payload as Record<string, unknown> | null)?.messageId;
    if (typeof messageId !== "number") continue;
    if (except && except.audience === row.audience && except.messageId === messageId) continue;
    await out.rearm({ dedupeKey: `task-checkin-edit:${row.id}`, kind: "task-checkin-edit", networkId: row.networkId, meetingId: row.meetingId, audience: row.audience, payload: { checkInId: row.id } });
    edits++;
  }
  return edits;
}
