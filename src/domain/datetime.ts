import { DateTime } from "luxon";

/** Why a typed date or time was refused; each has its own localised message with an example. */
export type DateProblem = "format" | "impossible-date" | "impossible-time" | "nonexistent-time" | "past";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: DateProblem };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ["ocak", "oca", "january", "jan"]],
  [2, ["şubat", "subat", "şub", "sub", "february", "feb"]],
  [3, ["mart", "mar", "march"]],
  [4, ["nisan", "nis", "april", "apr"]],
  [5, ["mayıs", "mayis", "may"]],
  [6, ["haziran", "haz", "june", "jun"]],
  [7, ["temmuz", "tem", "july", "jul"]],
  [8, ["ağustos", "agustos", "ağu", "agu", "august", "aug"]],
  [9, ["eylül", "eylul", "eyl", "september", "sep", "sept"]],
  [10, ["ekim", "eki", "october", "oct"]],
  [11, ["kasım", "kasim", "kas", "november", "nov"]],
  [12, ["aralık", "aralik", "ara", "december", "dec"]],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

interface DateParts {
  day: number;
  month: number;
  /** Absent in "17 Mart": the next such date. */
  year?: number;
}

/**
 * Reads a calendar date as people in the network type it: 2026-03-17, 17.03.2026, 17/03/2026,
 * 17 Mart 2026, 17 Mart, March 17 2026, 17 March. Day comes before month in numeric forms.
 */
export function readDate(text: string): DateParts | undefined {
  const t = text.trim().toLocaleLowerCase("tr-TR").replace(/,/g, " ").replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = /^(\d{1,2})\.? ([\p{L}]+)\.?(?: (\d{4}))?$/u.exec(t);
  if (m && MONTHS[m[2]!]) return { day: Number(m[1]), month: MONTHS[m[2]!]!, year: m[3] ? Number(m[3]) : undefined };
  m = /^([\p{L}]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/u.exec(t);
  if (m && MONTHS[m[1]!]) return { day: Number(m[2]), month: MONTHS[m[1]!]!, year: m[3] ? Number(m[3]) : undefined };
  return undefined;
}

/** 10:00, 9.30, 14:05; hours 0–23 and minutes 0–59, or "impossible-time". */
export function readTime(text: string): Parsed<{ hour: number; minute: number }> {
  const m = /^(?:saat |at )?(\d{1,2})[:.](\d{2})$/i.exec(text.trim());
  if (!m) return { ok: false, problem: "format" };
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return { ok: false, problem: "impossible-time" };
  return { ok: true, value: { hour, minute } };
}

/** A date at local midnight in `zone`; a date without a year is the next such date from `now`. */
export function parseDate(text: string, zone: string, now: DateTime): Parsed<DateTime> {
  const parts = readDate(text);
  if (!parts) return { ok: false, problem: "format" };
  const today = now.setZone(zone).startOf("day");
  const build = (year: number) => DateTime.fromObject({ year, month: parts.month, day: parts.day }, { zone });
  let date = build(parts.year ?? today.year);
  if (!date.isValid) {
    // 29 February without a year may exist next leap year; anything else is impossible.
    if (parts.year === undefined && parts.month === 2 && parts.day === 29) {
      for (let year = today.year + 1; year <= today.year + 4 && !date.isValid; year++) date = build(year);
    }
    if (!date.isValid) return { ok: false, problem: "impossible-date" };
  }
  if (parts.year === undefined && date < today) date = build(today.year + 1);
  if (!date.isValid) return { ok: false, problem: "impossible-date" };
  return { ok: true, value: date };
}

/**
 * "<date> <time>" in the network's zone → the instant (UTC inside). Past instants, impossible
 * dates and times, and local times skipped by a daylight-saving change are refused.
 */
export function parseDateTime(text: string, zone: string, now: DateTime): Parsed<DateTime> {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const split = /^(.*?\S)(?:\s+(?:saat|at))?\s+(\d{1,2}[:.]\d{2})$/i.exec(trimmed);
  if (!split) return { ok: false, problem: "format" };
  const time = readTime(split[2]!);
  if (!time.ok) return time;
  const date = parseDate(split[1]!, zone, now);
  if (!date.ok) return date;
  const instant = date.value.set({ hour: time.value.hour, minute: time.value.minute });
  if (instant.hour !== time.value.hour || instant.minute !== time.value.minute) return { ok: false, problem: "nonexistent-time" };
  if (instant <= now) return { ok: false, problem: "past" };
  return { ok: true, value: instant };
}

/** "17 Mart 2027 Çarşamba, 10:00" / "Wednesday 17 March 2027, 10:00" in the zone. */
export function formatInstant(instant: Date, zone: string, locale: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(locale);
  return local.toFormat(locale === "tr" ? "d MMMM yyyy cccc, HH:mm" : "cccc d MMMM yyyy, HH:mm");
}

/** "17 Mart 2027 Çarşamba, 10:00–15:00"; the end gets its own date when it is another day. */
export function formatMeetingTime(startsAt: Date, endsAt: Date, zone: string, locale: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = DateTime.fromJSDate(endsAt, { zone }).setLocale(locale);
  return `${formatInstant(startsAt, zone, locale)}–${end.toFormat(end.hasSame(start, "day") ? "HH:mm" : "d MMMM HH:mm")}`;
}

/** "5", "4,5", "4.5" hours, or "90m" / "90dk" minutes → minutes, 30 minutes to 12 hours. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLocaleLowerCase("tr-TR").replace(",", ".");
  const minutes = /^(\d{1,3})\s*(m|dk|min|dakika)$/.exec(t);
  const hours = /^(\d{1,2}(?:\.\d{1,2})?)\s*(h|s|sa|saat|hours?)?$/.exec(t);
  const value = minutes ? Number(minutes[1]) : hours ? Math.round(Number(hours[1]) * 60) : NaN;
  return Number.isFinite(value) && value >= 30 && value <= 12 * 60 ? value : undefined;
}

/** ISO 8601 with the zone's offset, to the second: "2026-11-24T12:00:00+03:00". */
export function formatIsoInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** "2026-12-15" → "15 Aralık 2026" / "15 December 2026": a calendar date, no time. */
export function formatLocalDate(isoDate: string, locale: string): string {
  return DateTime.fromISO(isoDate).setLocale(locale).toFormat("d MMMM yyyy");
}
