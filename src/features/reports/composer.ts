import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml } from "../../bot/reply.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Feature } from "../feature.ts";
import type { Reader } from "../meetings/view.ts";
import { requireOrganiser } from "../networks/scope.ts";
import { DEFAULT_STATS_MEETINGS, MAX_STATS_MEETINGS, type NetworkStats, type ReportService } from "./service.ts";

export function statsLines(reader: Reader, stats: NetworkStats): string[] {
  const lines = [reader.t("stats-heading", { meetings: stats.meetings })];
  if (stats.organisations.length === 0) return [...lines, "", reader.t("stats-no-organisations")];
  for (const org of stats.organisations) {
    lines.push(reader.t("stats-line", { organisation: escapeHtml(org.organisation), attended: org.attended, meetings: stats.meetings, hosted: org.hosted, open: org.openActions }));
  }
  return lines;
}

/** /stats [N]: per organisation, meetings attended of the last N, times hosted, open action items. */
export function reportsFeature(deps: { reports: ReportService }): Feature {
  const composer = new Composer<BotContext>();
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
