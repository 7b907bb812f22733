import type { Bot } from "grammy";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import { classifyTelegramFailure } from "./telegram-failure.ts";
import { pause } from "./pause.ts";

/** Telegram refused the token (or the API root is not a Bot API): retrying cannot help. */
export class TelegramRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TelegramRejectedError";
  }
}

type GrammySignal = Parameters<Bot["api"]["getMe"]>[0];

export const DEFAULT_API_ROOT = "https://api.telegram.org";

export interface ConnectOptions {
  apiRoot: string | undefined;
  logger: Logger;
  /** Aborted when the process is asked to stop while still waiting for Telegram. */
  signal: AbortSignal;
  /** One getMe may take this long; a machine with no route to Telegram would otherwise wait minutes. */
  attemptTimeoutMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Asks Telegram who the bot is (getMe), saying what it waits for: grammY's bot.init() retries
 * network failures forever without a word. Unreachable: one line per attempt, retried with
 * backoff. A rejected token: TelegramRejectedError.
 */
export async function connectToTelegram(bot: Bot<BotContext>, options: ConnectOptions): Promise<void> {
  const apiRoot = options.apiRoot ?? DEFAULT_API_ROOT;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  let delay = options.firstRetryMs ?? 1_000;
  options.logger.info({ apiRoot }, `connecting to Telegram at ${apiRoot}`);
  for (;;) {
    options.signal.throwIfAborted();
    // One controller per attempt, aborted by its own timeout or by a stop (AbortSignal.any leaks on Node 20).
    const attempt = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, attemptTimeoutMs);
    const onStop = () => attempt.abort();
    options.signal.addEventListener("abort", onStop);
    try {
      // grammY types its signal as the abort-controller polyfill's; Node's own is what node-fetch takes.
      bot.botInfo = await bot.api.getMe(attempt.signal as unknown as GrammySignal);
      return;
    } catch (error) {
      options.signal.throwIfAborted();
      const failure = classifyTelegramFailure(error);
      if (failure.kind === "unauthorized") {
        throw new TelegramRejectedError("Telegram rejected the token (401): check BOT_TOKEN (the token @BotFather gave; after /revoke only the new one works)");
      }
      if (failure.kind === "not-found" || failure.kind === "refused") {
        throw new TelegramRejectedError(`Telegram at ${apiRoot} answered ${failure.reason}: check BOT_TOKEN and TELEGRAM_API_ROOT`);
      }
      const reason = timedOut ? `no answer within ${Math.round(attemptTimeoutMs / 1000)} s` : failure.reason;
      const wait = failure.kind === "rate-limited" ? failure.retryAfterSeconds * 1_000 : delay;
      options.logger.warn({ apiRoot, retryInMs: wait }, `Telegram unreachable at ${apiRoot}: ${reason}; retrying in ${Math.ceil(wait / 1000)} s`);
      await pause(wait, options.signal);
      if (failure.kind !== "rate-limited") delay = Math.min(delay * 2, maxRetryMs);
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener("abort", onStop);
    }
  }
}
