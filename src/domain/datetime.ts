import { DateTime, FixedOffsetZone } from "luxon";

/**
 * Why a typed date or time was refused; each has its own localised message with an example.
 * - wrong-weekday: a weekday name was given and the date falls on another day ("17 Mart 2027 Perşembe");
 * - ambiguous-time: "saat 2'de", "2:30" or "12am" could be night or afternoon;
 * - ambiguous-date: a bare weekday that is today's ("salı" on a Tuesday: today or next week?);
 * - range: a start and an end ("10:00–15:00") where only one instant is asked for;
 * - end-before-start: a range whose end is not after its start.
 */
export const DATE_PROBLEMS = [
  "format",
  "impossible-date",
  "impossible-time",
  "nonexistent-time",
  "past",
  "wrong-weekday",
  "ambiguous-time",
  "ambiguous-date",
  "range",
  "end-before-start",
] as const;
export type DateProblem = (typeof DATE_PROBLEMS)[number];

/** `date`, only with "wrong-weekday": the calendar date as written, so a message can name its real weekday. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: DateProblem; date?: DateTime };

type Clock = { hour: number; minute: number };

const fail = (problem: DateProblem): { ok: false; problem: DateProblem } => ({ ok: false, problem });

const FOLD: Record<string, string> = { ı: "i", ş: "s", ğ: "g", ç: "c", ö: "o", ü: "u", â: "a", î: "i", û: "u" };

/**
 * Lower case the Turkish way, then without Turkish letters: people type "Carsamba", "ARALIK",
 * "yarin" and "FRIDAY" (which tr-TR lowers to "frıday"); every word list below is folded alike.
 */
function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("tr-TR")
    .replace(/\u0307/g, "")
    .replace(/[ışğçöüâîû]/g, (c) => FOLD[c]!);
}

/** One spelling for what people type differently: apostrophes, "p.m.", commas, spaced dashes. */
function normalise(text: string): string {
  return fold(text)
    .replace(/[’‘`´ʼ′]/g, "'")
    .replace(/\b([ap])\.m\.?/g, "$1m")
    .replace(/,/g, " ")
    .replace(/\s*[–—]\s*/g, "–")
    .replace(/\s+-\s*|\s*-\s+/g, "–")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "");
}

// Maps, not objects: typed words such as "constructor" must not find anything.
const MONTHS = new Map<string, number>();
const MONTH_NAMES: [number, string[]][] = [
  [1, ["ocak", "oca", "january", "jan"]],
  [2, ["subat", "sub", "february", "feb"]],
  [3, ["mart", "mar", "march"]],
  [4, ["nisan", "nis", "april", "apr"]],
  [5, ["mayis", "may"]],
  [6, ["haziran", "haz", "june", "jun"]],
  [7, ["temmuz", "tem", "july", "jul"]],
  [8, ["agustos", "agu", "august", "aug"]],
  [9, ["eylul", "eyl", "september", "sep", "sept"]],
  [10, ["ekim", "eki", "october", "oct"]],
  [11, ["kasim", "kas", "november", "nov"]],
  [12, ["aralik", "ara", "december", "dec"]],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS.set(name, month);

/** ISO weekday (1 = Monday) by folded name, Turkish and English, full and as luxon abbreviates. */
const WEEKDAYS = new Map<string, number>();
const WEEKDAY_NAMES: [number, string[]][] = [
  [1, ["pazartesi", "pzt", "monday", "mon"]],
  [2, ["sali", "sal", "tuesday", "tue", "tues"]],
  [3, ["carsamba", "car", "crs", "wednesday", "wed"]],
  [4, ["persembe", "per", "prs", "thursday", "thu", "thur", "thurs"]],
  [5, ["cuma", "cum", "friday", "fri"]],
  [6, ["cumartesi", "cmt", "saturday", "sat"]],
  [7, ["pazar", "paz", "sunday", "sun"]],
];
for (const [weekday, names] of WEEKDAY_NAMES) for (const name of names) WEEKDAYS.set(name, weekday);

/** Words around a date that say nothing about it: "salı günü", "17 Mart tarihinde", "on Tuesday". */
const FILLERS = new Set(["gunu", "tarihinde", "tarihine", "tarihi", "kadar", "on", "the", "of", "by", "until"]);

/** Days from today named by a word. "ertesi gün" is left out: it counts from a day already named. */
const RELATIVE_DAYS = new Map<string, number>([
  ["bugun", 0],
  ["today", 0],
  ["yarin", 1],
  ["tomorrow", 1],
  ["obur gun", 2],
  ["oburgun", 2],
  ["yarindan sonra", 2],
  ["day after tomorrow", 2],
  ["haftaya bugun", 7],
]);

/** Words before or after a weekday name, and which occurrence of that weekday they mean. */
type WeekdayRule = "bare" | "after-today" | "from-today" | "next-week";
const WEEKDAY_RULES = new Map<string, WeekdayRule>([
  ["", "bare"],
  ["onumuzdeki", "after-today"],
  ["gelecek", "after-today"],
  ["next", "after-today"],
  ["coming", "after-today"],
  ["this coming", "after-today"],
  ["bu", "from-today"],
  ["this", "from-today"],
  ["haftaya", "next-week"],
  ["gelecek hafta", "next-week"],
  ["onumuzdeki hafta", "next-week"],
  ["next week", "next-week"],
]);

interface DateParts {
  day: number;
  month: number;
  /** Absent in "17 Mart": the next such date. */
  year?: number;
  /** ISO weekday named next to the date ("17 Mart 2027 Çarşamba"), to be checked against it. */
  weekday?: number;
}

/** The words of a date, without fillers and suffixes ("Mart'ta" → "mart"). */
function dateWords(normalised: string): string[] {
  return normalised
    .split(" ")
    .map((word) => word.replace(/'[a-z]+$/, ""))
    .filter((word) => word !== "" && !FILLERS.has(word));
}

/** Takes out the one weekday name among the words; two of them are unreadable. */
function takeWeekday(words: string[]): { weekday?: number; rest: string } | undefined {
  const found = words.filter((word) => WEEKDAYS.has(word));
  if (found.length > 1) return undefined;
  return { weekday: found[0] === undefined ? undefined : WEEKDAYS.get(found[0]), rest: words.filter((w) => !WEEKDAYS.has(w)).join(" ") };
}

function readCalendar(t: string): Omit<DateParts, "weekday"> | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  // "15.12" and "15/12": day and month without a year, as people write them (the next such date).
  m = /^(\d{1,2})[./](\d{1,2})$/.exec(t);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: undefined };
  m = /^(\d{1,2})(?:\.|st|nd|rd|th)? ([a-z]+)\.?(?: (\d{4}))?$/.exec(t);
  if (m && MONTHS.has(m[2]!)) return { day: Number(m[1]), month: MONTHS.get(m[2]!)!, year: m[3] ? Number(m[3]) : undefined };
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(t);
  if (m && MONTHS.has(m[1]!)) return { day: Number(m[2]), month: MONTHS.get(m[1]!)!, year: m[3] ? Number(m[3]) : undefined };
  return undefined;
}

/**
 * Reads a calendar date as people in the network type it: 2026-03-17, 17.03.2026, 17/03/2026,
 * 17.03, 17/03, 17 Mart 2026, 17 Mart, March 17 2026, 17 March, with a weekday name before or after it as the
 * bot prints it ("17 Mart 2027 Çarşamba"). Day comes before month in numeric forms. Relative
 * dates ("yarın") need a clock and are read by parseDate only.
 */
export function readDate(text: string): DateParts | undefined {
  const taken = takeWeekday(dateWords(normalise(text)));
  const parts = taken && readCalendar(taken.rest);
  if (!parts) return undefined;
  return taken.weekday === undefined ? parts : { ...parts, weekday: taken.weekday };
}

const CLOCK =
  /^(?:(saat|at) )?(?:(ogleden once|ogleden sonra|sabah|oglen|ogle|aksam) )?(?:(saat) )?(\d{1,2})(?:[:.](\d{2}))?(?: ?(am|pm))?('?(?:da|de|ta|te))?$/;
const NOON = /^(?:(?:saat|at) )?(?:oglen|ogle|noon|midday)(?:'?(?:de|da))?$/;

/** Which hours each part of the day allows, and how they read on the 24-hour clock. */
const DAYPARTS: Record<string, (hour: number) => number | undefined> = {
  sabah: (h) => (h >= 1 && h <= 11 ? h : undefined),
  "ogleden once": (h) => (h >= 1 && h <= 11 ? h : undefined),
  oglen: (h) => (h === 12 || h === 13 || h === 14 ? h : h === 1 || h === 2 ? h + 12 : undefined),
  ogle: (h) => (h === 12 || h === 13 || h === 14 ? h : h === 1 || h === 2 ? h + 12 : undefined),
  // Past 18:00 people say "akşam"; "öğleden sonra 8" is left unread rather than guessed.
  "ogleden sonra": (h) => (h >= 13 && h <= 18 ? h : h >= 1 && h <= 6 ? h + 12 : undefined),
  aksam: (h) => (h >= 17 && h <= 23 ? h : h >= 5 && h <= 11 ? h + 12 : undefined),
};

/** Read as a time, rightly or not: "25:00" and "2'de" are times that will be refused, "17" is not. */
function looksLikeClock(t: string): boolean {
  const clock = readClock(t);
  return clock.ok || clock.problem !== "format";
}

/** One clock time, already normalised. */
function readClock(t: string): Parsed<Clock> {
  if (NOON.test(t)) return { ok: true, value: { hour: 12, minute: 0 } };
  const m = CLOCK.exec(t);
  if (!m) return fail("format");
  const [, prefix, daypart, saat, hourText, minuteText, ampm, suffix] = m;
  // A lone number is a time only when something says so: "saat 10", "10'da", "2pm", "sabah 9".
  if (minuteText === undefined && !prefix && !saat && !daypart && !ampm && !suffix) return fail("format");
  if (daypart && ampm) return fail("format");
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59 || hour > 23) return fail("impossible-time");
  if (ampm) {
    if (hour === 0 || hour > 12) return fail("impossible-time");
    // 12am is midnight to some and noon to others.
    if (hour === 12) return ampm === "pm" ? { ok: true, value: { hour: 12, minute } } : fail("ambiguous-time");
    return { ok: true, value: { hour: ampm === "pm" ? hour + 12 : hour, minute } };
  }
  if (daypart) {
    const read = DAYPARTS[daypart]!(hour);
    return read === undefined ? fail("format") : { ok: true, value: { hour: read, minute } };
  }
  // "2'de" or "2:30" is said for 14:00 as often as for 02:00; "02:30" and "14:30" are not.
  if (hourText!.length === 1 && hour >= 1 && hour <= 7) return fail("ambiguous-time");
  return { ok: true, value: { hour, minute } };
}

/** Splits at a dash with a time before it and a time (or date and time) after it. */
function splitRange(t: string): { start: string; end: string } | undefined {
  for (let i = 0; i < t.length; i++) {
    if (!"–—-".includes(t[i]!)) continue;
    const start = t.slice(0, i).trim();
    const end = t.slice(i + 1).trim();
    if (start && end && (looksLikeClock(start) || splitDateTime(start)) && (looksLikeClock(end) || splitDateTime(end))) return { start, end };
  }
  return undefined;
}

/**
 * "10:00", "10.00", "saat 10'da", "saat 10.30'da", "14:00'te", "öğleden sonra 2", "akşam 7",
 * "sabah 9.30", "öğlen", "2pm", "2:30 p.m.", "at 10"; hours 0–23 and minutes 0–59, or
 * "impossible-time". "2'de", "2:30" and "12am" are ambiguous-time; "10:00–15:00" is a range.
 */
export function readTime(text: string): Parsed<Clock> {
  const t = normalise(text);
  if (splitRange(t)) return fail("range");
  return readClock(t);
}

/** The occurrence of `weekday` a rule means, counted from `today` (local midnight). */
function weekdayFrom(today: DateTime, weekday: number, rule: WeekdayRule): Parsed<DateTime> {
  const ahead = (weekday - today.weekday + 7) % 7;
  switch (rule) {
    case "bare":
      // On a Tuesday, "salı" may be today or a week on: asked, not guessed.
      return ahead === 0 ? fail("ambiguous-date") : { ok: true, value: today.plus({ days: ahead }) };
    case "after-today":
      return { ok: true, value: today.plus({ days: ahead === 0 ? 7 : ahead }) };
    case "from-today":
      return { ok: true, value: today.plus({ days: ahead }) };
    case "next-week":
      // Weeks start on Monday in Türkiye and in ISO 8601.
      return { ok: true, value: today.startOf("week").plus({ weeks: 1, days: weekday - 1 }) };
  }
}

function calendarDate(parts: Omit<DateParts, "weekday">, zone: string, today: DateTime): Parsed<DateTime> {
  const build = (year: number) => DateTime.fromObject({ year, month: parts.month, day: parts.day }, { zone });
  let date = build(parts.year ?? today.year);
  if (!date.isValid) {
    // 29 February without a year may exist next leap year; anything else is impossible.
    if (parts.year === undefined && parts.month === 2 && parts.day === 29) {
      for (let year = today.year + 1; year <= today.year + 4 && !date.isValid; year++) date = build(year);
    }
    if (!date.isValid) return fail("impossible-date");
  }
  if (parts.year === undefined && date < today) date = build(today.year + 1);
  if (!date.isValid) return fail("impossible-date");
  return { ok: true, value: date };
}

/** A day (local midnight in `zone`) from its normalised words, calendar or relative to `now`. */
function readDay(normalised: string, zone: string, now: DateTime): Parsed<DateTime> {
  const taken = takeWeekday(dateWords(normalised));
  if (!taken) return fail("format");
  const { weekday, rest } = taken;
  const today = now.setZone(zone).startOf("day");
  const calendar = readCalendar(rest);
  const relative = RELATIVE_DAYS.get(rest);
  const rule = WEEKDAY_RULES.get(rest);
  let date: Parsed<DateTime>;
  if (calendar) date = calendarDate(calendar, zone, today);
  else if (relative !== undefined) date = { ok: true, value: today.plus({ days: relative }) };
  else if (weekday !== undefined && rule !== undefined) return weekdayFrom(today, weekday, rule);
  else return fail("format");
  if (date.ok && weekday !== undefined && date.value.weekday !== weekday) return { ok: false, problem: "wrong-weekday", date: date.value };
  return date;
}

/**
 * A date at local midnight in `zone`: a calendar date (without a year, the next such date from
 * `now`), with or without a weekday name, or "bugün", "yarın", "öbür gün", "haftaya bugün",
 * "salı", "önümüzdeki salı", "bu salı", "haftaya salı" and their English counterparts.
 */
export function parseDate(text: string, zone: string, now: DateTime): Parsed<DateTime> {
  return readDay(normalise(text), zone, now);
}

/** The words of "<date> <time>" or "<time> <date>" split where a time is read; undefined if none. */
function splitDateTime(t: string): { day: string; clock: Parsed<Clock> } | undefined {
  const words = t.split(" ");
  const most = Math.min(4, words.length - 1);
  for (let size = most; size >= 1; size--) {
    const tail = words.slice(words.length - size).join(" ");
    if (looksLikeClock(tail)) return { day: words.slice(0, words.length - size).join(" "), clock: readClock(tail) };
  }
  for (let size = 1; size <= most; size++) {
    const head = words.slice(0, size).join(" ");
    if (looksLikeClock(head)) return { day: words.slice(size).join(" "), clock: readClock(head) };
  }
  return undefined;
}

/**
 * The instant a local wall time names. A time skipped by a daylight-saving change has none; one
 * that happens twice (the hour put back) is taken the first time the clock shows it.
 */
function atClock(day: DateTime, clock: Clock, zone: string): Parsed<DateTime> {
  const offsets = new Set([day.minus({ days: 1 }).offset, day.offset, day.plus({ days: 2 }).offset]);
  const found = [...offsets]
    .map((offset) =>
      DateTime.fromObject({ year: day.year, month: day.month, day: day.day, ...clock }, { zone: FixedOffsetZone.instance(offset) }).setZone(zone),
    )
    .filter((instant) => instant.hour === clock.hour && instant.minute === clock.minute && instant.day === day.day)
    .sort((a, b) => a.toMillis() - b.toMillis());
  return found[0] ? { ok: true, value: found[0] } : fail("nonexistent-time");
}

/** One date and time, normalised; no check against now. */
function readInstant(t: string, zone: string, now: DateTime): Parsed<DateTime> {
  const split = splitDateTime(t);
  if (!split) return fail("format");
  const day = readDay(split.day, zone, now);
  if (!day.ok && day.problem === "format") return day;
  if (!split.clock.ok) return split.clock;
  if (!day.ok) return day;
  return atClock(day.value, split.clock.value, zone);
}

/**
 * "<date> <time>" in the network's zone → the instant (UTC inside): every form parseDate and
 * readTime accept, in either order, including what the bot prints ("17 Mart 2027 Çarşamba,
 * 10:00"). Past instants, impossible dates and times, local times skipped by a daylight-saving
 * change, ambiguous input and ranges ("10:00–15:00", see parseMeetingTime) are refused.
 */
export function parseDateTime(text: string, zone: string, now: DateTime): Parsed<DateTime> {
  const t = normalise(text);
  if (splitRange(t)) return fail("range");
  const instant = readInstant(t, zone, now);
  if (instant.ok && instant.value <= now) return fail("past");
  return instant;
}

/**
 * A start and, when given, an end: "17 Mart 2027 Çarşamba, 10:00–15:00" as the bot prints a
 * meeting, "yarın 10:00-13:00", or an end on another day ("…, 22:00–18 Mart 02:00"). A single
 * date and time reads as parseDateTime does, without an end.
 */
export function parseMeetingTime(text: string, zone: string, now: DateTime): Parsed<{ start: DateTime; end?: DateTime }> {
  const t = normalise(text);
  const range = splitRange(t);
  const start = readInstant(range ? range.start : t, zone, now);
  if (!start.ok) return start;
  if (start.value <= now) return fail("past");
  if (!range) return { ok: true, value: { start: start.value } };
  // An end without a date is on the start's day; a date without a year is the next one from the start.
  let end: Parsed<DateTime>;
  if (!looksLikeClock(range.end)) end = readInstant(range.end, zone, start.value);
  else {
    const clock = readClock(range.end);
    end = clock.ok ? atClock(start.value.startOf("day"), clock.value, zone) : clock;
  }
  if (!end.ok) return end;
  if (end.value <= start.value) return fail("end-before-start");
  return { ok: true, value: { start: start.value, end: end.value } };
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
