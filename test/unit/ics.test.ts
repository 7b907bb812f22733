import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs, fold, type IcsEvent } from "../../src/domain/ics.ts";

const event: IcsEvent = {
  uid: "ortak-1-25@ortak",
  sequence: 2,
  cancelled: false,
  startsAt: new Date("2027-03-17T07:00:00Z"),
  endsAt: new Date("2027-03-17T12:00:00Z"),
  zone: "Europe/Istanbul",
  summary: "Kadına Yönelik Şiddetle Mücadelede İş Birliğinin Artırılması: 25. Toplantı",
  location: "Buca1923 Mevlana Kafe, Buca; İzmir",
  description: "Gündem:\n1. Mevzuat ve Strateji\n2. Güç İlişkileri\n3. Savunuculuk Dili",
  url: "https://meet.example.org/kdm",
  stamp: new Date("2026-11-24T09:00:00Z"),
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("buildIcs, read back by ical.js", () => {
  it("keeps UID, SEQUENCE, STATUS, the instants, LOCATION and DESCRIPTION exactly", () => {
    const ics = buildIcs(event);
    const { vevent, event: parsed } = parse(ics);
    expect(parsed.uid).toBe("ortak-1-25@ortak");
    expect(parsed.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2027-03-17T07:00:00.000Z");
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2027-03-17T12:00:00.000Z");
    expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Istanbul");
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.location).toBe(event.location);
    expect(parsed.description).toBe(event.description);
  });

  it("marks a cancelled meeting", () => {
    const { vevent } = parse(buildIcs({ ...event, cancelled: true, sequence: 3 }));
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(3);
  });

  it("describes a daylight-saving zone well enough that local times map to the right instants", () => {
    const summer = { ...event, zone: "Europe/Berlin", startsAt: new Date("2027-07-01T08:00:00Z"), endsAt: new Date("2027-07-01T13:00:00Z") };
    const ics = buildIcs(summer);
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20270701T100000");
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe("2027-07-01T08:00:00.000Z");
  });

  it("uses CRLF and folds long lines at 75 octets without splitting a Turkish letter", () => {
    const ics = buildIcs({ ...event, description: "ğüşİıöç ".repeat(40) });
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(parse(ics).event.description).toBe("ğüşİıöç ".repeat(40));
    expect(fold("ş".repeat(40)).split("\r\n ").join("")).toBe("ş".repeat(40));
  });
});
