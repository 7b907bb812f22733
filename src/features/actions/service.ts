import type { MinutesEntry, PrismaClient } from "../../db/client.ts";
import { planActionReminders, planTaskFallback } from "../../domain/reminders.ts";
import type { OutboxKind } from "../../outbox/kinds.ts";
import { hostContacts } from "../../domain/rotation.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReminderService } from "../reminders/service.ts";
import { ACTIVE_MEMBER, currentOrganiserIds, uniqueMemberByUsername } from "../../db/active-member.ts";
import { memberAudience } from "../../outbox/audience.ts";
import { refreshCards } from "../invitations/refresh.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import { editCheckInsIn } from "../checkins/edits.ts";

/** An action item as lists and cards show it. */
export interface ActionItem {
  id: number;
  meetingId: number;
  meetingNumber: number;
  text: string;
  ownerUsername: string | null;
  ownerOrganisation: string | null;
  dueDate: string | null;
  doneAt: Date | null;
  /** What the owner answered at a check-in, or done; "open" when never answered (and in minutes published before check-ins). */
  status?: TaskStatus;
  /** With "blocked": the one line its owner wrote. */
  blockedReason?: string | null;
  /** The organisation it is grouped under: the owning one, or the owner's own (never a person's name). */
  organisation?: string | null;
}

/** A task's status as lists, cards and minutes show it. */
export type TaskStatus = "open" | "in_progress" | "blocked" | "done";

export type CompleteResult =
  | { kind: "done"; item: ActionItem; networkId: number }
  | { kind: "already"; item: ActionItem }
  | { kind: "unknown" }
  | { kind: "not-allowed" };

/** Who a member is, for "my action items": their member id, username and organisation. */
export interface Owner {
  memberId: number;
  username: string | null;
  organisationId: number | null;
}

export const actionAudiencePrefix = (entryId: number) => `action:${entryId}:`;
const actionAudience = (entryId: number, memberId: number) => `${actionAudiencePrefix(entryId)}member:${memberId}`;

/** Reads "action:<entry>:member:<member>" back. */
export function readActionAudience(audience: string): { entryId: number; memberId: number } | undefined {
  const match = /^action:(\d+):member:(\d+)$/.exec(audience);
  return match ? { entryId: Number(match[1]), memberId: Number(match[2]) } : undefined;
}

const LIVE = { kind: "action", deletedAt: null, publishedAt: { not: null } } as const;
const INCLUDE = { ownerOrganisation: true, ownerMember: { select: { organisation: { select: { shortName: true } } } }, minutes: { include: { meeting: true } } } as const;

type EntryRow = Pick<MinutesEntry, "id" | "meetingId" | "text" | "ownerUsername" | "dueDate" | "doneAt"> &
  Partial<Pick<MinutesEntry, "progress" | "blockedReason">> & {
    ownerOrganisation: { shortName: string } | null;
    ownerMember?: { organisation: { shortName: string } | null } | null;
  };

/** Done wins; otherwise what the owner last answered. */
export function taskStatusOf(entry: { doneAt: Date | null; progress?: MinutesEntry["progress"] }): TaskStatus {
  return entry.doneAt ? "done" : (entry.progress ?? "open");
}

/** A minutes entry as an action item of meeting `meetingNumber`. */
export function actionItemOf(entry: EntryRow, meetingNumber: number): ActionItem {
  return {
    id: entry.id,
    meetingId: entry.meetingId,
    meetingNumber,
    text: entry.text,
    ownerUsername: entry.ownerUsername,
    ownerOrganisation: entry.ownerOrganisation?.shortName ?? null,
    dueDate: entry.dueDate,
    doneAt: entry.doneAt,
    status: taskStatusOf(entry),
    blockedReason: entry.progress === "blocked" ? (entry.blockedReason ?? null) : null,
    organisation: entry.ownerOrganisation?.shortName ?? entry.ownerMember?.organisation?.shortName ?? null,
  };
}

const toItem = (row: EntryRow & { minutes: { meeting: { number: number } } }) => actionItemOf(row, row.minutes.meeting.number);

/** Action items from published minutes: who owns them, reminders before they are due, closing them. */
export class ActionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly reminders: ReminderService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {}

  now(): Date {
    return this.clock();
  }

  /** Open items of the network, oldest due first; only those from meetings before `beforeNumber` if given. */
  async open(networkId: number, filter: { beforeNumber?: number; owner?: Owner } = {}): Promise<ActionItem[]> {
    const { owner } = filter;
    const rows = await this.prisma.minutesEntry.findMany({
      where: {
        ...LIVE,
        doneAt: null,
        minutes: { meeting: { networkId, ...(filter.beforeNumber !== undefined ? { number: { lt: filter.beforeNumber } } : {}) } },
        ...(owner
          ? {
              OR: [
                { ownerMemberId: owner.memberId },
                ...(owner.username ? [{ ownerUsername: { equals: owner.username, mode: "insensitive" as const } }] : []),
                ...(owner.organisationId !== null ? [{ ownerOrganisationId: owner.organisationId }] : []),
              ],
            }
          : {}),
      },
      include: INCLUDE,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return rows.map(toItem);
  }

  /**
   * The tasks meeting `number` follows up ("Önceki toplantıdan görevler" in its minutes): every
   * open task of earlier meetings, and those done since the meeting before it began.
   */
  async followUp(networkId: number, number: number): Promise<ActionItem[]> {
    const previous = await this.prisma.meeting.findFirst({ where: { networkId, number: { lt: number }, status: { not: "cancelled" } }, orderBy: { number: "desc" }, select: { startsAt: true } });
    const rows = await this.prisma.minutesEntry.findMany({
      where: {
        ...LIVE,
        minutes: { meeting: { networkId, number: { lt: number } } },
        OR: [{ doneAt: null }, ...(previous ? [{ doneAt: { gte: previous.startsAt } }] : [])],
      },
      include: INCLUDE,
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    return rows.map(toItem);
  }

  /** Who an item's reminders go to now: the named person, or the owning organisation's host contacts. */
  async ownerMemberIds(entry: { ownerMemberId: number | null; ownerUsername: string | null; ownerOrganisationId: number | null }, networkId: number, db: Pick<PrismaClient, "member"> = this.prisma): Promise<number[]> {
    if (entry.ownerOrganisationId !== null) {
      const members = await db.member.findMany({ where: { organisationId: entry.ownerOrganisationId, ...ACTIVE_MEMBER }, select: { id: true, isHostContact: true } });
      return hostContacts(members).map((m) => m.id);
    }
    if (entry.ownerMemberId !== null) return [entry.ownerMemberId];
    if (!entry.ownerUsername) return [];
    // Named before the bot knew them: whoever has the username now.
    const member = await uniqueMemberByUsername(db, networkId, entry.ownerUsername);
    return member ? [member.id] : [];
  }

  /** Brings the reminders of a meeting's live action items in line with their owners and due dates. */
  planReminders(meetingId: number): Promise<void> {
    return this.outbox.transaction((out) => this.planRemindersIn(out, meetingId));
  }

  /** The same, in the transaction of the change that calls for it (a publication, an item done). */
  async planRemindersIn(out: OutboxWriter, meetingId: number): Promise<void> {
    const { tx } = out;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { network: true } });
    if (!meeting) return;
    const entries = await tx.minutesEntry.findMany({ where: { meetingId, kind: "action", publishedAt: { not: null } } });
    const now = this.clock();
    for (const entry of entries) {
      const live = entry.deletedAt === null && entry.doneAt === null && entry.dueDate !== null;
      const open = entry.deletedAt === null && entry.doneAt === null;
      const owners = open ? await this.ownerMemberIds(entry, meeting.networkId, tx) : [];
      const times: { kind: OutboxKind; fireAt: Date }[] = live ? planActionReminders(entry.dueDate!, meeting.network.timeZone, meeting.network, now) : [];
      // Asked how it stands 30 days on, unless a next meeting's check-in asks first (decided when it is due).
      const fallback = entry.deletedAt === null && entry.doneAt === null ? planTaskFallback(meeting.startsAt, meeting.network.timeZone, meeting.network, now) : undefined;
      if (fallback) times.push({ kind: "task-checkin", fireAt: fallback });
      const wanted = owners.flatMap((memberId) => times.map((t) => ({ kind: t.kind, audience: actionAudience(entry.id, memberId), fireAt: t.fireAt })));
      await this.reminders.replaceOneOffsIn(out, meetingId, actionAudiencePrefix(entry.id), wanted, open ? "owner or due date changed" : "action closed");
    }
  }

  async find(entryId: number): Promise<(ActionItem & { networkId: number }) | undefined> {
    const row = await this.prisma.minutesEntry.findFirst({ where: { id: entryId, ...LIVE }, include: INCLUDE });
    return row ? { ...toItem(row), networkId: row.minutes.meeting.networkId } : undefined;
  }


  /**
   * Closes an item: its owner (the person, or a member of the owning organisation) or an
   * organiser may. The other organisers are told privately, through the outbox.
   */
  async complete(networkId: number, entryId: number, actor: Owner & { organiser: boolean; userId: bigint }, pressed?: { audience: string; messageId: number }): Promise<CompleteResult> {
    const row = await this.prisma.minutesEntry.findFirst({ where: { id: entryId, ...LIVE, minutes: { meeting: { networkId } } }, include: INCLUDE });
    if (!row) return { kind: "unknown" };
    const item = toItem(row);
    if (row.doneAt) return { kind: "already", item };
    const owns =
      row.ownerMemberId === actor.memberId ||
      (row.ownerUsername !== null && actor.username !== null && row.ownerUsername.toLowerCase() === actor.username.toLowerCase()) ||
      (row.ownerOrganisationId !== null && row.ownerOrganisationId === actor.organisationId);
    if (!owns && !actor.organiser) return { kind: "not-allowed" };
    const now = this.clock();
    const closed = await this.outbox.transaction(async (out) => {
      const { tx } = out;
      const { count } = await tx.minutesEntry.updateMany({ where: { id: entryId, doneAt: null }, data: { doneAt: now, doneBy: actor.userId } });
      if (count === 0) return false;
      await this.audit.record(tx, { networkId, actorId: actor.userId, action: "action.done", subject: String(entryId), after: { text: row.text } });
      await out.write(
        (await currentOrganiserIds(tx, networkId, actor.userId)).map((organiserId) => ({
          dedupeKey: `action-organisers:${entryId}:${now.getTime()}:${organiserId}`,
          kind: "action-organisers" as const,
          networkId,
          meetingId: row.meetingId,
          audience: memberAudience(organiserId),
          payload: { entryId, doneAt: now.getTime() },
        })),
      );
      // The cards of meetings ahead list open items: they lose this one.
      for (const meeting of await this.meetingsShowingOpenItems(networkId, tx)) await refreshCards(out, meeting);
      // Its reminders are withdrawn; check-in messages about it say it is done (the one pressed is edited by the press).
      await this.planRemindersIn(out, row.meetingId);
      await editCheckInsIn(out, entryId, pressed);
      return true;
    });
    if (!closed) return { kind: "already", item };
    return { kind: "done", item: { ...item, doneAt: now }, networkId };
  }

  /** Invited meetings still ahead: their cards list the open items and change when one closes. */
  /** Invited meetings ahead: their cards list the network's open items. */
  meetingsShowingOpenItems(networkId: number, db: Pick<PrismaClient, "meeting"> = this.prisma): Promise<{ id: number; networkId: number }[]> {
    return db.meeting.findMany({ where: { networkId, status: "invited", endsAt: { gt: this.clock() } }, select: { id: true, networkId: true } });
  }
}
