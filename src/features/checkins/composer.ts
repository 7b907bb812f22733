import type { BotContext } from "../../bot/context.ts";
import { replyHtml, toastText } from "../../bot/reply.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { checkInData, type CheckInAnswer } from "./callbacks.ts";
import { checkShortReason } from "../../domain/short-reason.ts";
import { renderCheckIn } from "./renderers.ts";
import type { CheckInOutcome, CheckInRefusal, CheckInService } from "./service.ts";

export interface CheckInDeps {
  checkins: CheckInService;
  dialogues: DialogueService;
}

/** The question waiting for "Engel var"'s reason, in the owner's private chat. */
const REASON_DIALOGUE = "checkin-reason";
/** The longest reason "Engel var" takes. */
const REASON_MAX = 200;
type WaitingReason = { entryId: number; messageId: number };

const REFUSAL: Record<CheckInRefusal, string> = { unknown: "task-checkin-unknown", "already-done": "task-checkin-already-done", "not-owner": "task-checkin-not-owner" };

/**
 * The check-in buttons and the reply that gives "Engel var" its reason. Only the task's owner (or
 * a member of the owning organisation) changes it; anyone else, a task gone or done, a copied
 * button, an empty or too long reason: a clear answer and nothing changed.
 */
export function checkInFeature(deps: CheckInDeps): Feature {
  const composer = new FeatureComposer();
  const { checkins, dialogues } = deps;

  /** The pressed (or answered) message shows the task as it is now. */
  const showOn = async (ctx: BotContext, chatId: number, messageId: number, entryId: number, memberId: number | undefined) => {
    const target = memberId === undefined ? undefined : await checkins.pressedTarget(entryId, memberId, messageId);
    const state = await checkins.state(entryId, target);
    if (!state) return;
    const message = renderCheckIn(ctx, state);
    await ctx.api.editMessageText(chatId, messageId, message.text, { parse_mode: "HTML", ...(message.keyboard ? { reply_markup: message.keyboard } : {}) }).catch(() => undefined);
  };

  const memberIdOf = async (ctx: BotContext, entryId: number): Promise<number | undefined> => {
    const access = await checkins.access(entryId, BigInt(ctx.from!.id), ctx.from?.username ?? null);
    return access.kind === "ok" ? access.member.id : undefined;
  };

  const answer = (ctx: BotContext, entryId: number, given: CheckInAnswer, reason: string | null, messageId: number): Promise<CheckInOutcome> =>
    checkins.answer(entryId, BigInt(ctx.from!.id), ctx.from?.username ?? null, given, reason, { messageId });

  composer.callbackQuery(checkInData.pattern, async (ctx) => {
    const button = checkInData.read(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!button || !message) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    // Check-ins are private: the buttons count only in the owner's own chat with the bot.
    if (message.chat.id !== ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.t("task-checkin-not-owner"), show_alert: true }));
    if (button.answer === "blocked") {
      const access = await checkins.access(button.entryId, BigInt(ctx.from.id), ctx.from.username ?? null);
      if (access.kind !== "ok") return void (await ctx.answerCallbackQuery({ text: toastText(ctx.t(REFUSAL[access.kind])), show_alert: true }));
      await ctx.answerCallbackQuery();
      return void (await dialogues.ask(ctx.chat!.id, ctx.from.id, { kind: REASON_DIALOGUE, step: "reason", data: { entryId: button.entryId, messageId: message.message_id } }, () =>
        ctx.reply(ctx.t("task-checkin-ask-reason", { id: String(button.entryId), max: REASON_MAX }), {
          reply_markup: { force_reply: true, input_field_placeholder: ctx.t("task-checkin-reason-placeholder") },
        }),
      ));
    }
    const memberId = await memberIdOf(ctx, button.entryId);
    const outcome = await answer(ctx, button.entryId, button.answer, null, message.message_id);
    if (outcome.kind !== "answered") return void (await ctx.answerCallbackQuery({ text: toastText(ctx.t(REFUSAL[outcome.kind])), show_alert: true }));
    await ctx.answerCallbackQuery({ text: toastText(ctx.t(button.answer === "done" ? "task-checkin-saved-done" : "task-checkin-saved-progress")) });
    await showOn(ctx, message.chat.id, message.message_id, button.entryId, memberId);
  });

  // The reason of "Engel var", as the next private message.
  composer.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/") || ctx.chat.type !== "private") return next();
    const dialogue = await ctx.waitingDialogue<WaitingReason>();
    if (!dialogue || dialogue.kind !== REASON_DIALOGUE) return next();
    const { entryId, messageId } = dialogue.data;
    const checked = checkShortReason(ctx.msg.text, REASON_MAX);
    // The question stays open: a reason that fits may follow.
    if (checked.kind === "empty") return void (await ctx.reply(ctx.t("task-checkin-reason-empty")));
    if (checked.kind === "too-long") return void (await ctx.reply(ctx.t("reason-too-long", { length: checked.length, max: REASON_MAX })));
    await dialogues.clear(ctx.chat.id, ctx.from.id);
    const memberId = await memberIdOf(ctx, entryId);
    const outcome = await answer(ctx, entryId, "blocked", checked.reason, messageId);
    if (outcome.kind !== "answered") return void (await ctx.reply(ctx.t(REFUSAL[outcome.kind])));
    await showOn(ctx, ctx.chat.id, messageId, entryId, memberId);
    await replyHtml(ctx, ctx.t("task-checkin-saved-blocked", { id: String(entryId) }));
  });

  return { composer, commands: [] };
}
