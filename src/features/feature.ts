import { Composer } from "grammy";
import type { CommandSpec } from "../bot/commands.ts";
import type { BotContext } from "../bot/context.ts";

type CallbackQueryArgs = Parameters<Composer<BotContext>["callbackQuery"]>;

/**
 * A feature's handlers. It remembers which button data its callbackQuery handlers answer, so a
 * press is taken straight to the features whose buttons it names instead of through every
 * feature's handlers (grammY builds a composer per handler it passes, per update).
 * The rule that follows: a feature answers its buttons with `callbackQuery` on this composer
 * itself. A press claimed by one feature reaches no other feature's middleware, and a handler
 * put on a sub-composer (`filter`, `chatType`, `use`) sees only presses no feature claims.
 */
export class FeatureComposer extends Composer<BotContext> {
  private readonly buttonTriggers: (string | RegExp)[] = [];

  override callbackQuery(...args: CallbackQueryArgs): ReturnType<Composer<BotContext>["callbackQuery"]> {
    const [trigger] = args;
    this.buttonTriggers.push(...(Array.isArray(trigger) ? trigger : [trigger]));
    return super.callbackQuery(...args);
  }

  /** Whether a press with this data is for one of this feature's buttons (matched as grammY matches it). */
  answersButton(data: string): boolean {
    return this.buttonTriggers.some((trigger) => {
      if (typeof trigger === "string") return trigger === data;
      // A global pattern keeps its position between calls; grammY matches it next, from the start.
      trigger.lastIndex = 0;
      const hit = trigger.test(data);
      trigger.lastIndex = 0;
      return hit;
    });
  }
}

/** What each feature folder gives the bot: its handlers and the commands it offers. */
export interface Feature {
  composer: FeatureComposer;
  commands: readonly CommandSpec[];
}
