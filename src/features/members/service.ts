import type { Organisation, PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { nameKey, displayName } from "../../domain/names.ts";
import type { AuditService } from "../audit/service.ts";
import type { ArrivalListener } from "../reminders/arrivals.ts";

export type ChooseResult = { kind: "chosen"; organisation: Organisation } | { kind: "unknown-organisation" } | { kind: "not-member" };

/** Whom an organiser means: the author of the message they replied to, or an @username. */
export type MemberTarget = { userId: bigint } | { username: string };

export interface MemberView {
  userId: bigint;
  name: string;
  username: string | null;
  role: "organiser" | "member";
  dmReachable: boolean;
  organisation: Organisation | null;
  /** Left every linked chat: listed apart, sent nothing. */
  left: boolean;
}

/** Why a target named no one: not a member, or an @username that two members' stored usernames share. */
export type NotFound = { kind: "unknown-member" } | { kind: "ambiguous-member" };
export type FindResult = { kind: "found"; member: MemberView } | NotFound;

export type RoleResult = { kind: "changed"; member: MemberView } | NotFound | { kind: "unchanged"; member: MemberView } | { kind: "last-organiser" };
export type SetOrgResult = { kind: "changed"; member: MemberView; organisation: Organisation } | NotFound | { kind: "unknown-organisation" };
export type HostContactResult = { kind: "set"; member: MemberView; organisation: Organisation } | NotFound | { kind: "no-organisation"; member: MemberView };

const MEMBER_INCLUDE = { user: true, organisation: true } as const;

/** People in a network: their organisation and role. */
export class MemberService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    /** Someone became a member of the network, or one again (their reminders are planned). */
    private readonly arrived: ArrivalListener,
  ) {}

  /** Joining by link: the person becomes a member of that network (and is told which). */
  async join(joinCode: string, userId: bigint) {
    const network = await this.prisma.network.findUnique({ where: { joinCode: joinCode.toUpperCase() } });
    if (!network) return undefined;
    // The join link is also the way back for someone who had left.
    await this.admit(network.id, userId);
    return network;
  }

  /** Someone known to be in a linked chat: a member from now on (again, if they had left). */
  async admit(networkId: number, userId: bigint): Promise<void> {
    await this.prisma.member.upsert({
      where: { networkId_userId: { networkId, userId } },
      create: { networkId, userId },
      update: { leftAt: null },
    });
    this.arrived(networkId);
  }

  /** A person sets their own organisation, in a network they belong to. */
  async chooseOwnOrganisation(networkId: number, userId: bigint, organisationId: number): Promise<ChooseResult> {
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId, userId } } });
    // An old organisation keyboard kept by someone who left moves nothing (their answers count for it).
    if (!member || member.leftAt) return { kind: "not-member" };
    const organisation = await this.prisma.organisation.findFirst({ where: { id: organisationId, networkId } });
    if (!organisation) return { kind: "unknown-organisation" };
    await this.prisma.member.update({ where: { id: member.id }, data: { organisationId } });
    return { kind: "chosen", organisation };
  }

  organisationOf(memberId: number): Promise<Organisation | null> {
    return this.prisma.member.findUnique({ where: { id: memberId } }).organisation();
  }

  async list(networkId: number): Promise<MemberView[]> {
    const members = await this.prisma.member.findMany({ where: { networkId }, include: MEMBER_INCLUDE, orderBy: { joinedAt: "asc" } });
    return members.map(toView);
  }

  /**
   * The one current member a target names. Stored usernames can be stale (someone changed theirs
   * and another person took it), so an @username shared by two members names no one.
   */
  async find(networkId: number, target: MemberTarget): Promise<FindResult> {
    const userFilter = "userId" in target ? { id: target.userId } : { username: { equals: target.username.replace(/^@/, ""), mode: "insensitive" as const } };
    const found = await this.prisma.member.findMany({ where: { networkId, ...ACTIVE_MEMBER, user: userFilter }, include: MEMBER_INCLUDE, take: 2 });
    if (found.length > 1) return { kind: "ambiguous-member" };
    return found[0] ? { kind: "found", member: toView(found[0]) } : { kind: "unknown-member" };
  }

  async setRole(networkId: number, actorId: bigint, target: MemberTarget, role: "organiser" | "member"): Promise<RoleResult> {
    const found = await this.find(networkId, target);
    if (found.kind !== "found") return found;
    const { member } = found;
    if (member.role === role) return { kind: "unchanged", member };
    return this.prisma.$transaction(async (tx) => {
      if (role === "member") {
        // The network's organiser rows are locked before they are counted, so two organisers
        // removing each other at once cannot both succeed: the second waits and counts again.
        await tx.$queryRaw`SELECT id FROM "Member" WHERE "networkId" = ${networkId} AND role = 'organiser' FOR UPDATE`;
        // Only those still in the network's chats count: one who left can no longer organise.
        const organisers = await tx.member.count({ where: { networkId, role: "organiser", leftAt: null } });
        if (organisers <= 1) return { kind: "last-organiser" as const };
      }
      await tx.member.update({ where: { networkId_userId: { networkId, userId: member.userId } }, data: { role } });
      await this.audit.record(tx, { networkId, actorId, action: `member.role`, subject: member.name, subjectUserId: member.userId, before: { role: member.role }, after: { role } });
      return { kind: "changed" as const, member: { ...member, role } };
    });
  }

  /** Marks (or unmarks) a member as a host contact of their organisation: hosting questions go to the marked ones. */
  async setHostContact(networkId: number, actorId: bigint, target: MemberTarget, on: boolean): Promise<HostContactResult> {
    const found = await this.find(networkId, target);
    if (found.kind !== "found") return found;
    const { member } = found;
    const row = await this.prisma.member.findUniqueOrThrow({ where: { networkId_userId: { networkId, userId: member.userId } }, include: { organisation: true } });
    if (!row.organisation) return { kind: "no-organisation", member };
    await this.prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { id: row.id }, data: { isHostContact: on } });
      await this.audit.record(tx, { networkId, actorId, action: "member.host_contact", subject: member.name, subjectUserId: member.userId, before: { contact: String(row.isHostContact) }, after: { contact: String(on) } });
    });
    return { kind: "set", member, organisation: row.organisation };
  }

  async setOrganisation(networkId: number, actorId: bigint, target: MemberTarget, shortName: string): Promise<SetOrgResult> {
    const found = await this.find(networkId, target);
    if (found.kind !== "found") return found;
    const { member } = found;
    const organisation = await this.prisma.organisation.findUnique({
      where: { networkId_shortNameKey: { networkId, shortNameKey: nameKey(shortName) } },
    });
    if (!organisation) return { kind: "unknown-organisation" };
    await this.prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { networkId_userId: { networkId, userId: member.userId } }, data: { organisationId: organisation.id } });
      await this.audit.record(tx, {
        networkId,
        actorId,
        action: "member.organisation",
        subject: member.name,
        subjectUserId: member.userId,
        before: { organisation: member.organisation?.shortName ?? null },
        after: { organisation: organisation.shortName },
      });
    });
    return { kind: "changed", member: { ...member, organisation }, organisation };
  }
}

function toView(member: {
  userId: bigint;
  role: "organiser" | "member";
  user: { firstName: string; lastName: string | null; username: string | null; dmReachable: boolean };
  organisation: Organisation | null;
  leftAt: Date | null;
}): MemberView {
  return {
    userId: member.userId,
    name: displayName(member.user),
    username: member.user.username,
    role: member.role,
    dmReachable: member.user.dmReachable,
    organisation: member.organisation,
    left: member.leftAt !== null,
  };
}
