import { commandsFor, type ChatKind, type CommandSpec } from "../../bot/commands.ts";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";

export function welcomeText(ctx: BotContext, firstName: string): string {
  return ctx.t("start-private", { name: escapeHtml(firstName) });
}

export function groupIntroText(ctx: BotContext): string {
  return ctx.t("start-group");
}

export function helpText(ctx: BotContext, specs: readonly CommandSpec[], chat: ChatKind, isOrganiser: boolean): string {
  const lines = commandsFor(specs, chat, isOrganiser).map((spec) => `/${spec.command} — ${escapeHtml(ctx.t(spec.description))}`);
  return [ctx.t("help-header"), "", ...lines, "", ctx.t("help-footer")].join("\n");
}
