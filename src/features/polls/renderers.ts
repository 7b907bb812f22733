import { escapeHtml } from "../../bot/html.ts";
import { localeOr, type Reader, type Translator } from "../../bot/i18n.ts";
import type { PrismaClient } from "../../db/client.ts";
import { formatInstant, formatMeetingTime } from "../../domain/datetime.ts";
import { chatAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import type { Rendering, Renderer, SilentRenderer } from "../../outbox/types.ts";
import { armCardEdits, type StaleCard } from "../../outbox/card-edits.ts";
import { logPoll, pollCardEditKey, pollCardPostKey, type DatePollCard, type DatePollService, type PollView } from "./service.ts";
import { pollState, pollSummaryLines, renderPollCard, type RenderedPollCard } from "./view.ts";

export interface PollRendererDeps {
  prisma: PrismaClient;
  polls: DatePollService;
  outbox: Outbox;
  translator: Translator;
  clock: () => Date;
}

type PollKinds = "poll-card-post" | "poll-card-edit" | "poll-nudge" | "poll-result" | "poll-ended";
type SilentPollKinds = "poll-card-refresh" | "poll-nudges";

const pollIdOf = (payload: Record<string, unknown>) => Number(payload.pollId);

/** The poll a row is about, as the database says now; every line logged for the row names it from here on. */
async function viewOf(polls: DatePollService, pollId: number): Promise<PollView | undefined> {
  const view = await polls.view(pollId);
  if (view) logPoll(view.poll.number);
  return view;
}

/**
 * Date polls: the card posted to each linked chat and kept equal to the database by one
 * coalescing refresh per poll (each card edited at most once per three seconds, as the
 * invitation card is); the nudge a day before the deadline, fanned out at that moment to those
 * who have not voted; the result to each voter. All rendered from the database when they go out.
 */
export function pollRenderers(deps: PollRendererDeps): Record<PollKinds, Renderer> & Record<SilentPollKinds, SilentRenderer> {
  const { prisma, polls, translator } = deps;

  /** Cards in one language read the same: rendered once per refresh. */
  const rendererFor = (view: PollView, now: Date) => {
    const byLocale = new Map<string, RenderedPollCard>();
    return (locale: string): RenderedPollCard => {
      const known = byLocale.get(locale);
      if (known) return known;
      const rendered = renderPollCard(translator.reader(localeOr(locale)), view, now);
      byLocale.set(locale, rendered);
      return rendered;
    };
  };

  /** A new card of an open poll in a chat; closed or cancelled before it went out, the chat learns nothing from a dead card. */
  const post = (view: PollView, to: { chatId: number; topicId: number; reader: Reader }, now: Date): Rendering => {
    if (view.poll.status !== "open") return { kind: "skip", reason: `poll ${view.poll.status}` };
    const rendered = renderPollCard(to.reader, view, now);
    return {
      kind: "send",
      message: { method: "sendMessage", text: rendered.text, ...(rendered.keyboard ? { keyboard: rendered.keyboard } : {}) },
      recordSent: async (tx, { messageId }) => {
        await tx.datePollCard.create({ data: { pollId: view.poll.id, telegramChatId: BigInt(to.chatId), topicId: to.topicId, messageId, shown: rendered.digest } });
      },
    };
  };

  const cardPost: Renderer = async ({ row, to, now }) => {
    if (to.kind !== "chat") return { kind: "skip", reason: "not a chat" };
    const view = await viewOf(polls, pollIdOf(row.payload));
    if (!view) return { kind: "skip", reason: "poll gone" };
    return post(view, to, now);
  };

  const cardRefresh: SilentRenderer = async ({ row, now }) => {
    const pollId = pollIdOf(row.payload);
    const view = await viewOf(polls, pollId);
    if (!view) return { kind: "skip", reason: "poll gone" };
    // Its votes are deleted: the cards keep the tally they ended with rather than show zeros.
    if (view.votesRetired) return { kind: "skip", reason: "votes past the retention period" };
    const render = rendererFor(view, now);
    // Group cards are in the network's language, as they were posted.
    const locale = view.network.locale;
    const changed = (await polls.liveCards(pollId)).filter((card) => render(locale).digest !== card.shown);
    // A card being posted right now is not among the live cards yet: look again once it is.
    const postingNow = (await prisma.outboxMessage.count({ where: { kind: "poll-card-post", status: "sending", dedupeKey: { startsWith: pollCardPostKey(pollId, "") } } })) > 0;
    const stale: StaleCard[] = changed.map((card) => ({
      edit: { dedupeKey: pollCardEditKey(card.id), kind: "poll-card-edit", networkId: view.network.id, audience: chatAudience(card), payload: { pollId, cardId: card.id } },
      editedAt: async (tx) => (await tx.datePollCard.findUnique({ where: { id: card.id }, select: { editedAt: true } }))?.editedAt,
    }));
    await armCardEdits(deps.outbox, { row, kind: "poll-card-refresh" }, stale, postingNow, now);
    return { kind: "done" };
  };

  const cardEdit: Renderer = async ({ row, to, now }) => {
    const card: DatePollCard | null = await prisma.datePollCard.findUnique({ where: { id: Number(row.payload.cardId) } });
    if (!card) return { kind: "skip", reason: "card gone" };
    const view = await viewOf(polls, card.pollId);
    if (!view) return { kind: "skip", reason: "poll gone" };
    // The group became a supergroup (the row followed it to the new id): the card follows too,
    // once, as a new message there, as an invitation card does; the old one stays behind, read-only.
    if (card.deadAt && to.kind === "chat" && BigInt(to.chatId) !== card.telegramChatId) {
      const there = await prisma.datePollCard.count({ where: { pollId: card.pollId, telegramChatId: BigInt(to.chatId), topicId: to.topicId, deadAt: null } });
      if (there > 0) return { kind: "skip", reason: "the card is in the new chat already" };
      return post(view, to, now);
    }
    if (card.deadAt) return { kind: "skip", reason: "card can no longer be edited" };
    if (view.votesRetired) return { kind: "skip", reason: "votes past the retention period" };
    const rendered = renderPollCard(to.reader, view, now);
    if (rendered.digest === card.shown) return { kind: "skip", reason: "card up to date" };
    return {
      kind: "send",
      message: { method: "editMessageText", messageId: card.messageId, text: rendered.text, ...(rendered.keyboard ? { keyboard: rendered.keyboard } : {}) },
      recordSent: async (tx) => {
        await tx.datePollCard.update({ where: { id: card.id }, data: { shown: rendered.digest, editedAt: deps.clock() } });
      },
      // Deleted, or the bot can no longer see the chat: left as it is; the other cards go on.
      recordGone: async (tx) => {
        await tx.datePollCard.update({ where: { id: card.id }, data: { deadAt: deps.clock() } });
      },
    };
  };

  const nudges: SilentRenderer = async ({ row }) => {
    const view = await viewOf(polls, pollIdOf(row.payload));
    if (!view) return { kind: "skip", reason: "poll gone" };
    await polls.oweNudges(view.poll.id);
    return { kind: "done" };
  };

  const nudge: Renderer = async ({ row, to, now }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    const view = await viewOf(polls, pollIdOf(row.payload));
    if (!view) return { kind: "skip", reason: "poll gone" };
    if (pollState(view.poll, now) !== "open") return { kind: "skip", reason: "poll no longer open" };
    if (await polls.hasVoted(view.poll.id, to.memberId)) return { kind: "skip", reason: "voted" };
    const r = to.reader;
    const deadline = view.poll.deadline ? formatInstant(view.poll.deadline, view.network.timeZone, r.locale) : "";
    return message(r.t("poll-nudge", { number: view.poll.number, title: escapeHtml(view.poll.title), when: deadline }));
  };

  const result: Renderer = async ({ row, to }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    const view = await viewOf(polls, pollIdOf(row.payload));
    if (!view) return { kind: "skip", reason: "poll gone" };
    const meeting = view.meeting;
    if (view.poll.status !== "closed" || !meeting) return { kind: "skip", reason: "no meeting" };
    if (meeting.status === "cancelled") return { kind: "skip", reason: "meeting cancelled since" };
    const r = to.reader;
    const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, view.network.timeZone, r.locale);
    return message(r.t("poll-result", { title: escapeHtml(view.poll.title), number: meeting.number, when }));
  };

  /** To an organiser at the deadline: the tallies, and the command that makes the meeting. */
  const ended: Renderer = async ({ row, to, now }) => {
    if (to.kind !== "member") return { kind: "skip", reason: "not a member" };
    if (to.role !== "organiser") return { kind: "skip", reason: "no longer an organiser" };
    const view = await viewOf(polls, pollIdOf(row.payload));
    if (!view) return { kind: "skip", reason: "poll gone" };
    if (pollState(view.poll, now) !== "ended") return { kind: "skip", reason: "poll not waiting for a decision" };
    const r = to.reader;
    const { number } = view.poll;
    const close = view.suggested === undefined ? r.t("poll-ended-close-none", { number }) : r.t("poll-ended-close", { number, position: view.suggested });
    return message([r.t("poll-ended-intro"), "", ...pollSummaryLines(r, view, now), "", close].join("\n"));
  };

  return { "poll-card-post": cardPost, "poll-card-refresh": cardRefresh, "poll-card-edit": cardEdit, "poll-nudges": nudges, "poll-nudge": nudge, "poll-result": result, "poll-ended": ended };
}

const message = (text: string): Rendering => ({ kind: "send", message: { method: "sendMessage", text } });
