import { createHash } from "node:crypto";
import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { RsvpStatus } from "../../domain/rsvp-reply.ts";
import { MESSAGE_LIMIT, shortenText, splitIntoMessages } from "../../domain/split.ts";
import type { ActionItem } from "../actions/service.ts";
import { carriedOverLines, shownActionText } from "../actions/view.ts";
import { agendaLines, factLines, headingLine, type Reader } from "../meetings/view.ts";
import type { ShownText } from "../members/name-withholder.ts";
import type { Tally } from "../rsvp/service.ts";
import type { CardData } from "./service.ts";

export const PARTY_SIZES = [2, 3, 4, 5] as const;
/** How many organisations a card lists before summing up the rest. */
const CARD_ORGANISATIONS = 30;
/** How many carried-over items a card lists before summing up the rest. */
const CARD_ITEMS = 10;

/**
 * How much of each part a card shows. Telegram refuses a text over 4096 characters, so a card
 * that does not fit takes the first shape that does: carried-over items go first (they are on
 * /actions), then the agenda's detail (it is on /meeting), then long names; the answers per
 * organisation, what the card is for, are shortened last.
 */
interface CardShape {
  items: number;
  itemText: number;
  agendaItems: number;
  agendaText: number;
  names: number;
  organisations: number;
}

const FULL_SHAPE: CardShape = { items: CARD_ITEMS, itemText: Infinity, agendaItems: Infinity, agendaText: Infinity, names: Infinity, organisations: CARD_ORGANISATIONS };
const CARD_SHAPES: readonly CardShape[] = [
  FULL_SHAPE,
  { ...FULL_SHAPE, itemText: 200 },
  { ...FULL_SHAPE, itemText: 120, items: 5 },
  { ...FULL_SHAPE, itemText: 80, items: 3 },
  { ...FULL_SHAPE, items: 0 },
  { ...FULL_SHAPE, items: 0, agendaText: 150 },
  { ...FULL_SHAPE, items: 0, agendaText: 80 },
  { ...FULL_SHAPE, items: 0, agendaText: 80, agendaItems: 10 },
  { ...FULL_SHAPE, items: 0, agendaText: 60, agendaItems: 5 },
  { ...FULL_SHAPE, items: 0, agendaText: 60, agendaItems: 5, names: 80 },
  { ...FULL_SHAPE, items: 0, agendaText: 60, agendaItems: 5, names: 40 },
  { ...FULL_SHAPE, items: 0, agendaText: 60, agendaItems: 5, names: 40, organisations: 20 },
  { ...FULL_SHAPE, items: 0, agendaText: 40, agendaItems: 3, names: 30, organisations: 10 },
];

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

/**
 * Answers per organisation (counts, never names), totals, places and waitlist. `limits`: at most
 * this many organisations, their names cut to this many characters (a card short of room).
 */
export function tallyLines(reader: Reader, tally: Tally, capacity: number | null, limits: { organisations?: number; names?: number } = {}): string[] {
  const listed = limits.organisations ?? CARD_ORGANISATIONS;
  const lines = [reader.t("card-answers")];
  const shown = tally.byOrganisation.filter((o) => o.yes + o.maybe + o.waitlisted > 0);
  if (shown.length === 0) lines.push(reader.t("card-no-answers"));
  for (const org of shown.slice(0, listed)) {
    const parts: string[] = [];
    if (org.yes > 0) parts.push(reader.t("card-org-yes", { answers: org.yes, people: org.people }));
    if (org.maybe > 0) parts.push(reader.t("card-org-maybe", { answers: org.maybe }));
    if (org.waitlisted > 0) parts.push(reader.t("card-org-waiting", { answers: org.waitlisted }));
    lines.push(`• ${escapeHtml(shortenText(org.name ?? reader.t("card-no-organisation"), limits.names ?? Infinity))}: ${parts.join(" · ")}`);
  }
  if (shown.length > listed) lines.push(reader.t("card-more-organisations", { count: shown.length - listed }));
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
  const { meeting } = data;
  const cancelled = meeting.status === "cancelled";
  const closed = cancelled || meeting.startsAt <= now || (meeting.rsvpDeadline !== null && meeting.rsvpDeadline <= now);
  let text = "";
  for (const shape of CARD_SHAPES) {
    text = cardLines(reader, data, show, shape, cancelled, closed).join("\n");
    if (text.length <= MESSAGE_LIMIT) break;
  }
  // Only typed texts far beyond every limit could get here; the card still goes out, cut between lines.
  if (text.length > MESSAGE_LIMIT) text = splitIntoMessages(text.split("\n"))[0]!;
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
  const digest = createHash("sha256").update(text).update(JSON.stringify(keyboard ?? null)).digest("base64url").slice(0, 22);
  return { text, keyboard, digest };
}

/** The card's text in one shape; lengths are counted on the HTML, never shorter than what Telegram counts. */
function cardLines(reader: Reader, data: CardData, show: ShownText, shape: CardShape, cancelled: boolean, closed: boolean): string[] {
  const { meeting, network } = data;
  const lines: string[] = [];
  if (cancelled) {
    lines.push(reader.t("card-cancelled"));
    if (meeting.cancelReason) lines.push(reader.t("card-cancel-reason", { reason: escapeHtml(meeting.cancelReason) }));
  }
  lines.push(headingLine(reader, meeting, Math.max(shape.names, 120)), ...factLines(reader, meeting, network, shape.names), "");
  lines.push(...agendaLines(reader, meeting, { items: shape.agendaItems, text: shape.agendaText }));
  if (cancelled) return lines;
  // A blocked reason is cut as the item's text is.
  lines.push(...carriedOverLines(reader, data.carriedOver, show, (item) => shortItemText(reader, item, show, shape.itemText), { items: shape.items, reason: Math.min(shape.itemText, 120) }));
  lines.push("", ...tallyLines(reader, data.tally, meeting.capacity, { organisations: shape.organisations, names: shape.names }), "", reader.t(closed ? "card-closed" : "card-how"));
  return lines;
}

/**
 * An item's line cut to `max` characters by shortening its own words: the owner, due date and
 * number (what /done needs) stay. Both parts are cut from the text as shown, after names were
 * withheld, so a cut can never reveal part of a withheld name.
 */
function shortItemText(reader: Reader, item: ActionItem, show: ShownText, max: number): string {
  const full = shownActionText(reader, item, false, show);
  if (full.length <= max) return full;
  const tail = shownActionText(reader, { ...item, text: "" }, false, show);
  if (tail.length > 0 && full.endsWith(tail) && max - tail.length >= 20) return shortenText(full.slice(0, full.length - tail.length), max - tail.length) + tail;
  return shortenText(full, max);
}
