import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInstant, parseDate, parseDateTime, parseMeetingTime, readDate, readTime, type Parsed } from "../../src/domain/datetime.ts";

const ZONE = "Europe/Istanbul";
// Tuesday 24 November 2026, 12:00 in İzmir.
const NOW = DateTime.fromISO("2026-11-24T12:00:00", { zone: ZONE });

describe("parseDateTime in the network's zone", () => {
  it.each([
    ["2026-03-17 10:00", "2027-03-17T10:00"],
    ["2027-03-17 10:00", "2027-03-17T10:00"],
    ["17.03.2027 10:00", "2027-03-17T10:00"],
    ["17/03/2027 10:00", "2027-03-17T10:00"],
    ["17 Mart 2027 10:00", "2027-03-17T10:00"],
    ["17 MART 2027 10.00", "2027-03-17T10:00"],
    ["17 mart 10:00", "2027-03-17T10:00"],
    ["1 Aralık 14:30", "2026-12-01T14:30"],
    ["1 ARALIK 2026 saat 14:30", "2026-12-01T14:30"],
    ["3 Şubat 2027 9:05", "2027-02-03T09:05"],
    ["3 subat 2027 09:05", "2027-02-03T09:05"],
    ["25 Kasım 18:00", "2026-11-25T18:00"],
    ["24 Kasım 13:00", "2026-11-24T13:00"],
    ["17 March 2027 10:00", "2027-03-17T10:00"],
    ["March 17, 2027 10:00", "2027-03-17T10:00"],
    ["Dec 5th at 10:00", "2026-12-05T10:00"],
    ["29 Şubat 10:00", "2028-02-29T10:00"],
    // Day and month without a year: the next such date.
    ["15.12 14:00", "2026-12-15T14:00"],
    ["15/12 14.00", "2026-12-15T14:00"],
    ["17.03 10:00", "2027-03-17T10:00"],
  ])("%s → %s local", (input, expected) => {
    const parsed = parseDateTime(input, ZONE, NOW);
    if (input === "2026-03-17 10:00") {
      expect(parsed).toEqual({ ok: false, problem: "past" });
      return;
    }
    expect(parsed.ok && parsed.value.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(expected);
    expect(parsed.ok && parsed.value.zoneName).toBe(ZONE);
  });

  it("stores the UTC instant: 10:00 in İzmir is 07:00 UTC", () => {
    const parsed = parseDateTime("17.03.2027 10:00", ZONE, NOW);
    expect(parsed.ok && parsed.value.toUTC().toISO()).toBe("2027-03-17T07:00:00.000Z");
  });

  it.each([
    ["31 Şubat 2027 10:00", "impossible-date"],
    ["31.04.2027 10:00", "impossible-date"],
    ["2027-13-01 10:00", "impossible-date"],
    ["31 Şubat 10:00", "impossible-date"],
    ["17.03.2027 25:00", "impossible-time"],
    ["17.03.2027 10:60", "impossible-time"],
    ["17.03.2026 10:00", "past"],
    ["24 Kasım 2026 11:59", "past"],
    ["17.03.2027", "format"],
    ["10:00", "format"],
    ["yarın sabah", "format"],
    ["17 Martt 2027 10:00", "format"],
    ["17.03.27 10:00", "format"],
    ["31.04 10:00", "impossible-date"],
    ["15.13 10:00", "impossible-date"],
    ["", "format"],
  ])("%s → %s", (input, problem) => {
    expect(parseDateTime(input, ZONE, NOW)).toEqual({ ok: false, problem });
  });

  it("refuses a local time that a daylight-saving change skips", () => {
    const berlin = DateTime.fromISO("2027-01-10T12:00", { zone: "Europe/Berlin" });
    expect(parseDateTime("28.03.2027 02:30", "Europe/Berlin", berlin)).toEqual({ ok: false, problem: "nonexistent-time" });
  });
});

describe("parseDate", () => {
  it("gives local midnight of the next such date", () => {
    const parsed = parseDate("15 Nisan", ZONE, NOW);
    expect(parsed.ok && parsed.value.toISO()).toBe("2027-04-15T00:00:00.000+03:00");
  });
});

const at = (parsed: Parsed<DateTime>) => (parsed.ok ? parsed.value.toFormat("yyyy-MM-dd'T'HH:mm") : parsed.problem);

describe("what the bot itself prints is read back", () => {
  it.each([
    ["17 Mart 2027 Çarşamba, 10:00", "2027-03-17T10:00"],
    ["17 Mart 2027 Çarşamba 10:00", "2027-03-17T10:00"],
    ["17 MART 2027 ÇARŞAMBA, 10:00", "2027-03-17T10:00"],
    ["17 mart 2027 carsamba 10:00", "2027-03-17T10:00"],
    ["Çarşamba, 17 Mart 2027, 10:00", "2027-03-17T10:00"],
    ["17.03.2027 Çarşamba 10:00", "2027-03-17T10:00"],
    ["17 Mart Çarşamba 10:00", "2027-03-17T10:00"],
    ["17 Mart 2027 Çar 10:00", "2027-03-17T10:00"],
    ["Wednesday 17 March 2027, 10:00", "2027-03-17T10:00"],
    ["WEDNESDAY 17 MARCH 2027, 10:00", "2027-03-17T10:00"],
    ["Wed, March 17, 2027 10:00", "2027-03-17T10:00"],
    ["Wednesday, 17 March 2027 at 10:00", "2027-03-17T10:00"],
    ["1 Aralık 2026 Salı, 14:30", "2026-12-01T14:30"],
    ["FRIDAY 4 DECEMBER 2026, 09:00", "2026-12-04T09:00"],
    ["24 Nisan 2027 Cumartesi 10:00", "2027-04-24T10:00"],
    ["25 Nisan 2027 Pazar 10:00", "2027-04-25T10:00"],
  ])("%s → %s", (input, expected) => {
    expect(at(parseDateTime(input, ZONE, NOW))).toBe(expected);
  });

  it("reads every weekday the bot prints, in both languages, for a whole week", () => {
    for (let day = 0; day < 7; day++) {
      for (const locale of ["tr", "en"]) {
        const instant = DateTime.fromISO("2027-03-15T10:00", { zone: ZONE }).plus({ days: day });
        const printed = formatInstant(instant.toJSDate(), ZONE, locale);
        const parsed = parseDateTime(printed, ZONE, NOW);
        expect([printed, parsed.ok && parsed.value.toMillis()]).toEqual([printed, instant.toMillis()]);
      }
    }
  });

  it.each([
    ["17 Mart 2027 Perşembe, 10:00", "2027-03-17"],
    ["Thursday 17 March 2027, 10:00", "2027-03-17"],
    ["17.03.2027 Cuma 10:00", "2027-03-17"],
    ["yarın cuma 10:00", "2026-11-25"],
  ])("%s: the weekday does not match, refused naming the date written (%s)", (input, date) => {
    const parsed = parseDateTime(input, ZONE, NOW);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && [parsed.problem, parsed.date?.toISODate()]).toEqual(["wrong-weekday", date]);
  });

  it("a matching weekday next to a relative day is fine", () => {
    expect(at(parseDateTime("yarın çarşamba 10:00", ZONE, NOW))).toBe("2026-11-25T10:00");
  });
});

describe("times written the TDK way, with suffixes and parts of the day", () => {
  it.each([
    ["17 Mart 2027 10.00", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10'da", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10’da", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10‘da", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10da", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10", "2027-03-17T10:00"],
    ["17 Mart 2027 saat 10.30'da", "2027-03-17T10:30"],
    ["17 Mart 2027 saat 14:00'te", "2027-03-17T14:00"],
    ["17 Mart 2027 14:00'te", "2027-03-17T14:00"],
    ["17 Mart 2027 10:00'da", "2027-03-17T10:00"],
    ["17 Mart 2027 10:00’da", "2027-03-17T10:00"],
    ["17 Mart 2027 SAAT 09.30'DA", "2027-03-17T09:30"],
    ["17 Mart'ta saat 10'da", "2027-03-17T10:00"],
    ["17 Mart 2027'de saat 14'te", "2027-03-17T14:00"],
    ["17 Mart 2027 öğleden sonra 2", "2027-03-17T14:00"],
    ["17 Mart 2027 öğleden sonra 2'de", "2027-03-17T14:00"],
    ["17 Mart 2027 öğleden sonra saat 2.30'da", "2027-03-17T14:30"],
    ["17 Mart 2027 ogleden sonra 3", "2027-03-17T15:00"],
    ["17 Mart 2027 öğleden sonra 14:00", "2027-03-17T14:00"],
    ["17 Mart 2027 sabah 9'da", "2027-03-17T09:00"],
    ["17 Mart 2027 sabah 9.30", "2027-03-17T09:30"],
    ["17 Mart 2027 öğleden önce 11", "2027-03-17T11:00"],
    ["17 Mart 2027 akşam 7'de", "2027-03-17T19:00"],
    ["17 Mart 2027 akşam 18.30", "2027-03-17T18:30"],
    ["17 Mart 2027 öğlen", "2027-03-17T12:00"],
    ["17 Mart 2027 öğlen 12.30'da", "2027-03-17T12:30"],
    ["17 Mart 2027 öğlen 1'de", "2027-03-17T13:00"],
    ["17 Mart 2027 02:30", "2027-03-17T02:30"],
    ["17 Mart 2027 0:30", "2027-03-17T00:30"],
    ["17 Mart 2027 8:00", "2027-03-17T08:00"],
    ["17 Mart 2027 saat 12'de", "2027-03-17T12:00"],
    ["March 17 2027 2pm", "2027-03-17T14:00"],
    ["March 17 2027 2 pm", "2027-03-17T14:00"],
    ["March 17 2027 at 2:30 p.m.", "2027-03-17T14:30"],
    ["17 March 2027 10am", "2027-03-17T10:00"],
    ["17 March 2027 12pm", "2027-03-17T12:00"],
    ["17 March 2027 at noon", "2027-03-17T12:00"],
    ["17 March 2027 at 10", "2027-03-17T10:00"],
    ["10:00 17 Mart 2027", "2027-03-17T10:00"],
    ["17 Mart 2027 10:00.", "2027-03-17T10:00"],
  ])("%s → %s", (input, expected) => {
    expect(at(parseDateTime(input, ZONE, NOW))).toBe(expected);
  });

  it.each([
    // Spoken Turkish says "saat 2'de" for 14:00 as often as for 02:00.
    ["17 Mart 2027 saat 2'de", "ambiguous-time"],
    ["17 Mart 2027 2:30", "ambiguous-time"],
    ["17 Mart 2027 7.00", "ambiguous-time"],
    ["17 March 2027 12am", "ambiguous-time"],
    ["17 March 2027 at 3", "ambiguous-time"],
    ["17 Mart 2027 öğleden sonra 9", "format"],
    ["17 Mart 2027 öğleden sonra 12", "format"],
    ["17 Mart 2027 sabah 14", "format"],
    ["17 Mart 2027 akşam 3", "format"],
    ["17 Mart 2027 gece 2", "format"],
    ["17 Mart 2027 sabah 2pm", "format"],
    ["17 Mart 2027 10", "format"],
    ["17 Mart 2027 saat 25'te", "impossible-time"],
    ["17 Mart 2027 10.75", "impossible-time"],
    ["17 March 2027 13pm", "impossible-time"],
    ["17 March 2027 0am", "impossible-time"],
  ])("%s → %s", (input, problem) => {
    expect(parseDateTime(input, ZONE, NOW)).toEqual({ ok: false, problem });
  });
});

describe("readTime, as the meeting dialogue asks for a time alone", () => {
  it.each([
    ["10:00", { hour: 10, minute: 0 }],
    ["10.00", { hour: 10, minute: 0 }],
    ["saat 10'da", { hour: 10, minute: 0 }],
    ["saat 10.30'da", { hour: 10, minute: 30 }],
    ["14:00'te", { hour: 14, minute: 0 }],
    ["10:00’da", { hour: 10, minute: 0 }],
    ["öğleden sonra 2", { hour: 14, minute: 0 }],
    ["2 pm", { hour: 14, minute: 0 }],
    ["2:30pm", { hour: 14, minute: 30 }],
    ["öğlen", { hour: 12, minute: 0 }],
  ])("%s", (input, value) => {
    expect(readTime(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["10", "format"],
    ["on", "format"],
    ["saat 2'de", "ambiguous-time"],
    ["10:00–15:00", "range"],
    ["10:00 - 15:00", "range"],
    ["10.00-15.00", "range"],
    ["25:00", "impossible-time"],
  ])("%s → %s", (input, problem) => {
    expect(readTime(input)).toEqual({ ok: false, problem });
  });
});

describe("relative dates from now in İzmir (now: Tuesday 24 November 2026, 12:00)", () => {
  it.each([
    ["bugün 15:00", "2026-11-24T15:00"],
    ["BUGÜN saat 15'te", "2026-11-24T15:00"],
    ["yarın 10:00", "2026-11-25T10:00"],
    ["Yarın saat 10'da", "2026-11-25T10:00"],
    ["yarin 10.30", "2026-11-25T10:30"],
    ["YARIN 14:00'te", "2026-11-25T14:00"],
    ["yarın öğleden sonra 2'de", "2026-11-25T14:00"],
    ["yarın öğlen", "2026-11-25T12:00"],
    ["saat 10'da yarın", "2026-11-25T10:00"],
    ["öbür gün 10:00", "2026-11-26T10:00"],
    ["öbürgün 10:00", "2026-11-26T10:00"],
    ["yarından sonra 10:00", "2026-11-26T10:00"],
    ["haftaya bugün 10:00", "2026-12-01T10:00"],
    ["haftaya salı 14:00", "2026-12-01T14:00"],
    ["haftaya salı günü saat 14'te", "2026-12-01T14:00"],
    ["haftaya pazartesi 10:00", "2026-11-30T10:00"],
    ["haftaya pazar 10:00", "2026-12-06T10:00"],
    ["gelecek hafta salı 14:00", "2026-12-01T14:00"],
    ["önümüzdeki hafta cuma 10:00", "2026-12-04T10:00"],
    ["çarşamba 14:00", "2026-11-25T14:00"],
    ["Çarşamba günü saat 14'te", "2026-11-25T14:00"],
    ["pazartesi 10:00", "2026-11-30T10:00"],
    ["cuma 10:00", "2026-11-27T10:00"],
    ["önümüzdeki salı 14:00", "2026-12-01T14:00"],
    ["gelecek salı 14:00", "2026-12-01T14:00"],
    ["önümüzdeki perşembe 14:00", "2026-11-26T14:00"],
    ["bu salı 14:00", "2026-11-24T14:00"],
    ["bu cuma 14:00", "2026-11-27T14:00"],
    ["today 15:00", "2026-11-24T15:00"],
    ["tomorrow 10:00", "2026-11-25T10:00"],
    ["tomorrow at 10am", "2026-11-25T10:00"],
    ["Tomorrow at 2 p.m.", "2026-11-25T14:00"],
    ["the day after tomorrow 10:00", "2026-11-26T10:00"],
    ["next tuesday 14:00", "2026-12-01T14:00"],
    ["next Friday at 2pm", "2026-11-27T14:00"],
    ["tuesday next week 14:00", "2026-12-01T14:00"],
    ["next week tuesday 14:00", "2026-12-01T14:00"],
    ["wednesday 2pm", "2026-11-25T14:00"],
    ["Friday 2 pm", "2026-11-27T14:00"],
    ["FRIDAY at 2:30 p.m.", "2026-11-27T14:30"],
    ["on Monday at 10:00", "2026-11-30T10:00"],
    ["this friday 10:00", "2026-11-27T10:00"],
    ["2pm tomorrow", "2026-11-25T14:00"],
  ])("%s → %s", (input, expected) => {
    const parsed = parseDateTime(input, ZONE, NOW);
    expect(at(parsed)).toBe(expected);
    expect(parsed.ok && parsed.value.zoneName).toBe(ZONE);
  });

  it.each([
    ["bugün 10:00", "past"],
    ["today 11:59", "past"],
    ["bu salı 10:00", "past"],
    // Today is a Tuesday: "salı" may mean today or next week, so it is asked, not guessed.
    ["salı 14:00", "ambiguous-date"],
    ["tuesday 2pm", "ambiguous-date"],
    ["yarın saat 3'te", "ambiguous-time"],
    ["yarın", "format"],
    ["yarın sabah", "format"],
    ["ertesi gün 10:00", "format"],
    ["haftaya 10:00", "format"],
    ["salı çarşamba 10:00", "format"],
    ["gelecek 10:00", "format"],
    ["constructor 10:00", "format"],
    ["17 constructor 2027 10:00", "format"],
    ["toString 10:00", "format"],
  ])("%s → %s", (input, problem) => {
    expect(parseDateTime(input, ZONE, NOW)).toEqual({ ok: false, problem });
  });

  it("a bare weekday that is not today's is the next one, also from a Thursday", () => {
    const thursday = DateTime.fromISO("2026-11-26T09:00", { zone: ZONE });
    expect(at(parseDateTime("salı 14:00", ZONE, thursday))).toBe("2026-12-01T14:00");
    expect(at(parseDateTime("tuesday 2pm", ZONE, thursday))).toBe("2026-12-01T14:00");
    expect(at(parseDateTime("haftaya salı 14:00", ZONE, thursday))).toBe("2026-12-01T14:00");
    expect(at(parseDateTime("bu salı 14:00", ZONE, thursday))).toBe("2026-12-01T14:00");
  });

  it("near midnight, 'yarın' is the next local day even though UTC is still on the day before", () => {
    // 00:30 on 25 November in İzmir is 21:30 UTC on the 24th.
    const night = DateTime.fromISO("2026-11-24T21:30:00Z").setZone(ZONE);
    expect(at(parseDateTime("yarın 10:00", ZONE, night))).toBe("2026-11-26T10:00");
    expect(at(parseDateTime("bugün 10:00", ZONE, night))).toBe("2026-11-25T10:00");
  });

  it("on a Sunday, 'haftaya salı' is the Tuesday of the week starting the next day", () => {
    const sunday = DateTime.fromISO("2026-11-29T12:00", { zone: ZONE });
    expect(at(parseDateTime("haftaya salı 14:00", ZONE, sunday))).toBe("2026-12-01T14:00");
    expect(at(parseDateTime("haftaya pazar 14:00", ZONE, sunday))).toBe("2026-12-06T14:00");
  });
});

describe("relative dates across a daylight-saving change (Europe/Berlin)", () => {
  const BERLIN = "Europe/Berlin";
  // Friday 26 March 2027, 12:00 CET; clocks go forward on Sunday 28 March at 02:00.
  const SPRING = DateTime.fromISO("2027-03-26T12:00", { zone: BERLIN });
  // Saturday 30 October 2027, 12:00 CEST; clocks go back on Sunday 31 October at 03:00.
  const AUTUMN = DateTime.fromISO("2027-10-30T12:00", { zone: BERLIN });
  const utc = (parsed: Parsed<DateTime>) => (parsed.ok ? parsed.value.toUTC().toISO() : parsed.problem);

  it.each([
    ["yarın 10:00", SPRING, "2027-03-27T09:00:00.000Z"],
    ["öbür gün 10:00", SPRING, "2027-03-28T08:00:00.000Z"],
    ["pazar 10:00", SPRING, "2027-03-28T08:00:00.000Z"],
    ["sunday 10am", SPRING, "2027-03-28T08:00:00.000Z"],
    ["haftaya bugün 10:00", SPRING, "2027-04-02T08:00:00.000Z"],
    ["haftaya pazartesi 10:00", SPRING, "2027-03-29T08:00:00.000Z"],
    ["next friday 12:00", SPRING, "2027-04-02T10:00:00.000Z"],
    ["pazar 02:30", SPRING, "nonexistent-time"],
    ["tomorrow 10:00", AUTUMN, "2027-10-31T09:00:00.000Z"],
    ["haftaya cumartesi 10:00", AUTUMN, "2027-11-06T09:00:00.000Z"],
    // 02:30 happens twice that night: the first time the clock shows it (still summer time).
    ["yarın 02:30", AUTUMN, "2027-10-31T00:30:00.000Z"],
    ["pazar 03:30", AUTUMN, "2027-10-31T02:30:00.000Z"],
  ])("%s → %s", (input, now, expected) => {
    const parsed = parseDateTime(input, BERLIN, now);
    expect(utc(parsed)).toBe(expected);
    if (parsed.ok) expect(parsed.value.zoneName).toBe(BERLIN);
  });

  it("parseDate gives local midnight across the change", () => {
    const parsed = parseDate("öbür gün", BERLIN, SPRING);
    expect(parsed.ok && parsed.value.toISO()).toBe("2027-03-28T00:00:00.000+01:00");
    const week = parseDate("haftaya bugün", BERLIN, SPRING);
    expect(week.ok && week.value.toISO()).toBe("2027-04-02T00:00:00.000+02:00");
  });
});

describe("ranges", () => {
  it.each([
    "17 Mart 2027 Çarşamba, 10:00–15:00",
    "17 Mart 2027 10:00-15:00",
    "17 Mart 2027 10:00 - 15:00",
    "Wednesday 17 March 2027, 10:00–15:00",
    "yarın 10.00–13.00",
    "2027-03-17 10:00-15:00",
  ])("parseDateTime refuses %s as a range rather than keep half of it", (input) => {
    expect(parseDateTime(input, ZONE, NOW)).toEqual({ ok: false, problem: "range" });
  });

  it.each([
    ["17 Mart 2027 Çarşamba, 10:00–15:00", "2027-03-17T10:00", "2027-03-17T15:00"],
    ["2027-03-17 10:00-15:00", "2027-03-17T10:00", "2027-03-17T15:00"],
    ["yarın 10.00 - 13.00", "2026-11-25T10:00", "2026-11-25T13:00"],
    ["17 Mart 2027 saat 10'da–öğleden sonra 3'te", "2027-03-17T10:00", "2027-03-17T15:00"],
    ["Wednesday 17 March 2027, 22:00–18 March 02:00", "2027-03-17T22:00", "2027-03-18T02:00"],
    ["31 Aralık 2026 Perşembe, 22:00–1 Ocak 02:00", "2026-12-31T22:00", "2027-01-01T02:00"],
    ["17 Mart 2027 10:00", "2027-03-17T10:00", undefined],
  ])("parseMeetingTime reads %s", (input, start, end) => {
    const parsed = parseMeetingTime(input, ZONE, NOW);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.start.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(start);
    expect(parsed.value.end?.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(end);
  });

  it.each([
    ["17 Mart 2027 15:00–10:00", "end-before-start"],
    ["17 Mart 2027 10:00–10:00", "end-before-start"],
    ["17 Mart 2027 10:00–25:00", "impossible-time"],
    ["17 Mart 2027 10:00–saat 3'te", "ambiguous-time"],
    ["17 Mart 2026 10:00–15:00", "past"],
    ["17 Mart 2027 Perşembe 10:00–15:00", "wrong-weekday"],
    ["17 Mart 2027 10:00–", "format"],
  ])("parseMeetingTime refuses %s → %s", (input, problem) => {
    const parsed = parseMeetingTime(input, ZONE, NOW);
    expect(!parsed.ok && parsed.problem).toBe(problem);
  });
});

describe("parseDate alone (the dialogue's first question)", () => {
  it.each([
    ["yarın", "2026-11-25"],
    ["bugün", "2026-11-24"],
    ["haftaya salı", "2026-12-01"],
    ["önümüzdeki cuma", "2026-11-27"],
    ["next tuesday", "2026-12-01"],
    ["17 Mart 2027 Çarşamba", "2027-03-17"],
    ["Wednesday 17 March 2027", "2027-03-17"],
    ["17 Mart'ta", "2027-03-17"],
  ])("%s → %s", (input, expected) => {
    const parsed = parseDate(input, ZONE, NOW);
    expect(parsed.ok && parsed.value.toISODate()).toBe(expected);
  });

  it.each([
    ["salı", "ambiguous-date"],
    ["17 Mart 2027 Salı", "wrong-weekday"],
    ["yarın 10:00", "format"],
    ["ertesi gün", "format"],
  ])("%s → %s", (input, problem) => {
    const parsed = parseDate(input, ZONE, NOW);
    expect(!parsed.ok && parsed.problem).toBe(problem);
  });
});

describe("readDate (calendar dates only, as the minutes read due dates)", () => {
  it.each([
    ["15 Nisan", { day: 15, month: 4 }],
    ["15 Nisan'a kadar", { day: 15, month: 4 }],
    ["17 Mart 2027 Çarşamba", { day: 17, month: 3, year: 2027, weekday: 3 }],
    ["the 15th of April", { day: 15, month: 4 }],
    ["15 APRIL", { day: 15, month: 4 }],
  ])("%s", (input, parts) => {
    expect(readDate(input)).toEqual(parts);
  });

  it.each(["yarın", "salı", "Çarşamba", "haftaya salı", "kadar", ""])("%s is not a calendar date", (input) => {
    expect(readDate(input)).toBeUndefined();
  });
});
