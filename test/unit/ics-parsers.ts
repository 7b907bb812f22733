import ICAL from "ical.js";
import nodeIcal, { type VEvent } from "node-ical";

/** One event as a calendar app reads it: instants in UTC, texts unescaped. */
export interface ReadEvent {
  uid: string;
  sequence: number;
  status: string | undefined;
  summary: string;
  location: string | undefined;
  description: string | undefined;
  start: string;
  end: string;
  /** The TZID the start is given in. */
  zone: string | undefined;
}

export interface ReadCalendar {
  name: string | undefined;
  events: ReadEvent[];
}

// RFC 5545 §3.8.8.2: a non-standard property's value is TEXT unless it says otherwise; ical.js
// leaves unknown properties unescaped unless told.
ICAL.design.defaultSet.property["x-wr-calname"] = { defaultType: "text" };

/**
 * With ical.js, using only the VTIMEZONEs in the text (its registry is emptied first): the
 * instants are right only if those describe the zone well enough.
 */
export function readWithIcalJs(text: string): ReadCalendar {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const events = calendar.getAllSubcomponents("vevent").map((vevent): ReadEvent => {
    const event = new ICAL.Event(vevent);
    const text = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      return value === null ? undefined : String(value);
    };
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: text("status"),
      summary: event.summary,
      location: text("location"),
      description: text("description"),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined,
    };
  });
  const name = calendar.getFirstPropertyValue("x-wr-calname");
  return { name: name === null ? undefined : String(name), events };
}

/** With node-ical, a parser of its own (it takes the zone's rules from its IANA name). */
export function readWithNodeIcal(text: string): ReadCalendar {
  const parsed = nodeIcal.sync.parseICS(text);
  const plain = (value: unknown) => (value === undefined ? undefined : typeof value === "string" ? value : String((value as { val: unknown }).val));
  const events = Object.values(parsed)
    .filter((component): component is VEvent => component?.type === "VEVENT")
    .map((event): ReadEvent => ({
      uid: event.uid,
      sequence: Number(event.sequence),
      status: event.status,
      summary: plain(event.summary)!,
      location: plain(event.location),
      description: plain(event.description),
      start: event.start.toISOString(),
      end: event.end!.toISOString(),
      zone: event.start.tz,
    }));
  return { name: parsed.vcalendar?.["WR-CALNAME"], events };
}

/** Both parsers, which must agree on every event. */
export function readWithBoth(text: string): ReadCalendar {
  const byIcalJs = readWithIcalJs(text);
  const byNodeIcal = readWithNodeIcal(text);
  const sorted = (calendar: ReadCalendar) => [...calendar.events].sort((a, b) => a.uid.localeCompare(b.uid));
  const strip = ({ zone: _zone, ...event }: ReadEvent) => event;
  const differences = sorted(byIcalJs)
    .map(strip)
    .map((event, i) => JSON.stringify(event) === JSON.stringify(strip(sorted(byNodeIcal)[i]!)) ? undefined : { icalJs: event, nodeIcal: strip(sorted(byNodeIcal)[i]!) })
    .filter(Boolean);
  if (byIcalJs.events.length !== byNodeIcal.events.length || differences.length > 0 || byIcalJs.name !== byNodeIcal.name) {
    throw new Error(`ical.js and node-ical read the calendar differently: ${JSON.stringify({ counts: [byIcalJs.events.length, byNodeIcal.events.length], names: [byIcalJs.name, byNodeIcal.name], differences })}`);
  }
  return byIcalJs;
}
