import { InputFile } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { answerPrivately } from "../../bot/private-reply.ts";
import { csvSeparatorFor, toCsv } from "../../domain/csv.ts";
import { formatIsoInZone } from "../../domain/datetime.ts";
import { parseRsvpReply, readStatusWord } from "../../domain/rsvp-reply.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { InvitationService } from "../invitations/service.ts";
import { readRsvpData } from "../invitations/view.ts";
import type { MeetingService } from "../meetings/service.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import type { AttendanceService } from "../attendance/service.ts";
import type { AnswerOutcome, AnswerRequest, RsvpService } from "./service.ts";
import { outcomeText, REACTION, rsvpListLines } from "./view.ts";
import { repliedMessage } from "../../bot/replied.ts";
import type { NeedsService } from "../needs/service.ts";
import { NEED_EXPORT_COLUMNS, needTotalCells } from "../needs/view.ts";

export interface RsvpDeps {
  rsvps: RsvpService;
  invitations: InvitationService;
  meetings: MeetingService;
  attendance: AttendanceService;
  /** Support needs: totals in /rsvps, columns in /export. */
  needs: NeedsService;
}

export const EXPORT_COLUMNS = ["meeting_number", "organisation", "member", "status", "party_size", "answered_at", "checked_in", ...NEED_EXPORT_COLUMNS] as const;

/** Answers by button, by plain-language reply to a card, and by /rsvp; /rsvps and /export for organisers. */
export function rsvpFeature(deps: RsvpDeps): Feature {
  const composer = new FeatureComposer();
  // Cards and promotion DMs follow from the answer's own transaction (RsvpService).
  const { rsvps, invitations } = deps;

  /** Records the answer; a stranger answering on a group's card becomes a member first, as writing there would make them. */
  const answer = async (ctx: BotContext, request: AnswerRequest): Promise<AnswerOutcome> => {
    let outcome = await rsvps.answer(request);
    if (outcome.kind === "not-member" && ctx.chat?.type !== "private" && (await ctx.takePart())?.membership) outcome = await rsvps.answer(request);
    return outcome;
  };

  composer.callbackQuery(/^rsvp:/, async (ctx) => {
    const button = readRsvpData(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    // The button must sit on a card of the meeting it names: a forged or copied one cannot answer.
    if (!button || !message || (await invitations.meetingOfMessage(message.chat.id, message.message_id)) !== button.meetingId) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    }
    const outcome = await answer(ctx, { meetingId: button.meetingId, userId: BigInt(ctx.from.id), status: button.status, partySize: button.partySize, source: "button" });
    await ctx.answerCallbackQuery({ text: outcomeText(ctx, outcome), show_alert: outcome.kind !== "recorded" || outcome.waitlisted });
  });

  // A reply to one of our cards, in plain language. Anything else passes on.
  composer.on("message:text", async (ctx, next) => {
    const repliedTo = repliedMessage(ctx);
    if (!repliedTo || repliedTo.from?.id !== ctx.me.id || ctx.msg.text.startsWith("/")) return next();
    const meetingId = await invitations.meetingOfMessage(ctx.chat.id, repliedTo.message_id);
    if (meetingId === undefined) return next();
    const reading = parseRsvpReply(ctx.msg.text);
    const reply = (text: string) => ctx.reply(text, { reply_parameters: { message_id: ctx.msg.message_id } });
    if (reading.kind === "unclear") return void (await reply(ctx.t("rsvp-reply-hint")));
    const outcome = await answer(ctx, { meetingId, userId: BigInt(ctx.from.id), status: reading.status, partySize: reading.partySize, source: "reply" });
    if (outcome.kind === "recorded" && !outcome.waitlisted) await ctx.react(REACTION[outcome.status]);
    else await reply(outcomeText(ctx, outcome));
  });

  composer.command("rsvp", async (ctx) => {
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const [, number, word, size] = /^(\d{1,6})\s+(\S+)(?:\s+(\d{1,3}))?$/.exec(ctx.match.trim()) ?? [];
    const status = word ? readStatusWord(word) : undefined;
    if (!number || !status) return void (await ctx.reply(ctx.t("rsvp-usage")));
    const meeting = await deps.meetings.find(scope.network.id, Number(number));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    const partySize = size === undefined ? undefined : Number(size);
    if (partySize !== undefined && status !== "yes") return void (await ctx.reply(ctx.t("rsvp-usage")));
    const outcome = await answer(ctx, { meetingId: meeting.id, userId: BigInt(ctx.from!.id), status, partySize, source: "command" });
    await ctx.reply(outcomeText(ctx, outcome));
  });

  /** The meeting named by an organiser command's only argument, or undefined after saying why not. */
  const organiserMeeting = async (ctx: BotContext, usage: string) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return undefined;
    const number = ctx.match?.toString().trim() ?? "";
    if (!/^\d{1,6}$/.test(number)) return void (await ctx.reply(ctx.t(usage)));
    const meeting = await deps.meetings.find(scope.network.id, Number(number));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    return { network: scope.network, meeting };
  };

  // Names are for organisers: asked in a group, the list goes to the organiser's DM.
  composer.command("rsvps", async (ctx) => {
    const found = await organiserMeeting(ctx, "rsvps-usage");
    if (!found) return;
    const { meeting, network } = found;
    const [rows, anonymous, silent, tally, needs] = await Promise.all([
      rsvps.list(meeting.id),
      rsvps.anonymousAnswers(meeting.id),
      rsvps.silentOrganisations(meeting.id, network.id),
      rsvps.tally(meeting.id),
      deps.needs.totals(meeting.id),
    ]);
    await answerPrivately(ctx, splitIntoMessages(rsvpListLines(ctx, meeting, network, rows, anonymous, silent, tally, needs)));
  });

  composer.command("export", async (ctx) => {
    const found = await organiserMeeting(ctx, "export-usage");
    if (!found) return;
    const { meeting, network } = found;
    const [rows, present, needs] = await Promise.all([rsvps.list(meeting.id), deps.attendance.checkedInMemberIds(meeting.id), deps.needs.totals(meeting.id)]);
    const noNeeds = NEED_EXPORT_COLUMNS.map(() => "");
    const csv = toCsv(
      EXPORT_COLUMNS,
      [
        ...rows.map((r) => [meeting.number, r.organisation, r.member, r.waitlisted ? "waitlist" : r.status, r.partySize, formatIsoInZone(r.answeredAt, network.timeZone), present.has(r.memberId) ? "yes" : "no", ...noNeeds]),
        // Support needs reach organisers without names (members are told so): one unnamed row of totals.
        [meeting.number, "", ctx.t("export-needs-totals"), "", "", "", "", ...needTotalCells(needs)],
      ],
      // The organiser's language stands for the region of the spreadsheet that will open it.
      csvSeparatorFor(ctx.locale),
    );
    const file = new InputFile(Buffer.from(csv, "utf8"), `ortak-${meeting.number}-rsvps.csv`);
    await answerPrivately(ctx, (chatId) => ctx.api.sendDocument(chatId, file, { caption: ctx.t("export-caption", { number: meeting.number, count: rows.length }) }));
  });

  return {
    composer,
    commands: [
      { command: "rsvp", description: "cmd-rsvp", chats: ["private", "group"], organiserOnly: false },
      { command: "rsvps", description: "cmd-rsvps", chats: ["private", "group"], organiserOnly: true },
      { command: "export", description: "cmd-export", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
