import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import type { Network, Prisma } from "../../db/client.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import { itemsOf, type MinutesDocument, type MinutesSection } from "../../domain/minutes-document.ts";
import { formatDecisionNumber } from "../../domain/decisions.ts";
import type { Decision } from "../decisions/service.ts";
import { decisionText, registerSection } from "../decisions/view.ts";
import { approvalSection, type ApprovalRecord } from "../objections/view.ts";
import type { MinutesEntry as ParsedEntry } from "../../domain/minutes-entry.ts";
import { actionText } from "../actions/view.ts";
import { followUpItems } from "../checkins/view.ts";
import { actionItemOf, type ActionItem } from "../actions/service.ts";
import { cameCount, cameNames, type AttendanceGroup } from "../attendance/service.ts";
import type { MeetingWithHost } from "../meetings/service.ts";
import type { ShownText } from "../members/name-withholder.ts";
import type { Reader } from "../meetings/view.ts";
import type { Closed, CopyState, EntryChange, StoredEntry } from "./service.ts";

export const keepAsNoteData = (meetingId: number) => `mkeep:${meetingId}`;

/** What a published version says; stored with it, so a copy sent later says the same. */
export interface MinutesSnapshot {
  entries: SnapshotEntry[];
  attendance: AttendanceGroup[];
  /** Open items of earlier meetings. */
  carriedOver: ActionItem[];
}

export type SnapshotEntry = Pick<StoredEntry, "id" | "meetingId" | "number" | "kind" | "text" | "ownerUsername" | "dueDate" | "doneAt"> & {
  ownerOrganisation: { shortName: string } | null;
  /** A decision's number in its meeting; versions stored before the register have none (see `decisions`). */
  decisionNumber?: number | null;
};

export interface MinutesContent extends MinutesSnapshot {
  meeting: MeetingWithHost;
  network: Network;
  version: number;
  /** Names of who came: the organisers' copy only; the groups see counts. */
  withNames: boolean;
  /**
   * For the groups' copy: withholds members' names written into entries ("Derya opened the
   * meeting"), since who-said-what is for organisers only.
   */
  withhold?: (text: string) => string;
  /**
   * The readers may read a confidential venue (the organisers' copy). Left out: they may not
   * (the groups' copy), and the district stands for the place.
   */
  seesPlace?: boolean;
  /**
   * The series' register up to this meeting, read when the document is made: decisions' numbers
   * and what replaced what, and the register itself at the end of the Markdown file.
   */
  decisions?: readonly Decision[];
  /** Approved minutes: when, and the objections with how each was answered (the approved copy). */
  approval?: ApprovalRecord;
}

/** The snapshot as JSON: dates as ISO text, read back by `readSnapshot`. */
export function writeSnapshot(snapshot: MinutesSnapshot): Prisma.InputJsonObject {
  // Only the fields the document shows (a stored entry also carries BigInt ids JSON cannot hold).
  const entries = snapshot.entries.map((e) => ({
    id: e.id,
    meetingId: e.meetingId,
    number: e.number,
    kind: e.kind,
    text: e.text,
    ownerUsername: e.ownerUsername,
    ownerOrganisation: e.ownerOrganisation ? { shortName: e.ownerOrganisation.shortName } : null,
    dueDate: e.dueDate,
    doneAt: null,
    decisionNumber: e.decisionNumber ?? null,
  }));
  return JSON.parse(JSON.stringify({ entries, attendance: snapshot.attendance, carriedOver: snapshot.carriedOver.map((i) => ({ ...i, doneAt: null })) })) as Prisma.InputJsonObject;
}

export function readSnapshot(json: Prisma.JsonValue): MinutesSnapshot {
  const value = (json ?? {}) as Partial<MinutesSnapshot>;
  return { entries: value.entries ?? [], attendance: value.attendance ?? [], carriedOver: value.carriedOver ?? [] };
}

/** The published minutes, as plain text in the reader's language. */
export function minutesDocument(reader: Reader, content: MinutesContent): MinutesDocument {
  const { meeting, network, entries } = content;
  const facts = [
    reader.t("minutes-fact-when", { when: formatMeetingTime(meeting.startsAt, meeting.endsAt, network.timeZone, reader.locale) }),
    meeting.venuePrivate && content.seesPlace !== true
      ? reader.t("minutes-fact-venue-confidential", { district: meeting.district ?? reader.t("meeting-venue-hidden") })
      : reader.t("minutes-fact-venue", { venue: [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ") || reader.t("meeting-venue-none") }),
    reader.t("minutes-fact-host", { host: meeting.hostOrganisation?.name ?? reader.t("meeting-host-none") }),
  ];
  if (meeting.facilitators.length > 0) facts.push(reader.t("minutes-fact-facilitators", { names: meeting.facilitators.join(", ") }));
  facts.push(reader.t(content.version > 1 ? "minutes-fact-version-replaces" : "minutes-fact-version", { version: content.version, previous: content.version - 1 }));

  const came = content.attendance.filter((g) => cameCount(g) > 0);
  const attendance = came.map((g) => {
    const organisation = g.organisation ?? reader.t("card-no-organisation");
    return content.withNames
      ? reader.t("minutes-attendance-names", { organisation, count: cameCount(g), names: cameNames(reader, g).join(", ") })
      : reader.t("minutes-attendance-count", { organisation, count: cameCount(g) });
  });
  if (came.length > 0) {
    const people = came.reduce((sum, g) => sum + cameCount(g), 0);
    attendance.push(reader.t("minutes-attendance-total", { people, organisations: came.filter((g) => g.organisation !== null).length }));
  }
  const of = (kind: SnapshotEntry["kind"]) => entries.filter((e) => e.kind === kind);
  const shown = (text: string) => (content.withNames || !content.withhold ? text : content.withhold(text));
  const named = content.withNames;
  const sections: MinutesDocument["sections"] = [
    { heading: reader.t("minutes-section-attendance"), items: attendance, empty: reader.t("minutes-attendance-none") },
    { heading: reader.t("minutes-section-agenda"), items: meeting.agenda, numbered: true },
  ];
  const notes = of("note");
  if (notes.length > 0) sections.push({ heading: reader.t("minutes-section-notes"), items: notes.map((e) => shown(e.text)) });
  sections.push(
    decisionsSection(reader, content, of("decision"), shown),
    { heading: reader.t("minutes-section-actions"), items: of("action").map((e) => shown(actionText(reader, actionItemOf(e, meeting.number), named))), empty: reader.t("minutes-actions-none") },
  );
  if (content.carriedOver.length > 0) {
    sections.push({ heading: reader.t("minutes-section-follow-up"), items: followUpItems(reader, content.carriedOver, named, shown) });
  }
  if (content.approval) sections.push(approvalSection(reader, content.approval, network.timeZone));
  const title = reader.t("minutes-title", { series: network.seriesTitle, number: meeting.number });
  if (!content.decisions) return { title, facts, sections };
  const registered = (d: Decision) => (content.withNames || !content.withhold ? d.text : content.withhold(d.text));
  return { title, facts, sections, appendix: [registerSection(reader, content.decisions, meeting.number, registered)] };
}

/** The decisions with their register numbers ("25/3 — …") and what replaced what. */
function decisionsSection(reader: Reader, content: MinutesContent, entries: SnapshotEntry[], shown: (text: string) => string): MinutesSection {
  const registered = new Map((content.decisions ?? []).map((d) => [d.entryId, d]));
  const labels = entries.map((e) => {
    const number = e.decisionNumber ?? registered.get(e.id)?.number.decision;
    return number ? formatDecisionNumber({ meeting: content.meeting.number, decision: number }) : undefined;
  });
  return {
    heading: reader.t("minutes-section-decisions"),
    items: entries.map((e) => {
      const decision = registered.get(e.id);
      return decision ? decisionText(reader, decision, shown(e.text)) : shown(e.text);
    }),
    numbered: true,
    // Every decision has its number once published; a draft shown before that is numbered by position.
    ...(labels.every(Boolean) ? { labels } : {}),
    empty: reader.t("minutes-decisions-none"),
  };
}

/** Telegram HTML blocks (title, facts, then one block per entry), ready for splitIntoMessages. */
export function minutesHtmlBlocks(doc: MinutesDocument): string[] {
  const blocks = [`<b>${escapeHtml(doc.title)}</b>`, ...doc.facts.map(escapeHtml)];
  for (const section of doc.sections) {
    blocks.push("", `<b>${escapeHtml(section.heading)}</b>`);
    for (const item of itemsOf(section)) blocks.push(item.marker ? `${item.marker} ${escapeHtml(item.text)}` : `<i>${escapeHtml(item.text)}</i>`);
  }
  return blocks;
}

/** One draft entry with its number: "4. [Karar 25/2] …", as this reader may see it, with what replaced what. */
function draftLine(reader: Reader, entry: StoredEntry, meetingNumber: number, named: boolean, show: ShownText, decisions: ReadonlyMap<number, Decision>): string {
  const written = entry.kind === "action" ? actionText(reader, actionItemOf(entry, meetingNumber), named) : entry.text;
  const text = show(written, reader.t("minutes-name-withheld"), {
    ownerMemberId: entry.ownerMemberId,
    ownerUsername: entry.ownerUsername,
    ownerOrganisation: entry.ownerOrganisation?.shortName ?? null,
    authorId: entry.authorId,
  });
  const numbered = entry.kind === "decision" && entry.decisionNumber !== null;
  const kind = () => (numbered ? reader.t("minutes-kind-decision-numbered", { number: formatDecisionNumber({ meeting: meetingNumber, decision: entry.decisionNumber! }) }) : reader.t(`minutes-kind-${entry.kind}`));
  const label = entry.kind === "note" ? "" : `${kind()} `;
  const registered = entry.kind === "decision" ? decisions.get(entry.id) : undefined;
  return `<b>${entry.number}.</b> ${label}${escapeHtml(registered ? decisionText(reader, registered, text) : text)}`;
}

/** The minutes card: the draft with entry numbers, its state and how to add to it (HTML lines). */
/**
 * `named`: owners of action items by @username (privately); a group's card says "a person".
 * `show`: members' names in the entries withheld from a group and from a non-organiser.
 */
export function minutesCardLines(
  reader: Reader,
  meeting: MeetingWithHost,
  entries: StoredEntry[],
  state: { published: number; changed: boolean; approved: boolean; copies?: CopyState },
  named: boolean,
  show: ShownText,
  /** The register (numbers and what replaced what), and lines to add at the end (objections, privately). */
  extra: { decisions?: readonly Decision[]; tail?: readonly string[] } = {},
): string[] {
  const decisions = new Map((extra.decisions ?? []).map((d) => [d.entryId, d]));
  const lines = [reader.t("minutes-card-heading", { number: meeting.number, title: escapeHtml(meeting.title) })];
  if (state.approved) lines.push(reader.t("minutes-state-approved", { version: state.published }));
  else if (state.published > 0) lines.push(reader.t(state.changed ? "minutes-state-changed" : "minutes-state-published", { version: state.published, number: meeting.number }));
  else lines.push(reader.t("minutes-state-draft"));
  // Only while it tells something: copies still going out, or some that did not arrive.
  const copies = state.copies;
  if (copies && (copies.waiting > 0 || copies.notSent > 0)) lines.push(reader.t("minutes-state-copies", { sent: copies.sent, waiting: copies.waiting, notSent: copies.notSent }));
  lines.push("");
  if (entries.length === 0) lines.push(reader.t("minutes-card-empty"));
  for (const entry of entries) lines.push(draftLine(reader, entry, meeting.number, named, show, decisions));
  if (!state.approved) lines.push("", reader.t("minutes-card-how", { number: meeting.number }));
  lines.push(...(extra.tail ?? []));
  return lines;
}

export function closedText(ctx: BotContext, reason: Closed, number: number): string {
  return ctx.t(`minutes-closed-${reason}`, { number });
}

export function entryChangeText(ctx: BotContext, change: EntryChange, action: "added" | "edited" | "deleted", meetingNumber: number): string {
  if (change.kind === "closed") return closedText(ctx, change.reason, meetingNumber);
  if (change.kind === "unknown-entry") return ctx.t("minutes-entry-unknown", { entry: change.number, number: meetingNumber });
  const done = ctx.t(`minutes-entry-${action}`, { entry: change.number });
  return change.published > 0 ? `${done}\n${ctx.t("minutes-republish-hint", { version: change.published, next: change.published + 1, number: meetingNumber })}` : done;
}

/** What is missing from an action item, and how to keep the text as a plain note instead. */
export function incompleteActionText(ctx: BotContext, entry: Extract<ParsedEntry, { kind: "incomplete-action" }>): string {
  const problems = entry.missing.map((m) => (m === "due" && entry.dueProblem ? ctx.t(`minutes-missing-due-${entry.dueProblem}`) : ctx.t(`minutes-missing-${m}`)));
  return [ctx.t("minutes-incomplete-action", { problems: problems.join(" ") }), ctx.t("minutes-action-example")].join("\n");
}

export function keepAsNoteKeyboard(ctx: BotContext, meetingId: number): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: ctx.t("minutes-keep-as-note"), callback_data: keepAsNoteData(meetingId) }]] };
}
