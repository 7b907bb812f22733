import type { Context } from "grammy";
import type { KnownUser } from "../features/users/service.ts";
import type { Scope, ScopeResolution } from "../features/networks/service.ts";
import type { Dialogue } from "../features/dialogue/service.ts";
import type { Locale, TranslationArgs } from "./i18n.ts";

export interface OrtakFlavor {
  /** The reader's language for this update. */
  locale: Locale;
  t(id: string, args?: TranslationArgs): string;
  /** A text in another language: the network's, for messages to its groups. */
  tIn(locale: Locale, id: string, args?: TranslationArgs): string;
  /** The sender, as stored; undefined for updates without a sender. */
  knownUser: KnownUser | undefined;
  /** The network this chat (or, in private, this person) belongs to; undefined if none or unclear. Looked up once. */
  scope(): Promise<Scope | undefined>;
  /** The same look-up, saying why there is no scope (in private: only left networks, or several). */
  scopeResolution(): Promise<ScopeResolution>;
  /**
   * In a group: the sender takes part (a press on the group's card that counts), so the chat's
   * network knows them as a member, or a member again. Returns the chat's scope.
   */
  takePart(): Promise<Scope | undefined>;
  /**
   * The question this person was asked in this chat and has not answered yet, if any. Read once
   * per update: every feature waiting for a reply asks, and each kind of question is one feature's.
   * A message replying to another message than the question's is not its answer: none then.
   */
  waitingDialogue<Data>(): Promise<Dialogue<Data> | undefined>;
}

export type BotContext = Context & OrtakFlavor;
