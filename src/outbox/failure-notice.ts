import type { PrismaClient } from "../db/client.ts";
import type { Renderer } from "./types.ts";

const REMINDERS = new Set(["before", "group-summary", "nudge", "group-silent", "organiser-summary", "host-checklist", "checkin-card", "organiser-eve", "action-soon", "action-due", "task-checkin", "task-summary"]);

/** Which words the organisers read for a failed kind. */
function whatFailed(kind: string): "card" | "minutes" | "reminder" | "other" {
  if (kind === "card-post") return "card";
  if (kind === "minutes-copy" || kind === "minutes-approved") return "minutes";
  if (REMINDERS.has(kind)) return "reminder";
  return "other";
}

/** To an organiser: a message of a meeting could not be delivered for good. */
export function failureNoticeRenderer(prisma: PrismaClient): Renderer {
  return async ({ row, to }) => {
    if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
    const meeting = row.meetingId === null ? null : await prisma.meeting.findUnique({ where: { id: row.meetingId }, select: { number: true } });
    if (!meeting) return { kind: "skip", reason: "meeting gone" };
    return { kind: "send", message: { method: "sendMessage", text: to.reader.t("delivery-failed", { what: whatFailed(String(row.payload.failedKind)), number: meeting.number }) } };
  };
}
