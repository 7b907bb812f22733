import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import { formatLocalDate } from "../../domain/datetime.ts";
import type { ActionItem } from "../actions/service.ts";
import { actionText } from "../actions/view.ts";
import type { Reader } from "../meetings/view.ts";
import { checkInData } from "./callbacks.ts";
import { byOrganisation, statusText } from "./status.ts";

export interface CheckInView {
  item: ActionItem;
  /** The meeting the check-in is before; none for the one 30 days after the task's meeting. */
  target?: { number: number; when: string };
  /** Owned by an organisation: one contact's answer counts for it. */
  organisation: string | null;
  /** Deleted from the minutes since the message went out. */
  gone?: boolean;
}

/** The private check-in: the task, its due date, its status, and the three buttons while it is open. */
export function checkInMessage(reader: Reader, view: CheckInView): { text: string; keyboard?: InlineKeyboardMarkup } {
  const { item } = view;
  const lines = [
    view.target
      ? reader.t("task-checkin-heading", { number: view.target.number, when: view.target.when })
      : reader.t("task-checkin-heading-fallback", { number: item.meetingNumber }),
    view.organisation !== null
      ? reader.t("task-checkin-task-organisation", { number: item.meetingNumber, organisation: escapeHtml(view.organisation) })
      : reader.t("task-checkin-task-person", { number: item.meetingNumber }),
    `<b>${escapeHtml(item.text)}</b> (#${item.id})`,
    item.dueDate ? reader.t("task-checkin-due", { due: formatLocalDate(item.dueDate, reader.locale) }) : reader.t("task-checkin-no-due"),
    "",
  ];
  if (view.gone) return { text: [...lines, reader.t("task-checkin-gone")].join("\n") };
  const status = item.status ?? "open";
  if (status === "done") return { text: [...lines, reader.t("task-checkin-done")].join("\n") };
  if (status !== "open") lines.push(reader.t("task-checkin-current", { status: escapeHtml(statusText(reader, item)) }));
  lines.push(reader.t(status === "open" ? "task-checkin-question" : "task-checkin-question-again"));
  if (view.organisation !== null) lines.push(reader.t("task-checkin-one-answer"));
  return { text: lines.join("\n"), keyboard: checkInKeyboard(reader, item.id) };
}

export function checkInKeyboard(reader: Reader, entryId: number): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: reader.t("task-checkin-button-done"), callback_data: checkInData.build({ entryId, answer: "done" }) },
        { text: reader.t("task-checkin-button-progress"), callback_data: checkInData.build({ entryId, answer: "in_progress" }) },
        { text: reader.t("task-checkin-button-blocked"), callback_data: checkInData.build({ entryId, answer: "blocked" }) },
      ],
    ],
  };
}

/**
 * "Önceki toplantıdan görevler" in the minutes (plain text items): each task of earlier meetings
 * with its status. `shown` withholds names from the groups' copy; `named` shows owners' usernames.
 */
export function followUpItems(reader: Reader, items: readonly ActionItem[], named: boolean, shown: (text: string) => string): string[] {
  // Versions stored before check-ins existed carry no status: none is shown rather than a false "not reported".
  return items.map((item) => `${shown(actionText(reader, item, named))} ${reader.t("action-from-meeting", { number: item.meetingNumber })}${item.status === undefined ? "" : ` — ${statusText(reader, item, shown)}`}`);
}

/** What the organisers read three days before a meeting, per organisation. */
export interface SummaryTask {
  item: ActionItem;
  /** Done, or answered since the owners were asked for this meeting. */
  answered: boolean;
}

const SUMMARY_ORDER = ["done", "in_progress", "blocked", "no-answer"] as const;

/** The organisers' summary (HTML lines): per organisation, done / in progress / blocked (with reasons) / no answer. */
export function summaryLines(reader: Reader, meeting: { number: number; when: string }, tasks: readonly SummaryTask[]): string[] {
  const lines = [reader.t("task-summary-heading", { number: meeting.number, when: meeting.when })];
  const bucketOf = (task: SummaryTask) => (task.item.status === "done" ? "done" : task.answered && task.item.status !== "open" ? task.item.status! : "no-answer");
  const totals = Object.fromEntries(SUMMARY_ORDER.map((b) => [b, tasks.filter((t) => bucketOf(t) === b).length]));
  lines.push(reader.t("task-summary-totals", { done: totals.done!, progress: totals.in_progress!, blocked: totals.blocked!, silent: totals["no-answer"]! }));
  for (const group of byOrganisation(tasks.map((t) => ({ ...t, organisation: t.item.organisation ?? null })))) {
    lines.push("", `<b>${escapeHtml(group.organisation ?? reader.t("task-organisation-none"))}</b>`);
    for (const bucket of SUMMARY_ORDER) {
      const inBucket = group.items.filter((t) => bucketOf(t) === bucket);
      if (inBucket.length === 0) continue;
      lines.push(reader.t(`task-summary-${bucket.replace("_", "-")}`, { count: inBucket.length }));
      for (const task of inBucket) {
        const reason = bucket === "blocked" && task.item.blockedReason ? `: ${escapeHtml(task.item.blockedReason)}` : "";
        // Not answered this time: what it said before, if anything.
        const before = bucket === "no-answer" && task.item.status !== "open" ? ` (${reader.t("task-summary-last", { status: escapeHtml(statusText(reader, task.item)) })})` : "";
        lines.push(`• ${escapeHtml(actionText(reader, task.item, true))} ${reader.t("action-from-meeting", { number: task.item.meetingNumber })}${reason}${before}`);
      }
    }
  }
  return lines;
}
