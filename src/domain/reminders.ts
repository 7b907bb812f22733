import { DateTime } from "luxon";

/** What a reminder is for; with its audience it names one row of the ledger. */
export type ReminderKind =
  /** To a member who answered yes or maybe, some time before the meeting (DM). */
  | "before"
  /** To each linked chat the day before: date, venue, answers per organisation. */
  | "group-summary"
  /** To a member who has not answered, before the deadline (DM). */
  | "nudge"
  /** To each linked chat at the nudge time: the organisations that have not answered. */
  | "group-silent"
  /** To each organiser at the deadline: the answers per organisation (DM). */
  | "organiser-summary"
  /** To the host's contacts: a preparation step, 21, 14, 7 and 1 days before (DM, with a Done button). */
  | "host-checklist"
  /** To each linked chat at the start: the check-in card. */
  | "checkin-card"
  /** To each organiser the day before (DM): answers per organisation and support needs in totals. */
  | "organiser-eve"
  /** To a member who answered yes, a confidential meeting's venue, the network's reveal hours before the start (DM, protected). */
  | "venue-reveal"
  /** To an action item's owner, two days before it is due (DM, with a Done button). */
  | "action-soon"
  /** To an action item's owner on the morning it is due (DM, with a Done button). */
  | "action-due"
  /** Seven days before a meeting: writes a check-in to each owner of an open task of earlier meetings (silent fan-out). */
  | "task-checkins"
  /** To each organiser three days before a meeting: the tasks' statuses per organisation (DM). */
  | "task-summary"
  /** To an open task's owner 30 days after its meeting, when no next meeting is planned to ask (DM, with status buttons). */
  | "task-checkin";

export const PLANNED_KINDS: ReadonlySet<string> = new Set<ReminderKind>([
  "before",
  "group-summary",
  "nudge",
  "group-silent",
  "organiser-summary",
  "organiser-eve",
  "host-checklist",
  "checkin-card",
  "venue-reveal",
  "task-checkins",
  "task-summary",
]);

/** The host's preparation steps, by days before the meeting. */
export const HOST_CHECKLIST = [
  { item: "venue", days: 21 },
  { item: "access", days: 14 },
  { item: "accessibility", days: 10 },
  { item: "agenda", days: 7 },
  { item: "day-before", days: 1 },
] as const;
export type ChecklistItem = (typeof HOST_CHECKLIST)[number]["item"];

export type Audience = { kind: "member"; memberId: number } | { kind: "chat"; chatId: bigint; topicId: number };

export interface PlannedReminder {
  kind: ReminderKind;
  /** Minutes before the meeting for "before" reminders; 0 for the others. */
  offsetMinutes: number;
  audience: Audience;
  fireAt: Date;
}

export interface ReminderPolicy {
  /** Minutes before the start, for members who answered yes or maybe (default 7d 1d 2h). */
  beforeMinutes: number[];
  /** Quiet hours in the network's zone, minutes after midnight; DMs never fire inside them. */
  quietFrom: number;
  quietUntil: number;
}

export const DEFAULT_POLICY: ReminderPolicy = { beforeMinutes: [7 * 1440, 1440, 120], quietFrom: 21 * 60, quietUntil: 9 * 60 };

const DAY = 1440;
const NUDGE_BEFORE_DEADLINE = 2 * DAY;
const NUDGE_WITHOUT_DEADLINE = 5 * DAY;
const MAX_OFFSETS = 6;
const MAX_OFFSET_MINUTES = 60 * DAY;

export interface PlanInput {
  meeting: { startsAt: Date; rsvpDeadline: Date | null };
  /** Attendance reminders only once the invitation went out; the host checklist as soon as there is a host. */
  invited: boolean;
  /** Members who receive the host checklist (none until a host accepted). */
  hostContacts: number[];
  zone: string;
  policy: ReminderPolicy;
  /** Every member: the processor decides at send time who still qualifies (answered yes, not yet answered...). */
  members: { memberId: number; organiser: boolean }[];
  chats: { chatId: bigint; topicId: number }[];
  /** Set for a confidential venue: hours before the start when members who said yes are told it. */
  venueRevealHours?: number;
  now: Date;
}

/**
 * Every reminder a meeting should have, from the policy and the clock. Times already past are
 * left out (never fired late); DMs that would fall in quiet hours move to the morning, or, if
 * the morning is too late, to the evening before.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { meeting, zone, policy, now } = input;
  const start = meeting.startsAt.getTime();
  const planned: PlannedReminder[] = [];
  // Every member's DM of one kind falls at the same moment: the time zone arithmetic is done once per moment.
  const moved = new Map<number, Date | undefined>();
  const movedOutOfQuietHours = (at: Date) => {
    if (!moved.has(at.getTime())) moved.set(at.getTime(), outsideQuietHours(at, meeting.startsAt, zone, policy));
    return moved.get(at.getTime());
  };
  const add = (kind: ReminderKind, offsetMinutes: number, audience: Audience, at: Date, direct: boolean) => {
    const fireAt = direct ? movedOutOfQuietHours(at) : at;
    // Everything goes out before the meeting, except the check-in card at its very start.
    const beforeStart = kind === "checkin-card" ? fireAt !== undefined && fireAt <= meeting.startsAt : fireAt !== undefined && fireAt < meeting.startsAt;
    if (fireAt && fireAt > now && beforeStart) planned.push({ kind, offsetMinutes, audience, fireAt });
  };
  const minutesBefore = (minutes: number) => new Date(start - minutes * 60_000);

  for (const step of HOST_CHECKLIST) {
    for (const memberId of input.hostContacts) add("host-checklist", step.days * DAY, { kind: "member", memberId }, minutesBefore(step.days * DAY), true);
  }
  if (!input.invited) return planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());

  for (const offset of policy.beforeMinutes) {
    for (const m of input.members) add("before", offset, { kind: "member", memberId: m.memberId }, minutesBefore(offset), true);
  }
  for (const chat of input.chats) add("group-summary", 0, { kind: "chat", ...chat }, minutesBefore(DAY), false);
  for (const m of input.members.filter((member) => member.organiser)) add("organiser-eve", 0, { kind: "member", memberId: m.memberId }, minutesBefore(DAY), true);
  if (input.venueRevealHours !== undefined) {
    const hours = input.venueRevealHours;
    for (const m of input.members) add("venue-reveal", hours * 60, { kind: "member", memberId: m.memberId }, minutesBefore(hours * 60), true);
  }
  for (const chat of input.chats) add("checkin-card", 0, { kind: "chat", ...chat }, meeting.startsAt, false);

  const nudgeAt = meeting.rsvpDeadline ? new Date(meeting.rsvpDeadline.getTime() - NUDGE_BEFORE_DEADLINE * 60_000) : minutesBefore(NUDGE_WITHOUT_DEADLINE);
  for (const m of input.members) add("nudge", 0, { kind: "member", memberId: m.memberId }, nudgeAt, true);
  for (const chat of input.chats) add("group-silent", 0, { kind: "chat", ...chat }, nudgeAt, false);

  if (meeting.rsvpDeadline) {
    for (const m of input.members.filter((member) => member.organiser)) {
      add("organiser-summary", 0, { kind: "member", memberId: m.memberId }, meeting.rsvpDeadline, true);
    }
  }
  return planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

function inQuietHours(local: DateTime, policy: Pick<ReminderPolicy, "quietFrom" | "quietUntil">): boolean {
  const minute = local.hour * 60 + local.minute;
  return policy.quietFrom > policy.quietUntil
    ? minute >= policy.quietFrom || minute < policy.quietUntil
    : minute >= policy.quietFrom && minute < policy.quietUntil;
}

/** The time itself, the end of the quiet hours it falls in (if before `startsAt`), or the evening before. */
export function outsideQuietHours(at: Date, startsAt: Date, zone: string, policy: Pick<ReminderPolicy, "quietFrom" | "quietUntil">): Date | undefined {
  if (policy.quietFrom === policy.quietUntil) return at;
  const local = DateTime.fromJSDate(at, { zone });
  if (!inQuietHours(local, policy)) return at;
  const fromMidnight = (day: DateTime, minutes: number) => day.startOf("day").plus({ minutes });
  let morning = fromMidnight(local, policy.quietUntil);
  if (morning < local) morning = fromMidnight(local.plus({ days: 1 }), policy.quietUntil);
  if (morning.toJSDate() < startsAt) return morning.toJSDate();
  let evening = fromMidnight(local, policy.quietFrom).minus({ minutes: 1 });
  if (evening > local) evening = fromMidnight(local.minus({ days: 1 }), policy.quietFrom).minus({ minutes: 1 });
  return evening.toJSDate();
}

/** Days before the due date each action reminder goes out. */
export const ACTION_REMINDERS = [
  { kind: "action-soon", daysBefore: 2 },
  { kind: "action-due", daysBefore: 0 },
] as const satisfies readonly { kind: ReminderKind; daysBefore: number }[];

const MORNING = 9 * 60;

/**
 * When an action item's owner is reminded: 09:00 in the network's zone (or the end of the quiet
 * hours, if 09:00 falls inside them) two days before and on the due date; times past are left out.
 */
export function planActionReminders(dueDate: string, zone: string, policy: Pick<ReminderPolicy, "quietFrom" | "quietUntil">, now: Date): { kind: ReminderKind; fireAt: Date }[] {
  const due = DateTime.fromISO(dueDate, { zone });
  if (!due.isValid) return [];
  const quiet = policy.quietFrom !== policy.quietUntil && inQuietHours(due.startOf("day").plus({ minutes: MORNING }), policy);
  const minute = quiet ? policy.quietUntil : MORNING;
  return ACTION_REMINDERS.map((r) => ({ kind: r.kind, fireAt: due.minus({ days: r.daysBefore }).startOf("day").plus({ minutes: minute }).toJSDate() })).filter((r) => r.fireAt > now);
}

/** "7d 1d 2h", "30m", "1g 3s 15dk" (Turkish units too) → minutes, largest first; undefined if unreadable. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.trim().toLocaleLowerCase("tr-TR").split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_OFFSETS) return undefined;
  const units: Record<string, number> = { d: DAY, g: DAY, gün: DAY, h: 60, s: 60, sa: 60, saat: 60, m: 1, dk: 1, min: 1 };
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,4})(d|g|gün|h|sa|saat|s|m|dk|min)$/u.exec(part);
    if (!match) return undefined;
    const value = Number(match[1]) * units[match[2]!]!;
    if (value < 1 || value > MAX_OFFSET_MINUTES) return undefined;
    minutes.push(value);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}

/** 10080 → "7d", 90 → "1h30m": how offsets are shown back. */
export function formatOffset(minutes: number): string {
  const days = Math.floor(minutes / DAY);
  const hours = Math.floor((minutes % DAY) / 60);
  const rest = minutes % 60;
  return [days ? `${days}d` : "", hours ? `${hours}h` : "", rest ? `${rest}m` : ""].join("") || "0m";
}

/** Days before a meeting when owners of open tasks of earlier meetings are asked how they stand. */
export const TASK_CHECKIN_DAYS = 7;
/** Days before a meeting when the organisers read the answers. */
export const TASK_SUMMARY_DAYS = 3;
/** Days after a task's meeting when its owner is asked, if no next meeting is planned to ask. */
export const TASK_FALLBACK_DAYS = 30;

export interface TaskFollowUpPlan {
  /** When the owners are asked (the fan-out); undefined when that time is past. */
  checkInsAt: Date | undefined;
  /** When each organiser gets the summary; empty when that time is past. */
  summaries: { memberId: number; fireAt: Date }[];
}

/**
 * The follow-up of tasks before a meeting: the check-in seven days before and the organisers'
 * summary three days before, both moved out of quiet hours as other private reminders are.
 * Times already past are left out.
 */
export function planTaskFollowUp(input: { startsAt: Date; zone: string; policy: Pick<ReminderPolicy, "quietFrom" | "quietUntil">; organisers: number[]; now: Date }): TaskFollowUpPlan {
  const { startsAt, zone, policy, now } = input;
  const at = (days: number) => {
    const fireAt = outsideQuietHours(new Date(startsAt.getTime() - days * DAY * 60_000), startsAt, zone, policy);
    return fireAt && fireAt > now && fireAt < startsAt ? fireAt : undefined;
  };
  const summaryAt = at(TASK_SUMMARY_DAYS);
  return { checkInsAt: at(TASK_CHECKIN_DAYS), summaries: summaryAt ? input.organisers.map((memberId) => ({ memberId, fireAt: summaryAt })) : [] };
}

/**
 * A task's own check-in when no next meeting asks: 30 days after its meeting's day, in the
 * morning (09:00, or the end of the quiet hours if 09:00 falls inside them); undefined when past.
 */
export function planTaskFallback(meetingStart: Date, zone: string, policy: Pick<ReminderPolicy, "quietFrom" | "quietUntil">, now: Date): Date | undefined {
  const day = DateTime.fromJSDate(meetingStart, { zone }).startOf("day").plus({ days: TASK_FALLBACK_DAYS });
  const quiet = policy.quietFrom !== policy.quietUntil && inQuietHours(day.plus({ minutes: MORNING }), policy);
  const fireAt = day.plus({ minutes: quiet ? policy.quietUntil : MORNING }).toJSDate();
  return fireAt > now ? fireAt : undefined;
}
