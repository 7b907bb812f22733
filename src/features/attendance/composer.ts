import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MeetingService } from "../meetings/service.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { cameCount, cameNames, CHECKIN_OPENS_BEFORE_MS, type AttendanceGroup, type AttendanceService, type CheckInResult } from "./service.ts";

function checkInText(ctx: BotContext, result: CheckInResult): string {
  return "meetingNumber" in result ? ctx.t(`checkin-${result.kind}`, { number: result.meetingNumber }) : ctx.t(`checkin-${result.kind}`);
}

function attendanceLines(ctx: BotContext, number: number, groups: AttendanceGroup[]): string[] {
  const lines = [ctx.t("attendance-heading", { number })];
  if (groups.length === 0) lines.push("", ctx.t("attendance-empty"));
  for (const g of groups) {
    lines.push("", `<b>${escapeHtml(g.organisation ?? ctx.t("card-no-organisation"))}</b>`);
    lines.push(ctx.t("attendance-came", { count: cameCount(g), names: escapeHtml(cameNames(ctx, g).join(", ") || "—") }));
    if (g.missing.length > 0) lines.push(ctx.t("attendance-missing", { names: escapeHtml(g.missing.join(", ")) }));
    if (g.unannounced.length > 0) lines.push(ctx.t("attendance-unannounced", { names: escapeHtml(g.unannounced.join(", ")) }));
  }
  return lines;
}

/** The check-in button and /checkin; /attendance for organisers. */
export function attendanceFeature(deps: { attendance: AttendanceService; meetings: MeetingService }): Feature {
  const composer = new FeatureComposer();
  const { attendance } = deps;

  composer.callbackQuery(/^in:(\d{1,9})$/, async (ctx) => {
    const meetingId = Number(ctx.match[1]);
    const inGroup = ctx.chat?.type !== "private";
    // In a group the card counts only where the chat belongs to the meeting's network (resolving
    // the chat's scope also applies its membership rules to the presser).
    const place = { inGroup, chatNetworkId: inGroup ? (await ctx.scope())?.network.id : undefined };
    let result = await attendance.checkIn(meetingId, BigInt(ctx.from.id), place);
    // Someone in the linked group who was not known yet (or had left) becomes a member by checking in.
    if (result.kind === "not-member" && inGroup && (await ctx.takePart())?.membership) result = await attendance.checkIn(meetingId, BigInt(ctx.from.id), place);
    if (result.kind === "elsewhere") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: checkInText(ctx, result), show_alert: result.kind !== "checked-in" && result.kind !== "already" });
  });

  composer.command("checkin", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const arg = ctx.match.trim();
    if (arg !== "" && !/^\d{1,6}$/.test(arg)) return void (await ctx.reply(ctx.t("checkin-usage")));
    const meeting = arg === "" ? await attendance.current(scope.network.id) : await deps.meetings.find(scope.network.id, Number(arg));
    if (!meeting) return void (await ctx.reply(arg === "" ? ctx.t("checkin-none-open") : ctx.t("meeting-unknown", { number: arg })));
    await ctx.reply(checkInText(ctx, await attendance.checkIn(meeting.id, BigInt(ctx.from!.id))));
  });

  composer.command("attendance", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const number = ctx.match.trim();
    if (!/^\d{1,6}$/.test(number)) return void (await ctx.reply(ctx.t("attendance-usage")));
    const meeting = await deps.meetings.find(scope.network.id, Number(number));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    if (meeting.status === "cancelled") return void (await ctx.reply(ctx.t("attendance-cancelled", { number: meeting.number })));
    // Before check-in opens nobody can have come: a list of who "did not come" would be wrong.
    if (deps.meetings.now().getTime() < meeting.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return void (await ctx.reply(ctx.t("attendance-not-yet", { number: meeting.number })));
    const messages = splitIntoMessages(attendanceLines(ctx, meeting.number, await attendance.report(meeting.id)));
    await answerPrivately(ctx, messages);
  });

  return {
    composer,
    commands: [
      { command: "checkin", description: "cmd-checkin", chats: ["private", "group"], organiserOnly: false },
      { command: "attendance", description: "cmd-attendance", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
