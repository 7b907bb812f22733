import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml } from "../../bot/reply.ts";
import type { Feature } from "../feature.ts";
import { requireNetwork } from "../networks/scope.ts";
import { joinLink } from "../networks/view.ts";
import type { OrganisationService } from "../organisations/service.ts";
import type { MemberService } from "./service.ts";

const JOIN_DATA = /^join:(\d{1,9}):(\d{1,9})$/;

/** /join (pick your organisation) and /whoami. */
export function membersFeature(deps: { members: MemberService; organisations: OrganisationService }): Feature {
  const composer = new Composer<BotContext>();

  composer.command("join", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("join-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const organisations = await deps.organisations.list(scope.network.id);
    if (organisations.length === 0) return void (await ctx.reply(ctx.t("join-no-organisations")));
    const keyboard = new InlineKeyboard();
    for (const org of organisations) keyboard.text(org.shortName, `join:${scope.network.id}:${org.id}`).row();
    await ctx.reply(ctx.t("join-choose", { link: joinLink(ctx.me.username, scope.network.joinCode) }), {
      reply_markup: keyboard,
      link_preview_options: { is_disabled: true },
    });
  });

  composer.callbackQuery(JOIN_DATA, async (ctx) => {
    const [, networkId, organisationId] = JOIN_DATA.exec(ctx.callbackQuery.data)!;
    // The button must belong to the network of the chat it was pressed in.
    if (!ctx.scope || ctx.scope.network.id !== Number(networkId)) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const result = await deps.members.chooseOwnOrganisation(ctx.scope.network.id, BigInt(ctx.from.id), Number(organisationId));
    if (result.kind === "unknown-organisation") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: ctx.t("join-chosen", { organisation: result.organisation.shortName }) });
  });

  composer.command("whoami", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("whoami-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope?.membership) return;
    const organisation = await deps.members.organisationOf(scope.membership.id);
    await replyHtml(
      ctx,
      ctx.t("whoami", {
        network: escapeHtml(scope.network.name),
        organisation: organisation ? escapeHtml(organisation.name) : ctx.t("whoami-no-organisation"),
        role: ctx.t(`role-${scope.membership.role}`),
      }),
    );
  });

  return {
    composer,
    commands: [
      { command: "join", description: "cmd-join", chats: ["private", "group"], organiserOnly: false },
      { command: "whoami", description: "cmd-whoami", chats: ["private", "group"], organiserOnly: false },
    ],
  };
}
