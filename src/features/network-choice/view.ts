import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { networkChoiceData } from "./callbacks.ts";

/** One button per network; pressing one chooses it and runs the command the message answers. */
export function networkChoiceKeyboard(networks: { id: number; name: string }[]): InlineKeyboard {
  return InlineKeyboard.from(networks.map((network) => [InlineKeyboard.text(network.name, networkChoiceData.build(network.id))]));
}

/**
 * Someone in several networks gave a command in private: ask which network, as a reply to the
 * command, so pressing a button can run that same command for the chosen network.
 */
export async function askWhichNetwork(ctx: BotContext, networks: { id: number; name: string }[]): Promise<void> {
  await ctx.reply(ctx.t("network-choice-ask"), {
    reply_markup: networkChoiceKeyboard(networks),
    ...(ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
  });
}
