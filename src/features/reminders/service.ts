import { Prisma, type Network, type PrismaClient } from "../../db/client.ts";
import type { Reminder } from "../../db/generated/client.ts";
import { hostContacts } from "../../domain/rotation.ts";
import { PLANNED_KINDS, planReminders, type Audience, type ReminderPolicy } from "../../domain/reminders.ts";
import type { Logger } from "../../logger.ts";
import { reminderJobId, type ReminderTransport } from "../../../jobs/reminders.ts";
import type { AuditService } from "../audit/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";

export type { Reminder };

/** How late a reminder may still go out after the bot was down when it fell due. */
export const GRACE_MS = 30 * 60_000;
/** A claim older than this belongs to a worker that died mid-send: the reminder goes out again. */
const STALE_CLAIM_MS = 10 * 60_000;

export function audienceKey(audience: Audience): string {
  return audience.kind === "member" ? `member:${audience.memberId}` : `chat:${audience.chatId}:${audience.topicId}`;
}

export function readAudience(key: string): Audience | undefined {
  const member = /^member:(\d+)$/.exec(key);
  if (member) return { kind: "member", memberId: Number(member[1]) };
  const chat = /^chat:(-?\d+):(\d+)$/.exec(key);
  if (chat) return { kind: "chat", chatId: BigInt(chat[1]!), topicId: Number(chat[2]) };
  return undefined;
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
 * The reminder ledger: the database says what is due when; BullMQ jobs only carry it. Planning
 * is idempotent (run it as often as you like), and start-up reconciles the queue with the ledger.
 */
export class ReminderService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly transport: ReminderTransport,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Brings a meeting's reminders in line with its date, deadline, policy, members and chats. */
  async plan(meetingId: number): Promise<number> {
    const meeting = await this.prisma.meeting.findUnique({
      where: { id: meetingId },
      include: { network: { include: { members: { where: ACTIVE_MEMBER, select: { id: true, role: true } }, chats: true } }, reminders: true },
    });
    if (!meeting) return 0;
    if (meeting.status === "cancelled") return this.cancelAll(meetingId, "meeting cancelled");
    const { network } = meeting;
    const hostContacts = meeting.hostOrganisationId === null ? [] : await this.hostContactIds(meeting.hostOrganisationId);
    const wanted = planReminders({
      meeting,
      invited: meeting.status === "invited",
      zone: network.timeZone,
      policy: policyOf(network, meeting),
      members: network.members.map((m) => ({ memberId: m.id, organiser: m.role === "organiser" })),
      chats: network.chats.map((c) => ({ chatId: c.telegramChatId, topicId: c.topicId })),
      hostContacts,
      now: this.clock(),
    });
    const keyOf = (r: { kind: string; offsetMinutes: number; audience: string }) => `${r.kind}|${r.offsetMinutes}|${r.audience}`;
    // Only what the planner plans; one-off rows (a host's answer deadline) are left alone.
    const planned = meeting.reminders.filter((r) => PLANNED_KINDS.has(r.kind));
    const existing = new Map(planned.map((r) => [keyOf(r), r]));
    const wantedKeys = new Set<string>();
    const fresh: { meetingId: number; kind: string; offsetMinutes: number; audience: string; fireAt: Date }[] = [];
    for (const plan of wanted) {
      const row = { kind: plan.kind, offsetMinutes: plan.offsetMinutes, audience: audienceKey(plan.audience) };
      wantedKeys.add(keyOf(row));
      const found = existing.get(keyOf(row));
      if (!found) fresh.push({ meetingId, ...row, fireAt: plan.fireAt });
      // Already planned for this time, sent or not. (A job Redis lost is restored by reconcile.)
      else if (found.fireAt.getTime() !== plan.fireAt.getTime()) await this.move(found, plan.fireAt);
    }
    // New rows in one statement, their job ids in another, their jobs in one Redis round trip.
    if (fresh.length > 0) {
      const created = await this.prisma.reminder.createManyAndReturn({ data: fresh, select: { id: true, fireAt: true } });
      await this.prisma.$executeRaw`
        UPDATE "Reminder" SET "jobId" = 'r' || id || '-' || (EXTRACT(EPOCH FROM "fireAt") * 1000)::bigint
        WHERE id IN (${Prisma.join(created.map((r) => r.id))})`;
      await this.transport.addNew(created);
    }
    const now = this.clock();
    for (const row of planned) {
      // One already due is on its way (its job re-reads everything); the rest are withdrawn.
      if (row.status === "scheduled" && row.fireAt > now && !wantedKeys.has(keyOf(row))) await this.settle(row, "cancelled", "no longer planned");
    }
    return wanted.length;
  }

  /** A reminder whose time changed: back to scheduled at the new time, with a new job. */
  private async move(previous: Reminder, fireAt: Date) {
    if (previous.jobId) await this.transport.remove(previous.jobId);
    const moved = { id: previous.id, fireAt };
    await this.prisma.reminder.update({
      where: { id: previous.id },
      data: { fireAt, jobId: reminderJobId(moved), status: "scheduled", sentAt: null, claimedAt: null, reason: null },
    });
    await this.transport.ensure(moved);
  }

  /** Members who receive the host checklist: the organisation's marked contacts, else all its members. */
  private async hostContactIds(organisationId: number): Promise<number[]> {
    const members = await this.prisma.member.findMany({ where: { organisationId, ...ACTIVE_MEMBER }, select: { id: true, isHostContact: true } });
    return hostContacts(members).map((m) => m.id);
  }

  /** A one-off reminder outside the planner (a host's answer deadline), in the same ledger. */
  async scheduleOne(meetingId: number, kind: string, audience: string, fireAt: Date): Promise<void> {
    const key = { meetingId, kind, offsetMinutes: 0, audience };
    const existing = await this.prisma.reminder.findUnique({ where: { meetingId_kind_offsetMinutes_audience: key } });
    // Asked again for the same time: already on its way or sent, never twice.
    if (existing && existing.fireAt.getTime() === fireAt.getTime() && existing.status !== "cancelled" && existing.status !== "skipped") return;
    const stored = await this.prisma.reminder.upsert({
      where: { meetingId_kind_offsetMinutes_audience: key },
      create: { ...key, fireAt },
      update: { fireAt, status: "scheduled", sentAt: null, claimedAt: null, reason: null },
    });
    const jobId = reminderJobId(stored);
    await this.prisma.reminder.update({ where: { id: stored.id }, data: { jobId } });
    await this.transport.ensure(stored);
  }

  async cancelOne(meetingId: number, kind: string, audience: string): Promise<void> {
    const row = await this.prisma.reminder.findUnique({ where: { meetingId_kind_offsetMinutes_audience: { meetingId, kind, offsetMinutes: 0, audience } } });
    if (row?.status === "scheduled") await this.settle(row, "cancelled", "answered");
  }

  /** One-off reminders whose audience starts with the prefix become exactly `wanted`: the rest are withdrawn. */
  async replaceOneOffs(meetingId: number, audiencePrefix: string, wanted: { kind: string; audience: string; fireAt: Date }[], reason: string): Promise<void> {
    const keep = new Set(wanted.map((w) => `${w.kind}|${w.audience}`));
    const rows = await this.prisma.reminder.findMany({ where: { meetingId, status: "scheduled", audience: { startsWith: audiencePrefix } } });
    for (const row of rows) if (!keep.has(`${row.kind}|${row.audience}`)) await this.settle(row, "cancelled", reason);
    for (const w of wanted) await this.scheduleOne(meetingId, w.kind, w.audience, w.fireAt);
  }

  /** Every scheduled reminder of the meeting is withdrawn (cancelled, or no longer invited). */
  async cancelAll(meetingId: number, reason: string): Promise<number> {
    const rows = await this.prisma.reminder.findMany({ where: { meetingId, status: "scheduled" } });
    for (const row of rows) await this.settle(row, "cancelled", reason);
    return 0;
  }

  private async settle(row: Reminder, status: "cancelled" | "skipped", reason: string) {
    await this.prisma.reminder.updateMany({ where: { id: row.id, status: "scheduled" }, data: { status, reason } });
    if (row.jobId) await this.transport.remove(row.jobId);
  }

  /**
   * On start: every future reminder has its job even if Redis lost everything; those that fell
   * due while the bot was down go out if within the grace period and are skipped otherwise.
   */
  async reconcile(): Promise<{ restored: number; skipped: number; reclaimed: number }> {
    const now = this.clock().getTime();
    const reclaimed = await this.prisma.reminder.updateMany({
      where: { status: "sending", claimedAt: { lt: new Date(now - STALE_CLAIM_MS) } },
      data: { status: "scheduled", claimedAt: null },
    });
    const rows = await this.prisma.reminder.findMany({ where: { status: "scheduled" } });
    let restored = 0;
    let skipped = 0;
    for (const row of rows) {
      if (row.fireAt.getTime() < now - GRACE_MS) {
        await this.settle(row, "skipped", "fell due while the bot was down");
        this.logger.warn({ reminderId: row.id, fireAt: row.fireAt.toISOString() }, "reminder skipped: missed by more than the grace period");
        skipped++;
        continue;
      }
      if (await this.transport.ensure(row)) restored++;
    }
    // Planning is idempotent: re-planning picks up members and chats that joined since.
    const ahead = await this.prisma.meeting.findMany({ where: { status: "invited", endsAt: { gt: new Date(now) } }, select: { id: true } });
    for (const meeting of ahead) await this.plan(meeting.id);
    return { restored, skipped, reclaimed: reclaimed.count };
  }

  /** Takes the row for sending; false if it was moved, withdrawn, or another worker has it. */
  async claim(reminderId: number, fireAt: Date): Promise<boolean> {
    const { count } = await this.prisma.reminder.updateMany({
      where: { id: reminderId, status: "scheduled", fireAt },
      data: { status: "sending", claimedAt: this.clock() },
    });
    return count === 1;
  }

  /** A claimed reminder could not go out now (Telegram said wait, or an error to retry): back in line. */
  async release(reminderId: number): Promise<void> {
    await this.prisma.reminder.updateMany({ where: { id: reminderId, status: "sending" }, data: { status: "scheduled", claimedAt: null } });
  }

  async finish(reminderId: number, status: "sent" | "skipped" | "cancelled" | "failed", reason?: string): Promise<void> {
    await this.prisma.reminder.update({
      where: { id: reminderId },
      data: { status, reason: reason ?? null, ...(status === "sent" ? { sentAt: this.clock() } : {}) },
    });
  }

  find(reminderId: number) {
    return this.prisma.reminder.findUnique({ where: { id: reminderId }, include: { meeting: { include: { network: true, hostOrganisation: true } } } });
  }

  listForMeeting(meetingId: number): Promise<Reminder[]> {
    return this.prisma.reminder.findMany({ where: { meetingId }, orderBy: [{ fireAt: "asc" }, { id: "asc" }] });
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
