import { GrammyError } from "grammy";
import type { BotContext } from "./context.ts";

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
  const send = typeof details === "function" ? details : sendTexts(ctx, typeof details === "string" ? [details] : details);
  if (ctx.chat?.type === "private") {
    await send(ctx.chat.id);
    return "here";
  }
  const delivery = await deliver(ctx.from!.id, send);
  const prefix = options.change ? "private-change" : "private";
  if (delivery === "sent") await ctx.reply(ctx.t(`${prefix}-sent`));
  else await ctx.reply(ctx.t(`${prefix}-start-me`, { link: `https://t.me/${ctx.me.username}` }), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  return delivery;
}

function sendTexts(ctx: BotContext, texts: readonly string[]) {
  return async (chatId: number) => {
    for (const text of texts) await ctx.api.sendMessage(chatId, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  };
}

/** A 403 (never started the bot, or blocked it) is an answer, not an error: the API transformer has marked the person unreachable. */
async function deliver(userId: number, send: (chatId: number) => Promise<unknown>): Promise<"sent" | "unreachable"> {
  try {
    await send(userId);
    return "sent";
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return "unreachable";
    throw error;
  }
}
