import { describe, expect, it } from "vitest";
import {
  confirmed,
  isHostContact,
  placeDigest,
  readRevealHours,
  readSwitch,
  revealTime,
  seesPlace,
  type PlaceReader,
  type RevealPolicy,
} from "../../src/domain/venue-privacy.ts";
import { buildIcs, meetingEvent, type EventMeeting } from "../../src/domain/ics.ts";

// Meeting on Wednesday 17 March 2027, 10:00 in İzmir (07:00 UTC); quiet hours 21:00–09:00.
const startsAt = new Date("2027-03-17T07:00:00Z");
const policy: RevealPolicy = { venueRevealHours: 48, timeZone: "Europe/Istanbul", quietFrom: 21 * 60, quietUntil: 9 * 60 };
const confidential = { venuePrivate: true, startsAt };
const person = (fields: Partial<PlaceReader> = {}): PlaceReader => ({ organiser: false, hostContact: false, answer: null, ...fields });
const yes = { status: "yes" as const, waitlisted: false };
const beforeReveal = new Date("2027-03-15T06:59:59Z");
const atReveal = new Date("2027-03-15T07:00:00Z");

describe("who sees a confidential place", () => {
  it("a meeting that is not confidential hides nothing, from anyone", () => {
    expect(seesPlace({ venuePrivate: false, startsAt }, person(), policy, beforeReveal)).toBe(true);
  });

  it("a member without a confirmed yes never sees it, not even after the reveal time", () => {
    expect(seesPlace(confidential, person(), policy, atReveal)).toBe(false);
    expect(seesPlace(confidential, person({ answer: { status: "maybe", waitlisted: false } }), policy, new Date("2027-03-17T07:30:00Z"))).toBe(false);
    expect(seesPlace(confidential, person({ answer: { status: "yes", waitlisted: true } }), policy, new Date("2027-03-17T07:30:00Z"))).toBe(false);
  });

  it("organisers and the host's contacts always see it", () => {
    expect(seesPlace(confidential, person({ organiser: true }), policy, beforeReveal)).toBe(true);
    expect(seesPlace(confidential, person({ hostContact: true }), policy, new Date("2027-01-01T00:00:00Z"))).toBe(true);
  });

  it("a confirmed yes sees it from the reveal time on, not a second before", () => {
    expect(seesPlace(confidential, person({ answer: yes }), policy, beforeReveal)).toBe(false);
    expect(seesPlace(confidential, person({ answer: yes }), policy, atReveal)).toBe(true);
  });

  it("maybe, no, waitlisted and no answer never see it", () => {
    for (const answer of [{ status: "maybe" as const, waitlisted: false }, { status: "no" as const, waitlisted: false }, { status: "yes" as const, waitlisted: true }, null]) {
      expect(seesPlace(confidential, person({ answer }), policy, atReveal), JSON.stringify(answer)).toBe(false);
      expect(confirmed(answer)).toBe(false);
    }
    expect(confirmed(yes)).toBe(true);
  });

  it("the reveal time leaves quiet hours as the planner's message does: to the evening before when the morning is too late", () => {
    expect(revealTime(startsAt, policy).toISOString()).toBe("2027-03-15T07:00:00.000Z");
    // Two hours before an 08:00 (05:00 UTC) start falls at 06:00, inside the quiet hours; 09:00 is after the start, so 20:59 the evening before.
    const early = new Date("2027-03-17T05:00:00Z");
    expect(revealTime(early, { ...policy, venueRevealHours: 2 }).toISOString()).toBe("2027-03-16T17:59:00.000Z");
    // Without quiet hours, exactly the hours before.
    expect(revealTime(early, { ...policy, venueRevealHours: 2, quietFrom: 0, quietUntil: 0 }).toISOString()).toBe("2027-03-17T03:00:00.000Z");
  });

  it("the host's contacts: the marked ones, else every member of the host organisation", () => {
    const marked = [{ id: 1, isHostContact: false }, { id: 2, isHostContact: true }];
    expect(isHostContact(2, marked)).toBe(true);
    expect(isHostContact(1, marked)).toBe(false);
    const unmarked = [{ id: 1, isHostContact: false }, { id: 2, isHostContact: false }];
    expect(isHostContact(1, unmarked)).toBe(true);
    expect(isHostContact(3, unmarked)).toBe(false);
  });
});

describe("reading and naming", () => {
  it("a place digest changes with the venue or the address, and only then", () => {
    const place = { venueName: "Buca KDM toplantı odası", venueAddress: "Gizli Sk. No: 3" };
    expect(placeDigest(place)).toBe(placeDigest({ ...place }));
    expect(placeDigest(place)).not.toBe(placeDigest({ ...place, venueAddress: "Gizli Sk. No: 4" }));
    expect(placeDigest(place)).not.toBe(placeDigest({ ...place, venueName: "Başka yer" }));
    // The split between name and address matters: ("ab", "c") is another place than ("a", "bc").
    expect(placeDigest({ venueName: "ab", venueAddress: "c" })).not.toBe(placeDigest({ venueName: "a", venueAddress: "bc" }));
  });

  it("reads evet / hayır / yes / no in any casing, and nothing else", () => {
    expect(["evet", "EVET", " yes ", "on"].map(readSwitch)).toEqual([true, true, true, true]);
    expect(["hayır", "HAYIR", "no", "off"].map(readSwitch)).toEqual([false, false, false, false]);
    expect(["açık", "belki", "", "1"].map(readSwitch)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("reveal hours from 1 to 336", () => {
    expect(["1", "48", "336"].map(readRevealHours)).toEqual([1, 48, 336]);
    expect(["0", "337", "-5", "2.5", "kırk", ""].map(readRevealHours)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("a confidential meeting in a calendar", () => {
  const meeting: EventMeeting = {
    networkId: 1,
    number: 25,
    title: "Toplantı",
    agenda: ["Gündem"],
    facilitators: [],
    startsAt,
    endsAt: new Date("2027-03-17T12:00:00Z"),
    venueName: "Sığınak Salonu",
    venueAddress: "Gizli Sk. No: 3, Buca",
    status: "invited",
    cancelReason: null,
    icsSequence: 2,
    onlineLink: null,
    venuePrivate: true,
    district: "Buca",
  };
  const t = (id: string) => (id === "ics-venue-confidential" ? "Adres, katılımı onaylananlara özel mesajla bildirilecek." : id);
  // Unfolded (RFC 5545 folds lines at 75 octets), so a value is read whole.
  const ics = (seesPlace?: boolean) =>
    buildIcs({ ...meetingEvent(meeting, "Europe/Istanbul", { t, personal: true, shown: (x) => x, ...(seesPlace === undefined ? {} : { seesPlace }) }), stamp: startsAt }).replace(/\r\n[ \t]/g, "");

  it("LOCATION is the place only for an entitled reader; others get the district and the sentence", () => {
    expect(ics(true)).toContain("LOCATION:Sığınak Salonu\\, Gizli Sk. No: 3\\, Buca");
    for (const hidden of [ics(false), ics()]) {
      expect(hidden).toContain("LOCATION:Buca\r\n");
      expect(hidden).toContain("Adres\\, katılımı onaylananlara özel mesajla bildirilecek.");
      expect(hidden).not.toContain("Sığınak");
      expect(hidden).not.toContain("Gizli Sk");
    }
  });
});
