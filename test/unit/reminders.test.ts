import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, formatOffset, parseOffsets, planActionReminders, planReminders, type PlanInput } from "../../src/domain/reminders.ts";

const ZONE = "Europe/Istanbul";
// Meeting 25: Wednesday 17 March 2027, 10:00 in İzmir (07:00 UTC).
const START = new Date("2027-03-17T07:00:00Z");

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    meeting: { startsAt: START, rsvpDeadline: null },
    invited: true,
    hostContacts: [],
    zone: ZONE,
    policy: DEFAULT_POLICY,
    members: [{ memberId: 1, organiser: true }, { memberId: 2, organiser: false }],
    chats: [{ chatId: -100n, topicId: 0 }],
    now: new Date("2027-03-01T09:00:00Z"),
    ...overrides,
  };
}

const local = (d: Date) => d.toLocaleString("sv-SE", { timeZone: ZONE }).slice(0, 16);
const summary = (plan: ReturnType<typeof planReminders>) =>
  plan.map((r) => `${r.kind}${r.offsetMinutes ? `/${formatOffset(r.offsetMinutes)}` : ""} ${r.audience.kind === "member" ? `m${r.audience.memberId}` : `c${r.audience.chatId}`} ${local(r.fireAt)}`);

describe("reminder planner", () => {
  it("tells a confidential venue to every member the reveal hours before the start, out of quiet hours, only once invited", () => {
    const reveals = (overrides: Partial<PlanInput>) => summary(planReminders(input(overrides))).filter((s) => s.startsWith("venue-reveal"));
    expect(reveals({})).toEqual([]);
    expect(reveals({ venueRevealHours: 48 })).toEqual(["venue-reveal/2d m1 2027-03-15 10:00", "venue-reveal/2d m2 2027-03-15 10:00"]);
    // 24 h before 10:00 is 10:00; 25 h before is 09:00 the day before; 26 h is 08:00, moved to 09:00.
    expect(reveals({ venueRevealHours: 26 })).toEqual(["venue-reveal/1d2h m1 2027-03-16 09:00", "venue-reveal/1d2h m2 2027-03-16 09:00"]);
    expect(reveals({ venueRevealHours: 48, invited: false })).toEqual([]);
    // Past reveal times are not planned: whoever says yes later is told at once, by the venues feature.
    expect(reveals({ venueRevealHours: 48, now: new Date("2027-03-16T00:00:00Z") })).toEqual([]);
  });

  it("plans the default policy in the network's zone", () => {
    // 2 h before 10:00 is 08:00, inside the quiet hours (21:00–09:00): it moves to 09:00.
    expect(summary(planReminders(input()))).toEqual([
      "before/7d m1 2027-03-10 10:00",
      "before/7d m2 2027-03-10 10:00",
      "nudge m1 2027-03-12 10:00",
      "nudge m2 2027-03-12 10:00",
      "group-silent c-100 2027-03-12 10:00",
      "before/1d m1 2027-03-16 10:00",
      "before/1d m2 2027-03-16 10:00",
      "group-summary c-100 2027-03-16 10:00",
      "organiser-eve m1 2027-03-16 10:00",
      "before/2h m1 2027-03-17 09:00",
      "before/2h m2 2027-03-17 09:00",
      "checkin-card c-100 2027-03-17 10:00",
    ]);
  });

  it("nudges two days before the deadline and sends organisers a summary at the deadline", () => {
    const plan = planReminders(input({ meeting: { startsAt: START, rsvpDeadline: new Date("2027-03-14T15:00:00Z") } }));
    expect(summary(plan).filter((s) => /nudge|silent|organiser/.test(s))).toEqual([
      "nudge m1 2027-03-12 18:00",
      "nudge m2 2027-03-12 18:00",
      "group-silent c-100 2027-03-12 18:00",
      "organiser-summary m1 2027-03-14 18:00",
      "organiser-eve m1 2027-03-16 10:00",
    ]);
  });

  it("leaves out what is already past: nothing fires late", () => {
    const plan = planReminders(input({ now: new Date("2027-03-16T12:00:00Z") }));
    expect(summary(plan)).toEqual(["before/2h m1 2027-03-17 09:00", "before/2h m2 2027-03-17 09:00", "checkin-card c-100 2027-03-17 10:00"]);
  });

  it("moves DMs out of quiet hours to the morning, never past the meeting; groups are not moved", () => {
    // An evening meeting: 19:30 local; 2h before is 17:30 (fine), 30m offsets are fine too.
    const evening = new Date("2027-03-17T16:30:00Z");
    const night = planReminders(input({ meeting: { startsAt: evening, rsvpDeadline: null }, policy: { ...DEFAULT_POLICY, beforeMinutes: [12 * 60] } }));
    // 12 h before 19:30 is 07:30, inside quiet hours → 09:00 the same morning.
    expect(summary(night).filter((s) => s.startsWith("before"))).toEqual(["before/12h m1 2027-03-17 09:00", "before/12h m2 2027-03-17 09:00"]);
    // A 09:30 meeting: 2 h before is 07:30 → 09:00 would be fine (before 09:30).
    const early = new Date("2027-03-17T06:30:00Z");
    expect(summary(planReminders(input({ meeting: { startsAt: early, rsvpDeadline: null }, members: [{ memberId: 1, organiser: false }] }))).filter((s) => s.includes("/2h"))).toEqual([
      "before/2h m1 2027-03-17 09:00",
    ]);
    // An 08:30 meeting: 09:00 is too late, so the evening before (20:59).
    const dawn = new Date("2027-03-17T05:30:00Z");
    expect(summary(planReminders(input({ meeting: { startsAt: dawn, rsvpDeadline: null }, members: [{ memberId: 1, organiser: false }] }))).filter((s) => s.includes("/2h"))).toEqual([
      "before/2h m1 2027-03-16 20:59",
    ]);
  });

  it("plans the host checklist for the host's contacts as soon as there is a host, attendance only once invited", () => {
    const plan = planReminders(input({ invited: false, hostContacts: [7] }));
    expect(summary(plan)).toEqual([
      "host-checklist/21d m7 2027-02-24 10:00",
      "host-checklist/14d m7 2027-03-03 10:00",
      "host-checklist/10d m7 2027-03-07 10:00",
      "host-checklist/7d m7 2027-03-10 10:00",
      "host-checklist/1d m7 2027-03-16 10:00",
    ].filter((line) => line.split(" ")[2]! > "2027-03-01"));
  });

  it("reads offsets in English and Turkish units and refuses the rest", () => {
    expect(parseOffsets("7d 1d 2h")).toEqual([10080, 1440, 120]);
    expect(parseOffsets("1g, 3sa; 15dk")).toEqual([1440, 180, 15]);
    expect(parseOffsets("30m 1m")).toEqual([30, 1]);
    expect(parseOffsets("2h 2h")).toEqual([120]);
    for (const bad of ["", "7", "7x", "-1d", "0m", "61d", "1d 2d 3d 4d 5d 6d 7d", "yarın"]) expect(parseOffsets(bad)).toBeUndefined();
    expect([10080, 90, 1, 1441].map(formatOffset)).toEqual(["7d", "1h30m", "1m", "1d1m"]);
  });
});

describe("action item reminders", () => {
  const quiet = { quietFrom: 21 * 60, quietUntil: 9 * 60 };
  const iso = (plans: { kind: string; fireAt: Date }[]) => plans.map((p) => `${p.kind} ${p.fireAt.toISOString()}`);

  it("go out at 09:00 in the network's zone two days before and on the due date", () => {
    expect(iso(planActionReminders("2027-04-15", "Europe/Istanbul", quiet, new Date("2027-03-17T12:00:00Z")))).toEqual([
      "action-soon 2027-04-13T06:00:00.000Z",
      "action-due 2027-04-15T06:00:00.000Z",
    ]);
  });

  it("leave out what is already past", () => {
    expect(iso(planActionReminders("2027-04-15", "Europe/Istanbul", quiet, new Date("2027-04-14T00:00:00Z")))).toEqual(["action-due 2027-04-15T06:00:00.000Z"]);
    expect(planActionReminders("2027-04-15", "Europe/Istanbul", quiet, new Date("2027-04-15T07:00:00Z"))).toEqual([]);
  });

  it("wait for the end of quiet hours that reach past 09:00", () => {
    expect(iso(planActionReminders("2027-04-15", "Europe/Istanbul", { quietFrom: 22 * 60, quietUntil: 10 * 60 + 30 }, new Date("2027-03-17T12:00:00Z")))).toEqual([
      "action-soon 2027-04-13T07:30:00.000Z",
      "action-due 2027-04-15T07:30:00.000Z",
    ]);
    expect(iso(planActionReminders("2027-04-15", "Europe/Istanbul", { quietFrom: 0, quietUntil: 0 }, new Date("2027-03-17T12:00:00Z")))[0]).toBe("action-soon 2027-04-13T06:00:00.000Z");
  });

  it("plan nothing for a date that cannot be read", () => {
    expect(planActionReminders("2027-02-31", "Europe/Istanbul", quiet, new Date("2027-01-01T00:00:00Z"))).toEqual([]);
  });
});
