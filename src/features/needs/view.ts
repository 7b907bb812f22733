import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import { shortenText } from "../../domain/split.ts";
import type { Reader } from "../../bot/i18n.ts";
import {
  ACCEPTED_NEED_WORDS,
  groupTexts,
  hasAnyNeed,
  isTextNeed,
  NEED_DETAIL_MAX,
  SUPPORT_NEED_KINDS,
  type NeedsReading,
  type NeedTotals,
  type StatedNeed,
  type SupportNeedKind,
  type TextNeedKind,
} from "../../domain/support-needs.ts";
import { needsData } from "./callbacks.ts";
import type { NeedsRefusal } from "./service.ts";

const keyOf = (kind: SupportNeedKind) => kind.replaceAll("_", "-");

/** "çocuk bakımı", "TİD tercüme": plain text, no person's words in it. */
export function needLabel(reader: Reader, kind: SupportNeedKind): string {
  return reader.t(`needs-label-${keyOf(kind)}`);
}

/** One of the person's own needs, with its text (HTML). */
function statedNeedText(reader: Reader, need: StatedNeed): string {
  const label = needLabel(reader, need.kind);
  return need.detail ? `${label} (${escapeHtml(need.detail)})` : label;
}

/** What the person stated, or that they stated nothing (HTML). */
export function ownNeedsLine(reader: Reader, needs: readonly StatedNeed[]): string {
  if (needs.length === 0) return reader.t("needs-current-none");
  return reader.t("needs-current", { needs: needs.map((n) => statedNeedText(reader, n)).join(", ") });
}

const ROWS: readonly (readonly SupportNeedKind[])[] = [
  ["childcare", "transport"],
  ["interpretation_tid", "interpretation_kurdish"],
  ["interpretation_arabic", "interpretation_other"],
  ["accessibility", "diet"],
];

/** The toggles: each need on or off for this person; "remove them all" while any is stated. */
export function needsKeyboard(reader: Reader, meetingId: number, needs: readonly StatedNeed[]): InlineKeyboardMarkup {
  const stated = new Set(needs.map((n) => n.kind));
  const button = (kind: SupportNeedKind): InlineKeyboardButton => {
    const label = reader.t(`needs-button-${keyOf(kind)}`);
    return { text: stated.has(kind) ? reader.t("needs-button-on", { label }) : label, callback_data: needsData.build({ meetingId, action: kind }) };
  };
  const rows = ROWS.map((row) => row.map(button));
  if (needs.length > 0) rows.push([{ text: reader.t("needs-button-clear"), callback_data: needsData.build({ meetingId, action: "clear" }) }]);
  return { inline_keyboard: rows };
}

/** The message that offers the toggles (after a yes or maybe, on /needs, by DM after a group answer). */
export function needsPrompt(reader: Reader, meeting: { id: number; number: number }, needs: readonly StatedNeed[], lead?: string): { text: string; keyboard: InlineKeyboardMarkup } {
  const lines = [...(lead ? [lead, ""] : []), reader.t("needs-prompt", { number: meeting.number }), "", ownNeedsLine(reader, needs), reader.t("needs-how", { number: meeting.number })];
  return { text: lines.join("\n"), keyboard: needsKeyboard(reader, meeting.id, needs) };
}

/** How many distinct texts a totals line lists, and how much of each: the CSV has them in full. */
const TEXTS_LISTED = 12;
const TEXT_SHOWN = 80;

/** "çocuk bakımı: 3, TİD tercüme: 1, beslenme: 2 (glutensiz; vejetaryen)": counts, never names (HTML). */
export function totalsText(reader: Reader, totals: NeedTotals): string | undefined {
  if (!hasAnyNeed(totals)) return undefined;
  const parts: string[] = [];
  for (const kind of SUPPORT_NEED_KINDS) {
    const count = totals.counts[kind];
    if (count === 0) continue;
    const need = needLabel(reader, kind);
    const texts = isTextNeed(kind) ? groupTexts(totals.texts[kind]) : [];
    if (texts.length === 0) {
      parts.push(reader.t("needs-total", { need, count }));
      continue;
    }
    const shown = texts.slice(0, TEXTS_LISTED).map((t) => {
      const text = escapeHtml(shortenText(t.text, TEXT_SHOWN));
      return t.count > 1 ? reader.t("needs-total-text-times", { text, count: t.count }) : text;
    });
    if (texts.length > TEXTS_LISTED) shown.push(reader.t("needs-total-more-texts", { count: texts.length - TEXTS_LISTED }));
    const listed = shown.join("; ");
    parts.push(reader.t("needs-total-texts", { need, count, texts: listed }));
  }
  return parts.join(", ");
}

/**
 * The totals line of organisers' and hosts' views; undefined when nobody stated a need, unless
 * `evenIfNone` (the accessibility step, the day-before summary) asks to say so.
 */
export function needsTotalsLine(reader: Reader, totals: NeedTotals, options: { evenIfNone?: boolean } = {}): string | undefined {
  const text = totalsText(reader, totals);
  if (text !== undefined) return reader.t("needs-totals", { totals: text });
  return options.evenIfNone ? reader.t("needs-totals-none") : undefined;
}

export function refusalText(reader: Reader, refusal: NeedsRefusal, number: number): string {
  return reader.t(`needs-refused-${refusal}`, { number });
}

/** Why a `/needs` text was not taken; nothing was changed. */
export function readingProblemText(reader: Reader, reading: Exclude<NeedsReading, { kind: "needs" | "clear" | "empty" }>): string {
  switch (reading.kind) {
    case "unknown":
      return reader.t("needs-unknown-words", { words: escapeHtml(reading.words.join(", ")), accepted: escapeHtml(ACCEPTED_NEED_WORDS[reader.locale === "en" ? "en" : "tr"]) });
    case "missing-detail":
      return reader.t(`needs-missing-${keyOf(reading.need)}`);
    case "too-long":
      return tooLongText(reader, reading.need, reading.length);
  }
}

export function tooLongText(reader: Reader, need: TextNeedKind, length: number): string {
  return reader.t("needs-too-long", { need: needLabel(reader, need), length, max: NEED_DETAIL_MAX });
}

/** The question for a text need's text, answered by reply. */
export function askTextOf(reader: Reader, need: TextNeedKind, number: number): string {
  return reader.t(`needs-ask-${keyOf(need)}`, { number, max: NEED_DETAIL_MAX });
}

/**
 * The CSV's columns, one per need. Members are told their needs reach organisers without their
 * name, so the named rows leave them empty and one unnamed row carries the totals: a count, and
 * for text needs the texts as typed.
 */
export const NEED_EXPORT_COLUMNS = SUPPORT_NEED_KINDS.map((kind) => `need_${kind}`);

export function needTotalCells(totals: NeedTotals): string[] {
  return SUPPORT_NEED_KINDS.map((kind) => {
    const count = totals.counts[kind];
    if (count === 0) return "";
    const texts = isTextNeed(kind) ? totals.texts[kind] : [];
    return texts.length > 0 ? `${count} (${texts.join("; ")})` : String(count);
  });
}
