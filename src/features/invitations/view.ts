import { createHash } from "node:crypto";
import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { RsvpStatus } from "../../domain/rsvp-reply.ts";
import { carriedOverLines } from "../actions/view.ts";
import { agendaLines, factLines, headingLine, type Reader } from "../meetings/view.ts";
import type { ShownText } from "../members/name-withholder.ts";
import type { Tally } from "../rsvp/service.ts";
import type { CardData } from "./service.ts";

export const PARTY_SIZES = [2, 3, 4, 5] as const;
/** How many organisations a card lists before summing up the rest. */
const CARD_ORGANISATIONS = 30;

const STATUS_CODE: Record<RsvpStatus, string> = { yes: "y", maybe: "m", no: "n" };
const CODE_STATUS: Record<string, RsvpStatus> = { y: "yes", m: "maybe", n: "no" };

export type RsvpButton = { meetingId: number; status: RsvpStatus; partySize?: number };

export function rsvpData(button: RsvpButton): string {
  return `rsvp:${button.meetingId}:${button.partySize ?? STATUS_CODE[button.status]}`;
}

/** Reads a press; anything not shaped exactly like our own buttons is refused. */
export function readRsvpData(data: string): RsvpButton | undefined {
  const match = /^rsvp:(\d{1,9}):(y|m|n|[2-5])$/.exec(data);
  if (!match) return undefined;
  const meetingId = Number(match[1]);
  const code = match[2]!;
  return code in CODE_STATUS ? { meetingId, status: CODE_STATUS[code]! } : { meetingId, status: "yes", partySize: Number(code) };
}

export const icsData = (meetingId: number) => `ics:${meetingId}`;
export const repostData = (meetingId: number) => `repost:${meetingId}`;

export interface RenderedCard {
  text: string;
  keyboard: InlineKeyboardMarkup | undefined;
  /** Changes whenever what the reader sees changes. */
  digest: string;
}

/** Answers per organisation (counts, never names), totals, places and waitlist. */
export function tallyLines(reader: Reader, tally: Tally, capacity: number | null): string[] {
  const lines = [reader.t("card-answers")];
  const shown = tally.byOrganisation.filter((o) => o.yes + o.maybe + o.waitlisted > 0);
  if (shown.length === 0) lines.push(reader.t("card-no-answers"));
  for (const org of shown.slice(0, CARD_ORGANISATIONS)) {
    const parts: string[] = [];
    if (org.yes > 0) parts.push(reader.t("card-org-yes", { answers: org.yes, people: org.people }));
    if (org.maybe > 0) parts.push(reader.t("card-org-maybe", { answers: org.maybe }));
    if (org.waitlisted > 0) parts.push(reader.t("card-org-waiting", { answers: org.waitlisted }));
    lines.push(`• ${escapeHtml(org.name ?? reader.t("card-no-organisation"))}: ${parts.join(" · ")}`);
  }
  if (shown.length > CARD_ORGANISATIONS) lines.push(reader.t("card-more-organisations", { count: shown.length - CARD_ORGANISATIONS }));
  lines.push(reader.t("card-total", { people: tally.people, maybe: tally.maybe, no: tally.no }));
  if (capacity !== null) lines.push(reader.t("card-places-left", { left: Math.max(0, capacity - tally.people) }));
  if (tally.waitlisted > 0) lines.push(reader.t("card-waitlist", { count: tally.waitlisted }));
  return lines;
}

/**
 * The invitation card: the meeting, the answers per organisation (counts, never names) and
 * the buttons. A cancelled meeting keeps its card, marked cancelled and without buttons.
 * `show`: how the carried-over items read for this card's readers (a group, or one member).
 */
export function renderCard(reader: Reader, data: CardData, now: Date, show: ShownText): RenderedCard {
  const { meeting, network } = data;
  const cancelled = meeting.status === "cancelled";
  const closed = cancelled || meeting.startsAt <= now || (meeting.rsvpDeadline !== null && meeting.rsvpDeadline <= now);
  const lines: string[] = [];
  if (cancelled) {
    lines.push(reader.t("card-cancelled"));
    if (meeting.cancelReason) lines.push(reader.t("card-cancel-reason", { reason: escapeHtml(meeting.cancelReason) }));
  }
  lines.push(headingLine(reader, meeting), ...factLines(reader, meeting, network), "", ...agendaLines(reader, meeting));
  if (!cancelled) lines.push(...carriedOverLines(reader, data.carriedOver, false, show));
  if (!cancelled) lines.push("", ...tallyLines(reader, data.tally, meeting.capacity), "", reader.t(closed ? "card-closed" : "card-how"));
  const keyboard: InlineKeyboardMarkup | undefined = cancelled
    ? undefined
    : closed
      ? { inline_keyboard: [[{ text: reader.t("card-ics"), callback_data: icsData(meeting.id) }]] }
      : {
          inline_keyboard: [
            [
              { text: reader.t("card-yes"), callback_data: rsvpData({ meetingId: meeting.id, status: "yes" }) },
              { text: reader.t("card-maybe"), callback_data: rsvpData({ meetingId: meeting.id, status: "maybe" }) },
              { text: reader.t("card-no"), callback_data: rsvpData({ meetingId: meeting.id, status: "no" }) },
            ],
            PARTY_SIZES.map((size) => ({ text: reader.t("card-party", { size }), callback_data: rsvpData({ meetingId: meeting.id, status: "yes", partySize: size }) })),
            [{ text: reader.t("card-ics"), callback_data: icsData(meeting.id) }],
          ],
        };
  const text = lines.join("\n");
  const digest = createHash("sha256").update(text).update(JSON.stringify(keyboard ?? null)).digest("base64url").slice(0, 22);
  return { text, keyboard, digest };
}
