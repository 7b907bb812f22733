import type { Api } from "grammy";
import type { Logger } from "../logger.ts";
import { LOCALES, DEFAULT_LOCALE, type Locale, type Translator } from "./i18n.ts";

export type ChatKind = "private" | "group";

/** A command a feature offers: what /help lists and what the command menu shows. */
export interface CommandSpec {
  command: string;
  /** Fluent id of the one-line description. */
  description: string;
  /** Where the command makes sense. */
  chats: readonly ChatKind[];
  organiserOnly: boolean;
}

export function commandsFor(specs: readonly CommandSpec[], chat: ChatKind, isOrganiser: boolean): CommandSpec[] {
  return specs.filter((spec) => spec.chats.includes(chat) && (isOrganiser || !spec.organiserOnly));
}

/**
 * Publishes the command menu per language and chat kind (Telegram shows the menu matching the
 * user's app language; no language code = the default, Turkish). A failure is logged: the bot
 * works without a menu.
 */
export async function publishCommandMenu(api: Api, specs: readonly CommandSpec[], translator: Translator, logger: Logger): Promise<void> {
  const scopes = [
    { kind: "private" as const, scope: { type: "all_private_chats" as const } },
    { kind: "group" as const, scope: { type: "all_group_chats" as const } },
  ];
  const languages: { code: Locale | undefined; locale: Locale }[] = [
    { code: undefined, locale: DEFAULT_LOCALE },
    ...LOCALES.map((locale) => ({ code: locale, locale })),
  ];
  for (const { kind, scope } of scopes) {
    for (const { code, locale } of languages) {
      const commands = commandsFor(specs, kind, false).map((spec) => ({
        command: spec.command,
        description: translator.t(locale, spec.description),
      }));
      try {
        await api.setMyCommands(commands, { scope, ...(code ? { language_code: code } : {}) });
      } catch (error) {
        logger.warn({ err: error, scope: scope.type, language: code ?? "default" }, "could not publish the command menu");
      }
    }
  }
}
