import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LOCALES = ["tr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "tr";

export type TranslationArgs = Record<string, FluentVariable>;

/** Whoever a text is for: a person in an update (the context) or a chat the bot writes to. */
export interface Reader {
  locale: Locale;
  t(id: string, args?: TranslationArgs): string;
}

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored locale if it is one we speak, else the default (Turkish). */
export function localeOr(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * The reader's language: the one they chose with /lang, else English when Telegram says their
 * app is in English, else Turkish.
 */
export function negotiateLocale(chosen: string | null | undefined, telegramLanguage: string | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  if (telegramLanguage?.toLowerCase().startsWith("en")) return "en";
  return DEFAULT_LOCALE;
}

/** Fluent messages from locales/*.ftl; shared by the bot and the job workers. */
export class Translator {
  private constructor(
    private readonly bundles: Map<Locale, FluentBundle>,
    private readonly ids: Map<Locale, string[]>,
  ) {}

  static async load(dir: string = LOCALES_DIR): Promise<Translator> {
    const bundles = new Map<Locale, FluentBundle>();
    const ids = new Map<Locale, string[]>();
    for (const locale of LOCALES) {
      // useIsolating: false, or every placeable is wrapped in invisible bidi marks.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const resource = new FluentResource(await readFile(path.join(dir, `${locale}.ftl`), "utf8"));
      const errors = bundle.addResource(resource);
      if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join("; ")}`);
      bundles.set(locale, bundle);
      // Terms (-name) are not messages; they cannot be sent on their own.
      ids.set(locale, resource.body.map((entry) => entry.id).filter((id) => !id.startsWith("-")));
    }
    return new Translator(bundles, ids);
  }

  messageIds(locale: Locale): string[] {
    return [...this.ids.get(locale)!];
  }

  /** The texts of one language, for messages the bot sends outside an update. */
  reader(locale: Locale): Reader {
    return { locale, t: (id, args) => this.t(locale, id, args) };
  }

  t(locale: Locale, id: string, args?: TranslationArgs): string {
    const bundle = this.bundles.get(locale)!;
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`missing message "${id}" in locales/${locale}.ftl`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length > 0) throw new Error(`message "${id}" (${locale}): ${errors.map((e) => e.message).join("; ")}`);
    return text;
  }
}
