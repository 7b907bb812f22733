import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES, LOCALES_DIR, Translator, negotiateLocale } from "../../src/bot/i18n.ts";

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load();
});

describe("locales", () => {
  it("tr.ftl and en.ftl have the same message ids", () => {
    const tr = translator.messageIds("tr").sort();
    const en = translator.messageIds("en").sort();
    expect(tr.filter((id) => !en.includes(id))).toEqual([]);
    expect(en.filter((id) => !tr.includes(id))).toEqual([]);
    expect(tr.length).toBeGreaterThan(5);
  });

  it("every message formats in both languages without errors and differs between them", () => {
    // A value for every variable any message uses.
    const source = LOCALES.map((locale) => readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8")).join("\n");
    const args = Object.fromEntries([...source.matchAll(/\{ *\$([a-zA-Z][\w-]*) *\}/g)].map((m) => [m[1]!, "§"]));
    for (const id of translator.messageIds("tr")) {
      const texts = LOCALES.map((locale) => translator.t(locale, id, args));
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(0);
      // Messages made only of placeables and punctuation may read the same in both languages.
      const words = texts[0]!.replace(/<[^>]+>/g, "").replace(/§/g, "").replace(/[^\p{L}]/gu, "");
      if (words !== "") expect(texts[0], id).not.toBe(texts[1]);
    }
  });

  it("does not wrap placeables in bidi isolation marks", () => {
    expect(translator.t("tr", "start-private", { name: "Ayşe" })).toContain("Merhaba Ayşe!");
  });

  it("throws on an unknown message id instead of sending the id to a user", () => {
    expect(() => translator.t("tr", "no-such-message")).toThrow(/missing message/);
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, undefined, "tr"],
    [null, "tr", "tr"],
    [null, "en", "en"],
    [null, "en-GB", "en"],
    [null, "de", "tr"],
    ["tr", "en", "tr"],
    ["en", "tr", "en"],
    ["fr", "en", "en"],
  ] as const)("chosen %s, Telegram %s → %s", (chosen, telegram, expected) => {
    expect(negotiateLocale(chosen, telegram)).toBe(expected);
  });
});
