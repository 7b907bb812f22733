import { escapeHtml } from "../../bot/html.ts";
import { shortenText } from "../../domain/split.ts";
import type { ActionItem, TaskStatus } from "../actions/service.ts";
import type { Reader } from "../meetings/view.ts";
import type { ShownText } from "../members/name-withholder.ts";

/** The longest blocked reason a list shows in full; cards cut it shorter when short of room. */
const REASON_IN_LISTS = 200;

/**
 * "⏳ Sürüyor", "⛔ Engel var: salon kapalı" (plain text). `show` withholds members' names from a
 * reason a group or another member reads, as it does for the task's own text.
 */
export function statusText(reader: Reader, item: Pick<ActionItem, "status" | "blockedReason">, show: (text: string) => string = (t) => t, reasonMax = REASON_IN_LISTS): string {
  const status: TaskStatus = item.status ?? "open";
  const label = reader.t(`task-status-${status.replace("_", "-")}`);
  if (status !== "blocked" || !item.blockedReason) return label;
  return reader.t("task-status-blocked-because", { status: label, reason: shortenText(show(item.blockedReason), reasonMax) });
}

/** The status as a list line's tail: " · ⏳ Sürüyor" (HTML). */
export function statusTail(reader: Reader, item: ActionItem, show: ShownText, reasonMax = REASON_IN_LISTS): string {
  return ` · ${escapeHtml(statusText(reader, item, (text) => show(text, reader.t("minutes-name-withheld"), item), reasonMax))}`;
}

/**
 * Items grouped under their organisation (the owning one, or the owner's own), organisations in
 * alphabetical order and items without one last; each group keeps the items' order.
 */
export function byOrganisation<T extends Pick<ActionItem, "organisation">>(items: readonly T[]): { organisation: string | null; items: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.organisation ?? null;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, "tr")))
    .map(([organisation, grouped]) => ({ organisation, items: grouped }));
}

/** An organisation's heading in a grouped list (HTML). */
export function organisationHeading(reader: Reader, organisation: string | null): string {
  return `<i>${escapeHtml(organisation ?? reader.t("task-organisation-none"))}</i>`;
}
