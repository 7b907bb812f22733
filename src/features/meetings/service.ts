import { DateTime } from "luxon";
import type { Meeting, Network, Organisation, Prisma, PrismaClient } from "../../db/client.ts";
import { parseDateTime, parseDuration, type DateProblem } from "../../domain/datetime.ts";
import { buildIcs, meetingEvent, type EventTelling } from "../../domain/ics.ts";
import { checkName, NAME_LIMITS, normaliseName, type NameProblem } from "../../domain/names.ts";
import { lockMeeting } from "../../db/meeting-lock.ts";
import { chatAudience } from "../../outbox/audience.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import type { OutboxEntry, Payload, Tx } from "../../outbox/types.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReminderService } from "../reminders/service.ts";
import { refreshCards } from "../invitations/refresh.ts";
import { promoteInTransaction } from "../rsvp/service.ts";
import { addLogFields, silentLogger, type Logger } from "../../logger.ts";
import { DISTRICT_MAX, readSwitch, revealTime } from "../../domain/venue-privacy.ts";
import { userSeesPlace, withdrawReveals, writeOwedReveals } from "../venues/service.ts";
import type { VenuePublicButton } from "../venues/callbacks.ts";
import type { CancelButton } from "./callbacks.ts";

export const AGENDA_LIMITS = { items: 20, itemLength: 300, total: 2500 } as const;
export const MEETING_FIELDS = ["title", "venue", "address", "district", "venue_private", "agenda", "facilitators", "duration", "capacity", "deadline", "online_link"] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export type MeetingWithHost = Meeting & { hostOrganisation: Organisation | null };
export type AgendaProblem = { kind: "empty" } | { kind: "too-many"; max: number } | { kind: "item-too-long"; max: number } | { kind: "too-long"; max: number };

export type CreateResult =
  | { kind: "created"; meeting: Meeting }
  | { kind: "bad-date"; problem: DateProblem }
  | { kind: "bad-venue"; problem: NameProblem }
  | { kind: "bad-agenda"; problem: AgendaProblem };
export type EditResult =
  /** `previous`: the meeting before the change, so the answer can show old → new. */
  | { kind: "edited"; meeting: Meeting; previous: MeetingWithHost }
  | { kind: "unknown-meeting" }
  | { kind: "cancelled" }
  | { kind: "bad-text"; problem: NameProblem }
  | { kind: "bad-agenda"; problem: AgendaProblem }
  | { kind: "bad-duration" }
  | { kind: "bad-capacity" }
  | { kind: "bad-date"; problem: DateProblem }
  | { kind: "deadline-after-start" }
  | { kind: "bad-link" };

const NONE = new Set(["yok", "none", "-"]);

export type VenuePrivateResult =
  /** Made confidential: `revealAt` when confirmed members are told; `revealedNow` told at once (the reveal time had passed). */
  | { kind: "private"; meeting: Meeting; revealAt: Date; revealedNow: number }
  /** Making it public again needs an organiser's press on a confirmation button. */
  | { kind: "confirm-public"; meeting: Meeting }
  | { kind: "unchanged"; on: boolean }
  | { kind: "bad-value" }
  | { kind: "unknown-meeting" }
  | { kind: "cancelled" }
  | { kind: "held" };
export type VenuePublicResult = { kind: "public"; meeting: Meeting } | { kind: "not-allowed" } | { kind: "stale" };

export type RescheduleResult =
  | { kind: "rescheduled"; meeting: Meeting; previous: { startsAt: Date; endsAt: Date }; announce: boolean }
  | { kind: "unknown-meeting" }
  | { kind: "cancelled" }
  | { kind: "held" }
  | { kind: "unchanged" }
  | { kind: "bad-date"; problem: DateProblem };
export type CancelRefusal = { kind: "unknown-meeting" } | { kind: "already-cancelled" } | { kind: "held" } | { kind: "bad-reason"; problem: NameProblem };
export type CancelResult = { kind: "cancelled"; meeting: Meeting; announce: boolean } | CancelRefusal;
/** What /cancel would do: asked first, since a cancelled number stays cancelled. `coming`: people who said yes or maybe. */
export type CancelCheck = { kind: "confirm"; meeting: MeetingWithHost; announce: boolean; coming: number } | CancelRefusal;
export type ConfirmedCancelResult = CancelResult | { kind: "kept"; meeting: Meeting } | { kind: "not-allowed" } | { kind: "stale" };

/** Splits "a; b; c" into items and checks them against what one Telegram message can carry. */
export function readAgenda(text: string): { ok: true; items: string[] } | { ok: false; problem: AgendaProblem } {
  const items = text.split(";").map(normaliseName).filter((item) => item.length > 0);
  if (items.length === 0) return { ok: false, problem: { kind: "empty" } };
  if (items.length > AGENDA_LIMITS.items) return { ok: false, problem: { kind: "too-many", max: AGENDA_LIMITS.items } };
  if (items.some((item) => item.length > AGENDA_LIMITS.itemLength)) return { ok: false, problem: { kind: "item-too-long", max: AGENDA_LIMITS.itemLength } };
  if (items.join("").length > AGENDA_LIMITS.total) return { ok: false, problem: { kind: "too-long", max: AGENDA_LIMITS.total } };
  return { ok: true, items };
}

/** A venue as /meeting_new reads it: "-" or "yok" leaves it to the host's, filled in when an organisation accepts. */
export function readVenue(text: string): { ok: true; venueName: string | null } | { ok: false; problem: NameProblem } {
  if (NONE.has(normaliseName(text).toLocaleLowerCase("tr-TR"))) return { ok: true, venueName: null };
  const problem = checkName(text, NAME_LIMITS.venue);
  return problem ? { ok: false, problem } : { ok: true, venueName: normaliseName(text) };
}

/** A new meeting as /meeting_new makes it: its date and time, title, venue (null: the host's) and agenda. */
export interface NewMeeting {
  startsAt: Date;
  title: string;
  venueName: string | null;
  agenda: string[];
}

/**
 * The next numbered meeting of the network, written in the caller's transaction with its audit
 * entry: /meeting_new, and /poll_close, which closes its poll in the same transaction.
 */
export async function insertMeeting(tx: Tx, audit: AuditService, network: Network, actorId: bigint, fields: NewMeeting): Promise<Meeting> {
  // Taking the number and moving the counter in one statement: two organisers creating at
  // once get two numbers.
  const { nextMeetingNumber } = await tx.network.update({
    where: { id: network.id },
    data: { nextMeetingNumber: { increment: 1 } },
    select: { nextMeetingNumber: true },
  });
  const created = await tx.meeting.create({
    data: {
      networkId: network.id,
      number: nextMeetingNumber - 1,
      title: fields.title,
      agenda: fields.agenda,
      startsAt: fields.startsAt,
      endsAt: new Date(fields.startsAt.getTime() + network.defaultDurationMinutes * 60_000),
      venueName: fields.venueName,
    },
  });
  await audit.record(tx, {
    networkId: network.id,
    actorId,
    action: "meeting.create",
    subject: String(created.number),
    after: { startsAt: created.startsAt.toISOString(), venue: created.venueName ?? "" },
  });
  return created;
}

/** Fields an .ics file or calendar feed shows (SUMMARY, LOCATION, DESCRIPTION with agenda and facilitators, DTEND, URL). */
const CALENDAR_FIELDS: ReadonlySet<MeetingField> = new Set<MeetingField>(["title", "venue", "address", "district", "venue_private", "agenda", "facilitators", "duration", "online_link"]);
/** Fields that change what a confirmed member of a confidential meeting is told. */
const PLACE_FIELDS: ReadonlySet<MeetingField> = new Set<MeetingField>(["venue", "address"]);

/** What a linked chat is told about a meeting it was invited to (src/features/meetings/renderers.ts). */
export type MeetingNoticeEvent = "rescheduled" | "cancelled";

/**
 * Numbered meetings of a network: created in its zone, numbers never reused. Moving or
 * cancelling an announced one tells its linked chats through the outbox and brings its
 * reminders in line.
 */
export class MeetingService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly reminders: ReminderService,
    private readonly clock: () => Date,
    private readonly logger: Logger = silentLogger,
  ) {}

  private nowIn(zone: string): DateTime {
    return DateTime.fromJSDate(this.clock(), { zone });
  }

  /** The service's clock, for conversations that check dates step by step. */
  now(): Date {
    return this.clock();
  }

  /** The calendar file of a meeting, told as the calendar feeds tell it (in the network's language). */
  calendarFile(network: Network, meeting: Meeting, telling: EventTelling): { name: string; content: string } {
    const content = buildIcs({ ...meetingEvent(meeting, network.timeZone, telling), stamp: this.clock() });
    return { name: `ortak-${meeting.number}.ics`, content };
  }

  async create(network: Network, actorId: bigint, input: { when: string; venue: string; agenda: string }): Promise<CreateResult> {
    const when = parseDateTime(input.when, network.timeZone, this.nowIn(network.timeZone));
    if (!when.ok) return { kind: "bad-date", problem: when.problem };
    const venue = readVenue(input.venue);
    if (!venue.ok) return { kind: "bad-venue", problem: venue.problem };
    const agenda = readAgenda(input.agenda);
    if (!agenda.ok) return { kind: "bad-agenda", problem: agenda.problem };
    // Planned at once: the task check-ins fall seven days before it, invited or not.
    const meeting = await this.outbox.transaction(async (out) => {
      const created = await insertMeeting(out.tx, this.audit, network, actorId, { startsAt: when.value.toJSDate(), title: network.seriesTitle, venueName: venue.venueName, agenda: agenda.items });
      await this.reminders.planIn(out, created.id);
      return created;
    });
    addLogFields({ meeting: meeting.number });
    this.logger.info({ networkId: network.id }, "meeting created");
    return { kind: "created", meeting };
  }

  /** The meeting; the work in progress (an update) is about it from now on, in the logs. */
  async find(networkId: number, number: number): Promise<MeetingWithHost | null> {
    const meeting = await this.prisma.meeting.findUnique({ where: { networkId_number: { networkId, number } }, include: { hostOrganisation: true } });
    if (meeting) addLogFields({ meeting: meeting.number });
    return meeting;
  }

  async findById(id: number): Promise<Meeting | null> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id } });
    if (meeting) addLogFields({ meeting: meeting.number });
    return meeting;
  }

  /** Upcoming meetings (soonest first) and the last five before now (latest first). */
  async overview(networkId: number): Promise<{ upcoming: Meeting[]; past: Meeting[] }> {
    const now = this.clock();
    const [upcoming, past] = await Promise.all([
      this.prisma.meeting.findMany({ where: { networkId, endsAt: { gte: now } }, orderBy: { startsAt: "asc" } }),
      this.prisma.meeting.findMany({ where: { networkId, endsAt: { lt: now } }, orderBy: { startsAt: "desc" }, take: 5 }),
    ]);
    return { upcoming, past };
  }

  /** A meeting that has ended, or was cancelled, keeps its date and cannot be invited to: it is history. */
  async changeable(networkId: number, number: number) {
    return this.stateOf(await this.find(networkId, number));
  }

  private stateOf<M extends Meeting>(meeting: M | null) {
    if (!meeting) return { kind: "unknown-meeting" as const };
    if (meeting.status === "cancelled") return { kind: "cancelled" as const };
    if (meeting.status === "held" || meeting.endsAt <= this.clock()) return { kind: "held" as const };
    return { kind: "ok" as const, meeting };
  }

  /** Moves the meeting, keeping its length; calendars see a new SEQUENCE. */
  async reschedule(network: Network, actorId: bigint, number: number, text: string): Promise<RescheduleResult> {
    const found = await this.changeable(network.id, number);
    if (found.kind !== "ok") return found;
    const { meeting } = found;
    const when = parseDateTime(text, network.timeZone, this.nowIn(network.timeZone));
    if (!when.ok) return { kind: "bad-date", problem: when.problem };
    const startsAt = when.value.toJSDate();
    if (startsAt.getTime() === meeting.startsAt.getTime()) return { kind: "unchanged" };
    const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
    // A deadline after the new start would let answers come in after the meeting: drop it.
    const deadline = meeting.rsvpDeadline && meeting.rsvpDeadline > startsAt ? null : meeting.rsvpDeadline;
    const updated = await this.outbox.transaction(async (out) => {
      // A cancellation at the same moment wins or loses as a whole: never a move of a cancelled meeting.
      if ((await this.current(out, meeting.id)).status === "cancelled") return undefined;
      const result = await out.tx.meeting.update({
        where: { id: meeting.id },
        data: { startsAt, endsAt: new Date(startsAt.getTime() + length), rsvpDeadline: deadline, icsSequence: { increment: 1 } },
      });
      await this.audit.record(out.tx, {
        networkId: network.id,
        actorId,
        action: "meeting.reschedule",
        subject: String(number),
        before: { startsAt: meeting.startsAt.toISOString() },
        after: { startsAt: startsAt.toISOString() },
      });
      if (result.status === "invited") await this.tellChats(out, result, "rescheduled", meeting);
      await refreshCards(out, result);
      await this.reminders.planIn(out, result.id);
      return result;
    });
    if (!updated) return { kind: "cancelled" };
    this.logger.info({ networkId: network.id, announced: updated.status === "invited" }, "meeting rescheduled");
    return { kind: "rescheduled", meeting: updated, previous: { startsAt: meeting.startsAt, endsAt: meeting.endsAt }, announce: updated.status === "invited" };
  }

  /** The meeting /cancel names and its reason, or why it cannot be cancelled. */
  private cancellable<M extends Meeting>(meeting: M | null, rawReason: string): { kind: "ok"; meeting: M; reason: string } | CancelRefusal {
    const found = this.stateOf(meeting);
    if (found.kind === "cancelled") return { kind: "already-cancelled" };
    if (found.kind !== "ok") return found;
    const reason = normaliseName(rawReason);
    if (reason !== "") {
      const problem = checkName(reason, NAME_LIMITS.venue);
      if (problem) return { kind: "bad-reason", problem };
    }
    return { kind: "ok", meeting: found.meeting, reason };
  }

  /** `/cancel`: checks everything and changes nothing; the organiser confirms with a button. */
  async prepareCancel(network: Network, number: number, rawReason: string): Promise<CancelCheck> {
    const found = this.cancellable(await this.find(network.id, number), rawReason);
    if (found.kind !== "ok") return found;
    // People, as the card counts them: a yes brings its party.
    const coming = (await this.prisma.rsvp.aggregate({ where: { meetingId: found.meeting.id, status: { in: ["yes", "maybe"] } }, _sum: { partySize: true } }))._sum.partySize ?? 0;
    return { kind: "confirm", meeting: found.meeting, announce: found.meeting.status === "invited", coming };
  }

  /**
   * The confirmation's button: an organiser of the meeting's network only, and only while the
   * meeting is as it was when asked. "Keep" changes nothing.
   */
  async confirmCancel(button: CancelButton, actorId: bigint, rawReason: string): Promise<ConfirmedCancelResult> {
    const meeting = await this.findById(button.meetingId);
    if (!meeting) return { kind: "stale" };
    const actor = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId: actorId } }, select: { role: true, leftAt: true } });
    if (!actor || actor.leftAt !== null || actor.role !== "organiser") return { kind: "not-allowed" };
    if (meeting.icsSequence !== button.sequence) return meeting.status === "cancelled" ? { kind: "already-cancelled" } : { kind: "stale" };
    if (!button.confirm) return { kind: "kept", meeting };
    const found = this.cancellable(meeting, rawReason);
    if (found.kind !== "ok") return found;
    return this.cancel(meeting, actorId, found.reason, button.sequence);
  }

  /**
   * Cancels for good: the number stays taken and the meeting can no longer change. `asked`: the
   * calendar SEQUENCE the confirmation was asked at; a meeting changed since is not cancelled.
   */
  private async cancel(meeting: Meeting, actorId: bigint, reason: string, asked: number): Promise<ConfirmedCancelResult> {
    let announce = false;
    let changed = false;
    const updated = await this.outbox.transaction(async (out) => {
      // Two /cancel at once: one cancels and tells the chats, the other is told it was done.
      const { status, icsSequence } = await this.current(out, meeting.id);
      if (status === "cancelled") return undefined;
      // A move or an edit that committed since the question makes it stale.
      changed = icsSequence !== asked;
      if (changed) return undefined;
      announce = status === "invited";
      const result = await out.tx.meeting.update({
        where: { id: meeting.id },
        data: { status: "cancelled", cancelReason: reason || null, icsSequence: { increment: 1 } },
      });
      await this.audit.record(out.tx, { networkId: meeting.networkId, actorId, action: "meeting.cancel", subject: String(meeting.number), after: { reason } });
      if (announce) await this.tellChats(out, result, "cancelled");
      await refreshCards(out, result);
      await this.reminders.cancelAllIn(out, result.id, "meeting cancelled");
      return result;
    });
    if (changed) return { kind: "stale" };
    if (!updated) return { kind: "already-cancelled" };
    this.logger.info({ networkId: meeting.networkId, announced: announce }, "meeting cancelled");
    return { kind: "cancelled", meeting: updated, announce };
  }

  /** The meeting's status and calendar SEQUENCE, its row held until the transaction ends. */
  private async current(out: OutboxWriter, meetingId: number): Promise<Pick<Meeting, "status" | "icsSequence">> {
    await lockMeeting(out.tx, meetingId);
    return out.tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, icsSequence: true } });
  }

  /**
   * One notice per linked chat, in the transaction of the change; the text is rendered when it
   * is sent. A notice of this meeting still waiting for the chat's budget gives way to the new
   * one: a chat that never heard of an intermediate date is told the move from the date it knew,
   * and a cancellation is not preceded by news of a move.
   */
  private async tellChats(out: OutboxWriter, meeting: Meeting, event: MeetingNoticeEvent, previous?: { startsAt: Date; endsAt: Date }): Promise<void> {
    const [chats, waiting] = await Promise.all([
      out.tx.chat.findMany({ where: { networkId: meeting.networkId }, orderBy: { id: "asc" } }),
      out.tx.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "meeting-notice", status: "scheduled" }, select: { id: true, audience: true, payload: true } }),
    ]);
    if (waiting.length > 0) await out.withdraw({ id: { in: waiting.map((row) => row.id) } }, "superseded by a later notice");
    const known = new Map(waiting.map((row) => [row.audience, row.payload as { event?: string; fromStartsAt?: number; fromEndsAt?: number }]));
    const entries = chats.map((chat): OutboxEntry => {
      const audience = chatAudience(chat);
      const earlier = known.get(audience);
      const payload: Payload = { event, sequence: meeting.icsSequence };
      if (earlier?.event === "rescheduled" && earlier.fromStartsAt !== undefined && earlier.fromEndsAt !== undefined) Object.assign(payload, { fromStartsAt: earlier.fromStartsAt, fromEndsAt: earlier.fromEndsAt });
      else if (previous) Object.assign(payload, { fromStartsAt: previous.startsAt.getTime(), fromEndsAt: previous.endsAt.getTime() });
      return {
        dedupeKey: `meeting-notice:${meeting.id}:${event}:${meeting.icsSequence}:${audience}`,
        kind: "meeting-notice",
        networkId: meeting.networkId,
        meetingId: meeting.id,
        audience,
        payload,
      };
    });
    await out.write(entries);
  }

  async edit(network: Network, actorId: bigint, number: number, field: MeetingField, raw: string): Promise<EditResult> {
    const meeting = await this.find(network.id, number);
    if (!meeting) return { kind: "unknown-meeting" };
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    const value = normaliseName(raw);
    const clear = NONE.has(value.toLocaleLowerCase("tr-TR"));
    let data: Prisma.MeetingUncheckedUpdateInput;
    switch (field) {
      case "title":
      case "venue":
      case "address": {
        // An address is optional (the venue's name may say enough): "yok" clears it.
        if (field === "address" && clear) {
          data = { venueAddress: null };
          break;
        }
        const problem = checkName(value, NAME_LIMITS.venue);
        if (problem) return { kind: "bad-text", problem };
        data = field === "title" ? { title: value } : field === "venue" ? { venueName: value } : { venueAddress: value };
        break;
      }
      case "district": {
        if (clear) {
          data = { district: null };
          break;
        }
        const problem = checkName(value, DISTRICT_MAX);
        if (problem) return { kind: "bad-text", problem };
        data = { district: value };
        break;
      }
      case "venue_private":
        // Not a value to write: making a venue confidential or public is setVenuePrivate's.
        throw new Error("venue_private is set with setVenuePrivate");
      case "agenda": {
        const agenda = readAgenda(raw);
        if (!agenda.ok) return { kind: "bad-agenda", problem: agenda.problem };
        data = { agenda: agenda.items };
        break;
      }
      case "facilitators": {
        const names = raw.split(";").map(normaliseName).filter(Boolean);
        const problem = names.length === 0 ? ({ kind: "empty" } as const) : names.map((n) => checkName(n, NAME_LIMITS.venue)).find(Boolean);
        if (problem) return { kind: "bad-text", problem };
        data = { facilitators: names };
        break;
      }
      case "duration": {
        const minutes = parseDuration(value);
        if (minutes === undefined) return { kind: "bad-duration" };
        data = { endsAt: new Date(meeting.startsAt.getTime() + minutes * 60_000) };
        break;
      }
      case "capacity": {
        if (clear) data = { capacity: null };
        else if (/^\d{1,5}$/.test(value) && Number(value) >= 1) data = { capacity: Number(value) };
        else return { kind: "bad-capacity" };
        break;
      }
      case "deadline": {
        if (clear) {
          data = { rsvpDeadline: null };
          break;
        }
        const when = parseDateTime(value, network.timeZone, this.nowIn(network.timeZone));
        if (!when.ok) return { kind: "bad-date", problem: when.problem };
        if (when.value.toJSDate() > meeting.startsAt) return { kind: "deadline-after-start" };
        data = { rsvpDeadline: when.value.toJSDate() };
        break;
      }
      case "online_link": {
        if (clear) data = { onlineLink: null };
        else if (/^https?:\/\/[^\s<>"]{3,500}$/i.test(value)) data = { onlineLink: value };
        else return { kind: "bad-link" };
        break;
      }
    }
    const key = Object.keys(data)[0] as keyof Meeting;
    // What a calendar entry shows changed: SEQUENCE grows, so calendars take the new version.
    const inCalendar = CALENDAR_FIELDS.has(field);
    const show = (v: unknown) => (v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join("; ") : v === null ? "" : String(v));
    const updated = await this.outbox.transaction(async (out) => {
      // Looked at again under the meeting's lock: a cancellation may have committed since it was read.
      if ((await this.current(out, meeting.id)).status === "cancelled") return undefined;
      const result = await out.tx.meeting.update({ where: { id: meeting.id }, data: inCalendar ? { ...data, icsSequence: { increment: 1 } } : data });
      await this.audit.record(out.tx, {
        networkId: network.id,
        actorId,
        action: `meeting.edit.${field}`,
        subject: String(number),
        before: { [field]: show(meeting[key]) },
        after: { [field]: show(result[key]) },
      });
      await refreshCards(out, result);
      // A larger capacity (or none) frees places for those waiting; they are told privately.
      if (field === "capacity") await promoteInTransaction(out, result.id);
      await this.reminders.planIn(out, result.id);
      // A confidential place changed after the reveal time: confirmed members are told the new one.
      if (PLACE_FIELDS.has(field)) await writeOwedReveals(out, result.id, this.clock());
      return result;
    });
    if (!updated) return { kind: "cancelled" };
    // The field's name, never its value: a venue or an agenda is what people wrote.
    this.logger.info({ networkId: network.id, field }, "meeting edited");
    return { kind: "edited", meeting: updated, previous: meeting };
  }

  /**
   * `/meeting_edit <N> venue_private evet|hayır`. Made confidential at once: every posted card is
   * edited (the refresh), reminders are re-planned (the reveals appear) and, when the reveal time
   * has passed, confirmed members are told now; what is still to be sent renders from the
   * database when it goes, without the place. Made public only after a confirmation.
   */
  async setVenuePrivate(network: Network, actorId: bigint, number: number, raw: string): Promise<VenuePrivateResult> {
    const on = readSwitch(raw);
    const found = await this.changeable(network.id, number);
    if (found.kind !== "ok") return found;
    if (on === undefined) return { kind: "bad-value" };
    if (found.meeting.venuePrivate === on) return { kind: "unchanged", on };
    if (!on) return { kind: "confirm-public", meeting: found.meeting };
    const now = this.clock();
    const done = await this.outbox.transaction(async (out) => {
      if ((await this.current(out, found.meeting.id)).status === "cancelled") return undefined;
      const meeting = await out.tx.meeting.update({ where: { id: found.meeting.id }, data: { venuePrivate: true, icsSequence: { increment: 1 } } });
      await this.audit.record(out.tx, { networkId: network.id, actorId, action: "meeting.edit.venue_private", subject: String(number), before: { venue_private: "no" }, after: { venue_private: "yes" } });
      await refreshCards(out, meeting);
      await this.reminders.planIn(out, meeting.id);
      return { meeting, revealedNow: await writeOwedReveals(out, meeting.id, now) };
    });
    if (!done) return { kind: "cancelled" };
    this.logger.info({ networkId: network.id, field: "venue_private" }, "meeting edited");
    return { kind: "private", meeting: done.meeting, revealAt: revealTime(done.meeting.startsAt, network), revealedNow: done.revealedNow };
  }

  /**
   * The confirmation button's press: only an organiser of the meeting's own network makes its
   * place public, and only while the meeting is as it was when asked (same SEQUENCE, still
   * confidential, neither cancelled nor over). Cards are edited, reveals withdrawn.
   */
  async makeVenuePublic(button: VenuePublicButton, actorId: bigint): Promise<VenuePublicResult> {
    const meeting = await this.findById(button.meetingId);
    if (!meeting) return { kind: "stale" };
    const actor = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId: actorId } }, select: { role: true, leftAt: true } });
    if (!actor || actor.leftAt !== null || actor.role !== "organiser") return { kind: "not-allowed" };
    const now = this.clock();
    const updated = await this.outbox.transaction(async (out) => {
      await lockMeeting(out.tx, meeting.id);
      const current = await out.tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      const asked = current.venuePrivate && current.status !== "cancelled" && current.endsAt > now && current.icsSequence === button.sequence;
      if (!asked) return undefined;
      const result = await out.tx.meeting.update({ where: { id: meeting.id }, data: { venuePrivate: false, icsSequence: { increment: 1 } } });
      await this.audit.record(out.tx, { networkId: meeting.networkId, actorId, action: "meeting.edit.venue_private", subject: String(meeting.number), before: { venue_private: "yes" }, after: { venue_private: "no" } });
      await refreshCards(out, result);
      await this.reminders.planIn(out, result.id);
      await withdrawReveals(out, result.id, "venue no longer confidential");
      return result;
    });
    if (!updated) return { kind: "stale" };
    this.logger.info({ networkId: meeting.networkId, field: "venue_private" }, "meeting edited");
    return { kind: "public", meeting: updated };
  }

  /**
   * Whether the reader of an answer may read the meeting's place: never in a group (everyone
   * there reads it), in private by the rule of src/domain/venue-privacy.ts.
   */
  async seesPlace(meeting: Meeting, network: Network, chatType: string, userId: bigint): Promise<boolean> {
    if (!meeting.venuePrivate) return true;
    if (chatType !== "private") return false;
    return userSeesPlace(this.prisma, { ...meeting, network }, userId, this.clock());
  }

  /** Of these meetings, the ids whose place the reader of an answer may read (see seesPlace). */
  async placesSeen(meetings: readonly Meeting[], network: Network, chatType: string, userId: bigint): Promise<Set<number>> {
    const seen = new Set<number>();
    for (const meeting of meetings) if (await this.seesPlace(meeting, network, chatType, userId)) seen.add(meeting.id);
    return seen;
  }

  /**
   * `/network_set venue_reveal_hours`, `quiet_hours`, `timezone`: every invited meeting ahead is
   * planned again (reminders and reveals move), reveals written for members who joined since are
   * written again for the new time, and where it has passed already, confirmed members are told
   * at once.
   */
  async replanNetwork(networkId: number): Promise<number> {
    const now = this.clock();
    const ahead = await this.prisma.meeting.findMany({ where: { networkId, status: { in: ["planned", "invited"] }, endsAt: { gt: now } }, select: { id: true, venuePrivate: true } });
    for (const meeting of ahead) {
      await this.outbox.transaction(async (out) => {
        await this.reminders.planIn(out, meeting.id);
        if (!meeting.venuePrivate) return;
        await withdrawReveals(out, meeting.id, "the reveal time moved");
        await writeOwedReveals(out, meeting.id, now);
      });
    }
    return ahead.length;
  }
}
