import { escapeHtml } from "../../bot/html.ts";
import type { Reader } from "../../bot/i18n.ts";
import type { Meeting } from "../../db/client.ts";

/** The private message that tells a confirmed member the place: HTML, every typed value escaped. */
export function revealText(r: Reader, meeting: Pick<Meeting, "number" | "venueName" | "venueAddress">, when: string): string {
  const lines = [r.t("venue-reveal-heading", { number: meeting.number }), r.t("meeting-when", { when })];
  lines.push(r.t("meeting-venue", { venue: meeting.venueName ? escapeHtml(meeting.venueName) : r.t("meeting-venue-none") }));
  if (meeting.venueAddress) lines.push(r.t("meeting-address", { address: escapeHtml(meeting.venueAddress) }));
  lines.push("", r.t("venue-reveal-keep"));
  return lines.join("\n");
}
