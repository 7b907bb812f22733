import type { PrismaClient } from "../../db/client.ts";
import type { Renderer } from "../../outbox/types.ts";

/** A waitlisted member got a place: told by DM, if the place is still theirs when it goes out. */
export function rsvpRenderers(deps: { prisma: PrismaClient }): { "waitlist-promotion": Renderer } {
  return {
    "waitlist-promotion": async ({ row, to }) => {
      if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
      const rsvp = await deps.prisma.rsvp.findUnique({
        where: { meetingId_memberId: { meetingId: row.meetingId ?? -1, memberId: to.memberId } },
        include: { meeting: { select: { number: true, status: true } } },
      });
      if (!rsvp || rsvp.meeting.status === "cancelled") return { kind: "skip", reason: "meeting gone or cancelled" };
      if (rsvp.status !== "yes" || rsvp.waitlistedAt !== null) return { kind: "skip", reason: "the place is no longer theirs" };
      return { kind: "send", message: { method: "sendMessage", text: to.reader.t("rsvp-promoted", { number: rsvp.meeting.number, size: rsvp.partySize }) } };
    },
  };
}
