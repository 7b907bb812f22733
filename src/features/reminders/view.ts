import type { Network } from "../../db/client.ts";
import { formatInstant } from "../../domain/datetime.ts";
import type { Reader } from "../meetings/view.ts";
import { quietHoursText } from "../networks/service.ts";
import type { Reminder } from "./service.ts";

/** 10080 → "7 gün", 1500 → "1 gün 1 saat". */
export function offsetText(reader: Reader, minutes: number): string {
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) parts.push(reader.t("offset-days", { count: days }));
  if (hours) parts.push(reader.t("offset-hours", { count: hours }));
  if (rest) parts.push(reader.t("offset-minutes", { count: rest }));
  return parts.join(" ");
}

/**
 * "7 gün önce, 1 gün önce ve 2 saat önce": each offset carries its own "before", or "7 gün, 1 gün
 * ve 2 saat önce" reads as one duration.
 */
export function offsetsText(reader: Reader, offsets: number[]): string {
  return new Intl.ListFormat(reader.locale, { type: "conjunction" }).format(offsets.map((o) => reader.t("offset-before", { offset: offsetText(reader, o) })));
}

export function policyText(reader: Reader, network: Network): string {
  const quiet = network.quietFrom === network.quietUntil ? reader.t("reminders-quiet-none") : reader.t("reminders-quiet-hours", { hours: quietHoursText(network.quietFrom, network.quietUntil) });
  return reader.t("reminders-policy", { offsets: offsetsText(reader, network.reminderOffsets), quiet });
}

const STATUSES = ["scheduled", "sending", "sent", "cancelled", "skipped", "failed"] as const;

/** One line per (time, kind): how many recipients and in which state. */
export function meetingRemindersLines(reader: Reader, network: Network, meeting: { number: number; reminderOffsets: number[] }, rows: Reminder[]): string[] {
  if (rows.length === 0) return [reader.t("reminders-meeting-empty", { number: meeting.number })];
  const offsets = meeting.reminderOffsets.length > 0 ? meeting.reminderOffsets : network.reminderOffsets;
  const lines = [reader.t("reminders-meeting-heading", { number: meeting.number, offsets: offsetsText(reader, offsets) })];
  const groups = new Map<string, Reminder[]>();
  for (const row of rows) {
    const key = `${row.notBefore.getTime()}|${row.kind}|${row.offsetMinutes}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const what = reader.t(`reminder-kind-${first.kind}`, { offset: offsetText(reader, first.offsetMinutes) });
    const statuses = STATUSES.map((status) => ({ status, count: group.filter((r) => r.status === status).length }))
      .filter((s) => s.count > 0)
      .map((s) => reader.t(`reminder-count-${s.status}`, { count: s.count }))
      .join(", ");
    lines.push(reader.t("reminders-line", { when: formatInstant(first.notBefore, network.timeZone, reader.locale), what, statuses }));
  }
  return lines;
}
