import { Prisma, type PrismaClient } from "../../db/client.ts";
import { emptyTotals, isTextNeed, readNeedTotals, sumNeeds, type NeedTotals, type StatedNeed, type SupportNeedKind } from "../../domain/support-needs.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/** How long after a meeting its members' needs are kept; then only the totals stay (Meeting.needTotals). */
export const NEEDS_KEPT_DAYS = 30;

export interface NeedsMeeting {
  id: number;
  number: number;
  networkId: number;
}

/** Why a member may not state needs for a meeting now. */
export type NeedsRefusal = "unknown-meeting" | "cancelled" | "over" | "not-member" | "not-answered" | "answered-no";

export type NeedsAccess = { kind: "ok"; meeting: NeedsMeeting; memberId: number; needs: StatedNeed[] } | { kind: NeedsRefusal };

/** A toggle's outcome: the state after it, and what it did. */
export type ToggleOutcome =
  | (Extract<NeedsAccess, { kind: "ok" }> & { change: "added" | "removed" })
  /** A text need not stated yet: its text is asked for first. */
  | (Extract<NeedsAccess, { kind: "ok" }> & { change: "ask-text"; need: "interpretation_other" | "diet" })
  | { kind: NeedsRefusal };

const KIND_ORDER = (a: StatedNeed, b: StatedNeed) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind);
const ORDER: readonly SupportNeedKind[] = ["childcare", "transport", "interpretation_tid", "interpretation_kurdish", "interpretation_arabic", "interpretation_other", "accessibility", "diet"];

/**
 * What members need to attend (stated with a yes or maybe), each only about themselves; others see
 * totals only. Needs may change until the meeting starts.
 */
export class NeedsService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {}

  /** The network's meeting with this number, if any. */
  async findMeeting(networkId: number, number: number): Promise<{ id: number } | undefined> {
    return (await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId, number } }, select: { id: true } })) ?? undefined;
  }

  /** A meeting's number, for refusals that name it (0 for one that is gone: their text does not use it). */
  async numberOf(meetingId: number): Promise<number> {
    return (await this.prisma.meeting.findUnique({ where: { id: meetingId }, select: { number: true } }))?.number ?? 0;
  }

  /** Whether this person may state needs for the meeting, and what they stated so far. */
  access(meetingId: number, userId: bigint): Promise<NeedsAccess> {
    return accessIn(this.prisma, meetingId, userId, this.clock());
  }

  /** `/needs <N> <needs…>`: the person's needs become exactly these. */
  replace(meetingId: number, userId: bigint, needs: readonly StatedNeed[]): Promise<NeedsAccess> {
    return this.prisma.$transaction(async (tx) => {
      const access = await accessIn(tx, meetingId, userId, this.clock());
      if (access.kind !== "ok") return access;
      await tx.supportNeed.deleteMany({ where: { meetingId, memberId: access.memberId } });
      await tx.supportNeed.createMany({ data: needs.map((n) => ({ meetingId, memberId: access.memberId, kind: n.kind, detail: isTextNeed(n.kind) ? (n.detail ?? null) : null })) });
      return { ...access, needs: [...needs].sort(KIND_ORDER) };
    });
  }

  /** A toggle button: states the need, or withdraws it; a text need not stated yet asks for its text. */
  toggle(meetingId: number, userId: bigint, kind: SupportNeedKind): Promise<ToggleOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const access = await accessIn(tx, meetingId, userId, this.clock());
      if (access.kind !== "ok") return access;
      const stated = access.needs.some((n) => n.kind === kind);
      if (stated) {
        await tx.supportNeed.deleteMany({ where: { meetingId, memberId: access.memberId, kind } });
        return { ...access, needs: access.needs.filter((n) => n.kind !== kind), change: "removed" as const };
      }
      if (isTextNeed(kind)) return { ...access, change: "ask-text" as const, need: kind };
      await tx.supportNeed.createMany({ data: [{ meetingId, memberId: access.memberId, kind }], skipDuplicates: true });
      return { ...access, needs: [...access.needs, { kind }].sort(KIND_ORDER), change: "added" as const };
    });
  }

  /** The text of a text need (checked by the caller), stated or replaced. */
  setDetail(meetingId: number, userId: bigint, kind: "interpretation_other" | "diet", detail: string): Promise<NeedsAccess> {
    return this.prisma.$transaction(async (tx) => {
      const access = await accessIn(tx, meetingId, userId, this.clock());
      if (access.kind !== "ok") return access;
      await tx.supportNeed.upsert({
        where: { meetingId_memberId_kind: { meetingId, memberId: access.memberId, kind } },
        create: { meetingId, memberId: access.memberId, kind, detail },
        update: { detail },
      });
      return { ...access, needs: [...access.needs.filter((n) => n.kind !== kind), { kind, detail }].sort(KIND_ORDER) };
    });
  }

  /** The totals of a meeting: kept on the meeting once its members' needs were deleted, counted live before. */
  async totals(meetingId: number): Promise<NeedTotals> {
    return (await totalsOfMeetings(this.prisma, [meetingId])).get(meetingId) ?? emptyTotals();
  }
}

/**
 * Members owed the support needs buttons by DM: a yes or maybe, reachable privately, no needs
 * stated, not offered for this meeting yet (an offer skipped because the answer had become "no"
 * is owed again). Written by the card refresh, which every change of an
 * answer re-arms in its own statement: so an offer is never lost to a crash, and once per meeting
 * and member (its key) it is never made twice.
 */
export async function writeOwedOffers(out: OutboxWriter, meetingId: number): Promise<number> {
  // Filtered in the database: every answer re-arms the refresh, and a big meeting's members were mostly offered already.
  // An offer skipped (the answer had become "no" by then) or withdrawn is owed again; one sent, on its way or failed for good is not.
  const owed = await out.tx.$queryRaw<{ memberId: number; networkId: number }[]>`
    SELECT r."memberId", m."networkId"
    FROM "Rsvp" r
    JOIN "Member" m ON m.id = r."memberId"
    JOIN "TelegramUser" u ON u.id = m."userId"
    WHERE r."meetingId" = ${meetingId} AND r.status IN ('yes', 'maybe') AND m."leftAt" IS NULL AND u."dmReachable"
      AND NOT EXISTS (SELECT 1 FROM "SupportNeed" n WHERE n."meetingId" = r."meetingId" AND n."memberId" = r."memberId")
      AND NOT EXISTS (
        SELECT 1 FROM "OutboxMessage" o
        WHERE o."dedupeKey" = 'needs-offer:' || r."meetingId"::text || ':' || r."memberId"::text AND o.status IN ('scheduled', 'sending', 'sent', 'failed')
      )`;
  for (const { memberId, networkId } of owed) {
    await out.rearm({ dedupeKey: offerKey(meetingId, memberId), kind: "needs-offer", networkId, meetingId, audience: memberAudience(memberId) });
  }
  return owed.length;
}

const offerKey = (meetingId: number, memberId: number) => `needs-offer:${meetingId}:${memberId}`;


async function accessIn(db: Db, meetingId: number, userId: bigint, now: Date): Promise<NeedsAccess> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, number: true, networkId: true, status: true, startsAt: true } });
  if (!meeting) return { kind: "unknown-meeting" };
  if (meeting.status === "cancelled") return { kind: "cancelled" };
  if (meeting.status === "held" || meeting.startsAt <= now) return { kind: "over" };
  const member = await db.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId } }, select: { id: true, leftAt: true } });
  if (!member || member.leftAt) return { kind: "not-member" };
  const rsvp = await db.rsvp.findUnique({ where: { meetingId_memberId: { meetingId, memberId: member.id } }, select: { status: true } });
  if (!rsvp) return { kind: "not-answered" };
  if (rsvp.status === "no") return { kind: "answered-no" };
  const needs = await db.supportNeed.findMany({ where: { meetingId, memberId: member.id }, select: { kind: true, detail: true } });
  return { kind: "ok", meeting: { id: meeting.id, number: meeting.number, networkId: meeting.networkId }, memberId: member.id, needs: needs.map(needOf).sort(KIND_ORDER) };
}

function needOf(row: { kind: SupportNeedKind; detail: string | null }): StatedNeed {
  return isTextNeed(row.kind) && row.detail !== null ? { kind: row.kind, detail: row.detail } : { kind: row.kind };
}

/** Needs of members whose answer is yes or maybe now (a waitlisted yes included); nobody else counts. */
type NeedRow = { meetingId: number; memberId: number; kind: SupportNeedKind; detail: string | null };

function attendingNeeds(db: Db, meetingIds: readonly number[]): Promise<NeedRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<NeedRow[]>`
    SELECT n."meetingId", n."memberId", n.kind::text AS kind, n.detail
    FROM "SupportNeed" n
    JOIN "Rsvp" r ON r."meetingId" = n."meetingId" AND r."memberId" = n."memberId"
    WHERE n."meetingId" IN (${Prisma.join(meetingIds)}) AND r.status IN ('yes', 'maybe')
    ORDER BY n.id`;
}

/** Totals per meeting: those kept on the meeting where there are, else counted from the needs now. */
export async function totalsOfMeetings(db: Db, meetingIds: readonly number[]): Promise<Map<number, NeedTotals>> {
  const totals = new Map<number, NeedTotals>();
  if (meetingIds.length === 0) return totals;
  const meetings = await db.meeting.findMany({ where: { id: { in: [...meetingIds] } }, select: { id: true, needTotals: true } });
  const live: number[] = [];
  for (const m of meetings) {
    const kept = m.needTotals === null ? undefined : readNeedTotals(m.needTotals);
    if (kept) totals.set(m.id, kept);
    else live.push(m.id);
  }
  const rows = await attendingNeeds(db, live);
  for (const id of live) totals.set(id, sumNeeds(rows.filter((r) => r.meetingId === id).map(needOf)));
  return totals;
}

/**
 * Nightly: meetings that ended more than NEEDS_KEPT_DAYS ago (and `alsoMeetingIds`, whose answers
 * are about to become anonymous) keep their totals on the meeting, and their members' needs are
 * deleted. Idempotent: a meeting without needs left is not touched.
 */
export async function retireSupportNeeds(tx: Prisma.TransactionClient, now: Date, alsoMeetingIds: readonly number[] = []): Promise<{ meetings: number; needs: number }> {
  const cutoff = new Date(now.getTime() - NEEDS_KEPT_DAYS * 86_400_000);
  const due = await tx.meeting.findMany({
    where: { OR: [{ endsAt: { lt: cutoff } }, { id: { in: [...alsoMeetingIds] } }], supportNeeds: { some: {} } },
    select: { id: true },
  });
  const ids = due.map((m) => m.id);
  if (ids.length === 0) return { meetings: 0, needs: 0 };
  // Counted before anything is deleted (totals kept earlier stay as they are).
  const counted = await totalsOfMeetings(tx, ids);
  for (const [meetingId, totals] of counted) {
    await tx.meeting.update({ where: { id: meetingId }, data: { needTotals: totals as unknown as Prisma.InputJsonObject } });
  }
  const deleted = await tx.supportNeed.deleteMany({ where: { meetingId: { in: ids } } });
  return { meetings: ids.length, needs: deleted.count };
}
