import type { InlineKeyboardMarkup } from "grammy/types";
import type { Reader } from "../../bot/i18n.ts";
import { escapeHtml } from "../../bot/html.ts";
import { formatInstant } from "../../domain/datetime.ts";
import type { MinutesSection } from "../../domain/minutes-document.ts";
import { shortenText } from "../../domain/split.ts";
import type { ObjectionView, ObjectionWindow } from "./service.ts";

/** The button under a copy of published minutes. */
export const objectData = (meetingId: number, version: number) => `mobj:${meetingId}:${version}`;
export const OBJECT_DATA = /^mobj:(\d{1,9}):(\d{1,4})$/;

/** Approving over unresolved objections: valid for this version and these objections only. */
export const approveData = (meetingId: number, version: number, nextObjection: number) => `mapp:${meetingId}:${version}:${nextObjection}`;
export const APPROVE_DATA = /^mapp:(\d{1,9}):(\d{1,4}):(\d{1,6})$/;

export function objectKeyboard(reader: Reader, meetingId: number, version: number): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: reader.t("objection-button"), callback_data: objectData(meetingId, version) }]] };
}

/** What approved minutes record: when, and every objection with how it was answered. */
export interface ApprovalRecord {
  approvedAt: Date;
  objections: Pick<ObjectionView, "number" | "version" | "entry" | "text" | "resolution">[];
}

/** How one objection ended, in one line (plain text). */
function objectionOutcome(reader: Reader, o: ApprovalRecord["objections"][number]): string {
  const about = o.entry !== null ? reader.t("objection-about-entry", { entry: o.entry }) : reader.t("objection-about-all");
  const answer = o.resolution !== null ? reader.t("objection-record-resolved", { resolution: o.resolution }) : reader.t("objection-record-unresolved");
  return reader.t("objection-record-line", { number: o.number, version: o.version, about, text: o.text, answer });
}

/** The approval, as the last section of the approved minutes. */
export function approvalSection(reader: Reader, approval: ApprovalRecord, zone: string): MinutesSection {
  const unresolved = approval.objections.filter((o) => o.resolution === null).length;
  const head = [
    reader.t("approval-when", { when: formatInstant(approval.approvedAt, zone, reader.locale) }),
    reader.t("approval-objections", { count: approval.objections.length, resolved: approval.objections.length - unresolved, unresolved }),
  ];
  return { heading: reader.t("approval-heading"), items: [...head, ...approval.objections.map((o) => objectionOutcome(reader, o))] };
}

/** Objections on the minutes card, for the organisers and the minute-taker in private (HTML lines). */
export function objectionCardLines(reader: Reader, objections: readonly ObjectionView[], window: ObjectionWindow, zone: string): string[] {
  const lines = [""];
  if (window.kind === "open") lines.push(reader.t("objection-window-open", { when: formatInstant(window.closesAt, zone, reader.locale) }));
  if (objections.length === 0) return window.kind === "open" ? lines : [];
  const open = objections.filter((o) => o.resolvedAt === null).length;
  lines.push(reader.t("objection-card-heading", { count: objections.length, open }));
  for (const o of objections) {
    const about = o.entry !== null ? reader.t("objection-about-entry", { entry: o.entry }) : reader.t("objection-about-all");
    const who = o.objector ? (o.objector.organisation ? `${o.objector.name} (${o.objector.organisation})` : o.objector.name) : reader.t("objection-objector-erased");
    const state = o.resolution !== null ? reader.t("objection-state-resolved", { resolution: escapeHtml(shortenText(o.resolution, 300)) }) : reader.t("objection-state-open");
    lines.push(reader.t("objection-card-line", { number: o.number, version: o.version, about, who: escapeHtml(who), text: escapeHtml(shortenText(o.text, 600)), state }));
  }
  return lines;
}

/** Why an objection cannot be made now (plain text). */
export function windowText(reader: Reader, window: Exclude<ObjectionWindow, { kind: "open" }>, meetingNumber: number, zone: string): string {
  switch (window.kind) {
    case "closed":
      return reader.t("objection-window-closed", { number: meetingNumber, when: formatInstant(window.closedAt, zone, reader.locale) });
    case "not-published":
      return reader.t("objection-not-published", { number: meetingNumber });
    case "approved":
      return reader.t("objection-approved", { number: meetingNumber });
    case "cancelled":
      return reader.t("objection-cancelled", { number: meetingNumber });
  }
}

/** The unresolved objections listed before approval, with the question (HTML). */
export function approveConfirmText(reader: Reader, meetingNumber: number, unresolved: readonly ObjectionView[]): string {
  const lines = [reader.t("approve-confirm-heading", { number: meetingNumber, count: unresolved.length })];
  for (const o of unresolved) {
    const about = o.entry !== null ? reader.t("objection-about-entry", { entry: o.entry }) : reader.t("objection-about-all");
    lines.push(reader.t("approve-confirm-line", { number: o.number, about, text: escapeHtml(shortenText(o.text, 300)) }));
  }
  lines.push("", reader.t("approve-confirm-question", { number: meetingNumber }));
  return lines.join("\n");
}
