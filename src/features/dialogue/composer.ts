import type { BotContext } from "../../bot/context.ts";
import { FeatureComposer, type Feature } from "../feature.ts";
import type { DialogueService } from "./service.ts";

/** /cancel_dialog: ends whatever guided conversation the person has in this chat. */
export function dialogueFeature(deps: { dialogues: DialogueService }): Feature {
  const composer = new FeatureComposer();
  composer.command("cancel_dialog", async (ctx) => {
    const cleared = await deps.dialogues.clear(ctx.chat.id, ctx.from!.id);
    await ctx.reply(ctx.t(cleared ? "dialog-cancelled" : "dialog-none"));
  });
  return { composer, commands: [{ command: "cancel_dialog", description: "cmd-cancel-dialog", chats: ["private", "group"], organiserOnly: false }] };
}
