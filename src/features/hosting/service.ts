import type { DirectRecipient } from "../../bot/direct.ts";
import type { Meeting, Network, Organisation, PrismaClient } from "../../db/client.ts";
import type { HostTurn } from "../../db/generated/client.ts";
import { nameKey } from "../../domain/names.ts";
import { HOST_CHECKLIST } from "../../domain/reminders.ts";
import { hostContacts, nextHost, rotationQueue, type RotationEntry, type TurnRecord } from "../../domain/rotation.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReminderService } from "../reminders/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";

export type { HostTurn };

/** Who answers hosting questions for an organisation. */
export type Contact = DirectRecipient;

export type Proposal = { turn: HostTurn; organisation: Organisation; meeting: Meeting; contacts: Contact[] };
export type ProposeResult = { kind: "proposed"; proposal: Proposal } | { kind: "nobody" } | { kind: "too-late" } | { kind: "already-hosted"; organisation: Organisation } | { kind: "open"; organisation: Organisation };

export type AnswerResult =
  | { kind: "accepted"; meeting: Meeting; organisation: Organisation }
  | { kind: "declined"; meeting: Meeting; organisation: Organisation; turn: HostTurn }
  | { kind: "swap-asked"; meeting: Meeting; organisation: Organisation; other: Organisation; contacts: Contact[] }
  | { kind: "swapped"; meeting: Meeting; organisation: Organisation; other: Organisation }
  | { kind: "swap-refused"; meeting: Meeting; organisation: Organisation; other: Organisation }
  | { kind: "not-contact" }
  | { kind: "closed" }
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

/**
 * Who hosts which meeting: the rotation ledger, proposals to the organisation whose turn it is,
 * answers from its contacts, swaps, organisers' assignments and skips, and expiry.
 */
export class HostService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly reminders: ReminderService,
    private readonly clock: () => Date,
  ) {}

  /** The ledger of a network as the fairness rule reads it; held meetings count as hosted turns. */
  private async records(networkId: number): Promise<TurnRecord[]> {
    const [turns, hosted] = await Promise.all([
      this.prisma.hostTurn.findMany({ where: { meeting: { networkId } }, include: { meeting: { select: { number: true } } } }),
      this.prisma.meeting.findMany({ where: { networkId, hostOrganisationId: { not: null }, status: { not: "cancelled" } }, select: { number: true, hostOrganisationId: true } }),
    ]);
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

  /** Host contacts of an organisation: those marked as contacts, else all its members. */
  async contacts(organisationId: number): Promise<Contact[]> {
    const members = await this.prisma.member.findMany({ where: { organisationId, ...ACTIVE_MEMBER }, include: { user: true } });
    return hostContacts(members).map((m) => ({ userId: m.userId, locale: m.user.locale, languageCode: m.user.languageCode }));
  }

  private async isContact(organisationId: number, userId: bigint): Promise<boolean> {
    return (await this.contacts(organisationId)).some((c) => c.userId === userId);
  }

  /** Proposes the organisation whose turn it is; its deadline is kept in the reminder ledger. */
  async propose(meetingId: number): Promise<ProposeResult> {
    const meeting = await this.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { network: true, hostOrganisation: true } });
    if (meeting.hostOrganisation) return { kind: "already-hosted", organisation: meeting.hostOrganisation };
    // Once the meeting has begun (or will not take place) nobody is asked to host it any more.
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.startsAt <= this.clock()) return { kind: "too-late" };
    const open = await this.prisma.hostTurn.findFirst({ where: { meetingId, status: OPEN }, include: { organisation: true } });
    if (open) return { kind: "open", organisation: open.organisation };
    const organisations = await this.prisma.organisation.findMany({ where: { networkId: meeting.networkId } });
    const next = nextHost(organisations.map((o) => ({ id: o.id, position: o.rotationPosition, canHost: o.canHost })), await this.records(meeting.networkId), meeting.number);
    if (!next) return { kind: "nobody" };
    const organisation = organisations.find((o) => o.id === next.id)!;
    const deadline = new Date(Math.min(this.clock().getTime() + meeting.network.hostAnswerHours * 3_600_000, meeting.startsAt.getTime()));
    const turn = await this.prisma.$transaction(async (tx) => {
      const created = await tx.hostTurn.create({ data: { meetingId, organisationId: organisation.id, status: OPEN, deadline } });
      await this.audit.record(tx, { networkId: meeting.networkId, actorId: 0n, action: "host.proposed", subject: String(meeting.number), after: { organisation: organisation.shortName } });
      return created;
    });
    await this.reminders.scheduleOne(meetingId, "host-expiry", `turn:${turn.id}`, deadline);
    const { network: _network, hostOrganisation: _host, ...plain } = meeting;
    return { kind: "proposed", proposal: { turn, organisation, meeting: plain, contacts: await this.contacts(organisation.id) } };
  }

  /** `/host N`: proposes for a meeting that is still ahead. */
  async proposeFor(networkId: number, number: number): Promise<ProposeResult | { kind: "unknown-meeting" } | { kind: "closed" }> {
    const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId, number } } });
    if (!meeting) return { kind: "unknown-meeting" };
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.endsAt <= this.clock()) return { kind: "closed" };
    return this.propose(meeting.id);
  }

  /** A contact's answer to a proposal, or the asked organisation's answer to a swap. */
  async answer(turnId: number, userId: bigint, decision: "accept" | "decline" | "swap-accept" | "swap-refuse"): Promise<AnswerResult> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn || turn.status !== OPEN || (turn.deadline && turn.deadline <= this.clock()) || turn.meeting.status === "cancelled") return { kind: "closed" };
    const swapping = decision === "swap-accept" || decision === "swap-refuse";
    const answering = swapping ? turn.swapWithId : turn.organisationId;
    if (answering === null || !(await this.isContact(answering, userId))) return { kind: swapping && answering === null ? "closed" : "not-contact" };
    const { meeting, organisation } = turn;
    const now = this.clock();
    const record = (action: string, after: Record<string, string>) => ({ networkId: meeting.networkId, actorId: userId, action, subject: String(meeting.number), after });
    if (decision === "decline") {
      const declined = await this.prisma.$transaction(async (tx) => {
        const updated = await tx.hostTurn.update({ where: { id: turn.id }, data: { status: "declined", respondedBy: userId, respondedAt: now } });
        await this.audit.record(tx, record("host.declined", { organisation: organisation.shortName }));
        return updated;
      });
      await this.reminders.cancelOne(meeting.id, "host-expiry", `turn:${turn.id}`);
      return { kind: "declined", meeting, organisation, turn: declined };
    }
    if (decision === "swap-refuse") {
      const other = await this.prisma.organisation.findUniqueOrThrow({ where: { id: turn.swapWithId! } });
      await this.prisma.hostTurn.update({ where: { id: turn.id }, data: { swapWithId: null } });
      return { kind: "swap-refused", meeting, organisation, other };
    }
    const hostId = decision === "swap-accept" ? turn.swapWithId! : organisation.id;
    const host = await this.prisma.organisation.findUniqueOrThrow({ where: { id: hostId } });
    const updated = await this.prisma.$transaction(async (tx) => {
      if (decision === "swap-accept") {
        await tx.hostTurn.update({ where: { id: turn.id }, data: { status: "swapped", respondedBy: userId, respondedAt: now } });
        await tx.hostTurn.create({ data: { meetingId: meeting.id, organisationId: host.id, status: "accepted", respondedBy: userId, respondedAt: now } });
        await this.audit.record(tx, record("host.swapped", { from: organisation.shortName, to: host.shortName }));
      } else {
        await tx.hostTurn.update({ where: { id: turn.id }, data: { status: "accepted", respondedBy: userId, respondedAt: now } });
        await this.audit.record(tx, record("host.accepted", { organisation: organisation.shortName }));
      }
      return tx.meeting.update({ where: { id: meeting.id }, data: hostData(meeting, host) });
    });
    await this.reminders.cancelOne(meeting.id, "host-expiry", `turn:${turn.id}`);
    await this.reminders.plan(meeting.id);
    return decision === "swap-accept" ? { kind: "swapped", meeting: updated, organisation, other: host } : { kind: "accepted", meeting: updated, organisation };
  }

  /** The proposed organisation asks another to take this turn; it hosts the next one instead. */
  async askSwap(turnId: number, userId: bigint, otherId: number): Promise<AnswerResult> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn || turn.status !== OPEN || (turn.deadline && turn.deadline <= this.clock())) return { kind: "closed" };
    if (!(await this.isContact(turn.organisationId, userId))) return { kind: "not-contact" };
    const other = await this.prisma.organisation.findUnique({ where: { id: otherId } });
    if (!other || other.id === turn.organisationId || other.networkId !== turn.organisation.networkId || !other.canHost) return { kind: "bad-swap" };
    await this.prisma.hostTurn.update({ where: { id: turn.id }, data: { swapWithId: other.id } });
    return { kind: "swap-asked", meeting: turn.meeting, organisation: turn.organisation, other, contacts: await this.contacts(other.id) };
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

  /** The deadline passed without an answer: the turn expires (the caller proposes the next). */
  async expire(turnId: number): Promise<{ turn: HostTurn; meeting: Meeting; organisation: Organisation } | undefined> {
    const turn = await this.prisma.hostTurn.findUnique({ where: { id: turnId }, include: { meeting: true, organisation: true } });
    if (!turn || turn.status !== OPEN) return undefined;
    const expired = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.hostTurn.update({ where: { id: turn.id }, data: { status: "expired", respondedAt: this.clock() } });
      await this.audit.record(tx, { networkId: turn.meeting.networkId, actorId: 0n, action: "host.expired", subject: String(turn.meeting.number), after: { organisation: turn.organisation.shortName } });
      return updated;
    });
    return { turn: expired, meeting: turn.meeting, organisation: turn.organisation };
  }

  /** `/host N <short name>`: an organiser assigns directly; `/host N skip`: the proposed organisation goes to the back. */
  async assign(network: Network, actorId: bigint, meetingNumber: number, shortName: string): Promise<AssignResult> {
    const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId: network.id, number: meetingNumber } } });
    if (!meeting) return { kind: "unknown-meeting" };
    if (meeting.status === "cancelled" || meeting.status === "held" || meeting.endsAt <= this.clock()) return { kind: "closed" };
    const open = await this.prisma.hostTurn.findFirst({ where: { meetingId: meeting.id, status: OPEN }, include: { organisation: true } });
    const now = this.clock();
    if (/^(skip|atla)$/i.test(shortName.trim())) {
      if (!open) return { kind: "nothing-to-skip" };
      await this.prisma.$transaction(async (tx) => {
        await tx.hostTurn.update({ where: { id: open.id }, data: { status: "skipped", respondedBy: actorId, respondedAt: now } });
        await this.audit.record(tx, { networkId: network.id, actorId, action: "host.skipped", subject: String(meetingNumber), after: { organisation: open.organisation.shortName } });
      });
      await this.reminders.cancelOne(meeting.id, "host-expiry", `turn:${open.id}`);
      return { kind: "skipped", organisation: open.organisation, next: await this.propose(meeting.id) };
    }
    const organisation = await this.prisma.organisation.findUnique({ where: { networkId_shortNameKey: { networkId: network.id, shortNameKey: nameKey(shortName) } } });
    if (!organisation) return { kind: "unknown-organisation" };
    if (!organisation.canHost) return { kind: "cannot-host", organisation };
    const updated = await this.prisma.$transaction(async (tx) => {
      if (open) await tx.hostTurn.update({ where: { id: open.id }, data: { status: "expired", reason: "assigned by an organiser", respondedAt: now } });
      await tx.hostTurn.create({ data: { meetingId: meeting.id, organisationId: organisation.id, status: "assigned", respondedBy: actorId, respondedAt: now } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "host.assigned", subject: String(meetingNumber), after: { organisation: organisation.shortName } });
      return tx.meeting.update({ where: { id: meeting.id }, data: hostData(meeting, organisation) });
    });
    if (open) await this.reminders.cancelOne(meeting.id, "host-expiry", `turn:${open.id}`);
    await this.reminders.plan(meeting.id);
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

/** The host, and its venue where the meeting has none yet. */
function hostData(meeting: Meeting, host: Organisation) {
  return {
    hostOrganisationId: host.id,
    ...(meeting.venueName ? {} : { venueName: host.venueName }),
    ...(meeting.venueAddress ? {} : { venueAddress: host.venueAddress }),
  };
}
