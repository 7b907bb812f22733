import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { shortenText } from "../../domain/split.ts";

const ECHOED_COMMAND_MAX = 40;

/** Last in the chain: whatever no feature handled gets a short, useful answer. */
export function fallbackComposer(botUsername: () => string): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.on("message:text", async (ctx) => {
    // The whole word typed: Telegram's command entity stops at the first letter outside a–z, so
    // "/yardım" would otherwise be echoed as "/yard".
    const command = /^\/([^\s@]+)(?:@([a-zA-Z0-9_]+))?/.exec(ctx.message.text);
    if (command) {
      // In a group where the bot is an admin, commands for other bots reach us too.
      if (command[2] && command[2].toLowerCase() !== botUsername().toLowerCase()) return;
      await ctx.reply(ctx.t("unhandled-command", { command: escapeHtml(shortenText(`/${command[1]}`, ECHOED_COMMAND_MAX)) }), { parse_mode: "HTML" });
      return;
    }
    if (ctx.chat.type === "private") await ctx.reply(ctx.t("unhandled-private"));
  });

  composer.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") });
  });

  return composer;
}
