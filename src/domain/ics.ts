import { createHash } from "node:crypto";
import { DateTime, IANAZone } from "luxon";

export interface IcsEvent {
  uid: string;
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  zone: string;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  /** When the file is made (DTSTAMP). */
  stamp: Date;
}

/** Several events in one calendar: a file or a subscription feed. */
export interface IcsCalendar {
  /** How a calendar app names the subscription (X-WR-CALNAME). */
  name?: string;
  /** How often a subscribing app should fetch it again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  refreshMinutes?: number;
  events: readonly IcsEvent[];
}

/** The UID of a meeting in every calendar ortak makes (the /ics file and the feeds): one event, however it arrived. */
export function meetingUid(networkId: number, meetingNumber: number): string {
  return `ortak-${networkId}-${meetingNumber}@ortak`;
}

/** What a calendar shows of a meeting. */
export interface EventMeeting {
  networkId: number;
  number: number;
  title: string;
  agenda: readonly string[];
  facilitators: readonly string[];
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  status: string;
  cancelReason: string | null;
  icsSequence: number;
  onlineLink: string | null;
  /** A confidential venue: LOCATION only for a reader entitled to it (EventTelling.seesPlace), else the district. */
  venuePrivate?: boolean;
  district?: string | null;
}

/** How one calendar tells its meetings: its language, and what its readers may see. */
export interface EventTelling {
  t: (id: string, args?: Record<string, string | number>) => string;
  /** A person's own calendar (the /ics file, a personal feed): facilitators and the online link are in it. */
  personal: boolean;
  /** Typed texts (agenda items, a cancellation reason) as these readers may see them. */
  shown: (text: string) => string;
  /**
   * The reader may read a confidential venue (an organiser, the host's contact, a confirmed
   * member after the reveal time). Left out: they may not; a public feed never may.
   */
  seesPlace?: boolean;
}

/**
 * A meeting as every calendar ortak makes shows it (the /ics file, the personal and the network
 * feeds): one UID, SUMMARY, LOCATION, the agenda (and facilitators, the cancellation reason, then
 * `extra` lines) in DESCRIPTION. Plain text: calendars show it raw.
 */
export function meetingEvent(meeting: EventMeeting, zone: string, telling: EventTelling, extra: readonly string[] = []): Omit<IcsEvent, "stamp"> {
  const { t } = telling;
  const lines = [t("ics-agenda"), ...meeting.agenda.map((item, i) => `${i + 1}. ${telling.shown(item)}`)];
  if (telling.personal && meeting.facilitators.length > 0) lines.push("", t("ics-facilitators", { names: meeting.facilitators.join(", ") }));
  if (meeting.cancelReason) lines.push("", t("ics-cancelled", { reason: telling.shown(meeting.cancelReason) }));
  const hidden = meeting.venuePrivate === true && telling.seesPlace !== true;
  // Others read the district as the place, and how the address will come.
  if (hidden) lines.push("", t("ics-venue-confidential"));
  if (extra.length > 0) lines.push("", ...extra);
  const location = hidden ? (meeting.district ?? "") : [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  return {
    uid: meetingUid(meeting.networkId, meeting.number),
    sequence: meeting.icsSequence,
    cancelled: meeting.status === "cancelled",
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    zone,
    summary: `${meeting.title}: ${t("ics-summary", { number: meeting.number })}`,
    ...(location ? { location } : {}),
    description: lines.join("\n"),
    ...(telling.personal && meeting.onlineLink ? { url: meeting.onlineLink } : {}),
  };
}

/** One calendar event as an RFC 5545 file: CRLF lines folded at 75 octets, local times with TZID. */
export function buildIcs(event: IcsEvent): string {
  return buildCalendar({ events: [event] });
}

/**
 * A calendar of any number of events: one VTIMEZONE per zone the events use, covering every year
 * they span in it, then the events in the order given.
 */
export function buildCalendar(calendar: IcsCalendar): string {
  const byZone = new Map<string, Date[]>();
  for (const event of calendar.events) {
    const instants = byZone.get(event.zone) ?? [];
    instants.push(event.startsAt, event.endsAt);
    byZone.set(event.zone, instants);
  }
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ortak//ortak meetings//TR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  // Google Calendar reads the zone of a whole calendar from here; only meaningful when there is one.
  if (byZone.size === 1) lines.push(`X-WR-TIMEZONE:${[...byZone.keys()][0]!}`);
  if (calendar.refreshMinutes !== undefined) {
    const every = duration(calendar.refreshMinutes);
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${every}`, `X-PUBLISHED-TTL:${every}`);
  }
  for (const [zone, instants] of byZone) lines.push(...timezoneLines(zone, instants));
  for (const event of calendar.events) lines.push(...eventLines(event));
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A calendar served again and again: what it holds, and the text once the time it last changed is known. */
export interface StableCalendar {
  /** SHA-256 (hex) of the calendar with a fixed DTSTAMP: equal exactly when the contents are. */
  digest: string;
  /** The calendar with every DTSTAMP set to `stamp` (when the contents last changed, so the text stays the same too). */
  stampedAt(stamp: Date): string;
}

const PLACEHOLDER_STAMP = new Date(0);

/**
 * A feed's calendar. DTSTAMP says when the calendar was made; were it "now", every request would
 * give a new text and a new ETag. So the digest is taken with a fixed stamp, and the stamp filled
 * in afterwards is the moment the contents last changed.
 */
export function stableCalendar(calendar: Omit<IcsCalendar, "events"> & { events: readonly Omit<IcsEvent, "stamp">[] }): StableCalendar {
  const text = buildCalendar({ ...calendar, events: calendar.events.map((event) => ({ ...event, stamp: PLACEHOLDER_STAMP })) });
  const digest = createHash("sha256").update(text).digest("hex");
  // Values are escaped (no raw line breaks) and folded lines start with a space: only real DTSTAMP lines match.
  const placeholder = `\r\nDTSTAMP:${utc(PLACEHOLDER_STAMP)}\r\n`;
  return { digest, stampedAt: (stamp) => text.split(placeholder).join(`\r\nDTSTAMP:${utc(stamp)}\r\n`) };
}

function eventLines(event: IcsEvent): string[] {
  const local = (date: Date) => DateTime.fromJSDate(date, { zone: event.zone }).toFormat("yyyyMMdd'T'HHmmss");
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART;TZID=${event.zone}:${local(event.startsAt)}`,
    `DTEND;TZID=${event.zone}:${local(event.endsAt)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    "END:VEVENT",
  ];
}

function utc(date: Date): string {
  return DateTime.fromJSDate(date, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** PT1H, PT90M: an RFC 5545 duration of whole minutes. */
function duration(minutes: number): string {
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/**
 * TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11); other
 * control characters, which TEXT cannot hold, are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/** Lines longer than 75 octets continue on lines starting with a space, never inside a character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

interface Transition {
  /** The instant of the change, in ms. */
  at: number;
  from: number;
  to: number;
}

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

/**
 * A VTIMEZONE built from the zone's real offsets, covering every year of `instants`: one block
 * per change of offset in those years, plus the last change before them (it sets the offset of
 * their first weeks). A zone without changes (Europe/Istanbul since 2016) gets one STANDARD block.
 */
function timezoneLines(zone: string, instants: readonly Date[]): string[] {
  const years = instants.map((instant) => DateTime.fromJSDate(instant, { zone }).year);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  const iana = IANAZone.create(zone);
  const yearStart = (year: number) => DateTime.fromObject({ year }, { zone }).toMillis();
  const covered = transitionsBetween(iana, yearStart(firstYear), yearStart(lastYear + 1));
  const before = transitionsBetween(iana, yearStart(firstYear - 1), yearStart(firstYear)).at(-1);
  const transitions = before ? [before, ...covered] : covered;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  if (transitions.length === 0) {
    const start = DateTime.fromMillis(yearStart(firstYear), { zone });
    lines.push(...observance("STANDARD", "19700101T000000", start.offset, start.offset, start.offsetNameShort ?? offsetText(start.offset)));
  } else {
    for (const t of transitions) {
      const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
      // DTSTART is the local time, in the offset before the change, when the change happens.
      const localBefore = DateTime.fromMillis(t.at + t.from * MINUTE_MS, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss");
      lines.push(...observance(kind, localBefore, t.from, t.to, DateTime.fromMillis(t.at, { zone }).offsetNameShort ?? offsetText(t.to)));
    }
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** The zone's changes of offset in [fromMs, untilMs): week by week, each found to the minute. */
function transitionsBetween(zone: IANAZone, fromMs: number, untilMs: number): Transition[] {
  const found: Transition[] = [];
  let previousAt = fromMs;
  let previous = zone.offset(fromMs);
  for (let at = Math.min(fromMs + WEEK_MS, untilMs); previousAt < untilMs; at = Math.min(at + WEEK_MS, untilMs)) {
    const offset = zone.offset(at);
    if (offset !== previous) {
      // The first minute with the new offset.
      let low = previousAt;
      let high = at;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zone.offset(middle) === previous) low = middle;
        else high = middle;
      }
      found.push({ at: high, from: previous, to: offset });
      previous = offset;
    }
    previousAt = at;
  }
  return found;
}

function observance(kind: string, start: string, from: number, to: number, name: string): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `TZNAME:${escapeText(name)}`, `END:${kind}`];
}

/** +0300, -0330. */
function offsetText(minutes: number): string {
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
  return `${minutes < 0 ? "-" : "+"}${hours}${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
}
