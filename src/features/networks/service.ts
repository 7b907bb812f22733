import { IANAZone } from "luxon";
import type { Network, PrismaClient } from "../../db/client.ts";
import { isLocale } from "../../bot/i18n.ts";
import { newJoinCode } from "../../domain/join-code.ts";
import { checkName, NAME_LIMITS, normaliseName, type NameProblem } from "../../domain/names.ts";
import type { AuditService } from "../audit/service.ts";

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

type ScopeRow = Network & { memberId: number | null; memberRole: "organiser" | "member" | null; memberOrganisationId: number | null };

function toScope({ memberId, memberRole, memberOrganisationId, ...network }: ScopeRow): Scope {
  return {
    network,
    membership: memberId === null ? undefined : { id: memberId, role: memberRole!, organisationId: memberOrganisationId },
  };
}

export const NETWORK_KEYS = ["title", "timezone", "language", "next_number", "quiet_hours"] as const;
export type NetworkKey = (typeof NETWORK_KEYS)[number];

export type SetupResult = { kind: "created"; network: Network } | { kind: "already-linked"; network: Network } | { kind: "bad-name"; problem: NameProblem };
export type LinkResult = { kind: "linked"; network: Network } | { kind: "unknown-code" } | { kind: "not-organiser" } | { kind: "already-linked"; network: Network };
export type SetResult =
  | { kind: "updated"; before: string; after: string }
  | { kind: "unknown-key" }
  | { kind: "bad-timezone" }
  | { kind: "bad-language" }
  | { kind: "bad-number" }
  | { kind: "bad-quiet-hours" }
  | { kind: "number-taken"; last: number }
  | { kind: "bad-name"; problem: NameProblem };

/** "21:00–09:00", or "—" when there are none. */
export function quietHoursText(from: number, until: number): string {
  if (from === until) return "—";
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${clock(from)}–${clock(until)}`;
}

/** Networks, the chats linked to them, and their settings. */
export class NetworkService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * The network a chat (or its forum topic) belongs to, and the sender's place in it. One
   * statement: this runs for every update, so it must cost one round trip.
   */
  async scopeOfChat(place: Pick<ChatPlace, "chatId" | "topicId">, userId: bigint | undefined): Promise<Scope | undefined> {
    const rows = await this.prisma.$queryRaw<ScopeRow[]>`
      SELECT n.*, m.id AS "memberId", m.role AS "memberRole", m."organisationId" AS "memberOrganisationId"
      FROM "Chat" c
      JOIN "Network" n ON n.id = c."networkId"
      LEFT JOIN "Member" m ON m."networkId" = n.id AND m."userId" = ${userId ?? -1n}
      WHERE c."telegramChatId" = ${BigInt(place.chatId)} AND c."topicId" IN (${place.topicId}, 0)
      ORDER BY (c."topicId" = ${place.topicId}) DESC
      LIMIT 1`;
    const row = rows[0];
    if (!row) return undefined;
    const scope = toScope(row);
    if (userId !== undefined && !scope.membership) scope.membership = await this.ensureMember(row.id, userId);
    return scope;
  }

  /** In private, the network the person most recently joined. */
  async scopeOfUser(userId: bigint): Promise<Scope | undefined> {
    const rows = await this.prisma.$queryRaw<ScopeRow[]>`
      SELECT n.*, m.id AS "memberId", m.role AS "memberRole", m."organisationId" AS "memberOrganisationId"
      FROM "Member" m
      JOIN "Network" n ON n.id = m."networkId"
      WHERE m."userId" = ${userId}
      ORDER BY m."joinedAt" DESC, m.id DESC
      LIMIT 1`;
    return rows[0] ? toScope(rows[0]) : undefined;
  }

  /**
   * Anyone who writes in a linked chat is known as a member. Called when the scope query found
   * no membership; the upsert also covers a concurrent update that created it meanwhile.
   */
  private ensureMember(networkId: number, userId: bigint) {
    return this.prisma.member.upsert({
      where: { networkId_userId: { networkId, userId } },
      create: { networkId, userId },
      update: {},
      select: { id: true, role: true, organisationId: true },
    });
  }

  async setup(place: ChatPlace, rawName: string, creatorId: bigint): Promise<SetupResult> {
    const existing = await this.scopeOfChat(place, undefined);
    if (existing) return { kind: "already-linked", network: existing.network };
    const problem = checkName(rawName, NAME_LIMITS.network);
    if (problem) return { kind: "bad-name", problem };
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

  async link(place: ChatPlace, code: string, actorId: bigint): Promise<LinkResult> {
    const network = await this.prisma.network.findUnique({ where: { joinCode: code.toUpperCase() } });
    if (!network) return { kind: "unknown-code" };
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: network.id, userId: actorId } } });
    if (member?.role !== "organiser") return { kind: "not-organiser" };
    const existing = await this.prisma.chat.findUnique({
      where: { telegramChatId_topicId: { telegramChatId: BigInt(place.chatId), topicId: place.topicId } },
      include: { network: true },
    });
    if (existing) return { kind: "already-linked", network: existing.network };
    await this.prisma.$transaction(async (tx) => {
      await tx.chat.create({ data: { networkId: network.id, telegramChatId: BigInt(place.chatId), topicId: place.topicId, title: place.title } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "chat.link", subject: place.title ?? String(place.chatId), after: { chatId: place.chatId, topicId: place.topicId } });
    });
    return { kind: "linked", network };
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
    let data: Partial<Pick<Network, "seriesTitle" | "timeZone" | "locale" | "nextMeetingNumber" | "quietFrom" | "quietUntil">>;
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
      default:
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
