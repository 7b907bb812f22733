import type { CommandSpec } from "../../bot/commands.ts";
import type { BotContext } from "../../bot/context.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { UserService } from "../users/service.ts";
import { groupIntroText, helpText, welcomeText } from "./view.ts";

const COMMANDS: readonly CommandSpec[] = [
  { command: "start", description: "cmd-start", chats: ["private", "group"], organiserOnly: false },
  { command: "help", description: "cmd-help", chats: ["private", "group"], organiserOnly: false },
];

/** /start and /help. `allCommands` is every feature's list, so /help can show them all. */
export function startFeature(deps: { users: UserService; allCommands: () => readonly CommandSpec[] }): Feature {
  const composer = new FeatureComposer();

  composer.chatType("private").command("start", async (ctx, next) => {
    // t.me/<bot>?start=join_<code> links belong to the members feature.
    if (ctx.match.startsWith("join_")) return next();
    await deps.users.markReachable(ctx.from.id);
    await ctx.reply(welcomeText(ctx, ctx.from.first_name), { parse_mode: "HTML" });
  });
  composer.chatType(["group", "supergroup"]).command("start", async (ctx) => {
    await ctx.reply(groupIntroText(ctx), { parse_mode: "HTML" });
  });

  composer.command("help", async (ctx) => {
    const chat = ctx.chat.type === "private" ? "private" : "group";
    const isOrganiser = (await ctx.scope())?.membership?.role === "organiser";
    await ctx.reply(helpText(ctx, deps.allCommands(), chat, isOrganiser), { parse_mode: "HTML" });
  });

  return { composer, commands: COMMANDS };
}
