import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseDate, parseDateTime } from "../../src/domain/datetime.ts";

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
    ["yarın 10:00", "format"],
    ["17 Martt 2027 10:00", "format"],
    ["17.03.27 10:00", "format"],
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
