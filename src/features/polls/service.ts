import { DateTime } from "luxon";
import { Prisma, type Meeting, type Network, type PrismaClient } from "../../db/client.ts";
import type { DatePoll, DatePollCard } from "../../db/generated/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { pollNudgeAt, readPollDraft, suggestCandidate, tallyVotes, type CandidateTally, type PollAnswer, type PollDraftProblem } from "../../domain/date-poll.ts";
import { displayName, type NameProblem } from "../../domain/names.ts";
import { outsideQuietHours } from "../../domain/reminders.ts";
import type { ArmedRow } from "../../../jobs/outbox.ts";
import { addLogFields, silentLogger, type Logger } from "../../logger.ts";
import { chatAudience, memberAudience } from "../../outbox/audience.ts";
import { rearmStatement, type Outbox, type OutboxWriter } from "../../outbox/outbox.ts";
import type { OutboxEntry, Tx } from "../../outbox/types.ts";
import type { ReminderService } from "../reminders/service.ts";
import type { AuditService } from "../audit/service.ts";
import { insertMeeting, readAgenda, readVenue, type AgendaProblem } from "../meetings/service.ts";

export type { DatePoll, DatePollCard };

export type CreatePollResult =
  | { kind: "created"; poll: DatePoll; candidates: Date[]; chats: number; nudgeAt: Date | undefined }
  | { kind: "bad-draft"; problem: PollDraftProblem }
  /** The network has no linked chat: nobody could see the card or vote. */
  | { kind: "no-chats" };

export type VoteRequest = { pollId: number; position: number; userId: bigint; answer: PollAnswer };
export type VoteOutcome = { kind: "recorded"; position: number; answer: PollAnswer } | { kind: "closed" } | { kind: "cancelled" } | { kind: "not-member" } | { kind: "unknown" };

export type ClosePollResult =
  | { kind: "closed"; poll: DatePoll; meeting: Meeting; voters: number }
  | { kind: "unknown-poll" }
  | { kind: "already-closed"; meetingNumber: number | null }
  | { kind: "already-cancelled" }
  | { kind: "bad-position"; count: number }
  | { kind: "candidate-past"; position: number }
  | { kind: "bad-venue"; problem: NameProblem }
  | { kind: "bad-agenda"; problem: AgendaProblem };

export type CancelPollResult = { kind: "cancelled"; poll: DatePoll } | { kind: "unknown-poll" } | { kind: "already-closed"; meetingNumber: number | null } | { kind: "already-cancelled" };

/** Everything a poll's card (and /poll) shows: counts, never names. */
export interface PollView {
  poll: DatePoll;
  network: Network;
  tallies: CandidateTally[];
  suggested: number | undefined;
  /** People who voted on at least one candidate. */
  voters: number;
  /** The meeting /poll_close made, as it is now. */
  meeting: Pick<Meeting, "number" | "startsAt" | "endsAt" | "status"> | null;
  /**
   * Closed or cancelled longer ago than the network's retention period: its votes are deleted
   * (or about to be, tonight), so no count or name of them is shown any more.
   */
  votesRetired: boolean;
}

/** One vote with who cast it: for organisers, privately. */
export interface NamedVote {
  position: number;
  answer: PollAnswer;
  name: string;
  username: string | null;
  organisation: string | null;
}

export interface OpenPoll {
  poll: DatePoll;
  candidates: number;
  voters: number;
  /** Its deadline passed: it takes no more votes and waits for /poll_close. */
  ended: boolean;
}

const POLL_REFRESH_PREFIX = "poll-cards:";
const POLL_AUDIENCE_PREFIX = "poll:";
/** A poll's one pending card refresh: re-arming it coalesces every vote meanwhile. */
export const pollRefreshKey = (pollId: number) => `${POLL_REFRESH_PREFIX}${pollId}`;
/** The refresh at the deadline: the cards lose their buttons then. */
export const pollDeadlineRefreshKey = (pollId: number) => `poll-cards-deadline:${pollId}`;
/** Silent rows go to no one; this names the poll they are about. */
export const pollAudience = (pollId: number) => `${POLL_AUDIENCE_PREFIX}${pollId}`;
export const pollCardPostKey = (pollId: number, audience: string) => `poll-card-post:${pollId}:${audience}`;
export const pollCardEditKey = (cardId: number) => `poll-card-edit:${cardId}`;
export const pollNudgesKey = (pollId: number) => `poll-nudges:${pollId}`;
export const pollNudgeKey = (pollId: number, memberId: number) => `poll-nudge:${pollId}:${memberId}`;
/** An organiser told that the poll's voting ended, with how to close it. */
export const pollEndedKey = (pollId: number, memberId: number) => `poll-ended:${pollId}:${memberId}`;
export const pollResultKey = (pollId: number, memberId: number) => `poll-result:${pollId}:${memberId}`;

/**
 * Every line logged for the rest of the work in progress (an update, a delivery) names the poll
 * by its number, as `meeting` names a meeting.
 */
export function logPoll(number: number): void {
  addLogFields({ poll: number });
}

/** Whether a poll ended (closed or cancelled) more than `months` calendar months before `now`: retention deletes its votes. */
export function pollVotesRetired(poll: Pick<DatePoll, "status" | "closedAt">, months: number, now: Date): boolean {
  if (poll.status === "open" || poll.closedAt === null) return false;
  return poll.closedAt < DateTime.fromJSDate(now, { zone: "utc" }).minus({ months }).toJSDate();
}

type PollState = { id: number; networkId: number; number: number; title: string; status: DatePoll["status"]; deadline: Date | null; meetingId: number | null };

/**
 * Date polls: candidate dates for the next meeting, members' votes, the cards' tallies, and
 * closing a poll into the meeting it chose. Every message besides the direct answer is an outbox
 * row written in the transaction of the change that causes it.
 */
export class DatePollService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
    /** The meeting /poll_close makes is recorded and planned as /meeting_new's is. */
    private readonly audit: AuditService,
    private readonly reminders: Pick<ReminderService, "planIn">,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** The service's clock: whether a poll still takes votes depends on it. */
  now(): Date {
    return this.clock();
  }

  /**
   * /poll_dates: the poll, numbered per network, and in the same transaction a card for every
   * linked chat, the refresh at the deadline and the nudge a day before it. Nothing is written
   * for a refused draft.
   */
  async create(network: Network, actorId: bigint, text: string): Promise<CreatePollResult> {
    const now = this.clock();
    const draft = readPollDraft(text, network.timeZone, DateTime.fromJSDate(now, { zone: network.timeZone }));
    if (!draft.ok) return { kind: "bad-draft", problem: draft.problem };
    const { title, candidates } = draft.value;
    const deadline = draft.value.deadline?.toJSDate();
    const nudgeAt = pollNudgeAt(deadline, network.timeZone, network, now);
    const result = await this.outbox.transaction(async (out): Promise<CreatePollResult> => {
      const { tx } = out;
      // Numbers are taken one at a time per network: two polls created at once get 1 and 2.
      await tx.$queryRaw`SELECT id FROM "Network" WHERE id = ${network.id} FOR NO KEY UPDATE`;
      const chats = await tx.chat.findMany({ where: { networkId: network.id }, select: { telegramChatId: true, topicId: true }, orderBy: { id: "asc" } });
      if (chats.length === 0) return { kind: "no-chats" };
      const last = await tx.datePoll.aggregate({ where: { networkId: network.id }, _max: { number: true } });
      const poll = await tx.datePoll.create({
        data: {
          networkId: network.id,
          number: (last._max.number ?? 0) + 1,
          title,
          deadline: deadline ?? null,
          createdBy: actorId,
          candidates: { create: candidates.map((c, i) => ({ position: i + 1, startsAt: c.toJSDate() })) },
        },
      });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "poll.create", subject: String(poll.number), after: { title, candidates: String(candidates.length) } });
      const about = { networkId: network.id, payload: { pollId: poll.id } };
      const rows: OutboxEntry[] = chats.map((chat) => ({ ...about, dedupeKey: pollCardPostKey(poll.id, chatAudience(chat)), kind: "poll-card-post", audience: chatAudience(chat) }));
      if (deadline) rows.push({ ...about, dedupeKey: pollDeadlineRefreshKey(poll.id), kind: "poll-card-refresh", audience: pollAudience(poll.id), notBefore: deadline });
      if (nudgeAt) rows.push({ ...about, dedupeKey: pollNudgesKey(poll.id), kind: "poll-nudges", audience: pollAudience(poll.id), notBefore: nudgeAt });
      if (deadline) {
        // The organisers hear at the deadline (or when the quiet hours end) that a date can be chosen.
        const earliest = new Date(Math.min(...candidates.map((c) => c.toMillis())));
        const tellAt = outsideQuietHours(deadline, earliest, network.timeZone, network) ?? deadline;
        const organisers = await tx.member.findMany({ where: { networkId: network.id, role: "organiser", ...ACTIVE_MEMBER }, select: { id: true } });
        rows.push(...organisers.map((m) => ({ ...about, dedupeKey: pollEndedKey(poll.id, m.id), kind: "poll-ended" as const, audience: memberAudience(m.id), notBefore: tellAt })));
      }
      await out.write(rows);
      return { kind: "created", poll, candidates: candidates.map((c) => c.toJSDate()), chats: chats.length, nudgeAt };
    });
    if (result.kind === "created") {
      logPoll(result.poll.number);
      this.logger.info({ networkId: network.id, candidates: candidates.length }, "date poll created");
    }
    return result;
  }

  /** The poll a card message belongs to, or undefined if that message is not a poll card. */
  async pollOfMessage(chatId: number, messageId: number): Promise<number | undefined> {
    const card = await this.prisma.datePollCard.findUnique({ where: { telegramChatId_messageId: { telegramChatId: BigInt(chatId), messageId } }, select: { pollId: true } });
    return card?.pollId;
  }

  /**
   * A member's answer to one candidate, changeable while the poll is open and its deadline has
   * not come. The poll's row is shared-locked, so a vote and a /poll_close are ordered: a vote
   * either counts (and its voter hears the result) or is refused as too late.
   */
  vote(request: VoteRequest): Promise<VoteOutcome> {
    return this.outbox.transaction(async (out): Promise<VoteOutcome> => {
      const { tx } = out;
      const [poll] = await tx.$queryRaw<PollState[]>`
        SELECT id, "networkId", number, title, status::text AS status, deadline, "meetingId" FROM "DatePoll" WHERE id = ${request.pollId} FOR SHARE`;
      if (!poll) return { kind: "unknown" };
      logPoll(poll.number);
      if (poll.status === "cancelled") return { kind: "cancelled" };
      if (poll.status !== "open" || (poll.deadline !== null && poll.deadline <= this.clock())) return { kind: "closed" };
      const member = await tx.member.findUnique({ where: { networkId_userId: { networkId: poll.networkId, userId: request.userId } }, select: { id: true, leftAt: true } });
      if (!member || member.leftAt) return { kind: "not-member" };
      const candidate = await tx.datePollCandidate.findUnique({ where: { pollId_position: { pollId: poll.id, position: request.position } }, select: { id: true } });
      if (!candidate) return { kind: "unknown" };
      const now = this.clock();
      await tx.datePollVote.upsert({
        where: { candidateId_memberId: { candidateId: candidate.id, memberId: member.id } },
        create: { candidateId: candidate.id, memberId: member.id, answer: request.answer, updatedAt: now },
        update: { answer: request.answer, updatedAt: now },
      });
      await refreshPollCards(out, poll);
      return { kind: "recorded", position: request.position, answer: request.answer };
    });
  }

  /** The poll by its number in the network; the work in progress is about it from now on, in the logs. */
  async find(networkId: number, number: number): Promise<DatePoll | null> {
    const poll = await this.prisma.datePoll.findUnique({ where: { networkId_number: { networkId, number } } });
    if (poll) logPoll(poll.number);
    return poll;
  }

  /** The open polls of a network (those past their deadline too, until closed), oldest first. */
  async openPolls(networkId: number): Promise<OpenPoll[]> {
    const polls = await this.prisma.datePoll.findMany({ where: { networkId, status: "open" }, include: { _count: { select: { candidates: true } } }, orderBy: { number: "asc" } });
    const voters = await this.votersPerPoll(polls.map((p) => p.id));
    const now = this.clock();
    return polls.map(({ _count, ...poll }) => ({ poll, candidates: _count.candidates, voters: voters.get(poll.id) ?? 0, ended: poll.deadline !== null && poll.deadline <= now }));
  }

  private async votersPerPoll(pollIds: number[]): Promise<Map<number, number>> {
    if (pollIds.length === 0) return new Map();
    const votes = await this.prisma.datePollVote.findMany({ where: { candidate: { pollId: { in: pollIds } } }, select: { memberId: true, candidate: { select: { pollId: true } } } });
    const people = new Map<number, Set<number>>();
    for (const vote of votes) {
      const set = people.get(vote.candidate.pollId) ?? new Set<number>();
      set.add(vote.memberId);
      people.set(vote.candidate.pollId, set);
    }
    return new Map([...people].map(([pollId, set]) => [pollId, set.size]));
  }

  /** What the cards and /poll show, as the database says now. */
  async view(pollId: number): Promise<PollView | undefined> {
    const poll = await this.prisma.datePoll.findUnique({
      where: { id: pollId },
      include: {
        network: true,
        meeting: { select: { number: true, startsAt: true, endsAt: true, status: true } },
        candidates: { select: { position: true, startsAt: true }, orderBy: { position: "asc" } },
      },
    });
    if (!poll) return undefined;
    const votes = await this.prisma.datePollVote.findMany({
      where: { candidate: { pollId } },
      select: { memberId: true, answer: true, candidate: { select: { position: true } }, member: { select: { organisationId: true } } },
    });
    const tallies = tallyVotes(
      poll.candidates,
      votes.map((v) => ({ position: v.candidate.position, memberId: v.memberId, organisationId: v.member.organisationId, answer: v.answer })),
    );
    const { network, meeting, candidates: _candidates, ...plain } = poll;
    const votesRetired = pollVotesRetired(plain, network.retentionMonths, this.clock());
    return { poll: plain, network, tallies, suggested: suggestCandidate(tallies), voters: new Set(votes.map((v) => v.memberId)).size, meeting, votesRetired };
  }

  /** Every vote with its voter's name and organisation, candidate by candidate: for organisers, privately. */
  async namedVotes(pollId: number): Promise<NamedVote[]> {
    const votes = await this.prisma.datePollVote.findMany({
      where: { candidate: { pollId } },
      include: { candidate: { select: { position: true } }, member: { include: { user: true, organisation: { select: { name: true, rotationPosition: true } } } } },
    });
    return votes
      .map((v) => ({
        position: v.candidate.position,
        answer: v.answer,
        name: displayName(v.member.user),
        username: v.member.user.username,
        organisation: v.member.organisation?.name ?? null,
        order: v.member.organisation?.rotationPosition ?? Number.MAX_SAFE_INTEGER,
      }))
      .sort((a, b) => a.position - b.position || a.order - b.order || a.name.localeCompare(b.name, "tr"))
      .map(({ order: _order, ...vote }) => vote);
  }

  /** The cards of a poll still edited: not refused for good by Telegram. */
  liveCards(pollId: number): Promise<DatePollCard[]> {
    return this.prisma.datePollCard.findMany({ where: { pollId, deadAt: null }, orderBy: { id: "asc" } });
  }

  /**
   * /poll_close: the next numbered meeting at the chosen candidate's time, made as /meeting_new
   * makes one (the series title; the poll's title only named the poll); in the same transaction the poll is closed, its cards are
   * refreshed (result shown, buttons gone), its nudges withdrawn, and each voter is owed a DM with
   * the result. The hosting proposal follows the commit, as after /meeting_new.
   */
  async close(network: Network, actorId: bigint, number: number, position: number, details: { venue?: string; agenda?: string }): Promise<ClosePollResult> {
    const venue = details.venue === undefined ? { ok: true as const, venueName: null } : readVenue(details.venue);
    if (!venue.ok) return { kind: "bad-venue", problem: venue.problem };
    const agenda = details.agenda === undefined ? { ok: true as const, items: [] } : readAgenda(details.agenda);
    if (!agenda.ok) return { kind: "bad-agenda", problem: agenda.problem };
    const result = await this.outbox.transaction(async (out): Promise<ClosePollResult> => {
      const { tx } = out;
      const open = await lockOpenPoll(tx, network.id, number);
      if (open.kind !== "open") return open;
      const { poll } = open;
      const candidates = await tx.datePollCandidate.findMany({ where: { pollId: poll.id }, orderBy: { position: "asc" } });
      const chosen = candidates.find((c) => c.position === position);
      if (!chosen) return { kind: "bad-position", count: candidates.length };
      const now = this.clock();
      // A meeting is never made in the past, as /meeting_new refuses a past date.
      if (chosen.startsAt <= now) return { kind: "candidate-past", position };
      const meeting = await insertMeeting(tx, this.audit, network, actorId, { startsAt: chosen.startsAt, title: network.seriesTitle, venueName: venue.venueName, agenda: agenda.items });
      await this.reminders.planIn(out, meeting.id);
      const closed = await tx.datePoll.update({ where: { id: poll.id }, data: { status: "closed", closedAt: now, chosenPosition: position, meetingId: meeting.id } });
      await this.audit.record(tx, {
        networkId: network.id,
        actorId,
        action: "poll.close",
        subject: String(poll.number),
        after: { chosen: chosen.startsAt.toISOString(), meeting: String(meeting.number) },
      });
      const voters = await tx.member.findMany({
        where: { networkId: network.id, ...ACTIVE_MEMBER, pollVotes: { some: { candidate: { pollId: poll.id } } } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      await out.write(voters.map((v) => ({ dedupeKey: pollResultKey(poll.id, v.id), kind: "poll-result" as const, networkId: network.id, audience: memberAudience(v.id), payload: { pollId: poll.id } })));
      await withdrawNudges(out, poll.id, "poll closed");
      await refreshPollCards(out, poll);
      return { kind: "closed", poll: closed, meeting, voters: voters.length };
    });
    if (result.kind === "closed") {
      addLogFields({ meeting: result.meeting.number });
      this.logger.info({ networkId: network.id }, "date poll closed into a meeting");
    }
    return result;
  }

  /** /poll_cancel: closed without a meeting; the cards say so. Voters get no message: the cards tell the groups. */
  async cancel(network: Network, actorId: bigint, number: number): Promise<CancelPollResult> {
    const result = await this.outbox.transaction(async (out): Promise<CancelPollResult> => {
      const { tx } = out;
      const open = await lockOpenPoll(tx, network.id, number);
      if (open.kind !== "open") return open;
      const { poll } = open;
      const cancelled = await tx.datePoll.update({ where: { id: poll.id }, data: { status: "cancelled", closedAt: this.clock() } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "poll.cancel", subject: String(poll.number), before: { title: poll.title } });
      await withdrawNudges(out, poll.id, "poll cancelled");
      await refreshPollCards(out, poll);
      return { kind: "cancelled", poll: cancelled };
    });
    if (result.kind === "cancelled") this.logger.info({ networkId: network.id }, "date poll cancelled");
    return result;
  }

  /**
   * At the nudge time, inside its own transaction: a DM row for every member the bot can write to
   * who has voted on nothing yet. Each is checked again when it goes out. Returns how many.
   */
  async oweNudges(pollId: number): Promise<number> {
    const now = this.clock();
    return this.outbox.transaction(async (out) => {
      const { tx } = out;
      const poll = await tx.datePoll.findUnique({ where: { id: pollId }, select: { id: true, networkId: true, status: true, deadline: true } });
      if (!poll || poll.status !== "open" || (poll.deadline !== null && poll.deadline <= now)) return 0;
      const silent = await tx.member.findMany({
        where: { networkId: poll.networkId, ...ACTIVE_MEMBER, user: { dmReachable: true }, pollVotes: { none: { candidate: { pollId } } } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      await out.write(silent.map((m) => ({ dedupeKey: pollNudgeKey(pollId, m.id), kind: "poll-nudge" as const, networkId: poll.networkId, audience: memberAudience(m.id), payload: { pollId } })));
      return silent.length;
    });
  }

  /** Whether the member has voted on any candidate of the poll. */
  /** A member's own answers to a poll, by candidate position: what they see of themselves in private. */
  async votesOf(pollId: number, memberId: number): Promise<Map<number, PollAnswer>> {
    const votes = await this.prisma.datePollVote.findMany({ where: { memberId, candidate: { pollId } }, select: { answer: true, candidate: { select: { position: true } } } });
    return new Map(votes.map((v) => [v.candidate.position, v.answer]));
  }

  async hasVoted(pollId: number, memberId: number): Promise<boolean> {
    return (await this.prisma.datePollVote.count({ where: { memberId, candidate: { pollId } } })) > 0;
  }
}

/** The poll's row, held until the transaction ends: a close, a cancel and votes go one at a time. */
async function lockPoll(tx: Tx, networkId: number, number: number): Promise<PollState | undefined> {
  const [poll] = await tx.$queryRaw<PollState[]>`
    SELECT id, "networkId", number, title, status::text AS status, deadline, "meetingId" FROM "DatePoll"
    WHERE "networkId" = ${networkId} AND number = ${number} FOR UPDATE`;
  return poll;
}

/** Why a poll can no longer be closed or cancelled, if it cannot. */
/** The poll by its number, locked, while it is open (its deadline may have passed); otherwise why not. */
async function lockOpenPoll(
  tx: Tx,
  networkId: number,
  number: number,
): Promise<{ kind: "open"; poll: PollState } | { kind: "unknown-poll" } | { kind: "already-closed"; meetingNumber: number | null } | { kind: "already-cancelled" }> {
  const poll = await lockPoll(tx, networkId, number);
  if (!poll) return { kind: "unknown-poll" };
  logPoll(poll.number);
  if (poll.status === "cancelled") return { kind: "already-cancelled" };
  if (poll.status === "open") return { kind: "open", poll };
  const meeting = poll.meetingId === null ? null : await tx.meeting.findUnique({ where: { id: poll.meetingId }, select: { number: true } });
  return { kind: "already-closed", meetingNumber: meeting?.number ?? null };
}

/** The nudge still waiting, any nudge DM not yet sent and the organisers' deadline notice are withdrawn: the poll is over. */
async function withdrawNudges(out: OutboxWriter, pollId: number, reason: string): Promise<void> {
  await out.withdraw({ OR: [{ dedupeKey: pollNudgesKey(pollId) }, { dedupeKey: { startsWith: `poll-nudge:${pollId}:` } }, { dedupeKey: { startsWith: `poll-ended:${pollId}:` } }] }, reason);
}

/**
 * Something the poll's cards show has changed: in the transaction of that change its one refresh
 * row is armed again. When it runs it compares every live card with the database and edits
 * those that differ, each at its own pace (see renderers.ts).
 */
async function refreshPollCards(out: OutboxWriter, poll: { id: number; networkId: number }): Promise<void> {
  await out.rearm({ dedupeKey: pollRefreshKey(poll.id), kind: "poll-card-refresh", networkId: poll.networkId, audience: pollAudience(poll.id), payload: { pollId: poll.id } });
}

/**
 * /forgetme deletes a person's votes with their membership: in that transaction the cards of
 * every open poll they had voted in are refreshed (closed and cancelled polls' cards keep the
 * tally they ended with). Must run before the member rows go. Returns the rows armed, whose jobs
 * the caller hands to the queue after the commit (the periodic reconcile does, if it does not).
 */
export async function refreshCardsOfVotersPolls(tx: Tx, memberIds: readonly number[], now: Date): Promise<ArmedRow[]> {
  if (memberIds.length === 0) return [];
  return tx.$queryRaw<ArmedRow[]>(
    rearmStatement(Prisma.sql`
      SELECT ${POLL_REFRESH_PREFIX} || p.id, 'poll-card-refresh', p."networkId", NULL::int, ${POLL_AUDIENCE_PREFIX} || p.id, 0, jsonb_build_object('pollId', p.id), ${now}::timestamp
      FROM "DatePoll" p
      WHERE p.status = 'open' AND EXISTS (
        SELECT 1 FROM "DatePollVote" v JOIN "DatePollCandidate" c ON c.id = v."candidateId"
        WHERE c."pollId" = p.id AND v."memberId" IN (${Prisma.join(memberIds)}))
      ORDER BY p.id`),
  );
}
