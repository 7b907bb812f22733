import type { PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { reachableOrganisers, type DirectRecipient } from "../../bot/direct.ts";
import type { AuditService } from "../audit/service.ts";
import { displayName } from "../../domain/names.ts";

export interface Departure {
  networkId: number;
  networkName: string;
  memberName: string;
  username: string | null;
  /** Organisers to tell privately (never the person who left). */
  organisers: DirectRecipient[];
}

/** Asks Telegram whether the person is still in a chat; false when the bot cannot tell. */
export type PresenceCheck = (telegramChatId: bigint) => Promise<boolean>;

/**
 * Membership follows the linked chats: leaving (or being removed from) every linked chat of a
 * network ends membership of it; coming back restores it.
 */
export class MembershipService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /**
   * The person left this Telegram chat. For each network linked to it (the whole chat or a
   * topic), membership ends unless they are still in another of its linked chats.
   */
  async departed(telegramChatId: bigint, userId: bigint, actorId: bigint, stillIn: PresenceCheck): Promise<Departure[]> {
    const links = await this.prisma.chat.findMany({ where: { telegramChatId }, select: { networkId: true }, distinct: ["networkId"] });
    const ended: Departure[] = [];
    for (const { networkId } of links) {
      const member = await this.prisma.member.findFirst({ where: { networkId, userId, ...ACTIVE_MEMBER }, include: { user: true, network: true } });
      if (!member) continue;
      const others = await this.prisma.chat.findMany({ where: { networkId, telegramChatId: { not: telegramChatId } }, select: { telegramChatId: true }, distinct: ["telegramChatId"] });
      let present = false;
      for (const other of others) if (!present) present = await stillIn(other.telegramChatId);
      if (present) continue;
      const memberName = displayName(member.user);
      const changed = await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.member.updateMany({ where: { id: member.id, ...ACTIVE_MEMBER }, data: { leftAt: this.clock(), isHostContact: false } });
        if (count === 0) return false;
        // Their private invitation cards are no longer kept up to date (a venue change stays unseen).
        await tx.postedCard.deleteMany({ where: { kind: "direct", telegramChatId: userId, meeting: { networkId } } });
        await this.audit.record(tx, { networkId, actorId, action: "member.left", subject: memberName, subjectUserId: userId, after: { chatId: String(telegramChatId) } });
        return true;
      });
      if (!changed) continue;
      ended.push({ networkId, networkName: member.network.name, memberName, username: member.user.username, organisers: await reachableOrganisers(this.prisma, networkId, userId) });
    }
    return ended;
  }

  /** The person joined this Telegram chat again: memberships of its networks they had left resume. */
  async returned(telegramChatId: bigint, userId: bigint): Promise<number> {
    const links = await this.prisma.chat.findMany({ where: { telegramChatId }, select: { networkId: true }, distinct: ["networkId"] });
    if (links.length === 0) return 0;
    const { count } = await this.prisma.member.updateMany({
      where: { userId, networkId: { in: links.map((l) => l.networkId) }, leftAt: { not: null } },
      data: { leftAt: null },
    });
    return count;
  }
}
