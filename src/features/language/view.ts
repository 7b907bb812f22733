import type { BotContext } from "../../bot/context.ts";

export function usageText(ctx: BotContext): string {
  return ctx.t("lang-usage", { current: ctx.t(`lang-name-${ctx.locale}`) });
}
