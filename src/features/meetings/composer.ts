import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { replyHtml } from "../../bot/reply.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import type { Feature } from "../feature.ts";
import { nameProblemText } from "../networks/view.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { MEETING_FIELDS, type MeetingField, type MeetingService } from "./service.ts";
import { agendaProblemText, dateProblemText, detailsText, overviewText } from "./view.ts";

const NUMBER = /^\d{1,6}$/;

/** /meeting_new, /meetings, /meeting <N>, /meeting_edit. */
export function meetingsFeature(deps: { meetings: MeetingService }): Feature {
  const composer = new Composer<BotContext>();
  const { meetings } = deps;

  composer.command("meeting_new", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const parts = ctx.match.split("|");
    if (parts.length !== 3 || parts.some((p) => p.trim() === "")) return void (await ctx.reply(ctx.t("meeting-new-usage")));
    const result = await meetings.create(scope.network, BigInt(ctx.from!.id), { when: parts[0]!, venue: parts[1]!, agenda: parts[2]! });
    switch (result.kind) {
      case "bad-date":
        return void (await ctx.reply(dateProblemText(ctx, result.problem)));
      case "bad-venue":
        return void (await ctx.reply(nameProblemText(ctx, result.problem)));
      case "bad-agenda":
        return void (await ctx.reply(agendaProblemText(ctx, result.problem)));
      case "created": {
        const { meeting } = result;
        const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, scope.network.timeZone, ctx.locale);
        return void (await replyHtml(ctx, ctx.t("meeting-created", { number: meeting.number, when })));
      }
    }
  });

  composer.command("meetings", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("meetings-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const { upcoming, past } = await meetings.overview(scope.network.id);
    await replyHtml(ctx, overviewText(ctx, scope.network, upcoming, past));
  });

  composer.command("meeting", async (ctx) => {
    const arg = ctx.match.trim();
    if (!NUMBER.test(arg)) return void (await ctx.reply(ctx.t("meeting-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const meeting = await meetings.find(scope.network.id, Number(arg));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number: arg })));
    await replyHtml(ctx, detailsText(ctx, meeting, scope.network));
  });

  composer.command("meeting_edit", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, field, value] = /^(\d{1,6})\s+(\S+)\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    if (!number || !field || !value || !(MEETING_FIELDS as readonly string[]).includes(field.toLowerCase())) {
      return void (await ctx.reply(ctx.t("meeting-edit-usage")));
    }
    const result = await meetings.edit(scope.network, BigInt(ctx.from!.id), Number(number), field.toLowerCase() as MeetingField, value);
    switch (result.kind) {
      case "edited":
        return void (await ctx.reply(ctx.t("meeting-edited", { number, field: field.toLowerCase() })));
      case "unknown-meeting":
        return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
      case "bad-text":
        return void (await ctx.reply(nameProblemText(ctx, result.problem)));
      case "bad-agenda":
        return void (await ctx.reply(agendaProblemText(ctx, result.problem)));
      case "bad-date":
        return void (await ctx.reply(dateProblemText(ctx, result.problem)));
      default:
        return void (await ctx.reply(ctx.t(`meeting-edit-${result.kind}`)));
    }
  });

  return {
    composer,
    commands: [
      { command: "meetings", description: "cmd-meetings", chats: ["private", "group"], organiserOnly: false },
      { command: "meeting", description: "cmd-meeting", chats: ["private", "group"], organiserOnly: false },
      { command: "meeting_new", description: "cmd-meeting-new", chats: ["private", "group"], organiserOnly: true },
      { command: "meeting_edit", description: "cmd-meeting-edit", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
