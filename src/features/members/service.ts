import type { Organisation, PrismaClient } from "../../db/client.ts";

export type ChooseResult = { kind: "chosen"; organisation: Organisation } | { kind: "unknown-organisation" };

/** People in a network: their organisation and role. */
export class MemberService {
  constructor(private readonly prisma: PrismaClient) {}

  /** A person sets their own organisation; the organisation must belong to the network. */
  async chooseOwnOrganisation(networkId: number, userId: bigint, organisationId: number): Promise<ChooseResult> {
    const organisation = await this.prisma.organisation.findFirst({ where: { id: organisationId, networkId } });
    if (!organisation) return { kind: "unknown-organisation" };
    await this.prisma.member.upsert({
      where: { networkId_userId: { networkId, userId } },
      create: { networkId, userId, organisationId },
      update: { organisationId },
    });
    return { kind: "chosen", organisation };
  }

  organisationOf(memberId: number): Promise<Organisation | null> {
    return this.prisma.member.findUnique({ where: { id: memberId } }).organisation();
  }
}
