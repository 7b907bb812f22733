import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import type { NameProblem } from "../../domain/names.ts";
import type { Network } from "../../db/client.ts";

export function joinLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=join_${code}`;
}

export function nameProblemText(ctx: BotContext, problem: NameProblem): string {
  return problem.kind === "empty" ? ctx.t("name-empty") : ctx.t("name-too-long", { max: problem.max, length: problem.length });
}

export function setupDoneText(ctx: BotContext, network: Network): string {
  return ctx.t("setup-done", {
    network: escapeHtml(network.name),
    code: network.joinCode,
    link: joinLink(ctx.me.username, network.joinCode),
  });
}

export function settingsText(ctx: BotContext, network: Network, chats: number): string {
  return ctx.t("network-settings", {
    name: escapeHtml(network.name),
    title: escapeHtml(network.seriesTitle),
    timezone: network.timeZone,
    language: ctx.t(`lang-name-${network.locale}`),
    next: network.nextMeetingNumber,
    chats,
    code: network.joinCode,
  });
}
