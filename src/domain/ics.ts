import { DateTime } from "luxon";

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

/** One calendar event as an RFC 5545 file: CRLF lines folded at 75 octets, local times with TZID. */
export function buildIcs(event: IcsEvent): string {
  const local = (date: Date) => DateTime.fromJSDate(date, { zone: event.zone }).toFormat("yyyyMMdd'T'HHmmss");
  const utc = (date: Date) => DateTime.fromJSDate(date, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ortak//ortak meetings//TR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...timezoneLines(event.zone, event.startsAt),
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
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** TEXT values: backslash, semicolon, comma and newline are escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
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

/**
 * A VTIMEZONE for the year of the event, built from the zone's real offsets: one STANDARD block
 * for a zone without daylight saving (Europe/Istanbul since 2016), otherwise one block per
 * transition in that year.
 */
function timezoneLines(zone: string, around: Date): string[] {
  const year = DateTime.fromJSDate(around, { zone }).year;
  const offset = (minutes: number) => `${minutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
  const start = DateTime.fromObject({ year }, { zone });
  const transitions: { at: DateTime; from: number; to: number }[] = [];
  let previous = start.offset;
  for (let hour = 1; hour <= 366 * 24; hour++) {
    const at = start.plus({ hours: hour });
    if (at.year !== year) break;
    if (at.offset !== previous) {
      transitions.push({ at, from: previous, to: at.offset });
      previous = at.offset;
    }
  }
  const block = (kind: string, at: string, from: number, to: number, name: string) => [
    `BEGIN:${kind}`,
    `DTSTART:${at}`,
    `TZOFFSETFROM:${offset(from)}`,
    `TZOFFSETTO:${offset(to)}`,
    `TZNAME:${escapeText(name)}`,
    `END:${kind}`,
  ];
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  if (transitions.length === 0) {
    lines.push(...block("STANDARD", "19700101T000000", start.offset, start.offset, start.offsetNameShort ?? offset(start.offset)));
  } else {
    for (const t of transitions) {
      const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
      // DTSTART is the local time, in the offset before the change, when the change happens.
      const localBefore = t.at.setZone(`UTC${offset(t.from).replace(/(\d\d)(\d\d)$/, "$1:$2")}`).toFormat("yyyyMMdd'T'HHmmss");
      lines.push(...block(kind, localBefore, t.from, t.to, t.at.offsetNameShort ?? offset(t.to)));
    }
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
