import { InlineKeyboard } from "grammy";
import { isInChatNow } from "../../bot/chat-member.ts";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { repliedPerson } from "../../bot/replied.ts";
import { replyHtml, toastText } from "../../bot/reply.ts";
import type { Organisation } from "../../db/client.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { botLink } from "../../bot/links.ts";
import type { OrganisationService } from "../organisations/service.ts";
import type { UserService } from "../users/service.ts";
import type { MemberService, MemberTarget, NotFound } from "./service.ts";
import { memberListLines, memberName } from "./view.ts";
import { orgNotFoundText } from "../organisations/view.ts";

const JOIN_DATA = /^join:(\d{1,9}):(\d{1,9})$/;

function organisationKeyboard(networkId: number, organisations: Organisation[]): InlineKeyboard {
  // One organisation a row, and no empty row after the last.
  return InlineKeyboard.from(organisations.map((org) => [InlineKeyboard.text(org.shortName, `join:${networkId}:${org.id}`)]));
}

/** The person an organiser means: the author of the replied-to message, or @username first. */
function targetOf(ctx: BotContext): { target: MemberTarget; rest: string } | undefined {
  const args = typeof ctx.match === "string" ? ctx.match.trim() : "";
  const replied = repliedPerson(ctx);
  if (replied) return { target: { userId: BigInt(replied.id) }, rest: args };
  const mention = /^@([A-Za-z0-9_]{4,32})(?:\s+([\s\S]*))?$/.exec(args);
  return mention ? { target: { username: mention[1]! }, rest: (mention[2] ?? "").trim() } : undefined;
}

/** Says why a target named no one; an @username that fails points to replying to the person instead. */
function refuseTarget(ctx: BotContext, target: MemberTarget, result: NotFound) {
  if (result.kind === "ambiguous-member") return ctx.reply(ctx.t("members-username-ambiguous"));
  return ctx.reply(ctx.t("userId" in target ? "member-unknown" : "members-username-unknown"));
}

/** Joining, choosing one's organisation, and organisers managing people and roles. */
export function membersFeature(deps: { members: MemberService; organisations: OrganisationService; users: UserService }): Feature {
  const composer = new FeatureComposer();
  const { members, organisations } = deps;

  /**
   * An organiser who replies, in the network's group, to someone the bot never saw (privacy mode
   * hides plain chatter) vouches that they are in the group: they become a member, as writing
   * there would have made them. A reply to an old message of someone who has since left vouches
   * for nothing: Telegram is asked whether they are in the group now.
   */
  const admitReplied = async (ctx: BotContext, networkId: number, target: MemberTarget) => {
    const person = repliedPerson(ctx);
    if (!("userId" in target) || !person || !ctx.chat || ctx.chat.type === "private") return;
    if (!(await isInChatNow(ctx.api, ctx.chat.id, person.id))) return;
    await deps.users.remember(person);
    await members.admit(networkId, BigInt(person.id));
  };

  // Deep link t.me/<bot>?start=join_<code>: the person can now be reached by DM and joins.
  composer.chatType("private").command("start", async (ctx, next) => {
    const code = /^join_([A-Za-z0-9]{8})$/.exec(ctx.match.trim())?.[1];
    if (!code) return next();
    await deps.users.markReachable(ctx.from.id);
    const network = await members.join(code, BigInt(ctx.from.id));
    if (!network) return void (await ctx.reply(ctx.t("join-link-unknown")));
    const list = await organisations.list(network.id);
    const text = ctx.t("join-link-welcome", { name: escapeHtml(ctx.from.first_name), network: escapeHtml(network.name) });
    if (list.length === 0) return void (await replyHtml(ctx, `${text}\n${ctx.t("join-no-organisations")}`));
    await ctx.reply(`${text}\n${ctx.t("join-link-choose")}`, { parse_mode: "HTML", reply_markup: organisationKeyboard(network.id, list) });
  });

  composer.command("join", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("join-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const list = await organisations.list(scope.network.id);
    if (list.length === 0) return void (await ctx.reply(ctx.t("join-no-organisations")));
    // The join code is for organisers only: the link here just opens the bot, so it can write privately.
    const text = ctx.chat.type === "private" ? ctx.t("join-link-choose") : ctx.t("join-choose", { link: botLink(ctx.me.username) });
    await ctx.reply(text, {
      reply_markup: organisationKeyboard(scope.network.id, list),
      link_preview_options: { is_disabled: true },
    });
  });

  composer.callbackQuery(JOIN_DATA, async (ctx) => {
    const [, networkId, organisationId] = JOIN_DATA.exec(ctx.callbackQuery.data)!;
    // In a group the button must belong to that chat's network; in private, to one of the presser's.
    const inGroup = ctx.chat?.type !== "private";
    if (inGroup && (await ctx.scope())?.network.id !== Number(networkId)) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const result = await members.chooseOwnOrganisation(Number(networkId), BigInt(ctx.from.id), Number(organisationId));
    if (result.kind !== "chosen") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: toastText(ctx.t("join-chosen", { organisation: result.organisation.shortName })) });
  });

  composer.command("whoami", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("whoami-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope?.membership) return;
    const organisation = await members.organisationOf(scope.membership.id);
    await replyHtml(
      ctx,
      ctx.t("whoami", {
        network: escapeHtml(scope.network.name),
        organisation: organisation ? escapeHtml(organisation.name) : ctx.t("whoami-no-organisation"),
        role: ctx.t(`role-${scope.membership.role}`),
      }),
    );
  });

  // Names are for organisers only: asked in a group, the list goes to the organiser's DM.
  composer.command("members", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("members-usage")));
    const lines = memberListLines(ctx, scope.network.name, await members.list(scope.network.id), await organisations.list(scope.network.id));
    await answerPrivately(ctx, splitIntoMessages(lines));
  });

  for (const [command, role] of [["organiser_add", "organiser"], ["organiser_remove", "member"]] as const) {
    const texts = command.replace("_", "-");
    composer.command(command, async (ctx) => {
      const scope = await requireOrganiser(ctx);
      if (!scope) return;
      const parsed = targetOf(ctx);
      if (!parsed || parsed.rest !== "") return void (await ctx.reply(ctx.t(`${texts}-usage`)));
      await admitReplied(ctx, scope.network.id, parsed.target);
      const result = await members.setRole(scope.network.id, BigInt(ctx.from!.id), parsed.target, role);
      switch (result.kind) {
        case "unknown-member":
        case "ambiguous-member":
          return void (await refuseTarget(ctx, parsed.target, result));
        case "last-organiser":
          return void (await ctx.reply(ctx.t("organiser-last")));
        case "unchanged":
          return void (await answerPrivately(ctx, ctx.t(`${texts}-unchanged`, { name: memberName(result.member) })));
        case "changed":
          return void (await answerPrivately(ctx, ctx.t(`${texts}-done`, { name: memberName(result.member) }), { change: true }));
      }
    });
  }

  composer.command("member_set_org", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const parsed = targetOf(ctx);
    if (!parsed || parsed.rest === "") return void (await ctx.reply(ctx.t("member-set-org-usage")));
    await admitReplied(ctx, scope.network.id, parsed.target);
    const result = await members.setOrganisation(scope.network.id, BigInt(ctx.from!.id), parsed.target, parsed.rest);
    if (result.kind === "unknown-member" || result.kind === "ambiguous-member") await refuseTarget(ctx, parsed.target, result);
    else if (result.kind === "unknown-organisation") await replyHtml(ctx, orgNotFoundText(ctx, parsed.rest));
    else await answerPrivately(ctx, ctx.t("member-set-org-done", { name: memberName(result.member), organisation: escapeHtml(result.organisation.name) }), { change: true });
  });

  composer.command("host_contact", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const parsed = targetOf(ctx);
    const answer = parsed?.rest.toLocaleLowerCase("tr-TR") || "evet";
    const on = ["evet", "yes", "e", "y"].includes(answer) ? true : ["hayır", "hayir", "no", "h", "n"].includes(answer) ? false : undefined;
    if (!parsed || on === undefined) return void (await ctx.reply(ctx.t("host-contact-usage")));
    await admitReplied(ctx, scope.network.id, parsed.target);
    const result = await members.setHostContact(scope.network.id, BigInt(ctx.from!.id), parsed.target, on);
    if (result.kind === "unknown-member" || result.kind === "ambiguous-member") return void (await refuseTarget(ctx, parsed.target, result));
    // The organiser knows whom they named: the refusal needs no name and can stay in the group.
    if (result.kind === "no-organisation") return void (await ctx.reply(ctx.t("host-contact-no-organisation")));
    await answerPrivately(ctx, ctx.t(on ? "host-contact-on" : "host-contact-off", { name: memberName(result.member), organisation: escapeHtml(result.organisation.name) }), { change: true });
  });

  return {
    composer,
    commands: [
      { command: "join", description: "cmd-join", chats: ["private", "group"], organiserOnly: false },
      { command: "whoami", description: "cmd-whoami", chats: ["private", "group"], organiserOnly: false },
      { command: "members", description: "cmd-members", chats: ["private", "group"], organiserOnly: true },
      { command: "organiser_add", description: "cmd-organiser-add", chats: ["private", "group"], organiserOnly: true },
      { command: "organiser_remove", description: "cmd-organiser-remove", chats: ["private", "group"], organiserOnly: true },
      { command: "member_set_org", description: "cmd-member-set-org", chats: ["private", "group"], organiserOnly: true },
      { command: "host_contact", description: "cmd-host-contact", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
