import { GrammyError } from "grammy";
import type { BotContext } from "./context.ts";

export type PrivateDelivery = "here" | "sent" | "unreachable";

/**
 * What only the asker should see (names, exports): in private it goes here; asked in a group,
 * it goes to the asker's DM, or nowhere if they have not started the bot.
 */
export async function deliverPrivately(ctx: BotContext, send: (chatId: number) => Promise<unknown>): Promise<PrivateDelivery> {
  if (ctx.chat?.type === "private") {
    await send(ctx.chat.id);
    return "here";
  }
  try {
    await send(ctx.from!.id);
    return "sent";
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return "unreachable";
    throw error;
  }
}

/** Names for the asker only: delivered privately, and the asker told where it went (or how to let the bot write). */
export async function answerPrivately(ctx: BotContext, send: (chatId: number) => Promise<unknown>): Promise<void> {
  const delivery = await deliverPrivately(ctx, send);
  if (delivery === "unreachable") await ctx.reply(ctx.t("private-start-me", { link: `https://t.me/${ctx.me.username}` }), { parse_mode: "HTML" });
  if (delivery === "sent") await ctx.reply(ctx.t("private-sent"));
}
