import type { PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";

/** Which of their networks a person means in private, when they belong to several. */
export class NetworkChoiceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  /** Records the choice; undefined when the person is not (or no longer) a member there. */
  async choose(userId: bigint, networkId: number): Promise<{ name: string } | undefined> {
    const member = await this.prisma.member.findFirst({ where: { networkId, userId, ...ACTIVE_MEMBER }, include: { network: { select: { name: true } } } });
    if (!member) return undefined;
    await this.prisma.telegramUser.update({ where: { id: userId }, data: { privateNetworkId: networkId, privateNetworkAt: this.clock() } });
    return { name: member.network.name };
  }
}
