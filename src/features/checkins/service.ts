import type { PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import type { OutboxEntry } from "../../outbox/types.ts";
import { actionItemOf, type ActionItem, type ActionService } from "../actions/service.ts";
import { refreshCards } from "../invitations/refresh.ts";
import type { CheckInAnswer } from "./callbacks.ts";
import { editCheckInsIn } from "./edits.ts";
import type { SummaryTask } from "./view.ts";

const ENTRY_INCLUDE = {
  ownerOrganisation: true,
  ownerMember: { select: { organisation: { select: { shortName: true } } } },
  minutes: { include: { meeting: { include: { network: true } } } },
} as const;

/** One owner's check-in message about one task before one meeting: never written twice. */
export const checkInKey = (entryId: number, targetMeetingId: number, memberId: number) => `task-checkin:${entryId}:${targetMeetingId}:${memberId}`;

export type CheckInRefusal = "unknown" | "already-done" | "not-owner";

export type CheckInAccess = { kind: "ok"; networkId: number; member: { id: number; organisationId: number | null; role: string; username: string | null } } | { kind: CheckInRefusal };

export type CheckInOutcome = { kind: "answered"; item: ActionItem } | { kind: CheckInRefusal };

/** What a check-in message shows, read from the database. */
export interface CheckInState {
  item: ActionItem;
  target?: { number: number; startsAt: Date; endsAt: Date };
  zone: string;
  /** The owning organisation's short name; null for a task a person owns. */
  organisation: string | null;
  gone: boolean;
}

/** The pressed message: the answer edits it itself, the other check-in messages through the outbox. */
export interface Pressed {
  messageId: number;
}

/**
 * Task check-ins: before each meeting the owners of open tasks of earlier meetings are asked how
 * they stand (done, in progress, blocked with a reason); the answer is recorded on the task, shown
 * wherever tasks are listed, and summed up for the organisers.
 */
export class CheckInService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly actions: ActionService,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {}

  /**
   * The fan-out seven days before meeting `meetingId`: one message to each owner (a person, or
   * each contact of the owning organisation) of every open task of earlier meetings. Written
   * once per task, owner and meeting: running it again (a moved meeting) asks only whoever was
   * not asked yet.
   */
  async oweCheckIns(meetingId: number): Promise<number> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting || meeting.status === "cancelled") return 0;
    const entries = await this.prisma.minutesEntry.findMany({
      where: { kind: "action", deletedAt: null, publishedAt: { not: null }, doneAt: null, minutes: { meeting: { networkId: meeting.networkId, number: { lt: meeting.number } } } },
      orderBy: { id: "asc" },
    });
    const rows: OutboxEntry[] = [];
    for (const entry of entries) {
      for (const memberId of await this.actions.ownerMemberIds(entry, meeting.networkId)) {
        rows.push({
          dedupeKey: checkInKey(entry.id, meeting.id, memberId),
          kind: "task-checkin",
          networkId: meeting.networkId,
          meetingId: meeting.id,
          audience: memberAudience(memberId),
          payload: { entryId: entry.id, targetMeetingId: meeting.id },
        });
      }
    }
    await this.outbox.transaction((out) => out.write(rows));
    return rows.length;
  }

  /**
   * Whether the check-in 30 days after a task's meeting still asks: not when the task was asked
   * already before a later meeting, nor when a later meeting's check-in is still to come.
   */
  async fallbackAsks(entryId: number, networkId: number, taskMeetingNumber: number): Promise<boolean> {
    // A check-in skipped or withdrawn (its meeting cancelled) did not ask.
    const asked = await this.prisma.outboxMessage.count({ where: { kind: "task-checkin", dedupeKey: { startsWith: `task-checkin:${entryId}:` }, status: { in: ["scheduled", "sending", "sent"] } } });
    if (asked > 0) return false;
    const coming = await this.prisma.outboxMessage.count({
      where: { kind: "task-checkins", status: "scheduled", meeting: { networkId, number: { gt: taskMeetingNumber }, status: { not: "cancelled" } } },
    });
    return coming === 0;
  }

  /** The task as a check-in message about it shows it now (also once deleted); undefined if it never was a task. */
  async state(entryId: number, targetMeetingId?: number): Promise<CheckInState | undefined> {
    const entry = await this.prisma.minutesEntry.findUnique({ where: { id: entryId }, include: ENTRY_INCLUDE });
    if (!entry || entry.kind !== "action" || entry.publishedAt === null) return undefined;
    const target = targetMeetingId === undefined ? null : await this.prisma.meeting.findUnique({ where: { id: targetMeetingId }, select: { number: true, startsAt: true, endsAt: true } });
    return {
      item: actionItemOf(entry, entry.minutes.meeting.number),
      ...(target ? { target } : {}),
      zone: entry.minutes.meeting.network.timeZone,
      organisation: entry.ownerOrganisation?.shortName ?? null,
      gone: entry.deletedAt !== null,
    };
  }

  /** The check-in message a person pressed: which meeting it was before (none: the 30-day one). */
  async pressedTarget(entryId: number, memberId: number, messageId: number): Promise<number | undefined> {
    const row = await this.prisma.outboxMessage.findFirst({
      where: { kind: "task-checkin", audience: memberAudience(memberId), status: "sent", AND: [{ payload: { path: ["entryId"], equals: entryId } }, { payload: { path: ["messageId"], equals: messageId } }] },
      select: { payload: true },
    });
    const target = (row?.payload as Record<string, unknown> | undefined)?.targetMeetingId;
    return typeof target === "number" ? target : undefined;
  }

  /**
   * Whether this person may answer for the task now: it exists and is open, and they own it (the
   * named person, or a member of the owning organisation), in a network they still belong to.
   */
  async access(entryId: number, userId: bigint, username: string | null): Promise<CheckInAccess> {
    const entry = await this.prisma.minutesEntry.findUnique({ where: { id: entryId }, include: { minutes: { include: { meeting: true } } } });
    if (!entry || entry.kind !== "action" || entry.deletedAt !== null || entry.publishedAt === null) return { kind: "unknown" };
    const networkId = entry.minutes.meeting.networkId;
    const member = await this.prisma.member.findFirst({ where: { networkId, userId, ...ACTIVE_MEMBER }, select: { id: true, organisationId: true, role: true } });
    const owns =
      member !== null &&
      (entry.ownerMemberId === member.id ||
        (entry.ownerMemberId === null && entry.ownerUsername !== null && username !== null && entry.ownerUsername.toLowerCase() === username.toLowerCase()) ||
        (entry.ownerOrganisationId !== null && entry.ownerOrganisationId === member.organisationId));
    if (!owns) return { kind: "not-owner" };
    if (entry.doneAt) return { kind: "already-done" };
    return { kind: "ok", networkId, member: { ...member, username } };
  }

  /**
   * Records an answer: done closes the task as /done does (the organisers are told); in progress
   * and blocked (with its reason) are kept on it. Cards of meetings ahead and the other check-in
   * messages about it (another contact of the organisation, an earlier check-in) show it.
   */
  async answer(entryId: number, userId: bigint, username: string | null, answer: CheckInAnswer, reason: string | null, pressed: Pressed): Promise<CheckInOutcome> {
    const access = await this.access(entryId, userId, username);
    if (access.kind !== "ok") return access;
    const { member, networkId } = access;
    const except = { audience: memberAudience(member.id), messageId: pressed.messageId };
    if (answer === "done") {
      const actor = { memberId: member.id, username, organisationId: member.organisationId, organiser: false, userId };
      const result = await this.actions.complete(networkId, entryId, actor, except);
      if (result.kind === "done") return { kind: "answered", item: result.item };
      if (result.kind === "already") return { kind: "already-done" };
      return { kind: result.kind === "unknown" ? "unknown" : "not-owner" };
    }
    const now = this.clock();
    const changed = await this.outbox.transaction(async (out) => {
      const { count } = await out.tx.minutesEntry.updateMany({
        where: { id: entryId, doneAt: null, deletedAt: null },
        data: { progress: answer, blockedReason: answer === "blocked" ? reason : null, progressAt: now, progressBy: userId },
      });
      if (count === 0) return false;
      for (const meeting of await this.actions.meetingsShowingOpenItems(networkId, out.tx)) await refreshCards(out, meeting);
      await editCheckInsIn(out, entryId, except);
      return true;
    });
    if (!changed) return { kind: "already-done" };
    const item = await this.actions.find(entryId);
    return item ? { kind: "answered", item } : { kind: "unknown" };
  }

  /**
   * What the organisers read three days before meeting `meetingId`: the tasks its check-in asked
   * about and every task of earlier meetings still open, each answered or not since it was asked.
   */
  async summary(meetingId: number): Promise<SummaryTask[]> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) return [];
    const asked = await this.prisma.outboxMessage.findMany({ where: { kind: "task-checkin", meetingId, dedupeKey: { startsWith: "task-checkin:" } }, select: { payload: true, createdAt: true } });
    const askedAt = new Map<number, Date>();
    for (const row of asked) {
      const entryId = Number((row.payload as Record<string, unknown>).entryId);
      const known = askedAt.get(entryId);
      if (!known || row.createdAt < known) askedAt.set(entryId, row.createdAt);
    }
    const entries = await this.prisma.minutesEntry.findMany({
      where: {
        kind: "action",
        deletedAt: null,
        publishedAt: { not: null },
        minutes: { meeting: { networkId: meeting.networkId, number: { lt: meeting.number } } },
        OR: [{ doneAt: null }, { id: { in: [...askedAt.keys()] } }],
      },
      include: ENTRY_INCLUDE,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return entries.map((entry) => {
      const since = askedAt.get(entry.id);
      const answered = entry.doneAt !== null || (entry.progressAt !== null && (since === undefined || entry.progressAt >= since));
      return { item: actionItemOf(entry, entry.minutes.meeting.number), answered };
    });
  }
}
