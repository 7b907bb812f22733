import { createHash } from "node:crypto";
import { Prisma, type Network, type PrismaClient } from "../../db/client.ts";
import type { OutboxMessage } from "../../db/generated/client.ts";
import { hostContacts } from "../../domain/rotation.ts";
import { outsideQuietHours, PLANNED_KINDS, planReminders, planTaskFollowUp, TASK_CHECKIN_DAYS, TASK_SUMMARY_DAYS, type ReminderPolicy } from "../../domain/reminders.ts";
import type { AuditService } from "../audit/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { lockMeeting } from "../../db/meeting-lock.ts";
import { audienceKey } from "../../outbox/audience.ts";
import type { OutboxKind } from "../../outbox/kinds.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import type { Payload } from "../../outbox/types.ts";
import { addLogFields } from "../../logger.ts";

/** A reminder is an outbox row the planner wrote: its key starts with `reminder:`. */
export type Reminder = OutboxMessage;

/** Every reminder's dedupe key starts with this; `/reminders` and the network export list them. */
export const REMINDER_PREFIX = "reminder:";
/** A reminder's dedupe key: one per meeting, kind, offset and tag (its audience, or what it is about). */
export const reminderKey = (meetingId: number, kind: string, offsetMinutes: number, tag: string): string => `${REMINDER_PREFIX}${meetingId}:${kind}:${offsetMinutes}:${tag}`;

/**
 * A one-off reminder's tag names it within its meeting and kind; it is also where it goes,
 * except for an action item's (`action:<entry>:member:<id>` goes to the member, about the entry).
 */
function columnsOf(tag: string): { audience: string; payload: Payload } {
  const action = /^action:(\d+):(member:\d+)$/.exec(tag);
  if (action) return { audience: action[2]!, payload: { entryId: Number(action[1]) } };
  return { audience: tag, payload: {} };
}

export function policyOf(network: Network, meeting: { reminderOffsets: number[] }): ReminderPolicy {
  return {
    beforeMinutes: meeting.reminderOffsets.length > 0 ? meeting.reminderOffsets : network.reminderOffsets,
    quietFrom: network.quietFrom,
    quietUntil: network.quietUntil,
  };
}

/** What planning needs of a member: the audience, who gets organiser summaries, who the host's contacts are. */
const PLANNING_MEMBER = { id: true, role: true, organisationId: true, isHostContact: true } as const;

interface PlanningNetwork extends Network {
  members: { id: number; role: string; organisationId: number | null; isHostContact: boolean }[];
  chats: { telegramChatId: bigint; topicId: number }[];
}
interface PlanningMeeting {
  id: number;
  status: string;
  startsAt: Date;
  rsvpDeadline: Date | null;
  hostOrganisationId: number | null;
  reminderOffsets: number[];
  venuePrivate: boolean;
}
interface WantedReminder {
  dedupeKey: string;
  kind: OutboxKind;
  offsetMinutes: number;
  audience: string;
  fireAt: Date;
}

/** Every reminder row the meeting should have from now on, keyed as the outbox keys them. */
function wantedReminders(meeting: PlanningMeeting, network: PlanningNetwork, now: Date): WantedReminder[] {
  const hosts = meeting.hostOrganisationId === null ? [] : hostContacts(network.members.filter((m) => m.organisationId === meeting.hostOrganisationId));
  return planReminders({
    meeting,
    invited: meeting.status === "invited",
    zone: network.timeZone,
    policy: policyOf(network, meeting),
    members: network.members.map((m) => ({ memberId: m.id, organiser: m.role === "organiser" })),
    chats: network.chats.map((c) => ({ chatId: c.telegramChatId, topicId: c.topicId })),
    hostContacts: hosts.map((m) => m.id),
    ...(meeting.venuePrivate ? { venueRevealHours: network.venueRevealHours } : {}),
    now,
  }).map((plan) => {
    const audience = audienceKey(plan.audience);
    return { dedupeKey: reminderKey(meeting.id, plan.kind, plan.offsetMinutes, audience), kind: plan.kind as OutboxKind, offsetMinutes: plan.offsetMinutes, audience, fireAt: plan.fireAt };
  }).concat(taskFollowUp(meeting, network, now));
}

/** The check-in fan-out's row of a meeting: one per meeting (the owners' messages are keyed per task). */
export const taskCheckInsKey = (meetingId: number) => reminderKey(meetingId, "task-checkins", TASK_CHECKIN_DAYS * 1440, TASK_CHECKINS_AUDIENCE);
/** The fan-out goes to nobody itself: it writes each owner's message. */
export const TASK_CHECKINS_AUDIENCE = "tasks";

/**
 * Tasks of earlier meetings are followed up before every meeting, invited yet or not: their owners
 * are asked seven days before, the organisers read the answers three days before.
 */
function taskFollowUp(meeting: PlanningMeeting, network: PlanningNetwork, now: Date): WantedReminder[] {
  const plan = planTaskFollowUp({
    startsAt: meeting.startsAt,
    zone: network.timeZone,
    policy: policyOf(network, meeting),
    organisers: network.members.filter((m) => m.role === "organiser").map((m) => m.id),
    now,
  });
  const wanted: WantedReminder[] = [];
  if (plan.checkInsAt) wanted.push({ dedupeKey: taskCheckInsKey(meeting.id), kind: "task-checkins", offsetMinutes: TASK_CHECKIN_DAYS * 1440, audience: TASK_CHECKINS_AUDIENCE, fireAt: plan.checkInsAt });
  for (const summary of plan.summaries) {
    const audience = audienceKey({ kind: "member", memberId: summary.memberId });
    wanted.push({ dedupeKey: reminderKey(meeting.id, "task-summary", TASK_SUMMARY_DAYS * 1440, audience), kind: "task-summary", offsetMinutes: TASK_SUMMARY_DAYS * 1440, audience, fireAt: summary.fireAt });
  }
  return wanted;
}

/** The digest plannedDigests computes in SQL: rows in their keys' byte order, each key with its time in ms; none without rows. */
function planDigest(wanted: readonly WantedReminder[]): string | undefined {
  if (wanted.length === 0) return undefined;
  const byKey = [...wanted].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  return createHash("md5").update(byKey.map((w) => `${w.dedupeKey}@${w.fireAt.getTime()}`).join(",")).digest("hex");
}

export type SetPolicyResult = { kind: "set"; replanned: number } | { kind: "unknown-meeting" } | { kind: "closed" };

/**
 * Plans reminders into the outbox: the database says what is due when, the delivery decides at
 * the last moment whether it still applies. Planning is idempotent and safe to run from several
 * processes at once (a row that exists already is left as it is).
 */
export class ReminderService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /** Brings a meeting's reminders in line with its date, deadline, policy, members and chats. */
  plan(meetingId: number): Promise<number> {
    return this.outbox.transaction((out) => this.planIn(out, meetingId));
  }

  /**
   * The same, inside the transaction of the change that calls for it (a move, a new host, the
   * invitation): the reminders change with it or not at all.
   */
  async planIn(out: OutboxWriter, meetingId: number): Promise<number> {
    // The meeting and its rows are read as one: a move or an invitation committed between the two
    // reads would otherwise be planned back to the old times, or withdrawn as no longer planned.
    if (!(await lockMeeting(out.tx, meetingId))) return 0;
    const meeting = await out.tx.meeting.findUnique({
      where: { id: meetingId },
      include: {
        network: { include: { members: { where: ACTIVE_MEMBER, select: PLANNING_MEMBER }, chats: true } },
        outbox: { where: { dedupeKey: { startsWith: REMINDER_PREFIX } }, select: { id: true, dedupeKey: true, kind: true, notBefore: true, status: true } },
      },
    });
    if (!meeting) return 0;
    if (meeting.status === "cancelled") return this.cancelAllIn(out, meetingId, "meeting cancelled");
    const now = this.clock();
    const wanted = wantedReminders(meeting, meeting.network, now);
    // Only what the planner plans; one-off rows (a host's answer deadline) are left alone.
    const planned = meeting.outbox.filter((r) => PLANNED_KINDS.has(r.kind));
    const existing = new Map(planned.map((r) => [r.dedupeKey, r]));
    const wantedKeys = new Set<string>();
    const fresh = [];
    for (const plan of wanted) {
      wantedKeys.add(plan.dedupeKey);
      const found = existing.get(plan.dedupeKey);
      if (!found) fresh.push({ dedupeKey: plan.dedupeKey, kind: plan.kind, networkId: meeting.networkId, meetingId, audience: plan.audience, offsetMinutes: plan.offsetMinutes, notBefore: plan.fireAt });
      // Already planned for this time, sent or not; withdrawn and wanted again (a member back, an offset set again), re-armed.
      else if (found.notBefore.getTime() !== plan.fireAt.getTime() || (found.status === "cancelled" && plan.fireAt > now)) await out.move(found.id, plan.fireAt);
    }
    // Planned too late for the check-in's own time (a meeting set up or invited within the week):
    // the owners are asked now, once, while the organisers' summary is still ahead.
    const checkIns = taskCheckInsKey(meetingId);
    if (!wantedKeys.has(checkIns) && now.getTime() < meeting.startsAt.getTime() - TASK_SUMMARY_DAYS * 86_400_000) {
      const found = existing.get(checkIns);
      // Now, or when the quiet hours end.
      const askAt = outsideQuietHours(now, meeting.startsAt, meeting.network.timeZone, policyOf(meeting.network, meeting)) ?? now;
      if (!found) fresh.push({ dedupeKey: checkIns, kind: "task-checkins" as const, networkId: meeting.networkId, meetingId, audience: TASK_CHECKINS_AUDIENCE, offsetMinutes: TASK_CHECKIN_DAYS * 1440, notBefore: askAt });
      else if (found.status === "scheduled" && found.notBefore > now) {
        // Still to come (moved earlier, into the week): asked now rather than withdrawn.
        if (found.notBefore > askAt) await out.move(found.id, askAt);
        wantedKeys.add(checkIns);
      }
    }
    await out.write(fresh);
    // One already due is on its way (the delivery re-reads everything); the rest are withdrawn.
    const gone = planned.filter((row) => row.status === "scheduled" && row.notBefore > now && !wantedKeys.has(row.dedupeKey)).map((row) => row.id);
    if (gone.length > 0) await out.withdraw({ id: { in: gone } }, "no longer planned");
    return wanted.length;
  }

  private async scheduleOneIn(out: OutboxWriter, meetingId: number, kind: OutboxKind, tag: string, fireAt: Date): Promise<void> {
    const dedupeKey = reminderKey(meetingId, kind, 0, tag);
    const existing = await out.tx.outboxMessage.findUnique({ where: { dedupeKey } });
    // Asked again for the same time: already on its way or sent, never twice.
    if (existing && existing.notBefore.getTime() === fireAt.getTime() && existing.status !== "cancelled" && existing.status !== "skipped") return;
    if (existing) return out.move(existing.id, fireAt);
    const meeting = await out.tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { networkId: true } });
    await out.write([{ dedupeKey, kind, networkId: meeting.networkId, meetingId, ...columnsOf(tag), notBefore: fireAt }]);
  }

  /**
   * One-off reminders whose tag starts with the prefix become exactly `wanted`, the rest are
   * withdrawn: in the transaction of the change that calls for it.
   */
  async replaceOneOffsIn(out: OutboxWriter, meetingId: number, tagPrefix: string, wanted: { kind: OutboxKind; audience: string; fireAt: Date }[], reason: string): Promise<void> {
    const keep = new Set(wanted.map((w) => reminderKey(meetingId, w.kind, 0, w.audience)));
    const rows = await out.tx.outboxMessage.findMany({ where: { meetingId, status: "scheduled", dedupeKey: { startsWith: REMINDER_PREFIX }, offsetMinutes: 0 }, select: { id: true, dedupeKey: true, kind: true } });
    const gone = rows.filter((row) => row.dedupeKey.startsWith(reminderKey(meetingId, row.kind, 0, tagPrefix)) && !keep.has(row.dedupeKey)).map((row) => row.id);
    if (gone.length > 0) await out.withdraw({ id: { in: gone } }, reason);
    for (const w of wanted) await this.scheduleOneIn(out, meetingId, w.kind, w.audience, w.fireAt);
  }

  /** Every scheduled reminder of the meeting is withdrawn (cancelled), in the transaction of that change. */
  async cancelAllIn(out: OutboxWriter, meetingId: number, reason: string): Promise<number> {
    await out.withdraw({ meetingId, dedupeKey: { startsWith: REMINDER_PREFIX } }, reason);
    return 0;
  }

  /**
   * Planning is idempotent: at start, every meeting ahead is brought in line (members and chats
   * that joined while ortak was down, a planner that changed). A meeting whose rows still to come
   * are already exactly what it would plan is left alone: one digest query for all of them, so a
   * start compares digests instead of reading every row of every meeting into the process.
   * With a network: that network's meetings only, when someone joined it or came back.
   */
  async replanAhead(networkId?: number): Promise<number> {
    const now = this.clock();
    // Planned meetings too: their task check-ins and host checklist are planned before any invitation.
    const ahead = { status: { in: ["planned" as const, "invited" as const] }, endsAt: { gt: now } };
    const networks = await this.prisma.network.findMany({
      where: { ...(networkId === undefined ? {} : { id: networkId }), meetings: { some: ahead } },
      include: { members: { where: ACTIVE_MEMBER, select: PLANNING_MEMBER }, chats: true, meetings: { where: ahead } },
    });
    const stored = await this.plannedDigests(networks.flatMap((network) => network.meetings.map((m) => m.id)), now);
    let replanned = 0;
    for (const network of networks) {
      for (const meeting of network.meetings) {
        if (stored.get(meeting.id) === planDigest(wantedReminders(meeting, network, now))) continue;
        await this.plan(meeting.id);
        replanned++;
      }
    }
    return replanned;
  }

  /** Per meeting, the digest of its planned rows still to come (withdrawn ones aside), as planDigest computes it. */
  private async plannedDigests(meetingIds: number[], now: Date): Promise<Map<number, string>> {
    if (meetingIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ meetingId: number; digest: string }[]>`
      SELECT "meetingId", md5(string_agg("dedupeKey" || '@' || round(extract(epoch FROM "notBefore") * 1000)::bigint, ',' ORDER BY "dedupeKey" COLLATE "C")) AS digest
      FROM "OutboxMessage"
      WHERE "meetingId" IN (${Prisma.join(meetingIds)}) AND kind IN (${Prisma.join([...PLANNED_KINDS])})
        AND "dedupeKey" LIKE ${`${REMINDER_PREFIX}%`} AND status <> 'cancelled' AND "notBefore" > ${now}
      GROUP BY "meetingId"`;
    return new Map(rows.map((row) => [row.meetingId, row.digest]));
  }

  listForMeeting(meetingId: number): Promise<Reminder[]> {
    return this.prisma.outboxMessage.findMany({ where: { meetingId, dedupeKey: { startsWith: REMINDER_PREFIX } }, orderBy: [{ notBefore: "asc" }, { id: "asc" }] });
  }

  /** Sets the network's offsets (every invited meeting ahead is re-planned) or one meeting's. */
  async setPolicy(network: Network, actorId: bigint, offsets: number[], meetingNumber?: number): Promise<SetPolicyResult> {
    const now = this.clock();
    if (meetingNumber !== undefined) {
      const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId: network.id, number: meetingNumber } } });
      if (!meeting) return { kind: "unknown-meeting" };
      addLogFields({ meeting: meetingNumber });
      if (meeting.status === "cancelled" || meeting.endsAt <= now) return { kind: "closed" };
      await this.prisma.$transaction(async (tx) => {
        await tx.meeting.update({ where: { id: meeting.id }, data: { reminderOffsets: offsets } });
        await this.audit.record(tx, { networkId: network.id, actorId, action: "reminders.set", subject: String(meetingNumber), before: { offsets: meeting.reminderOffsets.join(" ") }, after: { offsets: offsets.join(" ") } });
      });
      await this.plan(meeting.id);
      return { kind: "set", replanned: 1 };
    }
    await this.prisma.$transaction(async (tx) => {
      await tx.network.update({ where: { id: network.id }, data: { reminderOffsets: offsets } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "reminders.set", before: { offsets: network.reminderOffsets.join(" ") }, after: { offsets: offsets.join(" ") } });
    });
    const ahead = await this.prisma.meeting.findMany({ where: { networkId: network.id, status: { in: ["planned", "invited"] }, endsAt: { gt: now } }, select: { id: true } });
    for (const meeting of ahead) await this.plan(meeting.id);
    return { kind: "set", replanned: ahead.length };
  }
}
