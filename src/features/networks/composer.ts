import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { replyHtml } from "../../bot/reply.ts";
import { looksLikeJoinCode } from "../../domain/join-code.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { RELINK_DATA, readRelink } from "./callbacks.ts";
import { placeOf, requireNetwork, requireOrganiser } from "./scope.ts";
import { networkChoiceKeyboard } from "../network-choice/view.ts";
import { OBJECTION_DAYS, RETENTION_MONTHS, type LinkConflict, type NetworkService, type PublicCalendarResult } from "./service.ts";
import { botLink } from "../../bot/links.ts";
import { REVEAL_HOURS } from "../../domain/venue-privacy.ts";
import type { MeetingService } from "../meetings/service.ts";
import { tellAsker } from "../../bot/private-reply.ts";
import { joinCodeText, nameProblemText, networkSetUsage, publicCalendarLine, relinkKeyboard, settingsText, setupDoneText } from "./view.ts";

const GROUP_TYPES = ["group", "supergroup"] as const;

function inGroup(ctx: BotContext): boolean {
  return GROUP_TYPES.includes(ctx.chat?.type as (typeof GROUP_TYPES)[number]);
}

/** Asked at the moment of the action, never remembered: admin rights can be taken away any time. */
async function isChatAdmin(ctx: BotContext, userId: number): Promise<boolean> {
  const member = await ctx.getChatMember(userId);
  return member.status === "creator" || member.status === "administrator";
}

function conflictText(ctx: BotContext, conflict: LinkConflict): string {
  return ctx.t(`link-${conflict.kind}`, { network: escapeHtml(conflict.network.name) });
}

/**
 * The answer to /network_set public_calendar. Its address goes to the organiser privately, as the
 * join code does: the group hears only that it is on.
 */
async function answerPublicCalendar(ctx: BotContext, networks: NetworkService, result: PublicCalendarResult): Promise<void> {
  if (result.kind === "bad-value") return void (await ctx.reply(ctx.t("network-set-bad-public-calendar")));
  if (!result.on) return void (await ctx.reply(ctx.t(result.changed ? "network-public-calendar-disabled" : "network-public-calendar-already-off")));
  const headline = ctx.t(result.changed ? "network-public-calendar-enabled" : "network-public-calendar-already-on");
  const details = `${headline}\n${publicCalendarLine(ctx, result.network, networks.publicCalendarUrl(result.network), "show")}`;
  if (ctx.chat?.type === "private") return void (await replyHtml(ctx, details));
  const sent = (await tellAsker(ctx, details)) === "sent";
  const where = sent ? ctx.t("network-public-calendar-sent") : ctx.t("network-public-calendar-start-me", { link: botLink(ctx.me.username) });
  await replyHtml(ctx, `${headline}\n${where}`);
}

/** /setup, /link, /unlink, /network, /network_set, and the re-link confirmation button. */
/** Settings that change when reminders and venue reveals fall. */
const REPLANNING_KEYS: ReadonlySet<string> = new Set(["venue_reveal_hours", "quiet_hours", "timezone"]);

export function networksFeature(deps: { networks: NetworkService; meetings: Pick<MeetingService, "replanNetwork"> }): Feature {
  const composer = new FeatureComposer();
  const { networks } = deps;

  composer.command("setup", async (ctx) => {
    if (!inGroup(ctx)) return void (await ctx.reply(ctx.t("setup-group-only")));
    const existing = await ctx.scope();
    if (existing) return void (await replyHtml(ctx, ctx.t("setup-already", { network: escapeHtml(existing.network.name) })));
    if (ctx.match.trim() === "") return void (await ctx.reply(ctx.t("setup-usage")));
    if (!(await isChatAdmin(ctx, ctx.from!.id))) return void (await ctx.reply(ctx.t("setup-admins-only")));
    const result = await networks.setup(placeOf(ctx), ctx.match, BigInt(ctx.from!.id));
    switch (result.kind) {
      case "already-linked":
        return void (await replyHtml(ctx, ctx.t("setup-already", { network: escapeHtml(result.network.name) })));
      case "bad-name":
        return void (await ctx.reply(nameProblemText(ctx, result.problem)));
      case "chat-taken":
      case "topics-taken":
        return void (await replyHtml(ctx, conflictText(ctx, result)));
      case "created": {
        // The code links chats and the link joins people: it goes to the creator alone.
        const sent = (await tellAsker(ctx, joinCodeText(ctx, result.network))) === "sent";
        return void (await replyHtml(ctx, setupDoneText(ctx, result.network, sent)));
      }
    }
  });

  composer.command("link", async (ctx) => {
    if (!inGroup(ctx)) return void (await ctx.reply(ctx.t("link-group-only")));
    const code = ctx.match.trim();
    if (!looksLikeJoinCode(code)) return void (await ctx.reply(ctx.t("link-usage")));
    if (!(await isChatAdmin(ctx, ctx.from!.id))) return void (await ctx.reply(ctx.t("link-admins-only")));
    const place = placeOf(ctx);
    const where = ctx.t(place.topicId !== 0 ? "link-place-topic" : "link-place-chat");
    const result = await networks.link(place, code, BigInt(ctx.from!.id));
    switch (result.kind) {
      case "unknown-code":
        return void (await ctx.reply(ctx.t("link-unknown-code")));
      case "not-organiser":
        return void (await ctx.reply(ctx.t("organisers-only")));
      case "already-linked":
        return void (await replyHtml(ctx, ctx.t("link-already", { network: escapeHtml(result.network.name), place: where })));
      case "taken":
        return void (await replyHtml(ctx, ctx.t("link-taken", { network: escapeHtml(result.network.name), place: where })));
      case "chat-taken":
      case "topics-taken":
        return void (await replyHtml(ctx, conflictText(ctx, result)));
      case "confirm-relink":
        return void (await ctx.reply(ctx.t("link-relink-confirm", { from: escapeHtml(result.from.name), to: escapeHtml(result.to.name), place: where }), {
          parse_mode: "HTML",
          reply_markup: relinkKeyboard(ctx, { linkId: result.linkId, fromNetworkId: result.from.id, toNetworkId: result.to.id }),
        }));
      case "linked":
        return void (await replyHtml(ctx, ctx.t(place.topicId ? "link-done-topic" : "link-done", { network: escapeHtml(result.network.name) })));
    }
  });

  composer.callbackQuery(RELINK_DATA, async (ctx) => {
    const button = readRelink(ctx.callbackQuery.data)!;
    // The place comes from the message the button is on: the link must be the one found there.
    if (!inGroup(ctx)) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    if (!(await isChatAdmin(ctx, ctx.from.id))) return void (await ctx.answerCallbackQuery({ text: ctx.t("link-relink-not-allowed") }));
    const place = placeOf(ctx);
    const result = await networks.relink(place, button, BigInt(ctx.from.id));
    switch (result.kind) {
      case "not-allowed":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("link-relink-not-allowed") }));
      case "stale":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
      case "chat-taken":
      case "topics-taken":
        return void (await ctx.answerCallbackQuery({ text: ctx.t("link-relink-conflict"), show_alert: true }));
      case "relinked": {
        await ctx.answerCallbackQuery({ text: ctx.t("link-relink-done-toast") });
        const text = ctx.t("link-relinked", { from: escapeHtml(result.from.name), to: escapeHtml(result.to.name), place: ctx.t(place.topicId !== 0 ? "link-place-topic" : "link-place-chat") });
        return void (await ctx.editMessageText(text, { parse_mode: "HTML" }));
      }
    }
  });

  composer.command("unlink", async (ctx) => {
    if (!inGroup(ctx)) return void (await ctx.reply(ctx.t("unlink-group-only")));
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("unlink-usage")));
    if (!(await isChatAdmin(ctx, ctx.from!.id))) return void (await ctx.reply(ctx.t("unlink-admins-only")));
    const result = await networks.unlink(placeOf(ctx), BigInt(ctx.from!.id));
    switch (result.kind) {
      case "not-linked":
        return void (await ctx.reply(ctx.t("not-linked")));
      case "not-organiser":
        return void (await ctx.reply(ctx.t("organisers-only")));
      case "unlinked": {
        const args = { network: escapeHtml(result.network.name), place: ctx.t(result.topic ? "unlink-place-topic" : "unlink-place-chat") };
        return void (await replyHtml(ctx, ctx.t(result.remaining === 0 ? "unlink-done-last" : "unlink-done", args)));
      }
    }
  });

  composer.command("network", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("network-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    // Only organisers ever see the join code, and only in private.
    const organiser = scope.membership?.role === "organiser";
    const code = !organiser ? "none" : ctx.chat.type === "private" ? "show" : "hint";
    const basics = settingsText(ctx, scope.network, await networks.linkedChatCount(scope.network.id), code);
    // The public calendar is the organisers' to hand out: its address is shown like the join code.
    const settings = organiser ? `${basics}\n\n${publicCalendarLine(ctx, scope.network, networks.publicCalendarUrl(scope.network), code === "show" ? "show" : "hint")}` : basics;
    // In private, someone in several networks sees them all and can switch.
    const resolution = await ctx.scopeResolution();
    const mine = resolution.kind === "one" ? (resolution.networks ?? []) : [];
    if (ctx.chat.type !== "private" || mine.length < 2) return void (await replyHtml(ctx, settings));
    await ctx.reply(`${settings}

${ctx.t("network-choice-list", { networks: mine.map((n) => escapeHtml(n.name)).join(", "), current: escapeHtml(scope.network.name) })}`, {
      parse_mode: "HTML",
      reply_markup: networkChoiceKeyboard(mine.filter((n) => n.id !== scope.network.id)),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });

  composer.command("network_set", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, rawKey, value] = /^(\S+)\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    if (!rawKey || !value) return void (await ctx.reply(networkSetUsage(ctx)));
    const key = rawKey.toLowerCase();
    const actorId = BigInt(ctx.from!.id);
    if (key === "join_code") {
      if (value.trim().toLowerCase() !== "new") return void (await ctx.reply(networkSetUsage(ctx)));
      const renewed = await networks.renewJoinCode(scope.network, actorId);
      const codeText = `${ctx.t("network-join-code-renewed")}\n\n${joinCodeText(ctx, renewed)}`;
      if (ctx.chat.type === "private") return void (await replyHtml(ctx, codeText));
      const sent = (await tellAsker(ctx, codeText)) === "sent";
      const where = sent ? ctx.t("network-join-code-sent") : ctx.t("network-join-code-start-me", { link: botLink(ctx.me.username) });
      return void (await replyHtml(ctx, `${ctx.t("network-join-code-renewed")}\n${where}`));
    }
    if (key === "public_calendar") return answerPublicCalendar(ctx, networks, await networks.setPublicCalendar(scope.network, actorId, value));
    const result = await networks.set(scope.network, actorId, key, value);
    switch (result.kind) {
      case "updated":
        // Reminders and reveals move with the hours and the zone (reveals now due go at once);
        // were the process to stop in between, the re-planning at start does it.
        if (REPLANNING_KEYS.has(key)) await deps.meetings.replanNetwork(scope.network.id);
        return void (await replyHtml(ctx, ctx.t("network-set-done", { key, before: escapeHtml(result.before), after: escapeHtml(result.after) })));
      case "bad-name":
        return void (await ctx.reply(nameProblemText(ctx, result.problem)));
      case "unknown-key":
        return void (await ctx.reply(networkSetUsage(ctx)));
      case "number-taken":
        return void (await ctx.reply(ctx.t("network-set-number-taken", { last: result.last, min: result.last + 1 })));
      case "bad-retention":
        return void (await ctx.reply(ctx.t("network-set-bad-retention", { min: RETENTION_MONTHS.min, max: RETENTION_MONTHS.max })));
      case "bad-reveal-hours":
        return void (await ctx.reply(ctx.t("network-set-bad-reveal-hours", { min: REVEAL_HOURS.min, max: REVEAL_HOURS.max })));
      case "bad-objection-days":
        return void (await ctx.reply(ctx.t("network-set-bad-objection-days", { min: OBJECTION_DAYS.min, max: OBJECTION_DAYS.max })));
      default:
        return void (await ctx.reply(ctx.t(`network-set-${result.kind}`)));
    }
  });

  return {
    composer,
    commands: [
      { command: "setup", description: "cmd-setup", chats: ["group"], organiserOnly: false },
      { command: "link", description: "cmd-link", chats: ["group"], organiserOnly: true },
      { command: "unlink", description: "cmd-unlink", chats: ["group"], organiserOnly: true },
      { command: "network", description: "cmd-network", chats: ["private", "group"], organiserOnly: false },
      { command: "network_set", description: "cmd-network-set", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
