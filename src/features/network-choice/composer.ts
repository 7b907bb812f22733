import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import { networkChoiceData } from "./callbacks.ts";
import type { NetworkChoiceService } from "./service.ts";
import { PRIVATE_CHOICE_MS } from "../networks/service.ts";
import { toastText } from "../../bot/reply.ts";

export interface NetworkChoiceDeps {
  choices: NetworkChoiceService;
  /** Runs an update through the whole bot again: the command the choice was asked for. */
  redispatch: (update: Update) => Promise<void>;
}

/** The "which network?" buttons: the choice holds for half an hour and runs the waiting command. */
export function networkChoiceFeature(deps: NetworkChoiceDeps): Feature {
  const composer = new FeatureComposer();
  composer.callbackQuery(networkChoiceData.pattern, async (ctx, next) => {
    // The choice is asked only in private; the same data anywhere else is not this button.
    if (ctx.chat?.type !== "private") return next();
    const networkId = networkChoiceData.read(ctx.callbackQuery.data)!;
    const chosen = await deps.choices.choose(BigInt(ctx.from.id), networkId);
    if (!chosen) return void (await ctx.answerCallbackQuery({ text: ctx.t("callback-stale") }));
    await ctx.answerCallbackQuery({ text: toastText(ctx.t("network-choice-chosen", { network: chosen.name, minutes: PRIVATE_CHOICE_MS / 60_000 })) });
    await ctx.editMessageText(ctx.t("network-choice-done", { network: escapeHtml(chosen.name) }), { parse_mode: "HTML" });
    const command = ctx.callbackQuery.message?.reply_to_message;
    if (command?.from?.id === ctx.from.id && command.text?.startsWith("/")) {
      // Replied-to messages are typed for any chat kind; this one is in our private chat.
      await deps.redispatch({ update_id: ctx.update.update_id, message: { ...command, chat: ctx.chat, from: ctx.from } });
    }
  });
  return { composer, commands: [] };
}
