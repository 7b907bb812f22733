import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";

/** webcal:// opens the subscription dialog of Apple Calendar and Outlook directly. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}

/** The message that carries the link: the only time it is shown, since only its hash is kept. */
export function feedLinkText(ctx: BotContext, url: string, renewed: boolean): string {
  const link = ctx.t("calendar-link", { url: escapeHtml(url), webcal: escapeHtml(webcalUrl(url)) });
  return renewed ? `${ctx.t("calendar-reset-done")}\n\n${link}` : link;
}
