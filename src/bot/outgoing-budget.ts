import type { Transformer } from "grammy";

/** Calls that put a message (or a changed one) in front of people; Telegram counts these. */
const COUNTED = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

export interface BudgetSettings {
  /**
   * Quiet time per chat before a deferrable message: Telegram refills about one message per
   * second per chat, so a chat idle this long always has room for one more.
   */
  perChatGapMs: number;
  perGroupPerMinute: number;
  /** Of a group's minute, this much stays free for replies to people: cards never use it. */
  groupReserve: number;
  perSecondOverall: number;
  overallReserve: number;
}

/** For an emulator without flood limits (tests of other things than pacing). */
export const UNLIMITED_BUDGET: BudgetSettings = { perChatGapMs: 0, perGroupPerMinute: Infinity, groupReserve: 0, perSecondOverall: Infinity, overallReserve: 0 };

export const TELEGRAM_BUDGET: BudgetSettings = { perChatGapMs: 1100, perGroupPerMinute: 20, groupReserve: 5, perSecondOverall: 30, overallReserve: 10 };

/**
 * What the bot has sent lately, per group and overall, so deferrable work (card edits) waits
 * for room instead of running into Telegram's 429 and crowding out replies to people.
 */
export class OutgoingBudget {
  private readonly groups = new Map<number, number[]>();
  private readonly lastToChat = new Map<number, number>();
  private overall: number[] = [];

  constructor(
    private readonly settings: BudgetSettings = TELEGRAM_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok && COUNTED.has(method) && payload && typeof payload === "object" && "chat_id" in payload) {
      this.record(Number(payload.chat_id));
    }
    return result;
  };

  record(chatId: number): void {
    const at = this.now();
    if (this.lastToChat.size >= 100_000) this.lastToChat.clear();
    this.lastToChat.set(chatId, at);
    if (chatId < 0) this.groups.set(chatId, [...this.recent(chatId, at), at]);
    this.overall = this.overall.filter((t) => t > at - 1000);
    this.overall.push(at);
  }

  /** Milliseconds until a deferrable message to this chat fits the budget; 0 = now. */
  waitFor(chatId: number): number {
    const at = this.now();
    const s = this.settings;
    let wait = Math.max(0, (this.lastToChat.get(chatId) ?? -Infinity) + s.perChatGapMs - at);
    if (chatId < 0) {
      const sent = this.recent(chatId, at);
      const room = s.perGroupPerMinute - s.groupReserve;
      if (sent.length >= room) wait = Math.max(wait, sent[sent.length - room]! + 60_000 - at);
    }
    this.overall = this.overall.filter((t) => t > at - 1000);
    const overallRoom = s.perSecondOverall - s.overallReserve;
    if (this.overall.length >= overallRoom) wait = Math.max(wait, this.overall[this.overall.length - overallRoom]! + 1000 - at);
    return Math.max(0, wait);
  }

  private recent(chatId: number, at: number): number[] {
    const sent = (this.groups.get(chatId) ?? []).filter((t) => t > at - 60_000);
    if (sent.length === 0) this.groups.delete(chatId);
    else this.groups.set(chatId, sent);
    return sent;
  }
}
