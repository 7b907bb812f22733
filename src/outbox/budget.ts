import { randomUUID } from "node:crypto";
import type { Transformer } from "grammy";
import type { Redis } from "ioredis";

/** Calls that put a message (or a changed one) in front of people; Telegram counts these. */
const COUNTED = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

export interface BudgetSettings {
  /** Per chat: a token bucket refilled at this rate, holding at most `perChatBurst`. */
  perChatPerSecond: number;
  perChatBurst: number;
  perGroupPerMinute: number;
  /** Of a group's minute, this much stays free for answers to people: the outbox never uses it. */
  groupReserve: number;
  /** Of a chat's bucket, this much stays free for answers to people. */
  chatReserve: number;
}

/** Telegram's flood limits as its documentation states them. */
export const TELEGRAM_BUDGET: BudgetSettings = { perChatPerSecond: 1, perChatBurst: 3, perGroupPerMinute: 20, groupReserve: 5, chatReserve: 1 };

// KEYS: chat bucket, group window, chat pause. ARGV: now, tokens per ms, burst, group?, room, mode, member, tokens kept for answers.
// mode "take": the outbox asks; returns ms to wait (nothing recorded) or 0 (recorded).
// mode "record": an answer to a person went out; recorded whatever the budget says.
const SCRIPT = `
local now = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local group = ARGV[4] == '1'
local room = tonumber(ARGV[5])
local take = ARGV[6] == 'take'
local wait = 0
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then wait = paused - now end
local bucket = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate)
local need = 1
if take then need = 1 + tonumber(ARGV[8]) end
if tokens < need then wait = math.max(wait, math.ceil((need - tokens) / rate)) end
if group then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 60000)
  local n = redis.call('ZCARD', KEYS[2])
  if n >= room then
    local oldest = redis.call('ZRANGE', KEYS[2], n - room, n - room, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + 60000 - now)
  end
end
if take and wait > 0 then return wait end
redis.call('HSET', KEYS[1], 't', math.max(tokens - 1, -1), 'at', now)
redis.call('PEXPIRE', KEYS[1], 60000)
if group then
  redis.call('ZADD', KEYS[2], now, ARGV[7])
  redis.call('PEXPIRE', KEYS[2], 61000)
end
return 0
`;

/**
 * Telegram's budgets shared by every process on one Redis: per chat (a bucket of 3 refilled at
 * 1/s, of which the outbox leaves one for answers to people), per group (20 a minute, of which
 * the outbox leaves 5 for answers) and a chat's pause after a 429. The overall 25/s is the
 * delivery queue's rate limit.
 */
export class SendBudget {
  constructor(
    private readonly redis: Redis | undefined,
    private readonly settings: BudgetSettings | false = TELEGRAM_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** For the outbox: 0 and the send is counted, or how many ms to wait before asking again. */
  async take(chatId: number): Promise<number> {
    return this.run(chatId, "take", this.settings ? this.settings.perGroupPerMinute - this.settings.groupReserve : 0);
  }

  /** A 429 for this chat: nothing more to it until Telegram's retry_after has passed. */
  async pause(chatId: number, ms: number): Promise<void> {
    if (!this.redis) return;
    await this.redis.set(`ortak:budget:pause:${chatId}`, String(this.now() + ms), "PX", ms);
  }

  /**
   * Counts what the bot's own API sends to groups (answers to people there), so the outbox leaves
   * room for them. A private chat needs no count: the outbox sends a person a message now and then,
   * and always leaves one of the chat's bucket free.
   */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (result.ok && COUNTED.has(method) && payload && typeof payload === "object" && "chat_id" in payload && Number(payload.chat_id) < 0) {
      // Not awaited: an answer never waits for bookkeeping.
      void this.run(Number(payload.chat_id), "record", this.settings ? this.settings.perGroupPerMinute : 0).catch(() => undefined);
    }
    return result;
  };

  private async run(chatId: number, mode: "take" | "record", room: number): Promise<number> {
    if (!this.settings || !this.redis) return 0;
    const s = this.settings;
    const keys = [`ortak:budget:chat:${chatId}`, `ortak:budget:group:${chatId}`, `ortak:budget:pause:${chatId}`];
    const args = [this.now(), s.perChatPerSecond / 1000, s.perChatBurst, chatId < 0 ? 1 : 0, room, mode, randomUUID(), s.chatReserve];
    return Number(await this.redis.eval(SCRIPT, keys.length, ...keys, ...args));
  }
}
