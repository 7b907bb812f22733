import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml } from "../../bot/reply.ts";
import { looksLikeJoinCode } from "../../domain/join-code.ts";
import type { Feature } from "../feature.ts";
import { placeOf, requireNetwork, requireOrganiser } from "./scope.ts";
import type { NetworkService } from "./service.ts";
import { nameProblemText, settingsText, setupDoneText } from "./view.ts";

const GROUP_TYPES = ["group", "supergroup"] as const;

/** /setup, /link, /network, /network_set. */
export function networksFeature(deps: { networks: NetworkService }): Feature {
  const composer = new Composer<BotContext>();
  const { networks } = deps;

  composer.command("setup", async (ctx) => {
    if (!GROUP_TYPES.includes(ctx.chat.type as (typeof GROUP_TYPES)[number])) return void (await ctx.reply(ctx.t("setup-group-only")));
    const existing = await ctx.scope();
    if (existing) return void (await replyHtml(ctx, ctx.t("setup-already", { network: escapeHtml(existing.network.name) })));
    if (ctx.match.trim() === "") return void (await ctx.reply(ctx.t("setup-usage")));
    const caller = await ctx.getChatMember(ctx.from!.id);
    if (caller.status !== "creator" && caller.status !== "administrator") return void (await ctx.reply(ctx.t("setup-admins-only")));
    const result = await networks.setup(placeOf(ctx), ctx.match, BigInt(ctx.from!.id));
    if (result.kind === "already-linked") await replyHtml(ctx, ctx.t("setup-already", { network: escapeHtml(result.network.name) }));
    else if (result.kind === "bad-name") await ctx.reply(nameProblemText(ctx, result.problem));
    else await replyHtml(ctx, setupDoneText(ctx, result.network));
  });

  composer.command("link", async (ctx) => {
    if (!GROUP_TYPES.includes(ctx.chat.type as (typeof GROUP_TYPES)[number])) return void (await ctx.reply(ctx.t("link-group-only")));
    const code = ctx.match.trim();
    if (!looksLikeJoinCode(code)) return void (await ctx.reply(ctx.t("link-usage")));
    const place = placeOf(ctx);
    const result = await networks.link(place, code, BigInt(ctx.from!.id));
    switch (result.kind) {
      case "unknown-code":
        return void (await ctx.reply(ctx.t("link-unknown-code")));
      case "not-organiser":
        return void (await ctx.reply(ctx.t("organisers-only")));
      case "already-linked":
        return void (await replyHtml(ctx, ctx.t("setup-already", { network: escapeHtml(result.network.name) })));
      case "linked":
        return void (await replyHtml(ctx, ctx.t(place.topicId ? "link-done-topic" : "link-done", { network: escapeHtml(result.network.name) })));
    }
  });

  composer.command("network", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("network-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    await replyHtml(ctx, settingsText(ctx, scope.network, await networks.linkedChatCount(scope.network.id)));
  });

  composer.command("network_set", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, key, value] = /^(\S+)\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    if (!key || !value) return void (await ctx.reply(ctx.t("network-set-usage")));
    const result = await networks.set(scope.network, BigInt(ctx.from!.id), key.toLowerCase(), value);
    switch (result.kind) {
      case "updated":
        return void (await replyHtml(ctx, ctx.t("network-set-done", { key: key.toLowerCase(), before: escapeHtml(result.before), after: escapeHtml(result.after) })));
      case "bad-name":
        return void (await ctx.reply(nameProblemText(ctx, result.problem)));
      case "unknown-key":
        return void (await ctx.reply(ctx.t("network-set-usage")));
      case "number-taken":
        return void (await ctx.reply(ctx.t("network-set-number-taken", { last: result.last, min: result.last + 1 })));
      default:
        return void (await ctx.reply(ctx.t(`network-set-${result.kind}`)));
    }
  });

  return {
    composer,
    commands: [
      { command: "setup", description: "cmd-setup", chats: ["group"], organiserOnly: false },
      { command: "link", description: "cmd-link", chats: ["group"], organiserOnly: true },
      { command: "network", description: "cmd-network", chats: ["private", "group"], organiserOnly: false },
      { command: "network_set", description: "cmd-network-set", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
