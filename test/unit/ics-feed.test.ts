import { describe, expect, it } from "vitest";
import { buildCalendar, buildIcs, meetingUid, stableCalendar, type IcsEvent } from "../../src/domain/ics.ts";
import { readWithBoth, readWithIcalJs, readWithNodeIcal } from "./ics-parsers.ts";

const stamp = new Date("2026-11-24T09:00:00Z");

function event(fields: Partial<IcsEvent> & Pick<IcsEvent, "uid" | "startsAt" | "endsAt">): IcsEvent {
  return { sequence: 0, cancelled: false, zone: "Europe/Istanbul", summary: "Toplantı", stamp, ...fields };
}

/** The VTIMEZONE block of a zone, as text. */
function vtimezoneOf(ics: string, zone: string): string {
  const start = ics.indexOf(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
  expect(start, zone).toBeGreaterThanOrEqual(0);
  return ics.slice(start, ics.indexOf("END:VTIMEZONE", start));
}

describe("buildCalendar: many events in one calendar", () => {
  it("holds every event, one VTIMEZONE per zone, the name and the refresh interval; both parsers read the same instants", () => {
    const ics = buildCalendar({
      name: "İzmir KDM Ağı · Berlin, Ağ; ikinci",
      refreshMinutes: 60,
      events: [
        event({ uid: meetingUid(1, 25), startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z"), summary: "25. Toplantı", location: "Buca1923 Mevlana Kafe, Buca" }),
        event({ uid: meetingUid(1, 26), startsAt: new Date("2027-04-21T07:00:00Z"), endsAt: new Date("2027-04-21T12:00:00Z"), sequence: 3, cancelled: true }),
        event({ uid: meetingUid(2, 1), zone: "Europe/Berlin", startsAt: new Date("2027-07-01T08:00:00Z"), endsAt: new Date("2027-07-01T10:00:00Z") }),
      ],
    });
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(ics).toContain("\r\nX-PUBLISHED-TTL:PT1H\r\n");
    // Two zones: no single calendar-wide zone to announce.
    expect(ics).not.toContain("X-WR-TIMEZONE");
    expect(ics).toContain("DTSTART;TZID=Europe/Istanbul:20270317T100000");
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20270701T100000");

    const read = readWithBoth(ics);
    expect(read.name).toBe("İzmir KDM Ağı · Berlin, Ağ; ikinci");
    expect(read.events.map((e) => [e.uid, e.start, e.end, e.sequence, e.status])).toEqual([
      ["ortak-1-25@ortak", "2027-03-17T07:00:00.000Z", "2027-03-17T12:00:00.000Z", 0, "CONFIRMED"],
      ["ortak-1-26@ortak", "2027-04-21T07:00:00.000Z", "2027-04-21T12:00:00.000Z", 3, "CANCELLED"],
      ["ortak-2-1@ortak", "2027-07-01T08:00:00.000Z", "2027-07-01T10:00:00.000Z", 0, "CONFIRMED"],
    ]);
    expect(read.events[0]!.location).toBe("Buca1923 Mevlana Kafe, Buca");
  });

  it("names the calendar's zone when there is one, and a zone without daylight saving gets one STANDARD block", () => {
    const ics = buildCalendar({ events: [event({ uid: "a@ortak", startsAt: new Date("2026-12-01T07:00:00Z"), endsAt: new Date("2026-12-01T09:00:00Z") }), event({ uid: "b@ortak", startsAt: new Date("2027-06-01T07:00:00Z"), endsAt: new Date("2027-06-01T09:00:00Z") })] });
    expect(ics).toContain("\r\nX-WR-TIMEZONE:Europe/Istanbul\r\n");
    const block = vtimezoneOf(ics, "Europe/Istanbul");
    expect(block.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(["BEGIN:STANDARD"]);
    expect(block).toContain("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300");
    expect(readWithIcalJs(ics).events.map((e) => e.start)).toEqual(["2026-12-01T07:00:00.000Z", "2027-06-01T07:00:00.000Z"]);
  });

  it("an empty calendar is still a valid one", () => {
    const ics = buildCalendar({ name: "ortak", refreshMinutes: 90, events: [] });
    expect(ics).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT90M");
    expect(readWithBoth(ics)).toEqual({ name: "ortak", events: [] });
  });
});

describe("the VTIMEZONE covers every year the events span", () => {
  it("Berlin, events in two years: the changes of both years and the one before, so winter and summer both map right", () => {
    const ics = buildCalendar({
      events: [
        // January 2026: before the first change of that year; its offset comes from October 2025.
        event({ uid: "jan@ortak", zone: "Europe/Berlin", startsAt: new Date("2026-01-15T09:00:00Z"), endsAt: new Date("2026-01-15T11:00:00Z") }),
        event({ uid: "summer@ortak", zone: "Europe/Berlin", startsAt: new Date("2027-07-01T08:00:00Z"), endsAt: new Date("2027-07-01T10:00:00Z") }),
        event({ uid: "winter@ortak", zone: "Europe/Berlin", startsAt: new Date("2027-12-01T09:00:00Z"), endsAt: new Date("2027-12-01T11:00:00Z") }),
      ],
    });
    const block = vtimezoneOf(ics, "Europe/Berlin");
    expect([...block.matchAll(/BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\d{8}T\d{6})/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "STANDARD 20251026T030000",
      "DAYLIGHT 20260329T020000",
      "STANDARD 20261025T030000",
      "DAYLIGHT 20270328T020000",
      "STANDARD 20271031T030000",
    ]);
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20260115T100000");
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20270701T100000");
    const read = readWithBoth(ics);
    expect(Object.fromEntries(read.events.map((e) => [e.uid, e.start]))).toEqual({
      "jan@ortak": "2026-01-15T09:00:00.000Z",
      "summer@ortak": "2027-07-01T08:00:00.000Z",
      "winter@ortak": "2027-12-01T09:00:00.000Z",
    });
  });

  it("Sydney (summer time over New Year): January uses the change of the October before, which ical.js can only know from the file", () => {
    const ics = buildCalendar({ events: [event({ uid: "sydney@ortak", zone: "Australia/Sydney", startsAt: new Date("2027-01-14T23:00:00Z"), endsAt: new Date("2027-01-15T01:00:00Z") })] });
    expect(ics).toContain("DTSTART;TZID=Australia/Sydney:20270115T100000");
    expect(vtimezoneOf(ics, "Australia/Sydney")).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:\+1000\r\nTZOFFSETTO:\+1100/);
    expect(readWithIcalJs(ics).events[0]!.start).toBe("2027-01-14T23:00:00.000Z");
    expect(readWithNodeIcal(ics).events[0]!.start).toBe("2027-01-14T23:00:00.000Z");
  });
});

describe("texts: escaping and folding", () => {
  const awkward = "Gündem:\n1. Mevzuat, Strateji; \"Güç\" İlişkileri\\Savunuculuk\r\n2. ğüşİıöç çay\rmolası\u0007 " + "Kadına Yönelik Şiddetle Mücadelede İş Birliğinin Artırılması ".repeat(6);

  it("escapes backslash, comma, semicolon and line breaks, drops control characters, and folds at 75 octets without splitting a letter", () => {
    const ics = buildCalendar({ name: awkward.slice(0, 120), events: [event({ uid: "x@ortak", startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z"), summary: awkward, location: "Buca1923 Mevlana Kafe, Kozağaç Mah.; İzmir", description: awkward })] });
    const lines = ics.split("\r\n");
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).not.toMatch(/\r(?!\n)/);
    expect(ics).not.toContain("\u0007");
    expect(ics.replace(/\r\n /g, "")).toContain("DESCRIPTION:Gündem:\\n1. Mevzuat\\, Strateji\\; \"Güç\" İlişkileri\\\\Savunuculuk\\n2.");
    const expected = awkward.replace(/\r\n|\r/g, "\n").replace("\u0007", "");
    const read = readWithBoth(ics);
    expect(read.events[0]!.description).toBe(expected);
    expect(read.events[0]!.summary).toBe(expected);
    expect(read.events[0]!.location).toBe("Buca1923 Mevlana Kafe, Kozağaç Mah.; İzmir");
  });

  it("the single-file builder (/ics) still makes one event with its VTIMEZONE", () => {
    const ics = buildIcs(event({ uid: meetingUid(3, 25), startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z") }));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).not.toContain("X-WR-CALNAME");
    expect(ics).not.toContain("REFRESH-INTERVAL");
    expect(readWithBoth(ics).events[0]!.uid).toBe("ortak-3-25@ortak");
  });
});

describe("stableCalendar: the digest of what a feed holds", () => {
  const events = [{ uid: "a@ortak", sequence: 1, cancelled: false, zone: "Europe/Istanbul", startsAt: new Date("2027-03-17T07:00:00Z"), endsAt: new Date("2027-03-17T12:00:00Z"), summary: "25. Toplantı" }];

  it("does not depend on when it is served, and every DTSTAMP gets the stamp given", () => {
    const first = stableCalendar({ name: "ortak", events: [...events, { ...events[0]!, uid: "b@ortak" }] });
    const again = stableCalendar({ name: "ortak", events: [...events, { ...events[0]!, uid: "b@ortak" }] });
    expect(again.digest).toBe(first.digest);
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
    const text = first.stampedAt(new Date("2026-11-30T21:15:07Z"));
    expect(text.match(/\r\nDTSTAMP:20261130T211507Z\r\n/g)).toHaveLength(2);
    expect(text).not.toContain("19700101T000000Z");
    expect(readWithIcalJs(text).events).toHaveLength(2);
  });

  it("changes with any change of what it holds: a sequence, a status, a text, the name", () => {
    const base = stableCalendar({ name: "ortak", events }).digest;
    expect(stableCalendar({ name: "ortak", events: [{ ...events[0]!, sequence: 2 }] }).digest).not.toBe(base);
    expect(stableCalendar({ name: "ortak", events: [{ ...events[0]!, cancelled: true }] }).digest).not.toBe(base);
    expect(stableCalendar({ name: "ortak", events: [{ ...events[0]!, description: "Yanıtınız: Belki" }] }).digest).not.toBe(base);
    expect(stableCalendar({ name: "ortak 2", events }).digest).not.toBe(base);
  });
});
