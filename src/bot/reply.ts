import { shortenText, splitIntoMessages, TOAST_LIMIT } from "../domain/split.ts";
import type { BotContext } from "./context.ts";

/**
 * Replies with parse mode HTML; every value inside `html` must already be escaped. `protect`: the
 * reply shows something confidential (a venue) and cannot be forwarded or saved.
 */
export function replyHtml(ctx: BotContext, html: string, protect = false) {
  return ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(protect ? { protect_content: true } : {}) });
}

/** A listing of any length, as HTML lines: as many replies as Telegram's limit needs, split between lines. */
export async function replyHtmlLines(ctx: BotContext, lines: readonly string[], protect = false): Promise<void> {
  for (const text of splitIntoMessages(lines)) await replyHtml(ctx, text, protect);
}

/**
 * The text of a callback answer (toast or alert), within Telegram's 200 characters: what a person
 * typed (an item, a name) may make it longer, and Telegram would refuse the whole answer.
 */
export function toastText(text: string): string {
  return shortenText(text, TOAST_LIMIT);
}
