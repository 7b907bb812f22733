import type { Context } from "grammy";
import type { KnownUser } from "../features/users/service.ts";
import type { Locale, TranslationArgs } from "./i18n.ts";

export interface OrtakFlavor {
  /** The reader's language for this update. */
  locale: Locale;
  t(id: string, args?: TranslationArgs): string;
  /** The sender, as stored; undefined for updates without a sender. */
  knownUser: KnownUser | undefined;
}

export type BotContext = Context & OrtakFlavor;
