import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import { displayName } from "../../domain/names.ts";
import type { Renderer, Rendering, UnreachableHandler } from "../../outbox/types.ts";
import { recordUndelivered, revealOwed } from "./service.ts";
import { revealText } from "./view.ts";

export interface VenueRendererDeps {
  prisma: PrismaClient;
}

const skip = (reason: string): Rendering => ({ kind: "skip", reason });

/**
 * A confidential meeting's venue, told privately to a member who answered yes (protected: it
 * cannot be forwarded or saved); and, to an organiser, that it could not reach a member.
 */
export function venueRenderers(deps: VenueRendererDeps): { "venue-reveal": Renderer; "venue-undelivered": Renderer } {
  const { prisma } = deps;

  /** To an organiser: the place could not reach this member (they may see the name, privately). */
  const undeliveredNotice: Renderer = async ({ row, to }) => {
    if (to.kind !== "member" || to.role !== "organiser") return skip("no longer an organiser");
    const [meeting, member] = await Promise.all([
      prisma.meeting.findUnique({ where: { id: row.meetingId ?? -1 }, select: { number: true, status: true } }),
      prisma.member.findUnique({ where: { id: Number(row.payload.memberId) }, include: { user: true } }),
    ]);
    if (!meeting || meeting.status === "cancelled") return skip("meeting gone or cancelled");
    if (!member) return skip("member gone");
    const username = member.user.username ? ` (@${escapeHtml(member.user.username)})` : "";
    return { kind: "send", message: { method: "sendMessage", text: to.reader.t("venue-reveal-undelivered", { number: meeting.number, name: `${escapeHtml(displayName(member.user))}${username}` }) } };
  };

  const reveal: Renderer = async (context) => {
    const { row, to, now } = context;
    if (to.kind !== "member") return skip("not a member");
    const owed = await revealOwed(prisma, row.meetingId, to.memberId, now);
    if (owed.kind === "skip") return owed;
    const { meeting, place } = owed;
    const r = to.reader;
    const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.network.timeZone, r.locale);
    return {
      kind: "send",
      message: { method: "sendMessage", text: revealText(r, meeting, when), protect: true },
      // In the transaction that marks the row sent: this place is told, and not told again.
      recordSent: async (tx) => {
        await tx.venueReveal.upsert({
          where: { meetingId_memberId: { meetingId: meeting.id, memberId: to.memberId } },
          create: { meetingId: meeting.id, memberId: to.memberId, place, sentAt: now },
          update: { place, sentAt: now, undeliveredAt: null },
        });
      },
    };
  };

  return { "venue-reveal": reveal, "venue-undelivered": undeliveredNotice };
}

/** What a reveal records when its member cannot be reached: see recordUndelivered. */
export const venueUnreachable: UnreachableHandler = (out, row, memberId, now) => recordUndelivered(out, row, memberId, now);
