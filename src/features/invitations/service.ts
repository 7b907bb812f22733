import type { DirectRecipient } from "../../bot/direct.ts";
import type { Network, PrismaClient } from "../../db/client.ts";
import type { ActionItem, ActionService } from "../actions/service.ts";
import type { PostedCard } from "../../db/generated/client.ts";
import type { AuditService } from "../audit/service.ts";
import type { MeetingWithHost } from "../meetings/service.ts";
import type { NameWithholder, TextAudience } from "../members/name-withholder.ts";
import type { RsvpService, Tally } from "../rsvp/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { NO_FREE_TEXT } from "../members/name-withholder.ts";

export type { PostedCard };

/** Everything a card shows, read in one go. */
export interface CardData {
  meeting: MeetingWithHost;
  network: Network;
  tally: Tally;
  cards: PostedCard[];
  /** Open action items of earlier meetings, listed on the card until done. */
  carriedOver: ActionItem[];
  /** How those items' texts read on a group's card and on each member's own card. */
  texts: TextAudience;
}

export type { DirectRecipient };

/** Posted invitation cards: where they are, what they last showed, who still needs one. */
export class InvitationService {
  /** Card message → meeting never changes once posted, so a press needs no query to find it. */
  private readonly meetingOfCard = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly rsvps: RsvpService,
    private readonly actions: ActionService,
    private readonly withholder: NameWithholder,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /** Marks the meeting invited; DMs are then owed to every reachable member until sent. */
  async markInvited(network: Network, actorId: bigint, meetingId: number, repost: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const meeting = await tx.meeting.update({
        where: { id: meetingId },
        data: { status: "invited", directFanoutPending: true },
      });
      if (meeting.invitedAt === null) await tx.meeting.update({ where: { id: meetingId }, data: { invitedAt: this.clock() } });
      await this.audit.record(tx, { networkId: network.id, actorId, action: repost ? "meeting.repost" : "meeting.invite", subject: String(meeting.number) });
    });
  }

  async cardData(meetingId: number): Promise<CardData | undefined> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId }, include: { hostOrganisation: true, network: true, cards: true } });
    if (!meeting) return undefined;
    const { network, cards, ...rest } = meeting;
    const [tally, carriedOver] = await Promise.all([this.rsvps.tally(meetingId), this.actions.open(network.id, { beforeNumber: meeting.number })]);
    // Only carried-over items carry free text: a card without them needs no member list (every refresh reads this).
    const texts = carriedOver.length > 0 ? await this.withholder.forNetwork(network.id) : NO_FREE_TEXT;
    return { meeting: rest, network, cards, tally, carriedOver, texts };
  }

  async recordCard(card: Omit<PostedCard, "id" | "postedAt">): Promise<void> {
    const stored = await this.prisma.postedCard.create({ data: card });
    this.meetingOfCard.set(`${stored.telegramChatId}:${stored.messageId}`, stored.meetingId);
  }

  async markShown(cardId: number, shown: string): Promise<void> {
    await this.prisma.postedCard.update({ where: { id: cardId }, data: { shown } });
  }

  /** The card was deleted in Telegram, or the bot can no longer see the chat: stop editing it. */
  async forgetCard(cardId: number): Promise<void> {
    await this.prisma.postedCard.deleteMany({ where: { id: cardId } });
  }

  /** The meeting a card message belongs to, or undefined if that message is not a card. */
  /** The chat's cards were forgotten (it left the network): so is what this process remembered of them. */
  forgetCardsIn(telegramChatId: bigint): void {
    const prefix = `${telegramChatId}:`;
    for (const key of this.meetingOfCard.keys()) if (key.startsWith(prefix)) this.meetingOfCard.delete(key);
  }

  async meetingOfMessage(chatId: number, messageId: number): Promise<number | undefined> {
    const key = `${chatId}:${messageId}`;
    const known = this.meetingOfCard.get(key);
    if (known !== undefined) return known;
    const card = await this.prisma.postedCard.findUnique({
      where: { telegramChatId_messageId: { telegramChatId: BigInt(chatId), messageId } },
      select: { meetingId: true },
    });
    if (!card) return undefined;
    if (this.meetingOfCard.size >= 50_000) this.meetingOfCard.clear();
    this.meetingOfCard.set(key, card.meetingId);
    return card.meetingId;
  }


  /** Members reachable by DM who have no direct card for this meeting yet. */
  async directRecipients(meetingId: number, networkId: number): Promise<DirectRecipient[]> {
    const sent = await this.prisma.postedCard.findMany({ where: { meetingId, kind: "direct" }, select: { telegramChatId: true } });
    const done = new Set(sent.map((c) => c.telegramChatId));
    const members = await this.prisma.member.findMany({
      where: { networkId, ...ACTIVE_MEMBER, user: { dmReachable: true } },
      select: { user: { select: { id: true, locale: true, languageCode: true } } },
      orderBy: { id: "asc" },
    });
    return members.filter((m) => !done.has(m.user.id)).map((m) => ({ userId: m.user.id, locale: m.user.locale, languageCode: m.user.languageCode }));
  }

  async finishFanout(meetingId: number): Promise<void> {
    await this.prisma.meeting.update({ where: { id: meetingId }, data: { directFanoutPending: false } });
  }

  /** Meetings whose DM fan-out was interrupted (a restart), and invited meetings still ahead. */
  async unfinished(): Promise<{ fanout: { id: number; networkId: number }[]; live: number[] }> {
    const now = this.clock();
    const [fanout, live] = await Promise.all([
      this.prisma.meeting.findMany({ where: { directFanoutPending: true, status: "invited", endsAt: { gt: now } }, select: { id: true, networkId: true } }),
      this.prisma.meeting.findMany({ where: { status: { in: ["invited", "cancelled"] }, endsAt: { gt: now }, cards: { some: {} } }, select: { id: true } }),
    ]);
    return { fanout, live: live.map((m) => m.id) };
  }
}
