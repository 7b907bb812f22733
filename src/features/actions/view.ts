import { escapeHtml } from "../../bot/html.ts";
import { formatLocalDate } from "../../domain/datetime.ts";
import type { Reader } from "../meetings/view.ts";
import type { ShownText } from "../members/name-withholder.ts";
import type { ActionItem } from "./service.ts";
import { byOrganisation, organisationHeading, statusTail } from "../checkins/status.ts";

/** How many carried-over items a card lists before summing up the rest. */
const CARD_ITEMS = 10;

export const doneData = (entryId: number) => `done:${entryId}`;

/**
 * Who owns an item. `named`: the reader may see a person's @username (organisers, the owner,
 * anyone privately); a group sees only that a person owns it.
 */
export function ownerLabel(reader: Reader, item: Pick<ActionItem, "ownerUsername" | "ownerOrganisation">, named: boolean): string {
  if (item.ownerUsername) return named ? `@${item.ownerUsername}` : reader.t("action-owner-person");
  return item.ownerOrganisation ?? reader.t("action-owner-unknown");
}

/** "Send the report — Buca, due 15 December 2026 (#17)", plain text. */
export function actionText(reader: Reader, item: ActionItem, named: boolean): string {
  const args = { id: String(item.id), text: item.text, owner: ownerLabel(reader, item, named) };
  return item.dueDate ? reader.t("action-line", { ...args, due: formatLocalDate(item.dueDate, reader.locale) }) : reader.t("action-line-no-due", args);
}

/** An item's line as this reader may see it: members' names withheld unless `show` lets them see it as written. */
export function shownActionText(reader: Reader, item: ActionItem, named: boolean, show: ShownText): string {
  return show(actionText(reader, item, named), reader.t("minutes-name-withheld"), item);
}

/**
 * The open items of earlier meetings (HTML), for the next meeting's agenda and card: grouped by
 * organisation, each with its status. `text`: an item's own words as this reader sees them; a card
 * short of room lists fewer items and cuts blocked reasons shorter.
 */
export function carriedOverLines(
  reader: Reader,
  items: readonly ActionItem[],
  show: ShownText,
  text: (item: ActionItem) => string,
  limits: { items: number; reason?: number } = { items: CARD_ITEMS },
): string[] {
  if (items.length === 0) return [];
  const lines = ["", reader.t("action-carried-over")];
  const listed = items.slice(0, limits.items);
  for (const group of byOrganisation(listed)) {
    lines.push(organisationHeading(reader, group.organisation));
    for (const item of group.items) {
      lines.push(`• ${escapeHtml(text(item))} ${reader.t("action-from-meeting", { number: item.meetingNumber })}${statusTail(reader, item, show, limits.reason)}`);
    }
  }
  if (listed.length < items.length) lines.push(reader.t("action-more", { count: items.length - listed.length }));
  return lines;
}

/** /actions: one line each, overdue ones marked. */
export function actionListLines(reader: Reader, items: readonly ActionItem[], today: string, all: boolean, named: boolean, show: ShownText): string[] {
  if (items.length === 0) return [reader.t(all ? "actions-none" : "actions-none-mine")];
  const lines = [reader.t(all ? "actions-heading-all" : "actions-heading-mine", { count: items.length })];
  for (const item of items) {
    const overdue = item.dueDate !== null && item.dueDate < today ? ` ${reader.t("action-overdue")}` : "";
    lines.push(`• ${escapeHtml(shownActionText(reader, item, named, show))} ${reader.t("action-from-meeting", { number: item.meetingNumber })}${overdue}${statusTail(reader, item, show)}`);
  }
  lines.push("", reader.t("actions-how-done"));
  return lines;
}
