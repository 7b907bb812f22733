import type { PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER, currentOrganiserIds } from "../../db/active-member.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import type { AuditService } from "../audit/service.ts";
import type { ArrivalListener } from "../reminders/arrivals.ts";
import { displayName } from "../../domain/names.ts";

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
    private readonly outbox: Outbox,
    private readonly clock: () => Date,
    /** Someone became a member of the network again (their reminders are planned). */
    private readonly arrived: ArrivalListener,
  ) {}

  /**
   * The person left this Telegram chat. For each network linked to it (the whole chat or a
   * topic), membership ends unless they are still in another of its linked chats; the
   * network's organisers are told privately, through the outbox. Returns the networks whose
   * membership ended.
   */
  async departed(telegramChatId: bigint, userId: bigint, actorId: bigint, stillIn: PresenceCheck): Promise<number[]> {
    const links = await this.prisma.chat.findMany({ where: { telegramChatId }, select: { networkId: true }, distinct: ["networkId"] });
    const ended: number[] = [];
    for (const { networkId } of links) {
      const member = await this.prisma.member.findFirst({ where: { networkId, userId, ...ACTIVE_MEMBER }, include: { user: true } });
      if (!member) continue;
      const others = await this.prisma.chat.findMany({ where: { networkId, telegramChatId: { not: telegramChatId } }, select: { telegramChatId: true }, distinct: ["telegramChatId"] });
      let present = false;
      for (const other of others) if (!present) present = await stillIn(other.telegramChatId);
      if (present) continue;
      const memberName = displayName(member.user);
      const leftAt = this.clock();
      const changed = await this.outbox.transaction(async (out) => {
        const { tx } = out;
        const { count } = await tx.member.updateMany({ where: { id: member.id, ...ACTIVE_MEMBER }, data: { leftAt, isHostContact: false } });
        if (count === 0) return false;
        // Their private invitation cards are no longer kept up to date (a venue change stays unseen).
        await tx.postedCard.deleteMany({ where: { kind: "direct", telegramChatId: userId, meeting: { networkId } } });
        await this.audit.record(tx, { networkId, actorId, action: "member.left", subject: memberName, subjectUserId: userId, after: { chatId: String(telegramChatId) } });
        // Names go to organisers only, privately: the rows are DMs and the text is rendered when sent.
        await out.write(
          (await currentOrganiserIds(tx, networkId, userId)).map((organiserId) => ({
            dedupeKey: `membership-organisers:${member.id}:${leftAt.getTime()}:${organiserId}`,
            kind: "membership-organisers" as const,
            networkId,
            audience: memberAudience(organiserId),
            payload: { memberId: member.id, leftAt: leftAt.getTime() },
          })),
        );
        return true;
      });
      if (changed) ended.push(networkId);
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
    if (count > 0) for (const link of links) this.arrived(link.networkId);
    return count;
  }
}
