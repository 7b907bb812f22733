import { IANAZone } from "luxon";
import { readRevealHours } from "../../domain/venue-privacy.ts";
import type { Network, Prisma, PrismaClient } from "../../db/client.ts";
import { isLocale } from "../../bot/i18n.ts";
import { newJoinCode } from "../../domain/join-code.ts";
import { checkName, NAME_LIMITS, normaliseName, type NameProblem } from "../../domain/names.ts";
import type { AuditService } from "../audit/service.ts";
import type { ArrivalListener } from "../reminders/arrivals.ts";
import type { RelinkButton } from "./callbacks.ts";
import { newFeedToken } from "../calendar/tokens.ts";

export interface ChatPlace {
  chatId: number;
  /** Forum topic the command came from; 0 = the whole chat. */
  topicId: number;
  title: string | undefined;
}

export interface Scope {
  network: Network;
  membership: { id: number; role: "organiser" | "member"; organisationId: number | null } | undefined;
}

/**
 * Where an update belongs. In a group: the chat's network, or none. In private a person may
 * belong to several networks, or only to networks they have left; nothing is guessed.
 */
export type ScopeResolution =
  /** `networks`: in private, every network the person belongs to (the one in scope included). */
  | { kind: "one"; scope: Scope; networks?: { id: number; name: string }[] }
  | { kind: "none" }
  | { kind: "left"; networks: string[] }
  | { kind: "several"; networks: { id: number; name: string }[] };

/** How long a network chosen in private stays chosen: one sitting's work, not forever. */
export const PRIVATE_CHOICE_MS = 30 * 60_000;

type ScopeRow = Network & {
  memberId: number | null;
  memberRole: "organiser" | "member" | null;
  memberOrganisationId: number | null;
  memberLeftAt: Date | null;
};

function toScope({ memberId, memberRole, memberOrganisationId, memberLeftAt: _left, ...network }: ScopeRow): Scope {
  return {
    network,
    membership: memberId === null ? undefined : { id: memberId, role: memberRole!, organisationId: memberOrganisationId },
  };
}

export const NETWORK_KEYS = ["title", "timezone", "language", "next_number", "quiet_hours", "retention_months", "venue_reveal_hours", "objection_days", "join_code", "public_calendar"] as const;
/** How long answers keep their names: at least a month, at most ten years. */
export const RETENTION_MONTHS = { min: 1, max: 120 } as const;
export type NetworkKey = (typeof NETWORK_KEYS)[number];

/**
 * A topic link never overrides a chat linked to another network: a topic cannot join a network
 * other than its chat's, and a chat cannot join one while a topic of it belongs to another.
 */
export type LinkConflict = { kind: "chat-taken"; network: Network } | { kind: "topics-taken"; network: Network };

export type SetupResult = { kind: "created"; network: Network } | { kind: "already-linked"; network: Network } | { kind: "bad-name"; problem: NameProblem } | LinkConflict;
export type LinkResult =
  | { kind: "linked"; network: Network }
  | { kind: "unknown-code" }
  | { kind: "not-organiser" }
  | { kind: "already-linked"; network: Network }
  /** Linked to a network the caller does not organise: never taken over. */
  | { kind: "taken"; network: Network }
  /** Linked to another network the caller also organises: moved only after a confirmation button. */
  | { kind: "confirm-relink"; linkId: number; from: Network; to: Network }
  | LinkConflict;
export type RelinkResult = { kind: "relinked"; from: Network; to: Network } | { kind: "not-allowed" } | { kind: "stale" } | LinkConflict;
export type UnlinkResult = { kind: "unlinked"; network: Network; topic: boolean; remaining: number } | { kind: "not-linked" } | { kind: "not-organiser" };
/** How many days after a version is published members may object to it (/network_set objection_days). */
export const OBJECTION_DAYS = { min: 1, max: 60 } as const;

export type SetResult =
  | { kind: "updated"; before: string; after: string }
  | { kind: "unknown-key" }
  | { kind: "bad-timezone" }
  | { kind: "bad-language" }
  | { kind: "bad-number" }
  | { kind: "bad-quiet-hours" }
  | { kind: "bad-retention" }
  | { kind: "bad-reveal-hours" }
  | { kind: "bad-objection-days" }
  | { kind: "number-taken"; last: number }
  | { kind: "bad-name"; problem: NameProblem };

/** What /network and /network_set public_calendar need of the calendar feeds: the address of a network's feed. */
export interface PublicCalendarLinks {
  /** Undefined when this ortak serves no feeds (no HTTP server). */
  networkFeedUrl(token: string): string | undefined;
}

export type PublicCalendarResult =
  /** `changed`: false when it already was as asked (nothing written, nothing audited). */
  { kind: "set"; on: boolean; changed: boolean; network: Network } | { kind: "bad-value" };

const YES = new Set(["yes", "evet", "on", "açık"]);
const NO = new Set(["no", "hayır", "off", "kapalı"]);

/** "21:00–09:00", or "—" when there are none. */
export function quietHoursText(from: number, until: number): string {
  if (from === until) return "—";
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${clock(from)}–${clock(until)}`;
}

/**
 * A chat (or one topic of it; all of its topics when `topicId` is undefined) no longer belongs to
 * the network: nothing of the network goes there any more. Its scheduled reminders are
 * withdrawn, its cards are forgotten (so they are neither edited nor answered), and copies of
 * minutes still waiting for it are dropped. In the transaction that moves or removes the link.
 */
async function detachChat(tx: Prisma.TransactionClient, networkId: number, chatId: number, topicId: number | undefined): Promise<void> {
  const telegramChatId = BigInt(chatId);
  const topics = topicId === undefined ? {} : { topicId };
  const meeting = { networkId };
  const audience = topicId === undefined ? { startsWith: `chat:${chatId}:` } : { equals: `chat:${chatId}:${topicId}` };
  await tx.outboxMessage.updateMany({ where: { networkId, audience, status: "scheduled" }, data: { status: "cancelled", reason: "chat unlinked" } });
  await tx.postedCard.deleteMany({ where: { meeting, kind: "group", telegramChatId, ...topics } });
  if (topicId === undefined || topicId === 0) await tx.minutesCard.deleteMany({ where: { telegramChatId, minutes: { meeting } } });
}

/** Networks, the chats linked to them, and their settings. */
export class NetworkService {
  private readonly detachedListeners: ((telegramChatId: bigint) => void)[] = [];
  private calendarLinks: PublicCalendarLinks | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    /** Someone became a member of the network (or one again), or a chat was linked to it: its reminders are planned. */
    private readonly arrived: ArrivalListener,
  ) {}

  /** Tells a subscriber (the invitation cards' cache) that a chat no longer belongs to a network. */
  onChatDetached(listener: (telegramChatId: bigint) => void): void {
    this.detachedListeners.push(listener);
  }

  /**
   * Where the network feeds are served. Given once by the composition root, which alone knows the
   * HTTP server and its public address.
   */
  useCalendarLinks(links: PublicCalendarLinks): void {
    this.calendarLinks = links;
  }

  /** The address of the network's public calendar, when it is on and this ortak serves feeds. */
  publicCalendarUrl(network: Pick<Network, "publicCalendarToken">): string | undefined {
    return network.publicCalendarToken ? this.calendarLinks?.networkFeedUrl(network.publicCalendarToken) : undefined;
  }

  /**
   * /network_set public_calendar yes|no: a feed of the network's meetings without personal data.
   * On draws a token (kept as it is: organisers see the address again); off removes it, and the
   * old address answers 404 at once. Asking for what already is changes nothing. The audit
   * entry says on or off, never the token.
   */
  async setPublicCalendar(network: Network, actorId: bigint, raw: string): Promise<PublicCalendarResult> {
    const value = raw.trim().toLocaleLowerCase("tr-TR");
    if (!YES.has(value) && !NO.has(value)) return { kind: "bad-value" };
    const on = YES.has(value);
    const changed = await this.prisma.$transaction(async (tx) => {
      // Conditional: of two organisers switching it on at once, one draws the token.
      const { count } = await tx.network.updateMany({
        where: { id: network.id, publicCalendarToken: on ? null : { not: null } },
        data: { publicCalendarToken: on ? newFeedToken() : null },
      });
      if (count === 0) return false;
      const state = (yes: boolean) => ({ public_calendar: yes ? "yes" : "no" });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "network.set.public_calendar", subject: network.name, before: state(!on), after: state(on) });
      return true;
    });
    const current = await this.prisma.network.findUniqueOrThrow({ where: { id: network.id } });
    return { kind: "set", on: current.publicCalendarToken !== null, changed, network: current };
  }

  private detached(chatId: number): void {
    for (const listener of this.detachedListeners) listener(BigInt(chatId));
  }

  /**
   * The network a chat (or its forum topic) belongs to, and the sender's place in it. One
   * statement: this runs for every update, so it must cost one round trip. `register` (someone
   * wrote there) makes the sender a member, or a member again after leaving.
   */
  async scopeOfChat(place: Pick<ChatPlace, "chatId" | "topicId">, userId: bigint | undefined, register = true): Promise<Scope | undefined> {
    const rows = await this.prisma.$queryRaw<ScopeRow[]>`
      SELECT n.*, m.id AS "memberId", m.role AS "memberRole", m."organisationId" AS "memberOrganisationId", m."leftAt" AS "memberLeftAt"
      FROM "Chat" c
      JOIN "Network" n ON n.id = c."networkId"
      LEFT JOIN "Member" m ON m."networkId" = n.id AND m."userId" = ${userId ?? -1n}
      WHERE c."telegramChatId" = ${BigInt(place.chatId)} AND c."topicId" IN (${place.topicId}, 0)
      ORDER BY (c."topicId" = ${place.topicId}) DESC
      LIMIT 1`;
    const row = rows[0];
    if (!row) return undefined;
    const scope = toScope(row);
    if (userId === undefined) return scope;
    if (!register) return row.memberLeftAt ? { ...scope, membership: undefined } : scope;
    if (!scope.membership || row.memberLeftAt) {
      scope.membership = await this.ensureMember(row.id, userId);
      this.arrived(row.id);
    }
    return scope;
  }

  /**
   * In private: the person's one network; the network they chose within the last half hour
   * when they belong to several; otherwise what stands in the way (none, only left, several).
   */
  async resolvePrivate(userId: bigint, now: Date): Promise<ScopeResolution> {
    const rows = await this.prisma.$queryRaw<(ScopeRow & { chosenId: number | null; chosenAt: Date | null })[]>`
      SELECT n.*, m.id AS "memberId", m.role AS "memberRole", m."organisationId" AS "memberOrganisationId", m."leftAt" AS "memberLeftAt",
             u."privateNetworkId" AS "chosenId", u."privateNetworkAt" AS "chosenAt"
      FROM "Member" m
      JOIN "Network" n ON n.id = m."networkId"
      JOIN "TelegramUser" u ON u.id = m."userId"
      WHERE m."userId" = ${userId}
      ORDER BY m."joinedAt" DESC, m.id DESC`;
    const active = rows.filter((row) => row.memberLeftAt === null);
    if (rows.length === 0) return { kind: "none" };
    if (active.length === 0) return { kind: "left", networks: rows.map((row) => row.name) };
    const networks = active.map((row) => ({ id: row.id, name: row.name })).sort((a, b) => a.name.localeCompare(b.name, "tr"));
    if (active.length === 1) return { kind: "one", scope: toScope(active[0]!), networks };
    const chosen = active.find((row) => row.id === row.chosenId && row.chosenAt !== null && now.getTime() - row.chosenAt.getTime() < PRIVATE_CHOICE_MS);
    if (chosen) return { kind: "one", scope: toScope(chosen), networks };
    return { kind: "several", networks };
  }

  /**
   * Anyone who writes in a linked chat is known as a member, and someone who had left is a member
   * again. The upsert also covers a concurrent update that created the row meanwhile.
   */
  private ensureMember(networkId: number, userId: bigint) {
    return this.prisma.member.upsert({
      where: { networkId_userId: { networkId, userId } },
      create: { networkId, userId },
      update: { leftAt: null },
      select: { id: true, role: true, organisationId: true },
    });
  }

  async setup(place: ChatPlace, rawName: string, creatorId: bigint): Promise<SetupResult> {
    const existing = await this.scopeOfChat(place, undefined);
    if (existing) return { kind: "already-linked", network: existing.network };
    const problem = checkName(rawName, NAME_LIMITS.network);
    if (problem) return { kind: "bad-name", problem };
    const conflict = await this.conflict(place, undefined);
    if (conflict) return conflict;
    const name = normaliseName(rawName);
    const network = await this.prisma.$transaction(async (tx) => {
      const created = await tx.network.create({ data: { name, seriesTitle: name, joinCode: newJoinCode() } });
      await tx.chat.create({ data: { networkId: created.id, telegramChatId: BigInt(place.chatId), topicId: place.topicId, title: place.title } });
      await tx.member.create({ data: { networkId: created.id, userId: creatorId, role: "organiser" } });
      await this.audit.record(tx, { networkId: created.id, actorId: creatorId, action: "network.setup", subject: name, after: { name, chatId: place.chatId, topicId: place.topicId } });
      return created;
    });
    return { kind: "created", network };
  }

  /**
   * Links this chat or topic to the code's network. The caller's Telegram admin status is the
   * handler's to check; this checks the network side: an organiser of the code's network, and
   * never a place that belongs to another network (that needs `relink`, after a confirmation).
   */
  async link(place: ChatPlace, code: string, actorId: bigint): Promise<LinkResult> {
    const network = await this.prisma.network.findUnique({ where: { joinCode: code.toUpperCase() } });
    if (!network) return { kind: "unknown-code" };
    if (!(await this.isOrganiser(network.id, actorId))) return { kind: "not-organiser" };
    const existing = await this.linkAt(place.chatId, place.topicId);
    if (existing?.networkId === network.id) return { kind: "already-linked", network };
    const conflict = await this.conflict(place, network.id, existing?.networkId);
    if (conflict) return conflict;
    if (existing) {
      const organisesBoth = await this.isOrganiser(existing.networkId, actorId);
      return organisesBoth ? { kind: "confirm-relink", linkId: existing.id, from: existing.network, to: network } : { kind: "taken", network: existing.network };
    }
    try {
      await this.prisma.$transaction(async (tx) => {
        await tx.chat.create({ data: { networkId: network.id, telegramChatId: BigInt(place.chatId), topicId: place.topicId, title: place.title } });
        await this.audit.record(tx, { networkId: network.id, actorId, action: "chat.link", subject: place.title ?? String(place.chatId), after: { chatId: place.chatId, topicId: place.topicId } });
      });
    } catch (error) {
      // Someone linked the same place a moment earlier: answer as if we had come second.
      if ((error as { code?: string }).code !== "P2002") throw error;
      const winner = await this.linkAt(place.chatId, place.topicId);
      if (!winner) throw error;
      return winner.networkId === network.id ? { kind: "already-linked", network } : { kind: "taken", network: winner.network };
    }
    this.arrived(network.id);
    return { kind: "linked", network };
  }

  /**
   * Moves one link to another network, as the confirmation button asks. Everything is checked
   * again at press time: the presser organises both networks (their Telegram admin status is the
   * handler's to check) and the link is still the same row, still in the network it was in.
   * Moving a whole chat takes its topics of the old network along, so no topic is left in a
   * network other than its chat's.
   */
  async relink(place: ChatPlace, button: RelinkButton, actorId: bigint): Promise<RelinkResult> {
    const { linkId, fromNetworkId, toNetworkId } = button;
    if (!(await this.isOrganiser(fromNetworkId, actorId)) || !(await this.isOrganiser(toNetworkId, actorId))) return { kind: "not-allowed" };
    const existing = await this.linkAt(place.chatId, place.topicId);
    const to = await this.prisma.network.findUnique({ where: { id: toNetworkId } });
    if (!existing || existing.id !== linkId || existing.networkId !== fromNetworkId || !to) return { kind: "stale" };
    const conflict = await this.conflict(place, toNetworkId, fromNetworkId);
    if (conflict) return conflict;
    const moved = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.chat.updateMany({ where: { id: linkId, networkId: fromNetworkId }, data: { networkId: toNetworkId, linkedAt: new Date() } });
      if (count === 0) return false;
      if (place.topicId === 0) await tx.chat.updateMany({ where: { telegramChatId: BigInt(place.chatId), networkId: fromNetworkId }, data: { networkId: toNetworkId } });
      await detachChat(tx, fromNetworkId, place.chatId, place.topicId === 0 ? undefined : place.topicId);
      const entry = { actorId, subject: place.title ?? String(place.chatId), before: { network: existing.network.name }, after: { network: to.name } };
      await this.audit.record(tx, { ...entry, networkId: fromNetworkId, action: "chat.relink.out" });
      await this.audit.record(tx, { ...entry, networkId: toNetworkId, action: "chat.relink.in" });
      return true;
    });
    if (moved) {
      this.detached(place.chatId);
      // The chat's reminders leave the old network's meetings and join the new one's.
      this.arrived(fromNetworkId);
      this.arrived(toNetworkId);
    }
    return moved ? { kind: "relinked", from: existing.network, to } : { kind: "stale" };
  }

  /**
   * Removes the link that governs this place: in a topic with its own link, that one; otherwise
   * the chat's. The network itself stays, even without any linked chat.
   */
  async unlink(place: ChatPlace, actorId: bigint): Promise<UnlinkResult> {
    const row = (place.topicId !== 0 ? await this.linkAt(place.chatId, place.topicId) : null) ?? (await this.linkAt(place.chatId, 0));
    if (!row) return { kind: "not-linked" };
    if (!(await this.isOrganiser(row.networkId, actorId))) return { kind: "not-organiser" };
    const removed = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.chat.deleteMany({ where: { id: row.id, networkId: row.networkId } });
      if (count === 0) return false;
      await detachChat(tx, row.networkId, place.chatId, row.topicId);
      await this.audit.record(tx, { networkId: row.networkId, actorId, action: "chat.unlink", subject: row.title ?? String(place.chatId), before: { chatId: place.chatId, topicId: row.topicId } });
      return true;
    });
    if (!removed) return { kind: "not-linked" };
    this.detached(place.chatId);
    return { kind: "unlinked", network: row.network, topic: row.topicId !== 0, remaining: await this.linkedChatCount(row.networkId) };
  }

  /** A new join code; the old one stops working at once. The audit entry never holds a code. */
  async renewJoinCode(network: Network, actorId: bigint): Promise<Network> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.prisma.$transaction(async (tx) => {
          const updated = await tx.network.update({ where: { id: network.id }, data: { joinCode: newJoinCode() } });
          await this.audit.record(tx, { networkId: network.id, actorId, action: "network.set.join_code", subject: network.name });
          return updated;
        });
      } catch (error) {
        // Another network drew the same code: draw again (31^8 codes make a second clash unheard of).
        if ((error as { code?: string }).code !== "P2002" || attempt >= 3) throw error;
      }
    }
  }

  /** An organiser of the network who has not left it. */
  async isOrganiser(networkId: number, userId: bigint): Promise<boolean> {
    return (await this.memberScope(networkId, userId))?.membership?.role === "organiser";
  }


  /**
   * The person's place in one given network, for work that carries its network with it (a
   * dialogue started there, a button naming a meeting) rather than the private choice, which
   * may have lapsed or changed meanwhile. Undefined unless they are a member who has not left.
   */
  async memberScope(networkId: number, userId: bigint): Promise<Scope | undefined> {
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId, userId } }, include: { network: true } });
    if (!member || member.leftAt !== null) return undefined;
    return { network: member.network, membership: { id: member.id, role: member.role, organisationId: member.organisationId } };
  }

  private linkAt(chatId: number, topicId: number) {
    return this.prisma.chat.findUnique({ where: { telegramChatId_topicId: { telegramChatId: BigInt(chatId), topicId } }, include: { network: true } });
  }

  /**
   * Whether linking this place to `networkId` (undefined: a network not created yet) would let a
   * topic link differ from its chat's. `moving`: the network whose links in this chat move along.
   */
  private async conflict(place: Pick<ChatPlace, "chatId" | "topicId">, networkId: number | undefined, moving?: number): Promise<LinkConflict | undefined> {
    if (place.topicId !== 0) {
      const whole = await this.linkAt(place.chatId, 0);
      return whole && whole.networkId !== networkId ? { kind: "chat-taken", network: whole.network } : undefined;
    }
    const allowed = [networkId, moving].filter((id): id is number => id !== undefined);
    const topic = await this.prisma.chat.findFirst({
      where: { telegramChatId: BigInt(place.chatId), topicId: { not: 0 }, networkId: { notIn: allowed } },
      include: { network: true },
      orderBy: { id: "asc" },
    });
    return topic ? { kind: "topics-taken", network: topic.network } : undefined;
  }

  /** Where the network's announcements go: each linked chat, in its forum topic if it has one. */
  linkedChats(networkId: number): Promise<{ telegramChatId: bigint; topicId: number }[]> {
    return this.prisma.chat.findMany({ where: { networkId }, select: { telegramChatId: true, topicId: true }, orderBy: { id: "asc" } });
  }

  linkedChatCount(networkId: number): Promise<number> {
    return this.prisma.chat.count({ where: { networkId } });
  }

  async set(network: Network, actorId: bigint, key: string, raw: string): Promise<SetResult> {
    const value = raw.trim();
    let data: Partial<Pick<Network, "seriesTitle" | "timeZone" | "locale" | "nextMeetingNumber" | "quietFrom" | "quietUntil" | "retentionMonths" | "venueRevealHours" | "objectionDays">>;
    let before: string;
    switch (key as NetworkKey) {
      case "title": {
        const problem = checkName(value, NAME_LIMITS.network);
        if (problem) return { kind: "bad-name", problem };
        data = { seriesTitle: normaliseName(value) };
        before = network.seriesTitle;
        break;
      }
      case "timezone":
        if (!/^[A-Za-z_]+\/[A-Za-z_/+-]+$|^UTC$/.test(value) || !IANAZone.isValidZone(value)) return { kind: "bad-timezone" };
        data = { timeZone: value };
        before = network.timeZone;
        break;
      case "language":
        if (!isLocale(value.toLowerCase())) return { kind: "bad-language" };
        data = { locale: value.toLowerCase() };
        before = network.locale;
        break;
      case "next_number": {
        // Meeting numbers are never reused, so the next one must come after every existing one.
        if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return { kind: "bad-number" };
        const last = await this.prisma.meeting.aggregate({ where: { networkId: network.id }, _max: { number: true } });
        if (last._max.number !== null && Number(value) <= last._max.number) return { kind: "number-taken", last: last._max.number };
        data = { nextMeetingNumber: Number(value) };
        before = String(network.nextMeetingNumber);
        break;
      }
      case "quiet_hours": {
        // "21:00-09:00", or none: equal start and end mean no quiet hours.
        const none = /^(yok|none|-)$/i.test(value);
        const match = /^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$/.exec(value);
        const minutes = match ? [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])] : undefined;
        if (!none && (!match || Number(match[1]) > 23 || Number(match[3]) > 23 || Number(match[2]) > 59 || Number(match[4]) > 59)) return { kind: "bad-quiet-hours" };
        data = none ? { quietFrom: 0, quietUntil: 0 } : { quietFrom: minutes![0]!, quietUntil: minutes![1]! };
        before = quietHoursText(network.quietFrom, network.quietUntil);
        break;
      }
      case "retention_months": {
        const months = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
        if (!(months >= RETENTION_MONTHS.min && months <= RETENTION_MONTHS.max)) return { kind: "bad-retention" };
        data = { retentionMonths: months };
        before = String(network.retentionMonths);
        break;
      }
      case "venue_reveal_hours": {
        // When confirmed members are told a confidential venue; the caller re-plans the meetings ahead.
        const hours = readRevealHours(value);
        if (hours === undefined) return { kind: "bad-reveal-hours" };
        data = { venueRevealHours: hours };
        before = String(network.venueRevealHours);
        break;
      }
      case "objection_days": {
        // How long members may object to a published version of the minutes.
        const days = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
        if (!(days >= OBJECTION_DAYS.min && days <= OBJECTION_DAYS.max)) return { kind: "bad-objection-days" };
        data = { objectionDays: days };
        before = String(network.objectionDays);
        break;
      }
      default:
        // join_code is not a value to set but a code to draw (renewJoinCode); public_calendar draws a token (setPublicCalendar).
        return { kind: "unknown-key" };
    }
    const after = "quietFrom" in data ? quietHoursText(data.quietFrom!, data.quietUntil!) : String(Object.values(data)[0]);
    await this.prisma.$transaction(async (tx) => {
      await tx.network.update({ where: { id: network.id }, data });
      await this.audit.record(tx, { networkId: network.id, actorId, action: `network.set.${key}`, subject: network.name, before: { [key]: before }, after: { [key]: after } });
    });
    return { kind: "updated", before, after };
  }
}
