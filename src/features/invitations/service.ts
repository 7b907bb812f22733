import type { Network, PrismaClient } from "../../db/client.ts";
import type { ActionItem, ActionService } from "../actions/service.ts";
import type { OutboxStatus, PostedCard } from "../../db/generated/client.ts";
import type { AuditService } from "../audit/service.ts";
import type { MeetingWithHost } from "../meetings/service.ts";
import type { NameWithholder, TextAudience } from "../members/name-withholder.ts";
import type { RsvpService, Tally } from "../rsvp/service.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { lockMeeting } from "../../db/meeting-lock.ts";
import { NO_FREE_TEXT } from "../members/name-withholder.ts";
import { chatAudience, memberAudience } from "../../outbox/audience.ts";
import type { ReminderService } from "../reminders/service.ts";
import type { Outbox, OutboxWriter } from "../../outbox/outbox.ts";
import { addLogFields } from "../../logger.ts";

export type { PostedCard };

/** Everything a card shows, read in one go. */
export interface CardData {
  meeting: MeetingWithHost;
  network: Network;
  tally: Tally;
  /** Open action items of earlier meetings, listed on the card until done. */
  carriedOver: ActionItem[];
  /** How those items' texts read on a group's card and on each member's own card. */
  texts: TextAudience;
}

/** How an invitation went out: which chats the cards go to, and how many members get one by DM. */
export interface InvitationSent {
  chats: { telegramChatId: bigint; topicId: number }[];
  members: number;
}

export type RepostResult = ({ kind: "reposted" } & InvitationSent) | { kind: "closed"; cancelled: boolean };

export type ClaimResult = ({ kind: "claimed" } & InvitationSent) | { kind: "taken"; invitedAt: Date } | { kind: "closed"; cancelled: boolean };

/** Posted invitation cards: where they are, what they last showed, who still needs one. */
export class InvitationService {
  /** Card message → meeting never changes once posted, so a press needs no query to find it. */
  private readonly meetingOfCard = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly rsvps: RsvpService,
    private readonly actions: ActionService,
    private readonly withholder: NameWithholder,
    private readonly audit: AuditService,
    /** An invited meeting's reminders are planned with the invitation. */
    private readonly reminders: Pick<ReminderService, "planIn">,
    private readonly clock: () => Date,
  ) {}

  /**
   * The first invitation: compare-and-sets `invitedAt`, so of two `/invite` at once only one
   * sends cards; the other learns when the invitation was claimed. In the same transaction, a
   * card is owed to every linked chat and, by DM, to every member the bot can write to.
   */
  async claimInvitation(network: Network, actorId: bigint, meetingId: number): Promise<ClaimResult> {
    const now = this.clock();
    return this.outbox.transaction(async (out) => {
      const { tx } = out;
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, invitedAt: null, status: { in: ["planned", "invited"] } },
        data: { status: "invited", invitedAt: now },
      });
      if (count === 0) {
        const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { invitedAt: true, status: true } });
        return meeting?.invitedAt ? { kind: "taken", invitedAt: meeting.invitedAt } : { kind: "closed", cancelled: meeting?.status === "cancelled" };
      }
      const { number } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { number: true } });
      addLogFields({ meeting: number });
      await this.audit.record(tx, { networkId: network.id, actorId, action: "meeting.invite", subject: String(number) });
      const sent = await owe(out, network.id, meetingId, (chat) => `card-post:${meetingId}:${chatAudience(chat)}`);
      await this.reminders.planIn(out, meetingId);
      return { kind: "claimed", ...sent };
    });
  }

  /**
   * Posts the card to every linked chat again (the earlier cards stay and are kept up to date);
   * members who can be reached now and have no live card by DM get one. `members` counts only
   * those. A meeting cancelled or over by now is left as it is: the press that offered the
   * re-post may have been read before a /cancel that committed first.
   */
  async repost(network: Network, actorId: bigint, meetingId: number): Promise<RepostResult> {
    const now = this.clock();
    return this.outbox.transaction(async (out) => {
      const { tx } = out;
      // Held until the commit: a /cancel waits for this re-post, or this re-post sees its outcome.
      await lockMeeting(tx, meetingId);
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, status: { in: ["planned", "invited"] }, endsAt: { gt: now } },
        data: { status: "invited" },
      });
      if (count === 0) {
        const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
        return { kind: "closed", cancelled: meeting?.status === "cancelled" };
      }
      await tx.meeting.updateMany({ where: { id: meetingId, invitedAt: null }, data: { invitedAt: now } });
      const { number } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { number: true } });
      addLogFields({ meeting: number });
      const subject = String(number);
      await this.audit.record(tx, { networkId: network.id, actorId, action: "meeting.repost", subject });
      // Each re-post is a new message in every chat: its rank among the re-posts names it.
      const rank = await tx.auditEntry.count({ where: { networkId: network.id, action: "meeting.repost", subject } });
      const sent = await owe(out, network.id, meetingId, (chat) => `card-post:${meetingId}:${chatAudience(chat)}:r${rank}`, { again: true });
      // Members and chats that joined since are planned for too.
      await this.reminders.planIn(out, meetingId);
      return { kind: "reposted", ...sent };
    });
  }

  /** Everything a card shows, as the database says now. */
  async cardData(meetingId: number): Promise<CardData | undefined> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId }, include: { hostOrganisation: true, network: true } });
    if (!meeting) return undefined;
    const { network, ...rest } = meeting;
    const [tally, carriedOver] = await Promise.all([this.rsvps.tally(meetingId), this.actions.open(network.id, { beforeNumber: meeting.number })]);
    // Only carried-over items carry free text: a card without them needs no member list (every refresh reads this).
    const texts = carriedOver.length > 0 ? await this.withholder.forNetwork(network.id) : NO_FREE_TEXT;
    return { meeting: rest, network, tally, carriedOver, texts };
  }

  /** The cards of a meeting still edited: not refused for good by Telegram. */
  liveCards(meetingId: number): Promise<PostedCard[]> {
    return this.prisma.postedCard.findMany({ where: { meetingId, deadAt: null }, orderBy: { id: "asc" } });
  }

  /** The chat's cards were forgotten (it left the network): so is what this process remembered of them. */
  forgetCardsIn(telegramChatId: bigint): void {
    const prefix = `${telegramChatId}:`;
    for (const key of this.meetingOfCard.keys()) if (key.startsWith(prefix)) this.meetingOfCard.delete(key);
  }

  /** The meeting a card message belongs to, or undefined if that message is not a card. */
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
}

/**
 * Rows for a card in each linked chat (keyed by `postKey`) and one by DM to each member the bot
 * can write to now. A member has one DM row per meeting: on the first invitation it is written;
 * on a re-post (`again`) a member without a live card by DM whose row went nowhere (unreachable
 * or gone then, or the card since deleted) has it armed again. A row still waiting or being
 * sent is left alone, and so is anyone whose card is live: nobody gets a second one.
 */
async function owe(
  out: OutboxWriter,
  networkId: number,
  meetingId: number,
  postKey: (chat: { telegramChatId: bigint; topicId: number }) => string,
  options: { again: boolean } = { again: false },
): Promise<InvitationSent> {
  const { tx } = out;
  const chats = await tx.chat.findMany({ where: { networkId }, select: { telegramChatId: true, topicId: true }, orderBy: { id: "asc" } });
  const reachable = await tx.member.findMany({ where: { networkId, ...ACTIVE_MEMBER, user: { dmReachable: true } }, select: { id: true, userId: true }, orderBy: { id: "asc" } });
  // Rows before cards: a row read as sent committed its card with it, so the card is seen below.
  const rows = await tx.outboxMessage.findMany({ where: { dedupeKey: { in: reachable.map((m) => directCardKey(meetingId, m.id)) } }, select: { dedupeKey: true, status: true } });
  const statusOf = new Map(rows.map((r) => [r.dedupeKey, r.status]));
  const live = await tx.postedCard.findMany({ where: { meetingId, kind: "direct", deadAt: null, telegramChatId: { in: reachable.map((m) => m.userId) } }, select: { telegramChatId: true } });
  const withCard = new Set(live.map((c) => c.telegramChatId));
  const members = reachable.filter((m) => !withCard.has(m.userId));
  const base = { networkId, meetingId } as const;
  const dm = (memberId: number) => ({ ...base, dedupeKey: directCardKey(meetingId, memberId), kind: "card-dm" as const, audience: memberAudience(memberId) });
  const fresh = members.filter((m) => !statusOf.has(directCardKey(meetingId, m.id)));
  const missed = options.again
    ? members.filter((m) => {
        const status = statusOf.get(directCardKey(meetingId, m.id));
        return status !== undefined && FINISHED.has(status);
      })
    : [];
  await out.write([...chats.map((chat) => ({ ...base, dedupeKey: postKey(chat), kind: "card-post" as const, audience: chatAudience(chat) })), ...fresh.map((m) => dm(m.id))]);
  for (const m of missed) await out.rearm(dm(m.id));
  return { chats, members: fresh.length + missed.length };
}

/** DM rows that will not go out by themselves any more: a re-post may arm them again. */
const FINISHED: ReadonlySet<OutboxStatus> = new Set(["sent", "skipped", "failed", "cancelled"]);

/** A member's invitation card by DM: one row per member and meeting, armed again by a re-post if it went nowhere. */
export const directCardKey = (meetingId: number, memberId: number) => `invite:${meetingId}:${memberId}`;
