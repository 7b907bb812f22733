import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import type { Renderer } from "../../outbox/types.ts";

/**
 * A linked chat hears that its meeting moved or was cancelled. What it reads is the meeting as
 * it is when the notice goes out (the new time, the reason); news overtaken by a later change
 * is not sent.
 */
export function meetingNoticeRenderers(deps: { prisma: PrismaClient }): Record<"meeting-notice", Renderer> {
  return {
    "meeting-notice": async ({ row, to }) => {
      const meeting = await deps.prisma.meeting.findUnique({ where: { id: row.meetingId ?? -1 }, include: { network: true } });
      if (!meeting) return { kind: "skip", reason: "meeting gone" };
      const r = to.reader;
      const { event } = row.payload;
      if (event === "cancelled") {
        if (meeting.status !== "cancelled") return { kind: "skip", reason: "not cancelled" };
        const reason = meeting.cancelReason;
        const text = r.t(reason ? "cancel-announcement-reason" : "cancel-announcement", { number: meeting.number, reason: escapeHtml(reason ?? "") });
        return { kind: "send", message: { method: "sendMessage", text } };
      }
      if (event !== "rescheduled") return { kind: "skip", reason: `unknown notice ${String(event)}` };
      if (meeting.status === "cancelled") return { kind: "skip", reason: "cancelled since" };
      if (Number(row.payload.sequence) !== meeting.icsSequence) return { kind: "skip", reason: "moved again since" };
      const zone = meeting.network.timeZone;
      const before = formatMeetingTime(new Date(Number(row.payload.fromStartsAt)), new Date(Number(row.payload.fromEndsAt)), zone, r.locale);
      const after = formatMeetingTime(meeting.startsAt, meeting.endsAt, zone, r.locale);
      return { kind: "send", message: { method: "sendMessage", text: r.t("reschedule-announcement", { number: meeting.number, before, after }) } };
    },
  };
}
