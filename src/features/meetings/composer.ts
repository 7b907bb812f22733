import type { ActionService } from "../actions/service.ts";
import { carriedOverLines, shownActionText } from "../actions/view.ts";
import { InputFile } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { replyHtml, replyHtmlLines, toastText } from "../../bot/reply.ts";
import type { NetworkService } from "../networks/service.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import { formatMeetingTime } from "../../domain/datetime.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { textProblemText } from "../networks/view.ts";
import { requireNetwork, requireOrganiser } from "../networks/scope.ts";
import { totalsLine } from "../rsvp/view.ts";
import type { RsvpService } from "../rsvp/service.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { checklistLine } from "../hosting/view.ts";
import type { HostService } from "../hosting/service.ts";
import type { Scope } from "../networks/service.ts";
import { meetingDialogue } from "./dialogue.ts";
import type { CancelRefusal, CreateResult, MeetingService } from "./service.ts";
import { agendaProblemText, calendarTelling, cancelConfirmText, createdText, dateProblemText, detailsLines, editedText, overviewLines } from "./view.ts";
import { readMeetingField } from "./fields.ts";
import { CANCEL_ARGUMENTS, CANCEL_DATA, cancelData, readCancel, readCancelCommand } from "./callbacks.ts";
import { normaliseName } from "../../domain/names.ts";
import { formatInstant } from "../../domain/datetime.ts";
import { escapeHtml } from "../../bot/html.ts";
import { VENUE_PUBLIC_DATA, readVenuePublic, venuePublicData } from "../venues/callbacks.ts";
import type { Meeting, Network } from "../../db/client.ts";

const NUMBER = /^\d{1,6}$/;

/** The answer to `/meeting_edit <N> venue_private evet`: when confirmed members are told, and the district the group reads. */
function madePrivateText(ctx: BotContext, network: Network, meeting: Meeting, revealAt: Date, revealedNow: number): string {
  const lines = [ctx.t("venue-private-on", { number: meeting.number, hours: network.venueRevealHours, when: formatInstant(revealAt, network.timeZone, ctx.locale) })];
  if (revealedNow > 0) lines.push(ctx.t("venue-private-on-now", { count: revealedNow }));
  lines.push(meeting.district ? ctx.t("venue-private-on-district", { district: escapeHtml(meeting.district) }) : ctx.t("venue-private-on-no-district", { number: meeting.number }));
  // A host's name can point to its premises: the organiser decides knowing that.
  if (meeting.hostOrganisationId !== null) lines.push(ctx.t("venue-private-on-host"));
  return lines.join("\n");
}

/** /meeting_new, /meetings, /meeting <N>, /meeting_edit. */
export interface MeetingsDeps {
  meetings: MeetingService;
  networks: NetworkService;
  rsvps: RsvpService;
  dialogues: DialogueService;
  /** A new meeting's hosting turn is proposed (the proposal goes out through the outbox). */
  hosting: HostService;
  /** The agenda of a meeting ahead lists the open action items of earlier ones. */
  actions: ActionService;
  /** Those items' texts reach a group, or a member, with members' names withheld. */
  withholder: NameWithholder;
}

export function meetingsFeature(deps: MeetingsDeps): Feature {
  const composer = new FeatureComposer();
  const { meetings } = deps;

  const replyCreated = async (ctx: BotContext, scope: Scope, result: CreateResult) => {
    switch (result.kind) {
      case "bad-date":
        return void (await ctx.reply(dateProblemText(ctx, result.problem)));
      case "bad-venue":
        return void (await ctx.reply(textProblemText(ctx, result.problem)));
      case "bad-agenda":
        return void (await ctx.reply(agendaProblemText(ctx, result.problem)));
      case "created": {
        const { meeting } = result;
        try {
          await replyHtml(ctx, createdText(ctx, meeting, scope.network));
        } finally {
          // The organisation whose turn it is gets asked (without organisations nobody is yet):
          // after the answer, so the group reads them in order, and even when it could not be sent.
          await deps.hosting.propose(meeting.id);
        }
        return;
      }
    }
  };
  const dialogue = meetingDialogue({ meetings, networks: deps.networks, dialogues: deps.dialogues, onCreated: replyCreated });

  composer.command("meeting_new", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    if (ctx.match.trim() === "") return dialogue.start(ctx, scope);
    const parts = ctx.match.split("|");
    if (parts.length !== 3 || parts.some((p) => p.trim() === "")) return void (await ctx.reply(ctx.t("meeting-new-usage")));
    await replyCreated(ctx, scope, await meetings.create(scope.network, BigInt(ctx.from!.id), { when: parts[0]!, venue: parts[1]!, agenda: parts[2]! }));
  });
  composer.use(dialogue.composer);

  composer.command("meetings", async (ctx) => {
    if (ctx.match.trim() !== "") return void (await ctx.reply(ctx.t("meetings-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const { upcoming, past } = await meetings.overview(scope.network.id);
    const all = [...upcoming, ...past];
    const seen = await meetings.placesSeen(all, scope.network, ctx.chat.type, BigInt(ctx.from!.id));
    const protect = all.some((m) => m.venuePrivate && seen.has(m.id));
    await replyHtmlLines(ctx, overviewLines(ctx, scope.network, upcoming, past, seen), protect);
  });

  /** "/command <N>": the network's meeting N, or undefined after the usage or "no such meeting". */
  const meetingFromArgument = async (ctx: BotContext & { match: string }, usage: string) => {
    const arg = ctx.match.trim();
    if (!NUMBER.test(arg)) return void (await ctx.reply(ctx.t(usage)));
    const scope = await requireNetwork(ctx);
    if (!scope) return undefined;
    const meeting = await meetings.find(scope.network.id, Number(arg));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number: arg })));
    return { network: scope.network, meeting };
  };

  composer.command("meeting", async (ctx) => {
    const found = await meetingFromArgument(ctx, "meeting-usage");
    if (!found) return;
    const tally = await deps.rsvps.tally(found.meeting.id);
    const answered = tally.yes + tally.maybe + tally.no + tally.waitlisted > 0;
    const extra = [answered ? totalsLine(ctx, tally) : undefined, await checklistLine(ctx, deps.hosting, found.meeting)].filter((l): l is string => l !== undefined);
    const { meeting, network } = found;
    const ahead = meeting.status !== "cancelled" && meeting.endsAt > meetings.now();
    const open = ahead ? await deps.actions.open(network.id, { beforeNumber: meeting.number }) : [];
    const show = open.length > 0 ? (await deps.withholder.forNetwork(network.id)).in(ctx.chat, BigInt(ctx.from!.id)) : undefined;
    const named = ctx.chat.type === "private";
    const carriedOver = show ? carriedOverLines(ctx, open, show, (item) => shownActionText(ctx, item, named, show)) : [];
    const seesPlace = await meetings.seesPlace(meeting, network, ctx.chat.type, BigInt(ctx.from!.id));
    await replyHtmlLines(ctx, [...detailsLines(ctx, meeting, network, extra.length > 0 ? extra.join("\n") : undefined, seesPlace), ...carriedOver], seesPlace && meeting.venuePrivate);
  });

  composer.command("meeting_edit", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, field, value] = /^(\d{1,6})\s+(\S+)\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    const key = field ? readMeetingField(field) : undefined;
    if (!number || !key || !value) return void (await ctx.reply(`${ctx.t("meeting-edit-usage")}\n${ctx.t("meeting-edit-usage-venue")}`));
    if (key === "venue_private") return editVenuePrivate(ctx, scope.network, Number(number), value);
    const result = await meetings.edit(scope.network, BigInt(ctx.from!.id), Number(number), key, value);
    switch (result.kind) {
      case "edited": {
        // An organiser reads the place in private; a group never does.
        const inPrivate = ctx.chat.type === "private";
        const showsPlace = inPrivate && result.meeting.venuePrivate && (key === "venue" || key === "address");
        await replyHtmlLines(ctx, [editedText(ctx, scope.network, key, result.previous, result.meeting, inPrivate)], showsPlace);
        return;
      }
      case "unknown-meeting":
        return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
      case "bad-text":
        return void (await ctx.reply(textProblemText(ctx, result.problem)));
      case "bad-agenda":
        return void (await ctx.reply(agendaProblemText(ctx, result.problem)));
      case "bad-date":
        return void (await ctx.reply(dateProblemText(ctx, result.problem)));
      default:
        return void (await ctx.reply(ctx.t(`meeting-edit-${result.kind}`)));
    }
  });

  const editVenuePrivate = async (ctx: BotContext, network: Network, number: number, value: string) => {
    const result = await meetings.setVenuePrivate(network, BigInt(ctx.from!.id), number, value);
    switch (result.kind) {
      case "unknown-meeting":
        return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
      case "cancelled":
        return void (await ctx.reply(ctx.t("meeting-edit-cancelled")));
      case "held":
        return void (await ctx.reply(ctx.t("venue-private-held")));
      case "bad-value":
        return void (await ctx.reply(ctx.t("venue-private-bad-value", { number })));
      case "unchanged":
        return void (await ctx.reply(ctx.t(result.on ? "venue-private-already-on" : "venue-private-already-off", { number })));
      case "confirm-public":
        return void (await ctx.reply(ctx.t("venue-private-confirm", { number }), {
          reply_markup: { inline_keyboard: [[{ text: ctx.t("venue-private-confirm-button"), callback_data: venuePublicData({ meetingId: result.meeting.id, sequence: result.meeting.icsSequence }) }]] },
        }));
      case "private":
        return void (await replyHtml(ctx, madePrivateText(ctx, network, result.meeting, result.revealAt, result.revealedNow)));
    }
  };

  // The press that makes a confidential place public: an organiser of the meeting's own network only.
  composer.callbackQuery(VENUE_PUBLIC_DATA, async (ctx) => {
    const button = readVenuePublic(ctx.callbackQuery.data);
    if (!button) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const result = await meetings.makeVenuePublic(button, BigInt(ctx.from.id));
    if (result.kind === "not-allowed") return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-only"), show_alert: true }));
    if (result.kind === "stale") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: ctx.t("venue-private-off-toast") });
    await ctx.editMessageText(ctx.t("venue-private-off", { number: result.meeting.number })).catch(() => undefined);
  });

  composer.command("ics", async (ctx) => {
    const found = await meetingFromArgument(ctx, "ics-usage");
    if (!found) return;
    const { network, meeting } = found;
    const seesPlace = await meetings.seesPlace(meeting, network, ctx.chat.type, BigInt(ctx.from!.id));
    const file = meetings.calendarFile(network, meeting, calendarTelling(ctx, network, seesPlace));
    await ctx.replyWithDocument(new InputFile(Buffer.from(file.content, "utf8"), file.name), {
      caption: ctx.t(meeting.status === "cancelled" ? "ics-caption-cancelled" : "ics-caption", { number: meeting.number }),
      ...(seesPlace && meeting.venuePrivate ? { protect_content: true } : {}),
    });
  });

  composer.command("reschedule", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, when] = /^(\d{1,6})\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    if (!number || !when) return void (await ctx.reply(ctx.t("reschedule-usage")));
    const result = await meetings.reschedule(scope.network, BigInt(ctx.from!.id), Number(number), when);
    switch (result.kind) {
      case "bad-date":
        return void (await ctx.reply(dateProblemText(ctx, result.problem)));
      case "unknown-meeting":
        return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
      case "cancelled":
        return void (await ctx.reply(ctx.t("meeting-edit-cancelled")));
      case "held":
        return void (await ctx.reply(ctx.t("meeting-held")));
      case "unchanged":
        return void (await ctx.reply(ctx.t("reschedule-unchanged")));
      case "rescheduled": {
        // The linked chats' notices and the reminders were taken care of with the change.
        const { meeting } = result;
        const when = formatMeetingTime(meeting.startsAt, meeting.endsAt, scope.network.timeZone, ctx.locale);
        return void (await ctx.reply(ctx.t(result.announce ? "rescheduled-announced" : "rescheduled", { number: meeting.number, when })));
      }
    }
  });

  const cancelRefusal = (ctx: BotContext, result: CancelRefusal, number: number | string): string => {
    switch (result.kind) {
      case "unknown-meeting":
        return ctx.t("meeting-unknown", { number });
      case "already-cancelled":
        return ctx.t("cancel-already");
      case "held":
        return ctx.t("meeting-held");
      case "bad-reason":
        return textProblemText(ctx, result.problem);
    }
  };

  // A cancelled number stays cancelled and the chats are told: the organiser confirms first.
  composer.command("cancel", async (ctx) => {
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, number, reason] = CANCEL_ARGUMENTS.exec(ctx.match.trim()) ?? [];
    if (!number) return void (await ctx.reply(ctx.t("cancel-usage")));
    const check = await meetings.prepareCancel(scope.network, Number(number), reason ?? "");
    if (check.kind !== "confirm") return void (await ctx.reply(cancelRefusal(ctx, check, number)));
    const { meeting } = check;
    const button = (confirm: boolean) => cancelData({ confirm, meetingId: meeting.id, sequence: meeting.icsSequence });
    await ctx.reply(cancelConfirmText(ctx, scope.network, check, normaliseName(reason ?? "")), {
      parse_mode: "HTML",
      // The press reads the reason again from this /cancel message.
      reply_parameters: { message_id: ctx.msg.message_id },
      reply_markup: { inline_keyboard: [[{ text: ctx.t("cancel-confirm-button"), callback_data: button(true) }, { text: ctx.t("cancel-keep-button"), callback_data: button(false) }]] },
    });
  });

  composer.callbackQuery(CANCEL_DATA, async (ctx) => {
    const button = readCancel(ctx.callbackQuery.data);
    // Keeping the meeting needs no reason; cancelling reads it from the /cancel message (gone: asked again).
    const command = readCancelCommand(ctx.callbackQuery.message?.reply_to_message?.text);
    if (!button || (button.confirm && !command)) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const result = await meetings.confirmCancel(button, BigInt(ctx.from.id), command?.reason ?? "");
    if (result.kind === "not-allowed") return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-only"), show_alert: true }));
    if (result.kind === "stale") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const text =
      result.kind === "kept" ? ctx.t("cancel-kept", { number: result.meeting.number })
      : result.kind === "cancelled" ? ctx.t(result.announce ? "cancelled-announced" : "cancelled", { number: result.meeting.number })
      : cancelRefusal(ctx, result, command?.number ?? "");
    await ctx.answerCallbackQuery({ text: toastText(text) });
    await ctx.editMessageText(text).catch(() => undefined);
  });

  return {
    composer,
    commands: [
      { command: "meetings", description: "cmd-meetings", chats: ["private", "group"], organiserOnly: false },
      { command: "meeting", description: "cmd-meeting", chats: ["private", "group"], organiserOnly: false },
      { command: "ics", description: "cmd-ics", chats: ["private", "group"], organiserOnly: false },
      { command: "meeting_new", description: "cmd-meeting-new", chats: ["private", "group"], organiserOnly: true },
      { command: "meeting_edit", description: "cmd-meeting-edit", chats: ["private", "group"], organiserOnly: true },
      { command: "reschedule", description: "cmd-reschedule", chats: ["private", "group"], organiserOnly: true },
      { command: "cancel", description: "cmd-cancel", chats: ["private", "group"], organiserOnly: true },
    ],
  };
}
