import { GrammyError } from "grammy";
import type { BotContext } from "./context.ts";
import { botLink } from "./links.ts";

export type PrivateDelivery = "here" | "sent" | "unreachable";

/** HTML texts (every value already escaped), or a function that sends to the given chat (a document). */
export type PrivateDetails = string | readonly string[] | ((chatId: number) => Promise<unknown>);

/**
 * Details that name people, for the asker only. In private they are the answer. Asked in a group
 * or topic they go to the asker's DM, and the group gets one line without any name: that it was
 * sent, or how to let the bot write privately. `change`: the command has already changed
 * something, so the group line says it was done even when the DM cannot be delivered.
 */
export async function answerPrivately(ctx: BotContext, details: PrivateDetails, options: { change?: boolean } = {}): Promise<PrivateDelivery> {
  if (ctx.chat?.type === "private") {
    await senderOf(ctx, details)(ctx.chat.id);
    return "here";
  }
  const delivery = await tellAsker(ctx, details);
  const prefix = options.change ? "private-change" : "private";
  if (delivery === "sent") await ctx.reply(ctx.t(`${prefix}-sent`));
  else await ctx.reply(ctx.t(`${prefix}-start-me`, { link: botLink(ctx.me.username) }), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  return delivery;
}

function senderOf(ctx: BotContext, details: PrivateDetails): (chatId: number) => Promise<unknown> {
  if (typeof details === "function") return details;
  const texts = typeof details === "string" ? [details] : details;
  return async (chatId: number) => {
    for (const text of texts) await ctx.api.sendMessage(chatId, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  };
}

/**
 * Sends details to the asker's private chat, whatever chat they asked in, and says whether it
 * arrived. A 403 (never started the bot, or blocked it) is an answer, not an error: the API
 * transformer has marked the person unreachable.
 */
export async function tellAsker(ctx: BotContext, details: PrivateDetails): Promise<"sent" | "unreachable"> {
  try {
    await senderOf(ctx, details)(ctx.from!.id);
    return "sent";
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return "unreachable";
    throw error;
  }
}
