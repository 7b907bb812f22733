import { tooManyRequests } from "./errors.ts";

export interface RateLimitSettings {
  /** Messages per second to one chat, sustained; `perChatBurst` may go out at once. */
  perChatPerSecond: number;
  perChatBurst: number;
  /** Messages per minute to one group or supergroup. */
  perGroupPerMinute: number;
  /** New messages per second across all chats (Telegram's broadcast limit). */
  globalPerSecond: number;
}

export const TELEGRAM_LIMITS: RateLimitSettings = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
};

/**
 * Sliding windows and a token bucket, as Telegram's flood control behaves from the outside:
 * a request over a limit is refused with 429 and the seconds until it would pass.
 */
export class RateLimiter {
  private readonly chatBuckets = new Map<number, { tokens: number; at: number }>();
  private readonly groupWindows = new Map<number, number[]>();
  private globalWindow: number[] = [];

  constructor(
    private readonly settings: RateLimitSettings | false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws a 429 ApiError if this message may not go out now; otherwise records it. */
  take(chatId: number, isGroup: boolean, countsGlobally: boolean): void {
    if (!this.settings) return;
    const now = this.now();
    const s = this.settings;
    const waits: number[] = [];

    const bucket = this.chatBuckets.get(chatId) ?? { tokens: s.perChatBurst, at: now };
    bucket.tokens = Math.min(s.perChatBurst, bucket.tokens + ((now - bucket.at) / 1000) * s.perChatPerSecond);
    bucket.at = now;
    if (bucket.tokens < 1) waits.push((1 - bucket.tokens) / s.perChatPerSecond);

    let group: number[] | undefined;
    if (isGroup) {
      group = (this.groupWindows.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.groupWindows.set(chatId, group);
      if (group.length >= s.perGroupPerMinute) waits.push((group[0]! + 60_000 - now) / 1000);
    }
    if (countsGlobally) {
      this.globalWindow = this.globalWindow.filter((t) => t > now - 1000);
      if (this.globalWindow.length >= s.globalPerSecond) waits.push((this.globalWindow[0]! + 1000 - now) / 1000);
    }
    if (waits.length > 0) {
      this.chatBuckets.set(chatId, bucket);
      throw tooManyRequests(Math.max(1, Math.ceil(Math.max(...waits))));
    }
    bucket.tokens -= 1;
    this.chatBuckets.set(chatId, bucket);
    group?.push(now);
    if (countsGlobally) this.globalWindow.push(now);
  }
}
