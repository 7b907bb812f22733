import type { BotContext } from "../../bot/context.ts";
import { botLink } from "../../bot/links.ts";
import { replyHtml } from "../../bot/reply.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { CalendarService } from "./service.ts";
import { feedLinkText } from "./view.ts";
import { tellWhyNoNetwork } from "../networks/scope.ts";

/**
 * Whether the person belongs to a network (the feed holds every network they belong to, so in
 * private it needs no choice among them); otherwise they are told why not.
 */
async function isMemberSomewhere(ctx: BotContext): Promise<boolean> {
  const resolution = await ctx.scopeResolution();
  if (resolution.kind === "one" || resolution.kind === "several") return true;
  await tellWhyNoNetwork(ctx, resolution);
  return false;
}

const RESET_WORDS: ReadonlySet<string> = new Set(["reset", "sıfırla", "yenile"]);

/** /calendar and /calendar reset: a personal feed of every meeting of the person's networks. */
export function calendarFeature(deps: { calendar: CalendarService }): Feature {
  const composer = new FeatureComposer();
  const { calendar } = deps;

  composer.command("calendar", async (ctx) => {
    // The link opens the person's answers: it is given in private only.
    if (ctx.chat.type !== "private") return void (await replyHtml(ctx, ctx.t("calendar-private-only", { link: botLink(ctx.me.username) })));
    const typed = ctx.match.trim().toLocaleLowerCase("tr-TR");
    // "sıfırla" / "yenile": what a Turkish speaker types for reset.
    const argument = typed === "" ? "" : RESET_WORDS.has(typed) ? "reset" : undefined;
    if (argument === undefined) return void (await ctx.reply(ctx.t("calendar-usage")));
    if (!(await isMemberSomewhere(ctx))) return;
    const userId = BigInt(ctx.from!.id);
    if (!calendar.servesFeeds()) return void (await ctx.reply(ctx.t("calendar-not-served")));

    const opened = argument === "reset" ? { kind: "new" as const, token: await calendar.resetFeed(userId) } : await calendar.openFeed(userId);
    if (opened.kind === "exists") {
      return void (await ctx.reply(ctx.t("calendar-already"), { reply_parameters: { message_id: opened.messageId, allow_sending_without_reply: true } }));
    }
    const text = feedLinkText(ctx, calendar.personalFeedUrl(opened.token)!, argument === "reset");
    const sent = await replyHtml(ctx, text);
    await calendar.rememberLinkMessage(userId, opened.token, sent.message_id);
  });

  return {
    composer,
    commands: [{ command: "calendar", description: "cmd-calendar", chats: ["private"], organiserOnly: false }],
  };
}
