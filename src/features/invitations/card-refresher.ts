import { GrammyError, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { localeOr, type Translator } from "../../bot/i18n.ts";
import type { OutgoingBudget } from "../../bot/outgoing-budget.ts";
import type { Logger } from "../../logger.ts";
import type { Reader } from "../meetings/view.ts";
import type { InvitationService, PostedCard } from "./service.ts";
import { renderCard } from "./view.ts";

export interface CardRefresherDeps {
  api: Api;
  invitations: InvitationService;
  translator: Translator;
  budget: OutgoingBudget;
  logger: Logger;
  /** Rules that depend on the date (deadline passed) use the app's clock. */
  clock: () => Date;
  /** At most one edit per card per this many milliseconds. */
  intervalMs?: number;
  now?: () => number;
}

type MeetingState = { timer?: NodeJS.Timeout; dueAt?: number; flushing?: Promise<void>; dirty: boolean };

/**
 * Keeps every posted card equal to the database without flooding Telegram: a change marks the
 * meeting dirty; its cards are re-read and edited at most once per interval each (the first
 * change at once, a burst at its end), within the outgoing budget. Each edit shows the tally
 * as it is when the edit is made, so the last edit after a burst is exact.
 */
export class CardRefresher {
  private readonly meetings = new Map<number, MeetingState>();
  private readonly lastEdit = new Map<number, number>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly deps: CardRefresherDeps) {
    this.intervalMs = deps.intervalMs ?? 3000;
    this.now = deps.now ?? Date.now;
  }

  /** Something on the meeting's cards changed. */
  touch(meetingId: number): void {
    if (this.stopped) return;
    const state = this.meetings.get(meetingId) ?? { dirty: false };
    this.meetings.set(meetingId, state);
    state.dirty = true;
    // A pending flush reads the database when it runs, so it covers this change too.
    if (state.flushing || state.timer) return;
    this.schedule(meetingId, state, 0);
  }

  /** Resolves when no edit is pending or running (tests, shutdown). */
  async settle(): Promise<void> {
    while ([...this.meetings.values()].some((s) => s.flushing || s.timer)) {
      await Promise.all([...this.meetings.values()].map((s) => s.flushing));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops scheduling; edits in progress finish. Cards left behind are refreshed at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.meetings.values()) clearTimeout(state.timer);
    await Promise.all([...this.meetings.values()].map((s) => s.flushing));
    this.meetings.clear();
  }

  private schedule(meetingId: number, state: MeetingState, delayMs: number): void {
    const dueAt = this.now() + delayMs;
    if (state.timer && state.dueAt !== undefined && state.dueAt <= dueAt) return;
    clearTimeout(state.timer);
    state.dueAt = dueAt;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.dueAt = undefined;
      state.flushing = this.flush(meetingId, state).finally(() => {
        state.flushing = undefined;
        if (state.dirty && !state.timer && !this.stopped) this.schedule(meetingId, state, 0);
        else if (!state.dirty && !state.timer) this.meetings.delete(meetingId);
      });
    }, delayMs);
  }

  private async flush(meetingId: number, state: MeetingState): Promise<void> {
    state.dirty = false;
    let nextInMs: number | undefined;
    try {
      const data = await this.deps.invitations.cardData(meetingId);
      if (!data) return;
      const readers = new Map<string, Reader>();
      for (const card of data.cards) {
        const locale = localeOr(card.locale);
        const reader = readers.get(locale) ?? this.deps.translator.reader(locale);
        readers.set(locale, reader);
        // A member's own card may show their own items as written; a group's never shows names.
        const show = card.kind === "direct" ? data.texts.person(card.telegramChatId) : data.texts.group;
        const rendered = renderCard(reader, data, this.deps.clock(), show);
        if (rendered.digest === card.shown) continue;
        const wait = Math.max((this.lastEdit.get(card.id) ?? 0) + this.intervalMs - this.now(), this.deps.budget.waitFor(Number(card.telegramChatId)));
        if (wait > 0) {
          nextInMs = Math.min(nextInMs ?? wait, wait);
          continue;
        }
        const retryInMs = await this.edit(card, rendered.text, rendered.keyboard, rendered.digest);
        if (retryInMs !== undefined) nextInMs = Math.min(nextInMs ?? retryInMs, retryInMs);
      }
    } catch (error) {
      this.deps.logger.error({ err: error, meetingId }, "could not refresh invitation cards");
      nextInMs = this.intervalMs;
    }
    if (nextInMs !== undefined && !this.stopped) {
      state.dirty = true;
      this.schedule(meetingId, state, nextInMs);
    }
  }

  /** Edits one card; returns when to try again if Telegram said not now. */
  private async edit(card: PostedCard, text: string, keyboard: InlineKeyboardMarkup | undefined, digest: string): Promise<number | undefined> {
    try {
      await this.deps.api.editMessageText(Number(card.telegramChatId), card.messageId, text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
    } catch (error) {
      this.lastEdit.set(card.id, this.now());
      if (!(error instanceof GrammyError)) throw error;
      if (error.error_code === 429) return (error.parameters.retry_after ?? 3) * 1000;
      if (error.description.includes("message is not modified")) {
        // Already showing this: only the bookkeeping was behind.
      } else if (error.error_code === 403 || error.description.includes("message to edit not found") || error.description.includes("chat not found")) {
        this.deps.logger.info({ chatId: String(card.telegramChatId), messageId: card.messageId, reason: error.description }, "card gone; no longer edited");
        await this.deps.invitations.forgetCard(card.id);
        return undefined;
      } else {
        throw error;
      }
    }
    // Counted from the end of the call, so Telegram sees the edits at least an interval apart.
    this.lastEdit.set(card.id, this.now());
    await this.deps.invitations.markShown(card.id, digest);
    return undefined;
  }
}
