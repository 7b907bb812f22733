import { replyHtml } from "../../bot/reply.ts";
import { botLink } from "../../bot/links.ts";
import { GrammyError } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { MAX_OBJECTION_LENGTH, parseObjectionReply } from "../../domain/objection.ts";
import type { Meeting } from "../../db/client.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { MeetingService } from "../meetings/service.ts";
import type { NetworkService, Scope } from "../networks/service.ts";
import { requireOrganiser } from "../networks/scope.ts";
import type { ObjectionService } from "./service.ts";
import { OBJECT_DATA, windowText } from "./view.ts";

const KIND = "objection";
/** The private question after "İtirazım var": its answer is the objection. */
type Objecting = { networkId: number; meetingId: number };

export interface ObjectionsFeatureDeps {
  objections: ObjectionService;
  meetings: MeetingService;
  networks: NetworkService;
  dialogues: DialogueService;
}

/**
 * "İtirazım var" under a copy of the minutes: the member is asked privately for one reply, which
 * becomes the objection. /objection_resolve answers one (organisers).
 */
export function objectionsFeature(deps: ObjectionsFeatureDeps): Feature {
  const composer = new FeatureComposer();
  const { objections, meetings, dialogues } = deps;

  /** The presser's place in the meeting's network: in a group, the group must belong to that network. */
  const presserScope = async (ctx: BotContext, meeting: Meeting): Promise<Scope | "elsewhere" | undefined> => {
    if (ctx.chat?.type === "private") return deps.networks.memberScope(meeting.networkId, BigInt(ctx.from!.id));
    const known = await ctx.scope();
    if (known?.network.id !== meeting.networkId) return "elsewhere";
    // Someone in the group who has not written yet is a member by being there.
    return known.membership ? known : await ctx.takePart();
  };

  composer.callbackQuery(OBJECT_DATA, async (ctx) => {
    const meeting = await meetings.findById(Number(ctx.match[1]));
    if (!meeting) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    const scope = await presserScope(ctx, meeting);
    // A copy's button only counts in the network's own chats (a chat linked elsewhere since sees nothing).
    if (scope === "elsewhere") return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    if (!scope?.membership) return void (await ctx.answerCallbackQuery({ text: ctx.t("objection-members-only"), show_alert: true }));
    const window = await objections.window(meeting, scope.network);
    if (window.kind !== "open") return void (await ctx.answerCallbackQuery({ text: windowText(ctx, window, meeting.number, scope.network.timeZone), show_alert: true }));
    const userId = ctx.from.id;
    try {
      await dialogues.ask(userId, userId, { kind: KIND, step: "text", data: { networkId: meeting.networkId, meetingId: meeting.id } }, () =>
        ctx.api.sendMessage(userId, ctx.t("objection-ask", { number: meeting.number, version: window.version, max: MAX_OBJECTION_LENGTH }), {
          parse_mode: "HTML",
          reply_markup: { force_reply: true, input_field_placeholder: ctx.t("objection-placeholder") },
        }),
      );
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 403)) throw error;
      return void (await ctx.answerCallbackQuery({ text: ctx.t("objection-start-me", { bot: ctx.me.username }), show_alert: true }));
    }
    await ctx.answerCallbackQuery(ctx.chat?.type === "private" ? {} : { text: ctx.t("objection-asked-privately") });
  });

  // The one reply after the question, in private (as a reply to it or not).
  composer.on("message:text", async (ctx, next) => {
    if (ctx.chat.type !== "private" || ctx.msg.text.startsWith("/")) return next();
    const dialogue = await ctx.waitingDialogue<Objecting>();
    if (dialogue?.kind !== KIND) return next();
    const reply = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
    const meeting = await meetings.findById(dialogue.data.meetingId);
    const scope = meeting ? await deps.networks.memberScope(meeting.networkId, BigInt(ctx.from.id)) : undefined;
    if (!meeting || !scope?.membership) {
      await dialogues.clear(ctx.chat.id, ctx.from.id);
      return void (await ctx.reply(ctx.t("objection-members-only"), reply));
    }
    const parsed = parseObjectionReply(ctx.msg.text);
    // The question stays open: the member writes again.
    if (parsed.kind === "empty") return void (await ctx.reply(ctx.t("objection-empty"), reply));
    if (parsed.kind === "too-long") return void (await ctx.reply(ctx.t("objection-too-long", { length: parsed.length, max: MAX_OBJECTION_LENGTH }), reply));
    const outcome = await objections.record(meeting, scope.network, scope.membership.id, parsed);
    if (outcome.kind === "unknown-entry") return void (await ctx.reply(ctx.t("objection-unknown-entry", { entry: outcome.entry, number: meeting.number }), reply));
    await dialogues.clear(ctx.chat.id, ctx.from.id);
    if (outcome.kind === "window") return void (await ctx.reply(windowText(ctx, outcome.window, meeting.number, scope.network.timeZone), reply));
    await ctx.reply(ctx.t("objection-recorded", { number: meeting.number, objection: outcome.number, version: outcome.version }), reply);
  });

  composer.command("objection_resolve", async (ctx) => {
    // An answer to an objection is between the organisers and the objector: never typed in a group.
    if (ctx.chat.type !== "private") return void (await replyHtml(ctx, ctx.t("objection-resolve-private-only", { link: botLink(ctx.me.username) })));
    const scope = await requireOrganiser(ctx);
    if (!scope) return;
    const [, meetingNumber, number, text] = /^(\d{1,6})\s+#?(\d{1,6})\s+([\s\S]+)$/.exec(ctx.match.trim()) ?? [];
    if (!meetingNumber || !number || !text?.trim()) return void (await ctx.reply(ctx.t("objection-resolve-usage")));
    const answer = text.trim();
    if (answer.length > MAX_OBJECTION_LENGTH) return void (await ctx.reply(ctx.t("objection-resolve-too-long", { length: answer.length, max: MAX_OBJECTION_LENGTH })));
    const meeting = await meetings.find(scope.network.id, Number(meetingNumber));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number: meetingNumber })));
    const outcome = await objections.resolve(meeting, BigInt(ctx.from!.id), Number(number), answer);
    await ctx.reply(ctx.t(`objection-resolve-${outcome.kind}`, { number: meeting.number, objection: "number" in outcome ? outcome.number : Number(number) }));
  });

  return {
    composer,
    commands: [{ command: "objection_resolve", description: "cmd-objection-resolve", chats: ["private"], organiserOnly: true }],
  };
}
