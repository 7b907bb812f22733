import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml, replyHtmlLines } from "../../bot/reply.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { parseOrgEdit, type OrganisationService } from "./service.ts";
import { duplicateText, orgListLines, orgNameProblemText, orgNotFoundText } from "./view.ts";

/** /org_add, /orgs, /org_edit, /org_remove. */
export function organisationsFeature(deps: { organisations: OrganisationService }): Feature {
  const composer = new FeatureComposer();
  const { organisations } = deps;

  composer.command("org_add", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const parts = ctx.match.split("|");
    if (parts.length !== 2 || parts.some((p) => p.trim() === "")) return void (await ctx.reply(ctx.t("org-add-usage")));
    const result = await organisations.add(scope.network.id, BigInt(ctx.from!.id), parts[0]!, parts[1]!);
    if (result.kind === "added") {
      const org = result.organisation;
      await replyHtml(ctx, ctx.t("org-added", { name: escapeHtml(org.name), short: escapeHtml(org.shortName), position: org.rotationPosition }));
    } else if (result.kind === "bad-name") await ctx.reply(orgNameProblemText(ctx, result.which, result.problem));
    else await replyHtml(ctx, duplicateText(ctx, result.kind, result.existing));
  });

  composer.command("orgs", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("orgs-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    await replyHtmlLines(ctx, orgListLines(ctx, scope.network.name, await organisations.list(scope.network.id)));
  });

  composer.command("org_edit", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const parsed = parseOrgEdit(ctx.match);
    if (!parsed) return void (await ctx.reply(ctx.t("org-edit-usage")));
    const result = await organisations.edit(scope.network.id, BigInt(ctx.from!.id), parsed.shortName, parsed.field, parsed.value);
    switch (result.kind) {
      case "edited":
        return void (await replyHtml(ctx, ctx.t("org-edited", { short: escapeHtml(result.organisation.shortName), field: parsed.field })));
      case "not-found":
        return void (await replyHtml(ctx, orgNotFoundText(ctx, parsed.shortName)));
      case "bad-name":
        return void (await ctx.reply(orgNameProblemText(ctx, result.which, result.problem)));
      case "duplicate-name":
      case "duplicate-short":
        return void (await replyHtml(ctx, duplicateText(ctx, result.kind, result.existing)));
      default:
        return void (await ctx.reply(ctx.t(`org-edit-${result.kind}`)));
    }
  });

  composer.command("org_remove", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const shortName = ctx.match.trim();
    if (shortName === "") return void (await ctx.reply(ctx.t("org-remove-usage")));
    const result = await organisations.remove(scope.network.id, BigInt(ctx.from!.id), shortName);
    if (result.kind === "not-found") await replyHtml(ctx, orgNotFoundText(ctx, shortName));
    else if (result.kind === "has-members") await replyHtml(ctx, ctx.t("org-remove-has-members", { short: escapeHtml(shortName), count: result.count }));
    else await replyHtml(ctx, ctx.t("org-removed", { name: escapeHtml(result.organisation.name) }));
  });

  return {
    composer,
    commands: [
      { command: "orgs", description: "cmd-orgs", chats: ["private", "group"], organiserOnly: false },
      { command: "org_add", description: "cmd-org-add", chats: ["private", "group"], organiserOnly: true },
      { command: "org_edit", description: "cmd-org-edit", chats: ["private", "group"], organiserOnly: true },
      { command: "org_remove", description: "cmd-org-remove", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
