import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import type { Organisation } from "../../db/client.ts";
import { NAME_LIMITS, type NameProblem } from "../../domain/names.ts";
import { shortenText } from "../../domain/split.ts";

/** /orgs: one line per organisation, to be split between lines into messages. */
export function orgListLines(ctx: BotContext, networkName: string, organisations: Organisation[]): string[] {
  if (organisations.length === 0) return [ctx.t("orgs-empty")];
  const lines = organisations.map((org, i) =>
    ctx.t("orgs-line", {
      n: i + 1,
      name: escapeHtml(org.name),
      short: escapeHtml(org.shortName),
      kind: ctx.t(`org-kind-${org.kind}`),
      hosting: ctx.t(org.canHost ? "orgs-can-host" : "orgs-cannot-host"),
    }),
  );
  return [ctx.t("orgs-header", { network: escapeHtml(networkName) }), "", ...lines];
}

export function orgNameProblemText(ctx: BotContext, which: "name" | "short", problem: NameProblem): string {
  if (problem.kind === "empty") return ctx.t("name-empty");
  return ctx.t(which === "short" ? "short-name-too-long" : "name-too-long", { max: problem.max, length: problem.length });
}

export function duplicateText(ctx: BotContext, kind: "duplicate-name" | "duplicate-short", existing: Organisation): string {
  return ctx.t(kind === "duplicate-name" ? "org-duplicate-name" : "org-duplicate-short", {
    name: escapeHtml(existing.name),
    short: escapeHtml(existing.shortName),
  });
}

/**
 * No organisation has this short name. What was typed is echoed back shortened: a short name has
 * at most NAME_LIMITS.shortName characters, and a long paste must not push the answer past
 * Telegram's message limit.
 */
export function orgNotFoundText(ctx: BotContext, typed: string): string {
  return ctx.t("org-not-found", { short: escapeHtml(shortenText(typed, 2 * NAME_LIMITS.shortName)) });
}
