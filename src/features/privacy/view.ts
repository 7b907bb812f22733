import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../bot/html.ts";
import type { Reader } from "../../bot/i18n.ts";
import { formatInstant } from "../../domain/datetime.ts";
import { forgetData, FORGET_CONFIRM_SECONDS } from "./callbacks.ts";

/** The /forgetme question: what erasure means, and the two buttons (bound to the asker, valid for a while). */
export function forgetConfirmation(reader: Reader, userId: number, now: Date): { text: string; keyboard: InlineKeyboardMarkup } {
  const validUntil = Math.floor(now.getTime() / 1000) + FORGET_CONFIRM_SECONDS;
  return {
    text: reader.t("privacy-forget-confirm", { minutes: FORGET_CONFIRM_SECONDS / 60 }),
    keyboard: {
      inline_keyboard: [
        [{ text: reader.t("privacy-forget-yes"), callback_data: forgetData.build({ confirm: true, userId, validUntil }) }],
        [{ text: reader.t("privacy-forget-no"), callback_data: forgetData.build({ confirm: false, userId, validUntil }) }],
      ],
    },
  };
}

/** "Hand over first", naming the networks that would be left without an organiser (HTML). */
export function lastOrganiserText(reader: Reader, networks: readonly string[]): string {
  return reader.t("privacy-forget-last-organiser", { networks: escapeHtml(networks.join(", ")), count: networks.length });
}

/** ortak-ag-3-2026-11-24.json: no person's name in a file name that may be forwarded. */
export function networkExportFileName(reader: Reader, networkId: number, at: Date): string {
  return reader.t("privacy-export-file", { id: String(networkId), date: at.toISOString().slice(0, 10) });
}

/** /mydata's word on the calendar feed: whether there is one, and when a calendar app last fetched it. */
export function calendarFeedLine(reader: Reader, feed: { lastFetchedAt: Date | null } | null, zone: string): string {
  if (!feed) return reader.t("privacy-mydata-calendar-none");
  if (!feed.lastFetchedAt) return reader.t("privacy-mydata-calendar-never");
  return reader.t("privacy-mydata-calendar-fetched", { when: formatInstant(feed.lastFetchedAt, zone, reader.locale) });
}
