import type { Prisma } from "../../db/client.ts";
import { ACTIVE_MEMBER, currentOrganiserIds } from "../../db/active-member.ts";
import { hostContacts } from "../../domain/rotation.ts";
import { chatAudience, memberAudience } from "../../outbox/audience.ts";
import { reminderKey } from "../reminders/service.ts";
import type { OutboxEntry } from "../../outbox/types.ts";

/**
 * The outbox rows hosting writes, each in the transaction of the change it tells about. Keys name
 * a turn and what happened to it: a turn is proposed, answered or expired once, so writing the
 * same change again creates nothing.
 */

export type GroupEvent = "proposed" | "accepted" | "declined" | "swapped";
export type OrganiserEvent = "expired" | "nobody";
export type SwapEvent = "ask" | "refused";

type Db = Prisma.TransactionClient;
type About = { meetingId: number; networkId: number; turnId: number };

/** Who answers hosting questions for an organisation: its marked contacts, else all its members. */
export async function contactMembers(db: Pick<Db, "member">, organisationId: number) {
  const members = await db.member.findMany({ where: { organisationId, ...ACTIVE_MEMBER }, include: { user: true }, orderBy: { id: "asc" } });
  return hostContacts(members);
}

/**
 * The proposal's answer deadline has a reminder's key, so that a cancelled meeting withdraws it
 * with its reminders and `/reminders` lists it.
 */
export function expiryKey(meetingId: number, turnId: number): string {
  return reminderKey(meetingId, "host-expiry", 0, `turn:${turnId}`);
}

export function expiryEntry(about: About, deadline: Date): OutboxEntry {
  return {
    dedupeKey: expiryKey(about.meetingId, about.turnId),
    kind: "host-expiry",
    networkId: about.networkId,
    meetingId: about.meetingId,
    audience: `turn:${about.turnId}`,
    payload: { turnId: about.turnId },
    notBefore: deadline,
  };
}

/** One line to each chat linked to the network now. */
export async function groupNotices(db: Pick<Db, "chat">, about: About, event: GroupEvent): Promise<OutboxEntry[]> {
  const chats = await db.chat.findMany({ where: { networkId: about.networkId }, select: { telegramChatId: true, topicId: true }, orderBy: { id: "asc" } });
  return chats.map((chat) => {
    const audience = chatAudience(chat);
    return { dedupeKey: `host-group:${about.turnId}:${event}:${audience}`, kind: "host-group", networkId: about.networkId, meetingId: about.meetingId, audience, payload: { event, turnId: about.turnId } };
  });
}

/** The proposal to each contact of the proposed organisation. */
export function proposalNotices(about: About, contacts: readonly { id: number }[]): OutboxEntry[] {
  return contacts.map((contact) => ({
    dedupeKey: `host-proposal:${about.turnId}:${contact.id}`,
    kind: "host-proposal",
    networkId: about.networkId,
    meetingId: about.meetingId,
    audience: memberAudience(contact.id),
    payload: { turnId: about.turnId },
  }));
}

/** To each organiser of the network now (the delivery skips those it cannot reach). */
export async function organiserNotices(db: Pick<Db, "member">, about: About, event: OrganiserEvent): Promise<OutboxEntry[]> {
  return (await currentOrganiserIds(db, about.networkId)).map((organiserId) => ({
    dedupeKey: `host-organisers:${about.turnId}:${event}:${organiserId}`,
    kind: "host-organisers",
    networkId: about.networkId,
    meetingId: about.meetingId,
    audience: memberAudience(organiserId),
    payload: { event, turnId: about.turnId },
  }));
}

/**
 * A swap request to the asked organisation's contacts, or its refusal to the proposed one's. A
 * turn may be offered to the same organisation again after a refusal, so each request (and each
 * refusal) of a turn is numbered; the turn's row, updated first in the same transaction, keeps
 * two of them from taking the same number.
 */
export async function swapNotices(db: Pick<Db, "outboxMessage">, about: About, event: SwapEvent, askedOrganisationId: number, contacts: readonly { id: number }[]): Promise<OutboxEntry[]> {
  const prefix = `host-swap:${about.turnId}:${event}:`;
  const earlier = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, select: { dedupeKey: true } });
  const round = new Set(earlier.map((row) => row.dedupeKey.slice(prefix.length).split(":")[0])).size + 1;
  return contacts.map((contact) => ({
    dedupeKey: `${prefix}${round}:${contact.id}`,
    kind: "host-swap",
    networkId: about.networkId,
    meetingId: about.meetingId,
    audience: memberAudience(contact.id),
    payload: { event, turnId: about.turnId, organisationId: askedOrganisationId },
  }));
}
