import type { BotContext } from "../../bot/context.ts";
import { replyHtml } from "../../bot/reply.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireOrganiser } from "../networks/scope.ts";
import { DEFAULT_STATS_MEETINGS, MAX_STATS_MEETINGS, type ReportService } from "./service.ts";
import { statsLines } from "./view.ts";

/** /stats [N]: per organisation, meetings attended of the last N, times hosted, open action items. */
export function reportsFeature(deps: { reports: ReportService }): Feature {
  const composer = new FeatureComposer();
  composer.command("stats", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const arg = ctx.match.trim();
    const count = arg === "" ? DEFAULT_STATS_MEETINGS : /^\d{1,3}$/.test(arg) ? Number(arg) : NaN;
    if (!(count >= 1 && count <= MAX_STATS_MEETINGS)) return void (await ctx.reply(ctx.t("stats-usage", { max: MAX_STATS_MEETINGS })));
    for (const text of splitIntoMessages(statsLines(ctx, await deps.reports.stats(scope.network.id, count)))) await replyHtml(ctx, text);
  });
  return { composer, commands: [{ command: "stats", description: "cmd-stats", chats: ["private", "group"], organiserOnly: true }] };
}
