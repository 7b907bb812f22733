import { InputFile } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { replyHtml } from "../../bot/reply.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireOrganiser } from "../networks/scope.ts";
import { forgetData } from "./callbacks.ts";
import type { PrivacyService } from "./service.ts";
import { calendarFeedLine, forgetConfirmation, lastOrganiserText, networkExportFileName } from "./view.ts";
import { botLink } from "../../bot/links.ts";

export interface PrivacyFeatureDeps {
  privacy: PrivacyService;
  clock: () => Date;
}

/** Times in /mydata's caption for someone in several networks (or none): the default zone of a network. */
const DEFAULT_ZONE = "Europe/Istanbul";

/** Personal data stays out of groups: there the commands only point to the private chat. */
async function inPrivate(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === "private") return true;
  await replyHtml(ctx, ctx.t("privacy-private-only", { link: botLink(ctx.me.username) }));
  return false;
}

/** /mydata and /forgetme for everyone (KVKK art. 11); /export_network for organisers. */
export function privacyFeature(deps: PrivacyFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { privacy } = deps;

  composer.command("mydata", async (ctx) => {
    if (!(await inPrivate(ctx))) return;
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("privacy-mydata-usage")));
    const { data, json } = await privacy.personalData(BigInt(ctx.from!.id));
    const zone = (await ctx.scope())?.network.timeZone ?? DEFAULT_ZONE;
    const caption = `${ctx.t("privacy-mydata-caption")}\n\n${calendarFeedLine(ctx, data.calendarFeed, zone)}`;
    await ctx.replyWithDocument(new InputFile(Buffer.from(json, "utf8"), ctx.t("privacy-mydata-file")), { caption });
  });

  composer.command("forgetme", async (ctx) => {
    if (!(await inPrivate(ctx))) return;
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("privacy-forget-usage")));
    const blockers = await privacy.forgetBlockers(BigInt(ctx.from!.id));
    if (blockers.length > 0) return void (await replyHtml(ctx, lastOrganiserText(ctx, blockers)));
    const { text, keyboard } = forgetConfirmation(ctx, ctx.from!.id, deps.clock());
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  composer.callbackQuery(forgetData.pattern, async (ctx) => {
    const button = forgetData.read(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!button || !message) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    // Only the person who asked, in their own private chat with the bot.
    if (button.userId !== ctx.from.id || message.chat.id !== ctx.from.id) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-not-yours"), show_alert: true }));
    }
    const close = (text: string) => ctx.editMessageText(text, { parse_mode: "HTML" });
    if (button.validUntil * 1000 < deps.clock().getTime()) {
      await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-expired"), show_alert: true });
      return void (await close(ctx.t("privacy-forget-expired")));
    }
    if (!button.confirm) {
      await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-cancelled") });
      return void (await close(ctx.t("privacy-forget-cancelled")));
    }
    const result = await privacy.forget(BigInt(ctx.from.id));
    switch (result.kind) {
      case "unknown":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-nothing"), show_alert: true }));
      case "last-organiser":
        await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-refused"), show_alert: true });
        return void (await close(lastOrganiserText(ctx, result.networks)));
      case "forgotten":
        await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-done-toast") });
        return void (await close(ctx.t("privacy-forget-done")));
    }
  });

  composer.command("export_network", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("privacy-export-usage")));
    const { json, exportedAt } = await privacy.exportNetwork(scope.network.id, BigInt(ctx.from!.id));
    const file = new InputFile(Buffer.from(json, "utf8"), networkExportFileName(ctx, scope.network.id, exportedAt));
    const caption = ctx.t("privacy-export-caption", { network: escapeHtml(scope.network.name) });
    await answerPrivately(ctx, (chatId) => ctx.api.sendDocument(chatId, file, { caption, parse_mode: "HTML" }));
  });

  return {
    composer,
    commands: [
      { command: "mydata", description: "cmd-mydata", chats: ["private"], organiserOnly: false },
      { command: "forgetme", description: "cmd-forgetme", chats: ["private"], organiserOnly: false },
      { command: "export_network", description: "cmd-export-network", chats: ["private"], organiserOnly: true },
    ],
  };
}
