import type { Organisation, PrismaClient } from "../../db/client.ts";
import { nameKey } from "../../domain/names.ts";
import type { AuditService } from "../audit/service.ts";

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
}

export type RoleResult =
  | { kind: "changed"; member: MemberView }
  | { kind: "unknown-member" }
  | { kind: "unchanged"; member: MemberView }
  | { kind: "last-organiser" };
export type SetOrgResult = { kind: "changed"; member: MemberView; organisation: Organisation } | { kind: "unknown-member" } | { kind: "unknown-organisation" };

const MEMBER_INCLUDE = { user: true, organisation: true } as const;

/** People in a network: their organisation and role. */
export class MemberService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /** Joining by link: the person becomes a member of that network (and is told which). */
  async join(joinCode: string, userId: bigint) {
    const network = await this.prisma.network.findUnique({ where: { joinCode: joinCode.toUpperCase() } });
    if (!network) return undefined;
    await this.prisma.member.upsert({
      where: { networkId_userId: { networkId: network.id, userId } },
      create: { networkId: network.id, userId },
      update: {},
    });
    return network;
  }

  /** A person sets their own organisation, in a network they belong to. */
  async chooseOwnOrganisation(networkId: number, userId: bigint, organisationId: number): Promise<ChooseResult> {
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId, userId } } });
    if (!member) return { kind: "not-member" };
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

  async find(networkId: number, target: MemberTarget): Promise<MemberView | undefined> {
    const userFilter = "userId" in target ? { id: target.userId } : { username: { equals: target.username.replace(/^@/, ""), mode: "insensitive" as const } };
    const member = await this.prisma.member.findFirst({ where: { networkId, user: userFilter }, include: MEMBER_INCLUDE });
    return member ? toView(member) : undefined;
  }

  async setRole(networkId: number, actorId: bigint, target: MemberTarget, role: "organiser" | "member"): Promise<RoleResult> {
    const member = await this.find(networkId, target);
    if (!member) return { kind: "unknown-member" };
    if (member.role === role) return { kind: "unchanged", member };
    return this.prisma.$transaction(async (tx) => {
      if (role === "member") {
        // Counted inside the transaction, so two organisers removing each other cannot both succeed.
        const organisers = await tx.member.count({ where: { networkId, role: "organiser" } });
        if (organisers <= 1) return { kind: "last-organiser" as const };
      }
      await tx.member.update({ where: { networkId_userId: { networkId, userId: member.userId } }, data: { role } });
      await this.audit.record(tx, { networkId, actorId, action: `member.role`, subject: member.name, before: { role: member.role }, after: { role } });
      return { kind: "changed" as const, member: { ...member, role } };
    });
  }

  /** Marks (or unmarks) a member as a host contact of their organisation: hosting questions go to the marked ones. */
  async setHostContact(networkId: number, actorId: bigint, target: MemberTarget, on: boolean) {
    const member = await this.find(networkId, target);
    if (!member) return { kind: "unknown-member" as const };
    const row = await this.prisma.member.findUniqueOrThrow({ where: { networkId_userId: { networkId, userId: member.userId } }, include: { organisation: true } });
    if (!row.organisation) return { kind: "no-organisation" as const, member };
    await this.prisma.$transaction(async (tx) => {
      await tx.member.update({ where: { id: row.id }, data: { isHostContact: on } });
      await this.audit.record(tx, { networkId, actorId, action: "member.host_contact", subject: member.name, before: { contact: String(row.isHostContact) }, after: { contact: String(on) } });
    });
    return { kind: "set" as const, member, organisation: row.organisation };
  }

  async setOrganisation(networkId: number, actorId: bigint, target: MemberTarget, shortName: string): Promise<SetOrgResult> {
    const member = await this.find(networkId, target);
    if (!member) return { kind: "unknown-member" };
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
}): MemberView {
  return {
    userId: member.userId,
    name: [member.user.firstName, member.user.lastName].filter(Boolean).join(" "),
    username: member.user.username,
    role: member.role,
    dmReachable: member.user.dmReachable,
    organisation: member.organisation,
  };
}
