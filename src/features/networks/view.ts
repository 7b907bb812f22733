import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import type { NameProblem } from "../../domain/names.ts";
import type { Network } from "../../db/client.ts";
import { relinkData, type RelinkButton } from "./callbacks.ts";
import { botLink, joinLink } from "../../bot/links.ts";

export function nameProblemText(ctx: BotContext, problem: NameProblem): string {
  return problem.kind === "empty" ? ctx.t("name-empty") : ctx.t("name-too-long", { max: problem.max, length: problem.length });
}

/** The same limits for texts that are not names: a venue, an address, a title, a reason. */
export function textProblemText(ctx: BotContext, problem: NameProblem): string {
  return problem.kind === "empty" ? ctx.t("text-empty") : ctx.t("text-too-long", { max: problem.max, length: problem.length });
}

/** The group's answer to /setup: no code, only where the code went. */
export function setupDoneText(ctx: BotContext, network: Network, codeSent: boolean): string {
  return ctx.t("setup-done", {
    network: escapeHtml(network.name),
    code: codeSent ? ctx.t("setup-code-sent") : ctx.t("setup-code-start-me", { link: botLink(ctx.me.username) }),
  });
}

/** The join code and the members' join link: for an organiser, in private only. */
export function joinCodeText(ctx: BotContext, network: Network): string {
  return ctx.t("network-code", { network: escapeHtml(network.name), code: network.joinCode, link: joinLink(ctx.me.username, network.joinCode) });
}

/**
 * The settings. `code`: "show" (an organiser in private), "hint" (an organiser in a group: where
 * to see it), "none" (everyone else).
 */
export function settingsText(ctx: BotContext, network: Network, chats: number, code: "show" | "hint" | "none"): string {
  const settings = ctx.t("network-settings", {
    name: escapeHtml(network.name),
    title: escapeHtml(network.seriesTitle),
    timezone: network.timeZone,
    language: ctx.t(`lang-name-${network.locale}`),
    next: network.nextMeetingNumber,
    chats,
    retention: network.retentionMonths,
  });
  const withReveal = `${settings}\n${ctx.t("network-settings-venue-reveal", { hours: network.venueRevealHours })}\n${ctx.t("network-settings-objection-days", { days: network.objectionDays })}`;
  if (code === "show") return `${withReveal}\n\n${joinCodeText(ctx, network)}`;
  if (code === "hint") return `${withReveal}\n${ctx.t("network-code-private")}`;
  return withReveal;
}

/**
 * The network's public calendar, for organisers: its address in private ("show"); in a group
 * ("hint") only whether it is on and where to see the address, like the join code.
 */
export function publicCalendarLine(ctx: BotContext, network: Network, url: string | undefined, where: "show" | "hint"): string {
  if (network.publicCalendarToken === null) return ctx.t("network-public-calendar-off");
  if (where === "hint") return ctx.t("network-public-calendar-private");
  return url === undefined ? ctx.t("calendar-not-served") : ctx.t("network-public-calendar-on", { url: escapeHtml(url) });
}

/** The usage of /network_set, public_calendar included. */
export function networkSetUsage(ctx: BotContext): string {
  return `${ctx.t("network-set-usage")}\n${ctx.t("network-set-usage-venue-reveal")}\n${ctx.t("network-set-usage-objection-days")}\n${ctx.t("network-set-usage-public-calendar")}`;
}

export function relinkKeyboard(ctx: BotContext, button: RelinkButton): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("link-relink-button"), relinkData(button));
}
