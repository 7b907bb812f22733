import type { BotContext } from "../../bot/context.ts";
import { replyHtmlLines } from "../../bot/reply.ts";
import { formatDecisionNumber, matchesSearch, parseDecisionNumber } from "../../domain/decisions.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import type { Decision, DecisionService } from "./service.ts";
import { decisionListLines, supersedeText } from "./view.ts";

export interface DecisionsFeatureDeps {
  decisions: DecisionService;
  /** Decision texts reach a group, or a member privately, with members' names withheld as the minutes' group copy does. */
  withholder: NameWithholder;
}

/** The longest search people type; more is not a word but a paragraph. */
const MAX_QUERY = 100;

/** /decisions [word] lists the series' register; /decision_supersede marks one decision as replaced by a later one. */
export function decisionsFeature(deps: DecisionsFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { decisions } = deps;

  composer.command("decisions", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const query = ctx.match.trim().replace(/\s+/g, " ");
    if (query.length > MAX_QUERY) return void (await ctx.reply(ctx.t("decisions-usage")));
    const register = await decisions.register(scope.network.id);
    const show = (await deps.withholder.forNetwork(scope.network.id)).in(ctx.chat, BigInt(ctx.from!.id));
    const shown = (d: Decision) => show(d.text, ctx.t("minutes-name-withheld"), { authorId: d.authorId });
    // "25/3" finds that decision; anything else is searched for in the texts as they are shown here.
    const number = parseDecisionNumber(query);
    const found = query === "" ? register : register.filter((d) => (number ? formatDecisionNumber(d.number) === formatDecisionNumber(number) : matchesSearch(shown(d), query)));
    await replyHtmlLines(ctx, decisionListLines(ctx, found, query, shown));
  });

  composer.command("decision_supersede", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [oldText, newText, ...rest] = ctx.match.trim().split(/\s+/);
    const old = oldText ? parseDecisionNumber(oldText) : undefined;
    const replacement = newText ? parseDecisionNumber(newText) : undefined;
    if (!old || !replacement || rest.length > 0) return void (await ctx.reply(ctx.t("decision-supersede-usage")));
    const result = await decisions.supersede(scope.network.id, BigInt(ctx.from!.id), old, replacement);
    await ctx.reply(supersedeText(ctx, result));
  });

  return {
    composer,
    commands: [
      { command: "decisions", description: "cmd-decisions", chats: ["private", "group"], organiserOnly: false },
      { command: "decision_supersede", description: "cmd-decision-supersede", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
