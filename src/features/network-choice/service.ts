import type { PrismaClient } from "../../db/client.ts";
import type { NetworkService } from "../networks/service.ts";

/** Which of their networks a person means in private, when they belong to several. */
export class NetworkChoiceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly networks: NetworkService,
    private readonly clock: () => Date,
  ) {}

  /** Records the choice; undefined when the person is not (or no longer) a member there. */
  async choose(userId: bigint, networkId: number): Promise<{ name: string } | undefined> {
    const scope = await this.networks.memberScope(networkId, userId);
    if (!scope) return undefined;
    await this.prisma.telegramUser.update({ where: { id: userId }, data: { privateNetworkId: networkId, privateNetworkAt: this.clock() } });
    return { name: scope.network.name };
  }
}
