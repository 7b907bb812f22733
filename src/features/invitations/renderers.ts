import { localeOr, type Translator } from "../../bot/i18n.ts";
import type { PrismaClient } from "../../db/client.ts";
import { chatAudience, memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import { armCardEdits, type StaleCard } from "../../outbox/card-edits.ts";
import type { Rendering, Renderer, SilentRenderer, Tx } from "../../outbox/types.ts";
import type { ShownText } from "../members/name-withholder.ts";
import type { CardData, InvitationService, PostedCard } from "./service.ts";
import { renderCard, type RenderedCard } from "./view.ts";
import { writeOwedReveals } from "../venues/service.ts";
import { writeOwedOffers } from "../needs/service.ts";

/** Telegram is shown at most one edit of a card in this time. */

export interface InvitationRendererDeps {
  prisma: PrismaClient;
  invitations: InvitationService;
  outbox: Outbox;
  translator: Translator;
  clock: () => Date;
}

type CardKinds = "card-post" | "card-dm" | "card-edit";

/** Why a new card would be pointless now, if it would be. */
function noNewCard(data: CardData, now: Date): string | undefined {
  if (data.meeting.status === "cancelled") return "meeting cancelled";
  if (data.meeting.endsAt <= now) return "meeting over";
  return undefined;
}

/**
 * Invitation cards: posted to each linked chat and by DM, rendered from the database when they
 * go out; kept equal to the database by one coalescing refresh per meeting, which re-arms one
 * edit per card that now shows something else, each at most once per three seconds.
 */
export function invitationRenderers(deps: InvitationRendererDeps): Record<CardKinds, Renderer> & { "card-refresh": SilentRenderer } {
  const { prisma, invitations, translator } = deps;

  const newCard = async (tx: Tx, card: Omit<PostedCard, "id" | "postedAt" | "editedAt" | "deadAt">) => {
    await tx.postedCard.create({ data: card });
  };

  // Pinned as the row's second part: once the card is recorded, its pin is owed even across a crash or a 429.
  const post = (meetingId: number, to: { chatId: number; topicId: number; locale: string }, rendered: RenderedCard): Rendering => ({
    kind: "send",
    message: { method: "sendMessage", text: rendered.text, ...(rendered.keyboard ? { keyboard: rendered.keyboard } : {}) },
    recordSent: (tx, { messageId }) => newCard(tx, { meetingId, kind: "group", telegramChatId: BigInt(to.chatId), messageId, topicId: to.topicId, locale: to.locale, shown: rendered.digest }),
    next: { part: "pin" },
  });

  /** The card this row posted, pinned; nothing if it is gone meanwhile. */
  const pin = async (meetingId: number | null, to: { chatId: number; topicId: number }): Promise<Rendering> => {
    const card = await prisma.postedCard.findFirst({
      where: { meetingId: meetingId ?? -1, kind: "group", telegramChatId: BigInt(to.chatId), topicId: to.topicId, deadAt: null },
      orderBy: { id: "desc" },
      select: { messageId: true },
    });
    if (!card) return { kind: "skip", reason: "card gone before its pin" };
    return { kind: "send", message: { method: "pinChatMessage", messageId: card.messageId } };
  };

  /** What a new card shows, or why none goes out. */
  const forNewCard = async (meetingId: number | null, now: Date): Promise<CardData | { kind: "skip"; reason: string }> => {
    const data = await invitations.cardData(meetingId ?? -1);
    if (!data) return { kind: "skip", reason: "meeting gone" };
    const pointless = noNewCard(data, now);
    return pointless ? { kind: "skip", reason: pointless } : data;
  };

  const cardPost: Renderer = async ({ row, to, now }) => {
    if (to.kind !== "chat") return { kind: "skip", reason: "not a chat" };
    if (row.payload.part === "pin") return pin(row.meetingId, to);
    const data = await forNewCard(row.meetingId, now);
    if ("kind" in data) return data;
    return post(data.meeting.id, { chatId: to.chatId, topicId: to.topicId, locale: to.reader.locale }, renderCard(to.reader, data, now, data.texts.group));
  };

  const cardDm: Renderer = async ({ row, to, now }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    const data = await forNewCard(row.meetingId, now);
    if ("kind" in data) return data;
    // A member's own card may show their own items as written.
    const rendered = renderCard(to.reader, data, now, data.texts.person(to.userId));
    return {
      kind: "send",
      message: { method: "sendMessage", text: rendered.text, ...(rendered.keyboard ? { keyboard: rendered.keyboard } : {}) },
      recordSent: (tx, { messageId }) =>
        newCard(tx, { meetingId: data.meeting.id, kind: "direct", telegramChatId: to.userId, messageId, topicId: 0, locale: to.reader.locale, shown: rendered.digest }),
    };
  };

  /** How a card reads now; a group's card never shows a name, a member's own card shows their own items. */
  const rendererFor = (data: CardData, now: Date) => {
    // Cards in one language with the same way of showing texts read the same: rendered once.
    const memo = new Map<ShownText, Map<string, RenderedCard>>();
    return (card: PostedCard): RenderedCard => {
      const show = card.kind === "direct" ? data.texts.person(card.telegramChatId) : data.texts.group;
      const locale = localeOr(card.locale);
      const byLocale = memo.get(show) ?? new Map<string, RenderedCard>();
      memo.set(show, byLocale);
      const known = byLocale.get(locale);
      if (known) return known;
      const rendered = renderCard(translator.reader(locale), data, now, show);
      byLocale.set(locale, rendered);
      return rendered;
    };
  };

  const cardRefresh: SilentRenderer = async ({ row, now }) => {
    const meetingId = row.meetingId ?? -1;
    const data = await invitations.cardData(meetingId);
    if (!data) return { kind: "skip", reason: "meeting gone" };
    // Every change to answers (the batched answer statement too) and to the place re-arms this
    // row in its own transaction: whoever became entitled to a confidential place after its reveal
    // time (a late yes, a promotion, a changed place) is owed it from here, written before this
    // row is marked done, so a crash in between only writes them again (same keys).
    // The same way, whoever now answers yes or maybe is offered the support needs buttons, once.
    await deps.outbox.transaction(async (out) => {
      if (data.meeting.venuePrivate) await writeOwedReveals(out, meetingId, now);
      await writeOwedOffers(out, meetingId);
    });
    const render = rendererFor(data, now);
    const changed = (await invitations.liveCards(meetingId)).filter((card) => render(card).digest !== card.shown);
    // A card being posted right now is not among the live cards yet: look again once it is.
    const postingNow = (await prisma.outboxMessage.count({ where: { meetingId, kind: { in: ["card-post", "card-dm"] }, status: "sending" } })) > 0;
    const directUsers = changed.filter((c) => c.kind === "direct").map((c) => c.telegramChatId);
    const members = directUsers.length === 0 ? [] : await prisma.member.findMany({ where: { networkId: data.network.id, userId: { in: directUsers } }, select: { id: true, userId: true } });
    const memberOf = new Map(members.map((m) => [m.userId, m.id]));
    const stale: StaleCard[] = changed.flatMap((card) => {
      const memberId = memberOf.get(card.telegramChatId);
      if (card.kind === "direct" && memberId === undefined) return [];
      const audience = card.kind === "direct" ? memberAudience(memberId!) : chatAudience(card);
      return [
        {
          edit: { dedupeKey: cardEditKey(card.id), kind: "card-edit", networkId: data.network.id, meetingId, audience, payload: { cardId: card.id } },
          editedAt: async (tx) => (await tx.postedCard.findUnique({ where: { id: card.id }, select: { editedAt: true } }))?.editedAt,
        },
      ];
    });
    await armCardEdits(deps.outbox, { row, kind: "card-refresh" }, stale, postingNow, now);
    return { kind: "done" };
  };

  const cardEdit: Renderer = async ({ row, to, now }) => {
    const card = await prisma.postedCard.findUnique({ where: { id: Number(row.payload.cardId) } });
    if (!card) return { kind: "skip", reason: "card gone" };
    // The edit's second part: a cancelled meeting's group card no longer stays on top of the chat.
    if (row.payload.part === "unpin") return card.deadAt ? { kind: "skip", reason: "card can no longer be changed" } : { kind: "send", message: { method: "unpinChatMessage", messageId: card.messageId } };
    const data = await invitations.cardData(card.meetingId);
    if (!data) return { kind: "skip", reason: "meeting gone" };
    // The group became a supergroup (the row followed it to the new id): the card follows too,
    // once, as a new message there; the old one stays behind, read-only.
    if (card.deadAt && card.kind === "group" && to.kind === "chat" && BigInt(to.chatId) !== card.telegramChatId) {
      const pointless = noNewCard(data, now);
      if (pointless) return { kind: "skip", reason: pointless };
      const there = await prisma.postedCard.count({ where: { meetingId: card.meetingId, telegramChatId: BigInt(to.chatId), topicId: to.topicId, deadAt: null } });
      if (there > 0) return { kind: "skip", reason: "the card is in the new chat already" };
      return post(card.meetingId, { chatId: to.chatId, topicId: to.topicId, locale: to.reader.locale }, renderCard(to.reader, data, now, data.texts.group));
    }
    if (card.deadAt) return { kind: "skip", reason: "card can no longer be edited" };
    const rendered = rendererFor(data, now)(card);
    if (rendered.digest === card.shown) return { kind: "skip", reason: "card up to date" };
    return {
      kind: "send",
      message: { method: "editMessageText", messageId: card.messageId, text: rendered.text, ...(rendered.keyboard ? { keyboard: rendered.keyboard } : {}) },
      recordSent: async (tx) => {
        await tx.postedCard.update({ where: { id: card.id }, data: { shown: rendered.digest, editedAt: deps.clock() } });
      },
      ...(card.kind === "group" && data.meeting.status === "cancelled" ? { next: { cardId: card.id, part: "unpin" } } : {}),
      // Deleted, or the bot can no longer see the chat: left as it is; the other cards go on.
      recordGone: async (tx) => {
        await tx.postedCard.update({ where: { id: card.id }, data: { deadAt: deps.clock() } });
      },
    };
  };

  return { "card-post": cardPost, "card-dm": cardDm, "card-refresh": cardRefresh, "card-edit": cardEdit };
}

/** One pending edit per card: re-armed, never duplicated. */
export const cardEditKey = (cardId: number) => `card-edit:${cardId}`;
