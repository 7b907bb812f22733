import type { Meeting, Network, Organisation, PrismaClient } from "../../db/client.ts";
import type { HostTurn } from "../../db/generated/client.ts";
import { nameKey } from "../../domain/names.ts";
import { HOST_CHECKLIST, outsideQuietHours } from "../../domain/reminders.ts";
import { nextHost, rotationQueue, type RotationEntry, type TurnRecord } from "../../domain/rotation.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import type { Tx } from "../../outbox/types.ts";
import type { AuditService } from "../audit/service.ts";
import { refreshCards } from "../invitations/refresh.ts";
import type { ReminderService } from "../reminders/service.ts";
import { lockMeeting } from "../../db/meeting-lock.ts";
import { contactMembers, expiryEntry, expiryKey, groupNotices, organiserNotices, proposalNotices, swapNotices } from "./notices.ts";
import { addLogFields } from "../../logger.ts";

export type { HostTurn };

/** `contacts`: how many of the organisation's contacts the bot can write to; each of them is asked by DM. */
export type Proposal = { turn: HostTurn; organisation: Organisation; meeting: Meeting; contacts: number };
export type ProposeResult = { kind: "proposed"; proposal: Proposal } | { kind: "nobody" } | { kind: "too-late" } | { kind: "already-hosted"; organisation: Organisation } | { kind: "open"; organisation: Organisation };

export type AnswerResult =
  | { kind: "accepted"; meeting: Meeting; organisation: Organisation }
  | { kind: "declined"; meeting: Meeting; organisation: Organisation; turn: HostTurn }
  | { kind: "swap-asked"; meeting: Meeting; organisation: Organisation; other: Organisation }
  | { kind: "swapped"; meeting: Meeting; organisation: Organisation; other: Organisation }
  | { kind: "swap-refused"; meeting: Meeting; organisation: Organisation; other: Organisation }
  | { kind: "not-contact" }
  | { kind: "closed" }
  /** Someone else (another contact, or the same person on another button) answered first. */
  | { kind: "answered" }
  | { kind: "bad-swap" };

export type OrderResult = { kind: "set"; order: Organisation[] } | { kind: "unknown"; names: string[] } | { kind: "repeated"; names: string[] } | { kind: "omitted"; names: string[] };

export type AssignResult =
  | { kind: "assigned"; meeting: Meeting; organisation: Organisation }
  | { kind: "skipped"; organisation: Organisation; next: ProposeResult }
  | { kind: "unknown-meeting" }
  | { kind: "closed" }
  | { kind: "unknown-organisation" }
  | { kind: "cannot-host"; organisation: Organisation }
  | { kind: "nothing-to-skip" };

const OPEN: HostTurn["status"] = "proposed";
const ANSWERED: ReadonlySet<HostTurn["status"]> = new Set(["accepted", "declined", "swapped"]);

type Db = PrismaClient | Tx;

/**
 * Who hosts which meeting: the rotation ledger, proposals to the organisation whose turn it is,
 * answers from its contacts, swaps, organisers' assignments and skips, and expiry. Every change
 * writes the messages that tell about it (outbox rows, see notices.ts) in its own transaction.
 */
export class HostService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly reminders: ReminderService,
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
  ) {}

  /** The ledger of a network as the fairness rule reads it; held meetings count as hosted turns. */
  private async records(networkId: number, db: Db = this.prisma): Promise<TurnRecord[]> {
    // One after the other: inside a transaction they share one session.
    const turns = await db.hostTurn.findMany({ where: { meeting: { networkId } }, include: { meeting: { select: { number: true } } } });
    const hosted = await db.meeting.findMany({ where: { networkId, hostOrganisationId: { not: null }, status: { not: "cancelled" } }, select: { number: true, hostOrganisationId: true } });
    return [
      ...turns.map((t) => ({ organisationId: t.organisationId, meetingNumber: t.meeting.number, status: t.status })),
      ...hosted.map((m) => ({ organisationId: m.hostOrganisationId!, meetingNumber: m.number, status: "accepted" as const })),
    ];
  }

  /** Organisations that can host, next first, with when each last had its turn. */
  async queue(networkId: number): Promise<{ entry: RotationEntry; organisation: Organisation }[]> {
    const organisations = await this.prisma.organisation.findMany({ where: { networkId } });
    const queue = rotationQueue(organisations.map((o) => ({ id: o.id, position: o.rotationPosition, canHost: o.canHost })), await this.records(networkId));
    return queue.map((entry) => ({ entry, organisation: organisations.find((o) => o.id === entry.id)! }));
  }

  /** Sets the rotation order; every organisation must be named exactly once. */
  async setOrder(network: Network, actorId: bigint, shortNames: string[]): Promise<OrderResult> {
    const organisations = await this.prisma.organisation.findMany({ where: { networkId: network.id }, orderBy: { rotationPosition: "asc" } });
    const byKey = new Map(organisations.map((o) => [o.shortNameKey, o]));
    const unknown = shortNames.filter((n) => !byKey.has(nameKey(n)));
    if (unknown.length > 0) return { kind: "unknown", names: unknown };
    const keys = shortNames.map(nameKey);
    const repeated = shortNames.filter((n, i) => keys.indexOf(nameKey(n)) !== i);
    if (repeated.length > 0) return { kind: "repeated", names: repeated };
    const omitted = organisations.filter((o) => !keys.includes(o.shortNameKey)).map((o) => o.shortName);
    if (omitted.length > 0) return { kind: "omitted", names: omitted };
    const order = keys.map((k) => byKey.get(k)!);
    await this.prisma.$transaction(async (tx) => {
      for (const [i, organisation] of order.entries()) await tx.organisation.update({ where: { id: organisation.id }, data: { rotationPosition: i + 1 } });
      await this.audit.record(tx, {
        networkId: network.id,
        actorId,
        action: "rotation.order",
        before: { order: organisations.map((o) => o.shortName).join(", ") },
        after: { order: order.map((o) => o.shortName).join(", ") },
      });
    });
    return { kind: "set", order };
  }

  /** Past meetings with their hosts, latest first, and how often each organisation hosted. */
  async history(networkId: number) {
    const meetings = await this.prisma.meeting.findMany({
      where: { networkId, hostOrganisationId: { not: null }, status: { not: "cancelled" } },
      include: { hostOrganisation: true },
      orderBy: { number: "desc" },
    });
    const counts = new Map<string, number>();
    for (const m of meetings) counts.set(m.hostOrganisation!.name, (counts.get(m.hostOrganisation!.name) ?? 0) + 1);
    return { meetings, counts: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "tr")) };
  }

  private async isContact(organisationId: number, userId: bigint): Promise<boolean> {
    return (await contactMembers(this.prisma, organisationId)).some((m) => m.userId === userId);
  }

  /** Proposes the organisation whose turn it is: its turn, its answer deadline and the messages that ask it. */
  propose(meetingId: number): Promise<ProposeResult> {
    return this.outbox.transaction((out) => this.proposeIn(out, meetingId));
  }

  /**
   * Inside the transaction of the change that frees the turn (a decline, an expiry, a skip): the
   * next organisation is asked if and only if that change is made.
   */
  private async proposeIn(out: OutboxWriter, meetingId: number): Promise<ProposeResult> {
    const { tx } = out;
    // Two proposals at once (a decline and /host N, two /host N) must not both open a turn.
    await lockMeeting(tx, meetingId);
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { network: true, hostOrganisation: true } });
    if (meeting.hostOrganisation) return { kind: "already-hosted", organisation: meeting.hostOrganisation };
    const now = this.clock();
    // Once the meeting has begun (or will not take place) nobody is asked to host it any more.
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.startsAt <= now) return { kind: "too-late" };
    const open = await tx.hostTurn.findFirst({ where: { meetingId, status: OPEN }, include: { organisation: true } });
    if (open) return { kind: "open", organisation: open.organisation };
    const organisations = await tx.organisation.findMany({ where: { networkId: meeting.networkId } });
    const next = nextHost(organisations.map((o) => ({ id: o.id, position: o.rotationPosition, canHost: o.canHost })), await this.records(meeting.networkId, tx), meeting.number);
    if (!next) return { kind: "nobody" };
    const organisation = organisations.find((o) => o.id === next.id)!;
    const due = new Date(Math.min(now.getTime() + meeting.network.hostAnswerHours * 3_600_000, meeting.startsAt.getTime()));
    // Not in the middle of the night: a proposal made late in the evening is answered by morning, not at 23:00.
    const daytime = outsideQuietHours(due, meeting.startsAt, meeting.network.timeZone, meeting.network);
    const deadline = daytime && daytime > now ? daytime : due;
    const turn = await tx.hostTurn.create({ data: { meetingId, organisationId: organisation.id, status: OPEN, deadline } });
    await this.audit.record(tx, { networkId: meeting.networkId, actorId: 0n, action: "host.proposed", subject: String(meeting.number), after: { organisation: organisation.shortName } });
    const about = { meetingId, networkId: meeting.networkId, turnId: turn.id };
    const contacts = await contactMembers(tx, organisation.id);
    await out.write([expiryEntry(about, deadline), ...proposalNotices(about, contacts), ...(await groupNotices(tx, about, "proposed"))]);
    const { network: _network, hostOrganisation: _host, ...plain } = meeting;
    return { kind: "proposed", proposal: { turn, organisation, meeting: plain, contacts: contacts.filter((c) => c.user.dmReachable).length } };
  }

  /** A turn ended without a host (declined, expired): the next organisation is asked, or the organisers hear nobody is left. */
  private async passOn(out: OutboxWriter, about: { meetingId: number; networkId: number; turnId: number }): Promise<ProposeResult> {
    const next = await this.proposeIn(out, about.meetingId);
    if (next.kind === "nobody") await out.write(await organiserNotices(out.tx, about, "nobody"));
    return next;
  }

  /** `/host N`: proposes for a meeting that is still ahead. */
  async proposeFor(networkId: number, number: number): Promise<ProposeResult | { kind: "unknown-meeting" } | { kind: "closed" }> {
    const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId, number } } });
    if (!meeting) return { kind: "unknown-meeting" };
    addLogFields({ meeting: number });
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.endsAt <= this.clock()) return { kind: "closed" };
    return this.propose(meeting.id);
  }

  /**
   * A contact's answer to a proposal, or the asked organisation's answer to a swap. Answers,
   * expiry and organisers' skips compare-and-set the turn's status inside the transaction that
   * makes their other changes and writes their messages: of two pressed together exactly one
   * wins, and the other changes nothing, writes nothing and is told.
   */
  async answer(turnId: number, userId: bigint, decision: "accept" | "decline" | "swap-accept" | "swap-refuse"): Promise<AnswerResult> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn) return { kind: "closed" };
    if (turn.status !== OPEN) return { kind: ANSWERED.has(turn.status) ? "answered" : "closed" };
    if ((turn.deadline && turn.deadline <= this.clock()) || turn.meeting.status === "cancelled") return { kind: "closed" };
    const swapping = decision === "swap-accept" || decision === "swap-refuse";
    const answering = swapping ? turn.swapWithId : turn.organisationId;
    if (answering === null || !(await this.isContact(answering, userId))) return { kind: swapping && answering === null ? "closed" : "not-contact" };
    const { meeting, organisation } = turn;
    const now = this.clock();
    const about = { meetingId: meeting.id, networkId: meeting.networkId, turnId: turn.id };
    const record = (action: string, after: Record<string, string>) => ({ networkId: meeting.networkId, actorId: userId, action, subject: String(meeting.number), after });
    // Still open, still before its deadline, and (for a swap) still offered to the same organisation.
    const stillOpen = { id: turn.id, status: OPEN, OR: [{ deadline: null }, { deadline: { gt: now } }], ...(swapping ? { swapWithId: turn.swapWithId } : {}) };
    if (decision === "decline") {
      const declined = await this.outbox.transaction(async (out) => {
        const { tx } = out;
        const { count } = await tx.hostTurn.updateMany({ where: stillOpen, data: { status: "declined", respondedBy: userId, respondedAt: now } });
        if (count === 0) return undefined;
        await this.audit.record(tx, record("host.declined", { organisation: organisation.shortName }));
        await out.withdraw({ dedupeKey: expiryKey(meeting.id, turn.id) }, "answered");
        await out.write(await groupNotices(tx, about, "declined"));
        await this.passOn(out, about);
        return tx.hostTurn.findUniqueOrThrow({ where: { id: turn.id } });
      });
      if (!declined) return this.lost(turn.id);
      return { kind: "declined", meeting, organisation, turn: declined };
    }
    if (decision === "swap-refuse") {
      const other = await this.prisma.organisation.findUniqueOrThrow({ where: { id: turn.swapWithId! } });
      const refused = await this.outbox.transaction(async (out) => {
        const { count } = await out.tx.hostTurn.updateMany({ where: stillOpen, data: { swapWithId: null } });
        if (count === 0) return false;
        await out.write(await swapNotices(out.tx, about, "refused", other.id, await contactMembers(out.tx, organisation.id)));
        return true;
      });
      if (!refused) return this.lost(turn.id);
      return { kind: "swap-refused", meeting, organisation, other };
    }
    const hostId = decision === "swap-accept" ? turn.swapWithId! : organisation.id;
    const host = await this.prisma.organisation.findUniqueOrThrow({ where: { id: hostId } });
    const updated = await this.outbox.transaction(async (out) => {
      const { tx } = out;
      const { count } = await tx.hostTurn.updateMany({ where: stillOpen, data: { status: decision === "swap-accept" ? "swapped" : "accepted", respondedBy: userId, respondedAt: now } });
      if (count === 0) return undefined;
      if (decision === "swap-accept") {
        await tx.hostTurn.create({ data: { meetingId: meeting.id, organisationId: host.id, status: "accepted", respondedBy: userId, respondedAt: now } });
        await this.audit.record(tx, record("host.swapped", { from: organisation.shortName, to: host.shortName }));
      } else {
        await this.audit.record(tx, record("host.accepted", { organisation: organisation.shortName }));
      }
      await out.withdraw({ dedupeKey: expiryKey(meeting.id, turn.id) }, "answered");
      await out.write(await groupNotices(tx, about, decision === "swap-accept" ? "swapped" : "accepted"));
      // The invitation cards show the host.
      await refreshCards(out, meeting);
      const hosted = await tx.meeting.update({ where: { id: meeting.id }, data: hostData(meeting, host) });
      // The host's checklist reminders.
      await this.reminders.planIn(out, meeting.id);
      return hosted;
    });
    if (!updated) return this.lost(turn.id);
    return decision === "swap-accept" ? { kind: "swapped", meeting: updated, organisation, other: host } : { kind: "accepted", meeting: updated, organisation };
  }

  /** What the loser of a race on a turn is told: answered by someone else, or closed (expired, skipped, past its deadline). */
  private async lost(turnId: number): Promise<AnswerResult> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, select: { status: true } });
    return { kind: turn && ANSWERED.has(turn.status) ? "answered" : "closed" };
  }

  /** The proposed organisation asks another to take this turn; it hosts the next one instead. */
  async askSwap(turnId: number, userId: bigint, otherId: number): Promise<AnswerResult> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn || turn.status !== OPEN || (turn.deadline && turn.deadline <= this.clock())) return { kind: "closed" };
    if (!(await this.isContact(turn.organisationId, userId))) return { kind: "not-contact" };
    const other = await this.prisma.organisation.findUnique({ where: { id: otherId } });
    if (!other || other.id === turn.organisationId || other.networkId !== turn.organisation.networkId || !other.canHost) return { kind: "bad-swap" };
    const { meeting, organisation } = turn;
    const now = this.clock();
    const about = { meetingId: meeting.id, networkId: meeting.networkId, turnId: turn.id };
    const outcome = await this.outbox.transaction(async (out) => {
      const { tx } = out;
      const { count } = await tx.hostTurn.updateMany({
        // Already asking this organisation (a second press): it has its request already.
        where: { id: turn.id, status: OPEN, AND: [{ OR: [{ deadline: null }, { deadline: { gt: now } }] }, { OR: [{ swapWithId: null }, { swapWithId: { not: other.id } }] }] },
        data: { swapWithId: other.id },
      });
      if (count === 1) {
        await out.write(await swapNotices(tx, about, "ask", other.id, await contactMembers(tx, other.id)));
        return "asked";
      }
      const current = await tx.hostTurn.findUnique({ where: { id: turn.id } });
      return current?.status === OPEN && current.swapWithId === other.id ? "asked" : "lost";
    });
    if (outcome === "lost") return this.lost(turn.id);
    return { kind: "swap-asked", meeting, organisation, other };
  }

  /**
   * Organisations a proposed one may offer its turn to: shown only to that organisation's
   * contacts while the turn is open, since the list names the network's organisations.
   */
  async swapCandidates(turnId: number, userId: bigint): Promise<{ kind: "candidates"; organisations: Organisation[] } | { kind: "closed" } | { kind: "not-contact" }> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { organisation: true } });
    if (!turn || turn.status !== OPEN || (turn.deadline && turn.deadline <= this.clock())) return { kind: "closed" };
    if (!(await this.isContact(turn.organisationId, userId))) return { kind: "not-contact" };
    const organisations = await this.prisma.organisation.findMany({ where: { networkId: turn.organisation.networkId, canHost: true, NOT: { id: turn.organisationId } }, orderBy: { rotationPosition: "asc" } });
    return { kind: "candidates", organisations };
  }

  /**
   * The deadline passed without an answer (the host-expiry row): the turn expires, the organisers
   * are told and the next organisation is asked, all in one transaction. An answer that got in
   * first wins; the expiry then changes nothing and writes nothing.
   */
  async expire(turnId: number): Promise<{ turn: HostTurn; meeting: Meeting; organisation: Organisation; next: ProposeResult } | undefined> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn || turn.status !== OPEN) return undefined;
    const { meeting, organisation } = turn;
    const about = { meetingId: meeting.id, networkId: meeting.networkId, turnId: turn.id };
    return this.outbox.transaction(async (out) => {
      const { tx } = out;
      const { count } = await tx.hostTurn.updateMany({ where: { id: turn.id, status: OPEN }, data: { status: "expired", respondedAt: this.clock() } });
      if (count === 0) return undefined;
      await this.audit.record(tx, { networkId: meeting.networkId, actorId: 0n, action: "host.expired", subject: String(meeting.number), after: { organisation: organisation.shortName } });
      // Run by its own row, that row is being sent and stays as it is; called directly, no deadline is left behind.
      await out.withdraw({ dedupeKey: expiryKey(meeting.id, turn.id) }, "expired");
      await out.write(await organiserNotices(tx, about, "expired"));
      const next = await this.passOn(out, about);
      return { turn: await tx.hostTurn.findUniqueOrThrow({ where: { id: turn.id } }), meeting, organisation, next };
    });
  }

  /** `/host N <short name>`: an organiser assigns directly; `/host N skip`: the proposed organisation goes to the back. */
  async assign(network: Network, actorId: bigint, meetingNumber: number, shortName: string): Promise<AssignResult> {
    const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId: network.id, number: meetingNumber } } });
    if (!meeting) return { kind: "unknown-meeting" };
    addLogFields({ meeting: meetingNumber });
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.endsAt <= this.clock()) return { kind: "closed" };
    const open = await this.prisma.hostTurn.findFirst({ where: { meetingId: meeting.id, status: OPEN }, include: { organisation: true } });
    const now = this.clock();
    if (/^(skip|atla)$/i.test(shortName.trim())) {
      if (!open) return { kind: "nothing-to-skip" };
      const next = await this.outbox.transaction(async (out) => {
        const { tx } = out;
        const { count } = await tx.hostTurn.updateMany({ where: { id: open.id, status: OPEN }, data: { status: "skipped", respondedBy: actorId, respondedAt: now } });
        if (count === 0) return undefined;
        await this.audit.record(tx, { networkId: network.id, actorId, action: "host.skipped", subject: String(meetingNumber), after: { organisation: open.organisation.shortName } });
        await out.withdraw({ dedupeKey: expiryKey(meeting.id, open.id) }, "skipped");
        // The organiser who skipped is told who is next (or that nobody is) in the answer.
        return this.proposeIn(out, meeting.id);
      });
      // The organisation answered (or the turn expired) a moment before: there is nothing left to skip.
      if (!next) return { kind: "nothing-to-skip" };
      return { kind: "skipped", organisation: open.organisation, next };
    }
    const organisation = await this.prisma.organisation.findUnique({ where: { networkId_shortNameKey: { networkId: network.id, shortNameKey: nameKey(shortName) } } });
    if (!organisation) return { kind: "unknown-organisation" };
    if (!organisation.canHost) return { kind: "cannot-host", organisation };
    const updated = await this.outbox.transaction(async (out) => {
      const { tx } = out;
      if (open) {
        // An answer that got in first keeps its status in the ledger; the organiser's choice still decides the host.
        await tx.hostTurn.updateMany({ where: { id: open.id, status: OPEN }, data: { status: "expired", reason: "assigned by an organiser", respondedAt: now } });
        await out.withdraw({ dedupeKey: expiryKey(meeting.id, open.id) }, "assigned by an organiser");
      }
      const assigned = await tx.hostTurn.create({ data: { meetingId: meeting.id, organisationId: organisation.id, status: "assigned", respondedBy: actorId, respondedAt: now } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "host.assigned", subject: String(meetingNumber), after: { organisation: organisation.shortName } });
      await out.write(await groupNotices(tx, { meetingId: meeting.id, networkId: network.id, turnId: assigned.id }, "accepted"));
      await refreshCards(out, meeting);
      const hosted = await tx.meeting.update({ where: { id: meeting.id }, data: hostData(meeting, organisation) });
      await this.reminders.planIn(out, meeting.id);
      return hosted;
    });
    return { kind: "assigned", meeting: updated, organisation };
  }

  async checklistDone(meetingId: number): Promise<Set<string>> {
    const items = await this.prisma.hostChecklistItem.findMany({ where: { meetingId, doneAt: { not: null } } });
    return new Set(items.map((i) => i.item));
  }

  /** A host member ticks a checklist step off; false if the button is not theirs or not valid. */
  async tick(meetingId: number, item: string, userId: bigint): Promise<boolean> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting || meeting.hostOrganisationId === null || !HOST_CHECKLIST.some((s) => s.item === item)) return false;
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId } } });
    if (!member || member.leftAt !== null || member.organisationId !== meeting.hostOrganisationId) return false;
    const doneAt = this.clock();
    await this.prisma.hostChecklistItem.upsert({
      where: { meetingId_item: { meetingId, item } },
      create: { meetingId, item, doneAt, doneBy: userId },
      update: { doneAt, doneBy: userId },
    });
    return true;
  }

  /** Records an optional reason given after a decline. */
  async addReason(turnId: number, userId: bigint, reason: string): Promise<boolean> {
    const { count } = await this.prisma.hostTurn.updateMany({ where: { id: turnId, status: "declined", respondedBy: userId, reason: null }, data: { reason } });
    return count === 1;
  }
}

/** The host, and its venue where the meeting has none yet: a new LOCATION raises the calendar SEQUENCE. */
function hostData(meeting: Meeting, host: Organisation) {
  const venueName = meeting.venueName ? {} : { venueName: host.venueName };
  const venueAddress = meeting.venueAddress ? {} : { venueAddress: host.venueAddress };
  const placeChanges = (!meeting.venueName && host.venueName) || (!meeting.venueAddress && host.venueAddress);
  return { hostOrganisationId: host.id, ...venueName, ...venueAddress, ...(placeChanges ? { icsSequence: { increment: 1 } } : {}) };
}
