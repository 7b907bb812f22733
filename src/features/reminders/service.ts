import type { Network, PrismaClient } from "../../db/client.ts";
import type { OutboxMessage } from "../../db/generated/client.ts";
import { hostContacts } from "../../domain/rotation.ts";
import { PLANNED_KINDS, planReminders, type ReminderPolicy } from "../../domain/reminders.ts";
import type { AuditService } from "../audit/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { audienceKey } from "../../outbox/audience.ts";
import type { OutboxKind } from "../../outbox/kinds.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import type { Payload } from "../../outbox/types.ts";

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
    const meeting = await out.tx.meeting.findUnique({
      where: { id: meetingId },
      include: { network: { include: { members: { where: ACTIVE_MEMBER, select: { id: true, role: true } }, chats: true } }, outbox: { where: { dedupeKey: { startsWith: REMINDER_PREFIX } } } },
    });
    if (!meeting) return 0;
    if (meeting.status === "cancelled") return this.cancelAllIn(out, meetingId, "meeting cancelled");
    const { network } = meeting;
    const hostContacts = meeting.hostOrganisationId === null ? [] : await this.hostContactIds(out.tx, meeting.hostOrganisationId);
    const now = this.clock();
    const wanted = planReminders({
      meeting,
      invited: meeting.status === "invited",
      zone: network.timeZone,
      policy: policyOf(network, meeting),
      members: network.members.map((m) => ({ memberId: m.id, organiser: m.role === "organiser" })),
      chats: network.chats.map((c) => ({ chatId: c.telegramChatId, topicId: c.topicId })),
      hostContacts,
      now,
    });
    // Only what the planner plans; one-off rows (a host's answer deadline) are left alone.
    const planned = meeting.outbox.filter((r) => PLANNED_KINDS.has(r.kind));
    const existing = new Map(planned.map((r) => [r.dedupeKey, r]));
    const wantedKeys = new Set<string>();
    {
      const fresh = [];
      for (const plan of wanted) {
        const audience = audienceKey(plan.audience);
        const dedupeKey = reminderKey(meetingId, plan.kind, plan.offsetMinutes, audience);
        wantedKeys.add(dedupeKey);
        const found = existing.get(dedupeKey);
        if (!found) fresh.push({ dedupeKey, kind: plan.kind as OutboxKind, networkId: network.id, meetingId, audience, offsetMinutes: plan.offsetMinutes, notBefore: plan.fireAt });
        // Already planned for this time, sent or not; withdrawn and wanted again (a member back, an offset set again), re-armed.
        else if (found.notBefore.getTime() !== plan.fireAt.getTime() || (found.status === "cancelled" && plan.fireAt > now)) await out.move(found.id, plan.fireAt);
      }
      await out.write(fresh);
      // One already due is on its way (the delivery re-reads everything); the rest are withdrawn.
      const gone = planned.filter((row) => row.status === "scheduled" && row.notBefore > now && !wantedKeys.has(row.dedupeKey)).map((row) => row.id);
      if (gone.length > 0) await out.withdraw({ id: { in: gone } }, "no longer planned");
    }
    return wanted.length;
  }

  /** Members who receive the host checklist: the organisation's marked contacts, else all its members. */
  private async hostContactIds(db: Pick<PrismaClient, "member">, organisationId: number): Promise<number[]> {
    const members = await db.member.findMany({ where: { organisationId, ...ACTIVE_MEMBER }, select: { id: true, isHostContact: true } });
    return hostContacts(members).map((m) => m.id);
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

  /** Planning is idempotent: at start, re-planning picks up members and chats that joined while the bot was down. */
  async replanAhead(): Promise<number> {
    const ahead = await this.prisma.meeting.findMany({ where: { status: "invited", endsAt: { gt: this.clock() } }, select: { id: true } });
    for (const meeting of ahead) await this.plan(meeting.id);
    return ahead.length;
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
    const ahead = await this.prisma.meeting.findMany({ where: { networkId: network.id, status: "invited", endsAt: { gt: now } }, select: { id: true } });
    for (const meeting of ahead) await this.plan(meeting.id);
    return { kind: "set", replanned: ahead.length };
  }
}
