import type { Meeting, Network } from "../../db/client.ts";
import { ACTIVE_MEMBER, currentOrganiserIds } from "../../db/active-member.ts";
import { confirmed, isHostContact, placeDigest, revealTime, seesPlace, type PlaceReader } from "../../domain/venue-privacy.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { OutboxWriter } from "../../outbox/outbox.ts";
import type { OutboxRow, Payload, Tx } from "../../outbox/types.ts";

/**
 * Who may read a confidential meeting's place (src/domain/venue-privacy.ts holds the rule), and
 * the private messages that tell it to confirmed members: planned ones (the reminder planner's
 * `venue-reveal` row per member) and late ones written here, for whoever became entitled after
 * the reveal time (a late yes, a waitlist promotion, a changed place).
 */

/** Reads the database inside a transaction (the client's own reads are transactions too). */
export type Db = Tx;

type MeetingWithNetwork = Pick<Meeting, "id" | "networkId" | "venuePrivate" | "startsAt" | "hostOrganisationId"> & { network: Network };

/** A member as a reader of the meeting's place (anyone who is not a current member is an outsider, entitled to nothing). */
export async function readerOfMember(db: Db, meeting: Pick<Meeting, "id" | "networkId" | "hostOrganisationId">, memberId: number | undefined): Promise<PlaceReader> {
  const outsider: PlaceReader = { organiser: false, hostContact: false, answer: null };
  if (memberId === undefined) return outsider;
  const member = await db.member.findUnique({ where: { id: memberId }, select: { id: true, networkId: true, role: true, leftAt: true, organisationId: true } });
  if (!member || member.leftAt !== null || member.networkId !== meeting.networkId) return outsider;
  const [hostMembers, rsvp] = await Promise.all([
    meeting.hostOrganisationId !== null && member.organisationId === meeting.hostOrganisationId
      ? db.member.findMany({ where: { organisationId: meeting.hostOrganisationId, ...ACTIVE_MEMBER }, select: { id: true, isHostContact: true }, orderBy: { id: "asc" } })
      : Promise.resolve([]),
    db.rsvp.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId } }, select: { status: true, waitlistedAt: true } }),
  ]);
  return {
    organiser: member.role === "organiser",
    hostContact: isHostContact(member.id, hostMembers),
    answer: rsvp ? { status: rsvp.status, waitlisted: rsvp.waitlistedAt !== null } : null,
  };
}

/** Whether this member may read the meeting's place now. */
export async function memberSeesPlace(db: Db, meeting: MeetingWithNetwork, memberId: number | undefined, now: Date): Promise<boolean> {
  if (!meeting.venuePrivate) return true;
  return seesPlace(meeting, await readerOfMember(db, meeting, memberId), meeting.network, now);
}

/** The same for a Telegram user (a private command): through their membership of the meeting's network. */
export async function userSeesPlace(db: Db, meeting: MeetingWithNetwork, userId: bigint, now: Date): Promise<boolean> {
  if (!meeting.venuePrivate) return true;
  const member = await db.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId } }, select: { id: true } });
  return memberSeesPlace(db, meeting, member?.id, now);
}

/** A reveal written after the reveal time: one per member and place, armed again if that place is owed again. */
const lateRevealKey = (meetingId: number, memberId: number, place: string) => `venue-reveal:${meetingId}:${memberId}:${place}`;
/** The organisers are told once per member that the place could not be delivered. */
const undeliveredKey = (meetingId: number, memberId: number, organiserId: number) => `venue-undelivered:${meetingId}:${memberId}:${organiserId}`;

/** Why a meeting has no place to tell now (gone, public, cancelled, over, none decided), or undefined when it has. */
function whyNotToTell(meeting: Pick<Meeting, "venuePrivate" | "status" | "endsAt" | "venueName" | "venueAddress"> | null, now: Date): string | undefined {
  if (!meeting) return "meeting gone";
  if (!meeting.venuePrivate) return "venue no longer confidential";
  if (meeting.status === "cancelled") return "meeting cancelled";
  if (meeting.endsAt <= now) return "meeting over";
  if (!meeting.venueName && !meeting.venueAddress) return "no place decided yet";
  return undefined;
}

export type RevealCheck = { kind: "owed"; meeting: Meeting & { network: Network }; place: string } | { kind: "skip"; reason: string };

/**
 * Whether the member is owed the place now, read from the database at send time: still
 * confidential, neither cancelled nor over, a place to tell, a confirmed "yes" (not maybe, not
 * waitlisted), and this very place not told already.
 */
export async function revealOwed(db: Db, meetingId: number | null, memberId: number, now: Date): Promise<RevealCheck> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId ?? -1 }, include: { network: true } });
  const notToTell = whyNotToTell(meeting, now);
  if (notToTell || !meeting) return { kind: "skip", reason: notToTell ?? "meeting gone" };
  // No check of the reveal time here: the row's own time is it (planned at the reveal time, or
  // written for it), and a reveal that fell due under an older policy is sent, never dropped.
  const rsvp = await db.rsvp.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId } }, select: { status: true, waitlistedAt: true } });
  if (!confirmed(rsvp ? { status: rsvp.status, waitlisted: rsvp.waitlistedAt !== null } : null)) return { kind: "skip", reason: "not a confirmed answer" };
  const place = placeDigest(meeting);
  const told = await db.venueReveal.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId } } });
  if (told?.place === place && told.sentAt !== null) return { kind: "skip", reason: "this place was told already" };
  return { kind: "owed", meeting, place };
}

/**
 * In the transaction of a change that may make reveals owed (an answer, a promotion, a changed
 * place, the venue made confidential, earlier reveal hours): a reveal row for each confirmed
 * member who has not been told this place and has none on its way, due at the reveal time or at
 * once when it has passed. Planned rows cover the members known when the meeting was planned;
 * this covers whoever joined since. One the place could not reach, and who still cannot be
 * reached, is not tried again.
 */
export async function writeOwedReveals(out: OutboxWriter, meetingId: number, now: Date): Promise<number> {
  const { tx } = out;
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { network: true } });
  if (!meeting || whyNotToTell(meeting, now)) return 0;
  const revealAt = revealTime(meeting.startsAt, meeting.network);
  const notBefore = now < revealAt ? revealAt : now;
  const [confirmedAnswers, told, onTheirWay] = await Promise.all([
    tx.rsvp.findMany({
      where: { meetingId, status: "yes", waitlistedAt: null, member: { ...ACTIVE_MEMBER } },
      select: { memberId: true, member: { select: { user: { select: { dmReachable: true } } } } },
      orderBy: { id: "asc" },
    }),
    tx.venueReveal.findMany({ where: { meetingId } }),
    tx.outboxMessage.findMany({ where: { meetingId, kind: "venue-reveal", status: { in: ["scheduled", "sending"] } }, select: { audience: true } }),
  ]);
  const place = placeDigest(meeting);
  const toldOf = new Map(told.map((t) => [t.memberId, t]));
  const busy = new Set(onTheirWay.map((row) => row.audience));
  let written = 0;
  for (const answer of confirmedAnswers) {
    const memberId = answer.memberId;
    if (memberId === null || busy.has(memberAudience(memberId))) continue;
    const earlier = toldOf.get(memberId);
    if (earlier?.place === place && earlier.sentAt !== null) continue;
    if (earlier?.place === place && earlier.undeliveredAt !== null && answer.member?.user.dmReachable !== true) continue;
    await out.rearm({ dedupeKey: lateRevealKey(meetingId, memberId, place), kind: "venue-reveal", networkId: meeting.networkId, meetingId, audience: memberAudience(memberId), notBefore });
    written++;
  }
  return written;
}

/** Reveals still to go out are withdrawn: the venue is no longer confidential (the planner withdraws its own rows). */
export function withdrawReveals(out: OutboxWriter, meetingId: number, reason: string): Promise<number> {
  return out.withdraw({ meetingId, kind: "venue-reveal", dedupeKey: { startsWith: "venue-reveal:" } }, reason);
}

/**
 * The place could not reach the member (they blocked the bot, or never started it): recorded
 * as undelivered, and each organiser is told once per member, privately, by name. Only for a
 * member who was owed it: a planned row for someone who never said yes tells nobody anything.
 */
export async function recordUndelivered(out: OutboxWriter, row: OutboxRow, memberId: number, now: Date): Promise<void> {
  const owed = await revealOwed(out.tx, row.meetingId, memberId, now);
  if (owed.kind !== "owed") return;
  const { meeting, place } = owed;
  await out.tx.venueReveal.upsert({
    where: { meetingId_memberId: { meetingId: meeting.id, memberId } },
    create: { meetingId: meeting.id, memberId, place, undeliveredAt: now },
    update: { place, sentAt: null, undeliveredAt: now },
  });
  const organisers = (await currentOrganiserIds(out.tx, meeting.networkId)).filter((id) => id !== memberId);
  await out.write(
    organisers.map((organiserId) => ({
      dedupeKey: undeliveredKey(meeting.id, memberId, organiserId),
      kind: "venue-undelivered" as const,
      networkId: meeting.networkId,
      meetingId: meeting.id,
      audience: memberAudience(organiserId),
      payload: { memberId } satisfies Payload,
    })),
  );
}
