import type { Context } from "grammy";
import type { KnownUser } from "../features/users/service.ts";
import type { Scope } from "../features/networks/service.ts";
import type { Locale, TranslationArgs } from "./i18n.ts";

export interface OrtakFlavor {
  /** The reader's language for this update. */
  locale: Locale;
  t(id: string, args?: TranslationArgs): string;
  /** A text in another language: the network's, for messages to its groups. */
  tIn(locale: Locale, id: string, args?: TranslationArgs): string;
  /** The sender, as stored; undefined for updates without a sender. */
  knownUser: KnownUser | undefined;
  /** The network this chat (or, in private, this person) belongs to; undefined if none. Looked up once. */
  scope(): Promise<Scope | undefined>;
}

export type BotContext = Context & OrtakFlavor;
