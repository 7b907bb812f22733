import type { BotContext } from "../../bot/context.ts";
import { replyHtml } from "../../bot/reply.ts";
import { parseOffsets } from "../../domain/reminders.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MeetingService } from "../meetings/service.ts";
import { requireOrganiser } from "../networks/scope.ts";
import type { ReminderService } from "./service.ts";
import { meetingRemindersLines, offsetsText, policyText } from "./view.ts";

/** /reminders [N] and /reminders_set [N] <offsets>, for organisers. */
export function remindersFeature(deps: { reminders: ReminderService; meetings: MeetingService }): Feature {
  const composer = new FeatureComposer();

  composer.command("reminders", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const number = ctx.match.trim();
    if (number === "") return void (await replyHtml(ctx, policyText(ctx, scope.network)));
    if (!/^\d{1,6}$/.test(number)) return void (await ctx.reply(ctx.t("reminders-usage")));
    const meeting = await deps.meetings.find(scope.network.id, Number(number));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    const lines = meetingRemindersLines(ctx, scope.network, meeting, await deps.reminders.listForMeeting(meeting.id));
    for (const text of splitIntoMessages(lines)) await replyHtml(ctx, text);
  });

  composer.command("reminders_set", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, rest] = /^(?:(\d{1,6})\s+)?(.+)$/.exec(ctx.match.trim()) ?? [];
    const offsets = rest ? parseOffsets(rest) : undefined;
    if (!offsets) return void (await ctx.reply(ctx.t("reminders-set-usage")));
    const result = await deps.reminders.setPolicy(scope.network, BigInt(ctx.from!.id), offsets, number === undefined ? undefined : Number(number));
    if (result.kind === "unknown-meeting") return void (await ctx.reply(ctx.t("meeting-unknown", { number: number! })));
    if (result.kind === "closed") return void (await ctx.reply(ctx.t("reminders-set-closed")));
    const text = offsetsText(ctx, offsets);
    await ctx.reply(number === undefined ? ctx.t("reminders-set-network", { offsets: text, replanned: result.replanned }) : ctx.t("reminders-set-meeting", { number, offsets: text }));
  });

  return {
    composer,
    commands: [
      { command: "reminders", description: "cmd-reminders", chats: ["private", "group"], organiserOnly: true },
      { command: "reminders_set", description: "cmd-reminders-set", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
