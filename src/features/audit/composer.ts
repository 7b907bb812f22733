import { DateTime } from "luxon";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireOrganiser } from "../networks/scope.ts";
import type { UserService } from "../users/service.ts";
import type { AuditService } from "./service.ts";
import { auditActionArgs } from "./view.ts";
import { offsetText } from "../reminders/view.ts";

const MAX_ENTRIES = 50;

/** /audit [n]: the last n organiser actions, for organisers; they name people, so a group gets them privately. */
export function auditFeature(deps: { audit: AuditService; users: UserService }): Feature {
  const composer = new FeatureComposer();
  composer.command("audit", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const arg = ctx.match.trim();
    const count = arg === "" ? 10 : /^\d{1,3}$/.test(arg) ? Number(arg) : NaN;
    if (!(count >= 1 && count <= MAX_ENTRIES)) return void (await ctx.reply(ctx.t("audit-usage", { max: MAX_ENTRIES })));
    const entries = await deps.audit.latest(scope.network.id, count);
    if (entries.length === 0) return void (await ctx.reply(ctx.t("audit-empty")));
    const names = new Map<bigint, string>();
    for (const id of new Set(entries.map((e) => e.actorId))) names.set(id, await actorName(ctx, deps.users, id));
    const lines = entries.map((entry) =>
      ctx.t("audit-line", {
        when: DateTime.fromJSDate(entry.at).setZone(scope.network.timeZone).setLocale(ctx.locale).toFormat("dd.MM.yyyy HH:mm"),
        actor: escapeHtml(names.get(entry.actorId)!),
        action: escapeHtml(ctx.t("audit-action", auditActionArgs(entry.action))),
        subject: escapeHtml(entry.subject ?? ""),
        change: escapeHtml(describeChange(entry.before, entry.after, (value, key) => readableValue(ctx, scope.network.timeZone, value, key))),
      }),
    );
    await answerPrivately(ctx, splitIntoMessages([ctx.t("audit-header", { count: entries.length }), "", ...lines]));
  });
  return { composer, commands: [{ command: "audit", description: "cmd-audit", chats: ["private", "group"], organiserOnly: true }] };
}

/** The bot itself (0), a forgotten person (a negative anonymous id), or someone by first name. */
async function actorName(ctx: BotContext, users: UserService, id: bigint): Promise<string> {
  if (id === 0n) return ctx.t("audit-actor-system");
  if (id < 0n) return ctx.t("audit-actor-erased");
  return (await users.find(id))?.firstName ?? ctx.t("audit-actor-erased");
}

// An instant as the audit log stores it (Date.toISOString()).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** A stored value as an organiser reads it: reminder offsets as durations, instants in the network's time. */
function readableValue(ctx: BotContext, timeZone: string, value: unknown, key: string): string {
  const text = String(value);
  if (key === "offsets" && /^\d+( \d+)*$/.test(text)) return text.split(" ").map((minutes) => offsetText(ctx, Number(minutes))).join(", ");
  if (ISO_INSTANT.test(text)) return DateTime.fromISO(text).setZone(timeZone).setLocale(ctx.locale).toFormat("dd.MM.yyyy HH:mm");
  return text;
}

function describeChange(before: unknown, after: unknown, readable: (value: unknown, key: string) => string): string {
  const show = (value: unknown) => (value && typeof value === "object" ? Object.entries(value).map(([key, v]) => readable(v, key)).filter(Boolean).join(", ") : "");
  const b = show(before);
  const a = show(after);
  if (b && a) return `${b} → ${a}`;
  return a || b;
}
