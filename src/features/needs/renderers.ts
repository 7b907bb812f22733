import { escapeHtml } from "../../bot/html.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import type { Rendering, Renderer } from "../../outbox/types.ts";
import { tallyLines } from "../invitations/view.ts";
import { venueText } from "../meetings/view.ts";
import type { RsvpService } from "../rsvp/service.ts";
import type { NeedsService } from "./service.ts";
import { needsPrompt, needsTotalsLine } from "./view.ts";

export interface NeedsRendererDeps {
  prisma: PrismaClient;
  rsvps: Pick<RsvpService, "tally" | "silentOrganisations">;
  needs: Pick<NeedsService, "totals" | "access">;
}

/**
 * The day-before summary for organisers (answers per organisation, support needs in totals), and
 * the needs buttons offered by DM after a yes or maybe in a group.
 */
export function needsRenderers(deps: NeedsRendererDeps): { "organiser-eve": Renderer; "needs-offer": Renderer } {
  return {
    "organiser-eve": async ({ row, to }): Promise<Rendering> => {
      const meeting = await deps.prisma.meeting.findUnique({ where: { id: row.meetingId ?? -1 }, include: { network: true } });
      if (!meeting) return { kind: "skip", reason: "meeting gone" };
      if (meeting.status === "cancelled") return { kind: "skip", reason: "meeting cancelled" };
      if (to.kind !== "member" || to.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
      const [tally, silent, totals] = await Promise.all([deps.rsvps.tally(meeting.id), deps.rsvps.silentOrganisations(meeting.id, meeting.networkId), deps.needs.totals(meeting.id)]);
      const r = to.reader;
      const lines = [
        r.t("needs-eve", { number: meeting.number, when: formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.network.timeZone, r.locale), venue: venueText(r, meeting, true) }),
        "",
        ...tallyLines(r, tally, meeting.capacity),
      ];
      if (silent.length > 0) lines.push(r.t("rsvps-silent", { names: escapeHtml(silent.join(", ")) }));
      lines.push("", needsTotalsLine(r, totals, { evenIfNone: true })!);
      // Organisers always read the place: protected when it is confidential.
      return { kind: "send", message: { method: "sendMessage", text: lines.join("\n"), ...(meeting.venuePrivate ? { protect: true } : {}) } };
    },
    "needs-offer": async ({ row, to }): Promise<Rendering> => {
      if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
      const access = await deps.needs.access(row.meetingId ?? -1, to.userId);
      // Cancelled, started, changed to no: the offer no longer fits. Needs stated already: it was found.
      if (access.kind !== "ok") return { kind: "skip", reason: `no longer open (${access.kind})` };
      if (access.needs.length > 0) return { kind: "skip", reason: "needs stated already" };
      const prompt = needsPrompt(to.reader, access.meeting, access.needs);
      return { kind: "send", message: { method: "sendMessage", text: prompt.text, keyboard: prompt.keyboard } };
    },
  };
}
