import type { Composer } from "grammy";
import type { CommandSpec } from "../bot/commands.ts";
import type { BotContext } from "../bot/context.ts";

/** What each feature folder gives the bot: its handlers and the commands it offers. */
export interface Feature {
  composer: Composer<BotContext>;
  commands: readonly CommandSpec[];
}
