import type { BotContext } from "../../bot/context.ts";
import { isLocale } from "../../bot/i18n.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { UserService } from "../users/service.ts";
import { usageText } from "./view.ts";

/** /lang tr|en: the language the bot uses with this person, everywhere. */
export function languageFeature(deps: { users: UserService }): Feature {
  const composer = new FeatureComposer();
  composer.command("lang", async (ctx) => {
    const choice = ctx.match.trim().toLowerCase();
    if (!ctx.from || !isLocale(choice)) {
      await ctx.reply(usageText(ctx));
      return;
    }
    await deps.users.setLocale(ctx.from.id, choice);
    ctx.locale = choice;
    await ctx.reply(ctx.t("lang-changed"));
  });
  return { composer, commands: [{ command: "lang", description: "cmd-lang", chats: ["private", "group"], organiserOnly: false }] };
}
