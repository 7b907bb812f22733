import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES, LOCALES_DIR, Translator, type Locale } from "../../src/bot/i18n.ts";
import { parseRsvpReply, type RsvpReading, type RsvpStatus } from "../../src/domain/rsvp-reply.ts";

/*
 * The bot suggests replies in its own texts ("örneğin “katılıyorum”, “3 kişiyiz”…"). Every
 * suggestion must be read by the reply parser as the text means it, or a member who does exactly
 * what the bot says gets "I could not read your answer".
 */

// Messages about answering an invitation: the card, the RSVP texts, reply hints.
const ABOUT_REPLYING = /^(?:rsvp|card)-|reply|hint/;
// …that tell the reader what to write.
const GIVES_EXAMPLES = /örne|ör\.|gibi|yaz|e\.g\.|for example|such as|write|type|reply/i;
const QUOTED = /“([^”]+)”|«([^»]+)»|"([^"<>=]+)"/g;
const PLACEHOLDER = "§";

/**
 * What each suggested reply means, written by a person and not by the parser; "N" stands for the
 * number in it. A new suggestion in a locale must be added here with its meaning.
 */
const MEANT: Record<string, RsvpStatus> = {
  // Turkish
  "katılıyorum": "yes", "katılacağım": "yes", "katılıyoruz": "yes", "katılacağız": "yes", "geliyorum": "yes", "geleceğim": "yes",
  "evet": "yes", "N kişiyiz": "yes", "N kişi katılıyoruz": "yes", "N kişi katılacağız": "yes", "N kişi geliyoruz": "yes",
  "katılıyoruz, N kişi": "yes", "katılım sağlayacağım": "yes", "katılım sağlayacağız": "yes", "olumlu": "yes",
  "belki": "maybe", "emin değilim": "maybe", "henüz belli değil": "maybe", "gelmeye çalışacağım": "maybe",
  "gelemiyorum": "no", "katılamıyorum": "no", "katılamayacağım": "no", "katılamayacağız": "no", "gelemeyeceğim": "no",
  "maalesef katılamayacağım": "no", "hayır": "no", "olumsuz": "no",
  // English
  "yes": "yes", "I'll come": "yes", "I'll be there": "yes", "I will attend": "yes", "we'll be there": "yes", "count me in": "yes",
  "we are N": "yes", "N of us": "yes", "we'll be there, N of us": "yes", "N people": "yes",
  "maybe": "maybe", "not sure yet": "maybe",
  "can't make it": "no", "I can't make it": "no", "won't make it": "no", "can't": "no", "no": "no", "I can't come": "no",
};

const NUMBER_WORDS: Record<string, number> = { bir: 1, iki: 2, üç: 3, dört: 4, beş: 5, one: 1, two: 2, three: 3, four: 4, five: 5 };

interface Example {
  locale: Locale;
  key: string;
  reply: string;
}

/** A placeholder value for every variable any message uses, so each formats in full. */
function placeholders(): Record<string, string> {
  const source = LOCALES.map((locale) => readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8")).join("\n");
  return Object.fromEntries([...source.matchAll(/\{ *\$([a-zA-Z][\w-]*) *\}/g)].map((m) => [m[1]!, PLACEHOLDER]));
}

function examplesOf(translator: Translator): Example[] {
  const examples: Example[] = [];
  const args = placeholders();
  for (const locale of LOCALES) {
    for (const key of translator.messageIds(locale).filter((id) => ABOUT_REPLYING.test(id))) {
      const text = translator.t(locale, key, args);
      if (!GIVES_EXAMPLES.test(text)) continue;
      for (const m of text.matchAll(QUOTED)) {
        const reply = (m[1] ?? m[2] ?? m[3])!.trim();
        // A quoted placeholder is a name or a value, not a suggested reply.
        if (reply && !reply.includes(PLACEHOLDER) && !reply.startsWith("/")) examples.push({ locale, key, reply });
      }
    }
  }
  return examples;
}

/** The number a suggestion states, in digits or in words. */
function numberIn(reply: string): number | undefined {
  const digits = /\d+/.exec(reply);
  if (digits) return Number(digits[0]);
  const word = reply.toLocaleLowerCase("tr-TR").split(/[^\p{L}]+/u).find((w) => w in NUMBER_WORDS);
  return word ? NUMBER_WORDS[word] : undefined;
}

function meant(reply: string): RsvpReading | undefined {
  const template = reply.replace(/\d+/g, "N").replace(/’/g, "'");
  const status = MEANT[template] ?? MEANT[template.toLocaleLowerCase("tr-TR")];
  if (!status) return undefined;
  const size = numberIn(reply);
  return size !== undefined && status !== "no" ? { kind: "answer", status, partySize: size } : { kind: "answer", status };
}

let examples: Example[];
beforeAll(async () => {
  examples = examplesOf(await Translator.load());
});

describe("example replies in the locales", () => {
  it("finds the suggestions of the card and the reply hint in both languages", () => {
    for (const locale of LOCALES) {
      const own = examples.filter((e) => e.locale === locale);
      expect(new Set(own.map((e) => e.key)).size, locale).toBeGreaterThanOrEqual(2);
      expect(own.length, locale).toBeGreaterThanOrEqual(6);
    }
  });

  it("knows what every suggestion means (add new ones to MEANT)", () => {
    const unknown = examples.filter((e) => meant(e.reply) === undefined).map((e) => `${e.locale} ${e.key}: “${e.reply}”`);
    expect(unknown).toEqual([]);
  });

  it("reads every suggestion as the text means it", () => {
    const misread = examples.flatMap((e) => {
      const expected = meant(e.reply);
      const read = parseRsvpReply(e.reply);
      return expected && JSON.stringify(read) !== JSON.stringify(expected) ? [`${e.locale} ${e.key}: “${e.reply}” read as ${JSON.stringify(read)}`] : [];
    });
    expect(misread).toEqual([]);
  });

  it("suggests every kind of answer: yes, a party size, maybe and no", () => {
    for (const locale of LOCALES) {
      const readings = examples.filter((e) => e.locale === locale).map((e) => parseRsvpReply(e.reply));
      const statuses = new Set(readings.flatMap((r) => (r.kind === "answer" ? [r.status] : [])));
      expect([...statuses].sort(), locale).toEqual(["maybe", "no", "yes"]);
      expect(readings.some((r) => r.kind === "answer" && r.partySize !== undefined), locale).toBe(true);
    }
  });
});
