import type { BotContext } from "./context.ts";

/** Replies with parse mode HTML; every value inside `html` must already be escaped. */
export function replyHtml(ctx: BotContext, html: string) {
  return ctx.reply(html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}
