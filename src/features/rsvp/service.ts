import { Prisma, type PrismaClient } from "../../db/client.ts";
import { MAX_PARTY_SIZE, type RsvpStatus } from "../../domain/rsvp-reply.ts";
import { PressBatcher } from "./press-batcher.ts";
import { displayName } from "../../domain/names.ts";
import { lockMeeting } from "../../db/meeting-lock.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import { refreshCards, refreshRows } from "../invitations/refresh.ts";
import { rearmStatement } from "../../outbox/outbox.ts";

export type RsvpSource = "button" | "reply" | "command";

export interface AnonymousAnswers {
  organisation: string | null;
  status: RsvpStatus;
  answers: number;
  people: number;
}

export interface AnswerRequest {
  meetingId: number;
  userId: bigint;
  status: RsvpStatus;
  /** People coming, the member included; undefined keeps an earlier "yes" party (else 1). */
  partySize: number | undefined;
  source: RsvpSource;
}

/** Someone who had been waiting and now has a place. */
export interface Promotion {
  userId: bigint;
  meetingNumber: number;
  partySize: number;
}

export type AnswerOutcome =
  | { kind: "recorded"; status: RsvpStatus; partySize: number; waitlisted: boolean; position?: number; promoted: Promotion[] }
  | { kind: "unknown-meeting" }
  | { kind: "cancelled" }
  | { kind: "closed" }
  | { kind: "not-member" }
  | { kind: "bad-party-size" }
  /** A confirmed member asked for more places than are left; the earlier answer stands. */
  | { kind: "full"; left: number };

export interface OrganisationTally {
  organisationId: number | null;
  name: string | null;
  yes: number;
  maybe: number;
  no: number;
  /** People coming (confirmed "yes" answers with their party sizes). */
  people: number;
  waitlisted: number;
}

export interface Tally {
  byOrganisation: OrganisationTally[];
  yes: number;
  maybe: number;
  no: number;
  people: number;
  waitlisted: number;
}

export interface RsvpRow {
  memberId: number;
  organisation: string | null;
  member: string;
  username: string | null;
  status: RsvpStatus;
  partySize: number;
  waitlisted: boolean;
  answeredAt: Date;
}

type MeetingState = { id: number; networkId: number; number: number; status: string; startsAt: Date; rsvpDeadline: Date | null; capacity: number | null };

/** Answers to invitations: one per member per meeting, changeable until the deadline. */
export class RsvpService {
  private readonly batcher: PressBatcher<AnswerRequest, AnswerOutcome>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {
    this.batcher = new PressBatcher((requests) => this.answerBatch(requests));
  }

  /**
   * Records an answer. Answers arriving while one is being written are written together in one
   * statement (group commit), so a burst of presses costs a few round trips, not one each.
   */
  answer(request: AnswerRequest): Promise<AnswerOutcome> {
    if (request.partySize !== undefined && !validPartySize(request.partySize)) return Promise.resolve({ kind: "bad-party-size" });
    return this.batcher.submit(request);
  }

  /**
   * The common case in one statement: open meetings without a capacity, callers who are
   * members. Whatever it does not write (capacity, closed, strangers) takes the careful path.
   * The meetings' cards are refreshed in the same statement.
   */
  private async answerBatch(requests: AnswerRequest[]): Promise<AnswerOutcome[]> {
    const now = this.clock();
    // One statement cannot touch a row twice: of several answers by one person, the last wins.
    const keyOf = (r: AnswerRequest) => `${r.meetingId}:${r.userId}`;
    const latest = new Map(requests.map((r) => [keyOf(r), r]));
    const distinct = [...latest.values()];
    // Six arrays rather than six parameters an answer: the statement's text and parameter count
    // stay the same whatever the batch's size, and each parameter costs the drivers a conversion.
    const input = Prisma.sql`SELECT * FROM unnest(
      ${distinct.map((_, i) => i)}::int[], ${distinct.map((r) => r.meetingId)}::int[], ${distinct.map((r) => r.userId.toString())}::bigint[],
      ${distinct.map((r) => r.status)}::text[], ${distinct.map((r) => r.partySize ?? null)}::int[], ${distinct.map((r) => r.source)}::text[])`;
    // A "yes" without a size keeps the size of an earlier "yes" (pressing ✅ after "we are 3").
    // One statement: the answers and the re-armed refresh of their meetings' cards are one write.
    // Outcomes and the cards to refresh come from the accepted rows: an INSERT … ON CONFLICT DO
    // UPDATE writes every row it is given or fails as a whole, and runs whether or not it is read.
    // Matching them to what was written instead made the planner, which cannot count a CTE's rows,
    // compare every pair (and once, look every member up again).
    const result = await this.prisma.$queryRaw<{ seq: number | null; partySize: number | null; armedId: number | null; armedAt: Date | null; armedKind: string | null }[]>`
      WITH input(seq, meeting_id, user_id, status, party_size, source) AS (${input}),
      accepted AS (
        SELECT i.seq, mt.id AS meeting_id, mt."networkId" AS network_id, m.id AS member_id, i.status, i.source,
               COALESCE(i.party_size, CASE WHEN old.status = 'yes' AND i.status = 'yes' THEN old."partySize" ELSE 1 END) AS party_size
        FROM input i
        JOIN "Meeting" mt ON mt.id = i.meeting_id
        JOIN "Member" m ON m."networkId" = mt."networkId" AND m."userId" = i.user_id AND m."leftAt" IS NULL
        LEFT JOIN "Rsvp" old ON old."meetingId" = mt.id AND old."memberId" = m.id
        WHERE mt.status IN ('planned', 'invited') AND mt.capacity IS NULL AND mt."startsAt" > ${now}
          AND (mt."rsvpDeadline" IS NULL OR mt."rsvpDeadline" > ${now})
      ),
      written AS (
        INSERT INTO "Rsvp" AS r ("meetingId", "memberId", status, "partySize", source, "answeredAt", "updatedAt")
        SELECT a.meeting_id, a.member_id, a.status::"RsvpStatus", a.party_size, a.source::"RsvpSource", ${now}, ${now}
        FROM accepted a
        ON CONFLICT ("meetingId", "memberId") DO UPDATE
          SET status = EXCLUDED.status, "partySize" = EXCLUDED."partySize", source = EXCLUDED.source, "updatedAt" = EXCLUDED."updatedAt"
      ),
      touched AS (SELECT DISTINCT meeting_id, network_id FROM accepted),
      armed AS (${rearmStatement(refreshRows(Prisma.sql`touched`, now))})
      SELECT a.seq, a.party_size AS "partySize", NULL::int AS "armedId", NULL::timestamp AS "armedAt", NULL::text AS "armedKind"
      FROM accepted a
      UNION ALL
      SELECT NULL, NULL, a.id, a."notBefore", a.kind FROM armed a`;
    const written = result.filter((row) => row.seq !== null) as { seq: number; partySize: number }[];
    this.outbox.handOver(result.flatMap((row) => (row.armedId !== null && row.armedAt !== null && row.armedKind !== null ? [{ id: row.armedId, notBefore: row.armedAt, kind: row.armedKind }] : [])));
    const writtenSizes = new Map(written.map((row) => [keyOf(distinct[row.seq]!), row.partySize]));
    const outcomes: AnswerOutcome[] = [];
    for (const request of requests) {
      const partySize = writtenSizes.get(keyOf(request));
      // An earlier answer in the same batch was recorded and then replaced by the later one.
      if (partySize !== undefined) outcomes.push({ kind: "recorded", status: request.status, partySize, waitlisted: false, promoted: [] });
      else outcomes.push(await this.answerCarefully(request));
    }
    return outcomes;
  }

  /** One answer in a transaction: explains refusals and keeps the capacity and waitlist exact. */
  private answerCarefully(request: AnswerRequest): Promise<AnswerOutcome> {
    return this.outbox.transaction(async (out) => {
      const { tx } = out;
      // Seats left and the waitlist are read from many rows: one answer per meeting at a time
      // (across processes too), so two presses for the last seat cannot both take it.
      if (!(await lockMeeting(tx, request.meetingId))) return { kind: "unknown-meeting" } as const;
      // Read once the lock is held, so the waitlist's order is the order answers were written in.
      const now = this.clock();
      const meeting = await tx.meeting.findUnique({
        where: { id: request.meetingId },
        select: { id: true, networkId: true, number: true, status: true, startsAt: true, rsvpDeadline: true, capacity: true },
      });
      if (!meeting) return { kind: "unknown-meeting" } as const;
      if (meeting.status === "cancelled") return { kind: "cancelled" } as const;
      if (!isOpen(meeting, now)) return { kind: "closed" } as const;
      const member = await tx.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId: request.userId } } });
      // Someone who left the network's chats no longer answers for it (their DM card stays behind).
      if (!member || member.leftAt) return { kind: "not-member" } as const;
      const existing = await tx.rsvp.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } } });
      const partySize = request.partySize ?? (existing?.status === "yes" && request.status === "yes" ? existing.partySize : 1);
      let waitlistedAt: Date | null = null;
      if (meeting.capacity !== null && request.status === "yes") {
        // Answers of people since forgotten have no member and still take their seats.
        const others = await tx.rsvp.findMany({
          where: { meetingId: meeting.id, status: "yes", OR: [{ memberId: null }, { memberId: { not: member.id } }] },
          include: { member: { select: { leftAt: true } } },
        });
        const confirmed = others.filter((r) => r.waitlistedAt === null).reduce((sum, r) => sum + r.partySize, 0);
        // Only someone still in line holds a newcomer back: one forgotten or gone is never promoted (see promoteWaiting).
        const waiting = others.some((r) => r.waitlistedAt !== null && r.member !== null && r.member.leftAt === null);
        const fits = confirmed + partySize <= meeting.capacity;
        if (existing?.status === "yes" && existing.waitlistedAt === null) {
          if (!fits) return { kind: "full", left: Math.max(0, meeting.capacity - confirmed) } as const;
        } else if (existing?.status === "yes" && existing.waitlistedAt !== null) {
          waitlistedAt = existing.waitlistedAt;
        } else if (!fits || waiting) {
          // Newcomers queue behind those already waiting, even if their party would fit.
          waitlistedAt = now;
        }
      }
      const data = { status: request.status, partySize, source: request.source, waitlistedAt, updatedAt: now };
      await tx.rsvp.upsert({
        where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } },
        create: { meetingId: meeting.id, memberId: member.id, answeredAt: now, ...data },
        update: data,
      });
      const promoted = await promoteWaiting(out, meeting);
      await refreshCards(out, meeting);
      const stillWaiting = waitlistedAt !== null && !promoted.some((p) => p.userId === request.userId);
      const position = stillWaiting
        ? await tx.rsvp.count({ where: { meetingId: meeting.id, status: "yes", waitlistedAt: { not: null, lte: waitlistedAt! } } })
        : undefined;
      return {
        kind: "recorded",
        status: request.status,
        partySize,
        waitlisted: stillWaiting,
        ...(position !== undefined ? { position } : {}),
        promoted: promoted.filter((p) => p.userId !== request.userId),
      } as const;
    });
  }

  /** After the capacity grew: gives freed places to those waiting, in order; each hears it by DM. */
  promoteWaiting(meetingId: number): Promise<Promotion[]> {
    return this.outbox.transaction((out) => promoteInTransaction(out, meetingId));
  }

  /** Counts per organisation, no names: what the invitation card shows. */
  async tally(meetingId: number): Promise<Tally> {
    const rows = await this.prisma.$queryRaw<
      { organisationId: number | null; name: string | null; status: RsvpStatus; waiting: boolean; answers: number; people: number }[]
    >`
      SELECT o.id AS "organisationId", o."shortName" AS name, r.status::text AS status, (r."waitlistedAt" IS NOT NULL) AS waiting,
             COUNT(*)::int AS answers, SUM(r."partySize")::int AS people
      FROM "Rsvp" r
      LEFT JOIN "Member" m ON m.id = r."memberId"
      LEFT JOIN "Organisation" o ON o.id = COALESCE(m."organisationId", r."organisationId")
      WHERE r."meetingId" = ${meetingId}
      GROUP BY o.id, o."shortName", o."rotationPosition", r.status, waiting
      ORDER BY o."rotationPosition" NULLS LAST, o."shortName"`;
    const tally: Tally = { byOrganisation: [], yes: 0, maybe: 0, no: 0, people: 0, waitlisted: 0 };
    for (const row of rows) {
      let entry = tally.byOrganisation.find((o) => o.organisationId === row.organisationId);
      if (!entry) {
        entry = { organisationId: row.organisationId, name: row.name, yes: 0, maybe: 0, no: 0, people: 0, waitlisted: 0 };
        tally.byOrganisation.push(entry);
      }
      if (row.waiting) {
        entry.waitlisted += row.answers;
        tally.waitlisted += row.answers;
        continue;
      }
      entry[row.status] += row.answers;
      tally[row.status] += row.answers;
      if (row.status === "yes") {
        entry.people += row.people;
        tally.people += row.people;
      }
    }
    return tally;
  }

  /** Every answer with names, for organisers; organisation order, then name. Anonymous answers only count. */
  async list(meetingId: number): Promise<RsvpRow[]> {
    const rows = await this.prisma.rsvp.findMany({
      where: { meetingId },
      include: { member: { include: { user: true, organisation: true } } },
    });
    return rows
      .flatMap((r) => (r.member && r.memberId !== null ? [{ ...r, member: r.member, memberId: r.memberId }] : []))
      .map((r) => ({
        memberId: r.memberId,
        organisation: r.member.organisation?.name ?? null,
        position: r.member.organisation?.rotationPosition ?? Number.MAX_SAFE_INTEGER,
        member: displayName(r.member.user),
        username: r.member.user.username,
        status: r.status,
        partySize: r.partySize,
        waitlisted: r.waitlistedAt !== null,
        answeredAt: r.updatedAt,
      }))
      .sort((a, b) => a.position - b.position || a.member.localeCompare(b.member, "tr"))
      .map(({ position: _position, ...row }) => row);
  }

  /**
   * Answers that no longer name anyone (a forgotten person, or past the retention period), per
   * organisation and answer: the organisers' list shows them so its totals add up.
   */
  async anonymousAnswers(meetingId: number): Promise<AnonymousAnswers[]> {
    const groups = await this.prisma.rsvp.groupBy({
      by: ["organisationId", "status"],
      where: { meetingId, memberId: null },
      _count: { _all: true },
      _sum: { partySize: true },
    });
    const organisations = await this.prisma.organisation.findMany({ where: { id: { in: groups.flatMap((g) => (g.organisationId === null ? [] : [g.organisationId])) } } });
    const nameOf = (id: number | null) => organisations.find((o) => o.id === id)?.name ?? null;
    return groups.map((g) => ({ organisation: nameOf(g.organisationId), status: g.status, answers: g._count._all, people: g._sum.partySize ?? 0 }));
  }

  /** Organisations of the network with no answer from any of their members. */
  async silentOrganisations(meetingId: number, networkId: number): Promise<string[]> {
    // An anonymous answer (forgotten person, retention) still means its organisation answered.
    const anonymous = await this.prisma.rsvp.findMany({ where: { meetingId, memberId: null, organisationId: { not: null } }, select: { organisationId: true } });
    const organisations = await this.prisma.organisation.findMany({
      where: { networkId, members: { none: { rsvps: { some: { meetingId } } } }, id: { notIn: anonymous.map((r) => r.organisationId!) } },
      orderBy: { rotationPosition: "asc" },
      select: { name: true },
    });
    return organisations.map((o) => o.name);
  }
}

function validPartySize(size: number): boolean {
  return Number.isInteger(size) && size >= 1 && size <= MAX_PARTY_SIZE;
}

function isOpen(meeting: Pick<MeetingState, "status" | "startsAt" | "rsvpDeadline">, now: Date): boolean {
  if (meeting.status !== "planned" && meeting.status !== "invited") return false;
  if (meeting.startsAt <= now) return false;
  return meeting.rsvpDeadline === null || meeting.rsvpDeadline > now;
}

/**
 * In the transaction of a change that may free places (a capacity raised): those waiting get
 * them in order, each told by DM, and the cards show it.
 */
export async function promoteInTransaction(out: OutboxWriter, meetingId: number): Promise<Promotion[]> {
  await lockMeeting(out.tx, meetingId);
  const meeting = await out.tx.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting) return [];
  const promoted = await promoteWaiting(out, meeting);
  if (promoted.length > 0) await refreshCards(out, meeting);
  return promoted;
}

/**
 * Strict order: the first in line gets the next place, and nobody overtakes a larger party.
 * Each promoted member is owed a DM, named by their answer and the moment they began waiting.
 */
async function promoteWaiting(out: OutboxWriter, meeting: MeetingState): Promise<Promotion[]> {
  const { tx } = out;
  const yes = await tx.rsvp.findMany({
    where: { meetingId: meeting.id, status: "yes" },
    include: { member: true },
    orderBy: [{ waitlistedAt: "asc" }, { id: "asc" }],
  });
  let taken = yes.filter((r) => r.waitlistedAt === null).reduce((sum, r) => sum + r.partySize, 0);
  const promoted: (Promotion & { memberId: number; key: string })[] = [];
  for (const waiting of yes.filter((r) => r.waitlistedAt !== null)) {
    // Someone who left (or was forgotten) is not coming: they keep their place in line but take no seat.
    if (!waiting.member || waiting.member.leftAt) continue;
    if (meeting.capacity !== null && taken + waiting.partySize > meeting.capacity) break;
    taken += waiting.partySize;
    await tx.rsvp.update({ where: { id: waiting.id }, data: { waitlistedAt: null } });
    const key = `waitlist-promotion:${waiting.id}:${waiting.waitlistedAt!.getTime()}`;
    promoted.push({ userId: waiting.member.userId, memberId: waiting.member.id, meetingNumber: meeting.number, partySize: waiting.partySize, key });
  }
  if (meeting.capacity === null) {
    // No capacity any more: nobody waits, also those who left (they take no seat anyway).
    await tx.rsvp.updateMany({ where: { meetingId: meeting.id, waitlistedAt: { not: null } }, data: { waitlistedAt: null } });
  }
  await out.write(
    promoted.map((p) => ({ dedupeKey: p.key, kind: "waitlist-promotion" as const, networkId: meeting.networkId, meetingId: meeting.id, audience: memberAudience(p.memberId) })),
  );
  return promoted.map(({ userId, meetingNumber, partySize }) => ({ userId, meetingNumber, partySize }));
}
