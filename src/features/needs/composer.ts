import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import { botLink } from "../../bot/links.ts";
import { replyHtml, toastText } from "../../bot/reply.ts";
import { checkNeedDetail, parseNeeds, type TextNeedKind } from "../../domain/support-needs.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { requireNetwork } from "../networks/scope.ts";
import { needsData } from "./callbacks.ts";
import type { NeedsAccess, NeedsService } from "./service.ts";
import { askTextOf, needLabel, needsPrompt, readingProblemText, refusalText, tooLongText } from "./view.ts";

export interface NeedsDeps {
  needs: NeedsService;
  dialogues: DialogueService;
}

/** The conversation waiting for a text need's text, in the person's private chat. */
const TEXT_DIALOGUE = "needs-text";
type WaitingText = { meetingId: number; need: TextNeedKind };

const send = (ctx: BotContext, prompt: { text: string; keyboard: InlineKeyboardMarkup }) =>
  ctx.reply(prompt.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: prompt.keyboard });

/** `/needs`, the toggles, and the reply that gives a text need its text. */
export function needsFeature(deps: NeedsDeps): Feature {
  const composer = new FeatureComposer();
  const { needs, dialogues } = deps;

  composer.command("needs", async (ctx) => {
    // Needs are personal: a group only hears where to state them.
    if (ctx.chat.type !== "private") return void (await replyHtml(ctx, ctx.t("needs-private-only", { link: botLink(ctx.me.username) })));
    const [, number, rest = ""] = /^(\d{1,6})(?:\s+([\s\S]*))?$/.exec(ctx.match.trim()) ?? [];
    if (!number) return void (await ctx.reply(ctx.t("needs-usage")));
    const scope = await requireNetwork(ctx);
    if (!scope) return;
    const meeting = await needs.findMeeting(scope.network.id, Number(number));
    if (!meeting) return void (await ctx.reply(ctx.t("meeting-unknown", { number })));
    const userId = BigInt(ctx.from!.id);
    const reading = parseNeeds(rest);
    if (reading.kind !== "empty" && reading.kind !== "needs" && reading.kind !== "clear") {
      // The meeting's own refusal (cancelled, answered no) says more than the words.
      const access = await needs.access(meeting.id, userId);
      return void (await replyHtml(ctx, access.kind === "ok" ? readingProblemText(ctx, reading) : refusalText(ctx, access.kind, Number(number))));
    }
    if (reading.kind !== "empty") {
      // The command states the whole set: a question for a text need still open is answered by it.
      const waiting = await ctx.waitingDialogue<WaitingText>();
      if (waiting?.kind === TEXT_DIALOGUE) await dialogues.clear(ctx.chat.id, ctx.from!.id);
    }
    const state: NeedsAccess =
      reading.kind === "empty" ? await needs.access(meeting.id, userId) : await needs.replace(meeting.id, userId, reading.kind === "needs" ? reading.needs : []);
    if (state.kind !== "ok") return void (await replyHtml(ctx, refusalText(ctx, state.kind, Number(number))));
    const lead = reading.kind === "empty" ? undefined : ctx.t(reading.kind === "clear" || state.needs.length === 0 ? "needs-cleared" : "needs-saved");
    await send(ctx, needsPrompt(ctx, state.meeting, state.needs, lead));
  });

  composer.callbackQuery(needsData.pattern, async (ctx) => {
    const button = needsData.read(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!button || !message) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    // Only in the presser's own private chat: a copy of the buttons elsewhere changes nothing.
    if (message.chat.id !== ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("needs-not-yours"), show_alert: true }));
    const userId = BigInt(ctx.from.id);
    const show = async (state: Extract<NeedsAccess, { kind: "ok" }>) => {
      const prompt = needsPrompt(ctx, state.meeting, state.needs);
      await ctx.editMessageText(prompt.text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: prompt.keyboard }).catch(() => undefined);
    };
    if (button.action === "clear") {
      const state = await needs.replace(button.meetingId, userId, []);
      if (state.kind !== "ok") return void (await ctx.answerCallbackQuery({ text: toastText(refusalText(ctx, state.kind, await needs.numberOf(button.meetingId))), show_alert: true }));
      await ctx.answerCallbackQuery({ text: ctx.t("needs-cleared-toast") });
      return void (await show(state));
    }
    const outcome = await needs.toggle(button.meetingId, userId, button.action);
    if (outcome.kind !== "ok") return void (await ctx.answerCallbackQuery({ text: toastText(refusalText(ctx, outcome.kind, await needs.numberOf(button.meetingId))), show_alert: true }));
    if (outcome.change === "ask-text") {
      await ctx.answerCallbackQuery();
      return void (await dialogues.ask(ctx.chat!.id, ctx.from.id, { kind: TEXT_DIALOGUE, step: outcome.need, data: { meetingId: button.meetingId, need: outcome.need } }, () =>
        ctx.reply(askTextOf(ctx, outcome.need, outcome.meeting.number), {
          parse_mode: "HTML",
          reply_markup: { force_reply: true, input_field_placeholder: ctx.t(`needs-placeholder-${outcome.need.replaceAll("_", "-")}`) },
        }),
      ));
    }
    await ctx.answerCallbackQuery({ text: toastText(ctx.t(outcome.change === "added" ? "needs-added-toast" : "needs-removed-toast", { need: needLabel(ctx, button.action) })) });
    await show(outcome);
  });

  // The text of "other language" or "diet", as the next private message.
  composer.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/") || ctx.chat.type !== "private") return next();
    const dialogue = await ctx.waitingDialogue<WaitingText>();
    if (!dialogue || dialogue.kind !== TEXT_DIALOGUE) return next();
    const { meetingId, need } = dialogue.data;
    const checked = checkNeedDetail(ctx.msg.text);
    // The question stays open: a shorter text may follow.
    if (checked.kind === "empty") return void (await ctx.reply(ctx.t("needs-text-empty")));
    if (checked.kind === "too-long") return void (await replyHtml(ctx, tooLongText(ctx, need, checked.length)));
    await dialogues.clear(ctx.chat.id, ctx.from.id);
    const state = await needs.setDetail(meetingId, BigInt(ctx.from.id), need, checked.detail);
    if (state.kind !== "ok") return void (await replyHtml(ctx, refusalText(ctx, state.kind, await needs.numberOf(meetingId))));
    await send(ctx, needsPrompt(ctx, state.meeting, state.needs, ctx.t("needs-saved")));
  });

  return { composer, commands: [{ command: "needs", description: "cmd-needs", chats: ["private"], organiserOnly: false }] };
}
