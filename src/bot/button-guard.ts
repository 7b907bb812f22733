import type { MiddlewareFn } from "grammy";
import type { CallbackQuery } from "grammy/types";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";

/** Why a press was refused; logged at debug (ids only), never shown. */
export type ForgedPress = "no-message" | "inaccessible" | "not-ours" | "forwarded" | "not-on-message";

/**
 * Whether a press is one Telegram could only have produced from a button the bot itself put on
 * that message. Telegram sends the message as it is now (keyboard included) with every press, so
 * data that a modified client made up, a keyboard the bot has since removed, a forwarded copy or
 * an inline-mode message all fail here.
 */
export function checkPress(query: CallbackQuery, botId: number): ForgedPress | undefined {
  const message = query.message;
  if (!message) return "no-message";
  // An inaccessible message (too old, or a chat the bot left) says nothing about its buttons.
  if (message.date === 0) return "inaccessible";
  if (message.from?.id !== botId) return "not-ours";
  if ("forward_origin" in message && message.forward_origin) return "forwarded";
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
  if (query.data === undefined || !buttons.some((button) => "callback_data" in button && button.callback_data === query.data)) return "not-on-message";
  return undefined;
}

/**
 * Every button family relies on this before its own permission check: a press is handled only
 * if it came from a button the bot sent on that very message. Anything else gets the "no longer
 * valid" toast and reaches no handler.
 */
export function buttonGuard(logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    const refused = checkPress(query, ctx.me.id);
    if (!refused) return next();
    logger.debug({ userId: ctx.from?.id, chatId: query.message?.chat.id, reason: refused }, "button press refused");
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
  };
}
