export type RsvpStatus = "yes" | "maybe" | "no";

/** A reply read with confidence, or unclear: then the bot hints and records nothing. */
export type RsvpReading = { kind: "answer"; status: RsvpStatus; partySize?: number } | { kind: "unclear" };

export const MAX_PARTY_SIZE = 20;
const MAX_REPLY_LENGTH = 160;

// Word stems, matched at the start of a word after Turkish lower-casing and folding ı/ş/ğ/ü/ö/ç
// to ASCII, so "katiliyorum" typed on an English keyboard reads like "katılıyorum".
const NO_WORDS = [
  /^katilam/, /^katilmiyor/, /^katilmayacag/, /^katilmay/, /^gelemi/, /^gelemey/, /^gelmiyor/, /^gelmeyecek/,
  /^hayir$/, /^yok$/, /^no$/, /^nope$/, /^cant$/, /^cannot$/, /^wont$/, /^unable$/, /^decline/,
];
const MAYBE_WORDS = [/^belki/, /^maybe$/, /^perhaps$/, /^tentative/, /^muhtemelen$/];
const YES_WORDS = [
  /^katiliyor/, /^katilacag/, /^katilirim$/, /^katiliriz$/, /^geliyor/, /^gelecegi/, /^gelecek(?!sen)/, /^gelirim$/, /^geliriz$/,
  /^evet$/, /^varim$/, /^variz$/, /^yes$/, /^yep$/, /^yeah$/, /^attending$/, /^coming$/, /^accept/, /^tamam$/, /^ok$/, /^okay$/,
];
const NO_PHRASES = [/\bcan ?not\b/, /\bcant make it\b/, /\bnot (be )?(able|coming|attending)\b/, /\bwill not\b/, /\bmaalesef\b/];
const MAYBE_PHRASES = [/\bemin degil/, /\bnot sure\b/, /\bbilmiyorum\b/, /\bkesin degil/, /\bmight\b/, /\bhenuz bilm/];
const YES_PHRASES = [/\bcount me in\b/, /\bwill (be there|attend|come)\b/, /\bi ?ll be there\b/, /\bsee you there\b/];
// A question about the meeting is not an answer to it.
const QUESTION = /\?|\b(mi|mı|mu|mü|misin|musun|miyiz|muyuz|miyim|muyum|musunuz|misiniz)\b/u;

const NUMBER_WORDS: Record<string, number> = {
  bir: 1, iki: 2, uc: 3, dort: 4, bes: 5, alti: 6, yedi: 7, sekiz: 8, dokuz: 9, on: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

function fold(text: string): string {
  return text
    .toLocaleLowerCase("tr-TR")
    .replace(/[’'`]/g, "")
    .replace(/ı/g, "i").replace(/ş/g, "s").replace(/ğ/g, "g").replace(/ü/g, "u").replace(/ö/g, "o").replace(/ç/g, "c")
    .normalize("NFD").replace(/\p{M}/gu, "");
}

/** "N kişi(yiz)", "N people/persons", "we are N", "biz N kişi": the size including the sender. */
function readPartySize(text: string): number | undefined | "bad" {
  const number = String.raw`(\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
  const patterns = [
    new RegExp(String.raw`\b${number} ?(kisi|kisiyiz|kisilik|people|persons|of us|guests)\b`),
    new RegExp(String.raw`\bwe are ${number}\b`),
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const size = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
    return size >= 1 && size <= MAX_PARTY_SIZE ? size : "bad";
  }
  return undefined;
}

/**
 * Reads a plain-language answer to an invitation, in Turkish or English. It answers only when
 * exactly one of yes / maybe / no is meant; mixed or unknown replies are unclear, never guessed.
 */
export function parseRsvpReply(raw: string): RsvpReading {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_REPLY_LENGTH) return { kind: "unclear" };
  if (QUESTION.test(text.toLocaleLowerCase("tr-TR"))) return { kind: "unclear" };
  const folded = fold(text);
  if (/^\+ ?1$/.test(folded)) return { kind: "answer", status: "yes" };
  if (/^\+ ?\d+$/.test(folded)) return { kind: "unclear" };
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const matches = (stems: RegExp[]) => words.some((word) => stems.some((stem) => stem.test(word)));
  const found = new Set<RsvpStatus>();
  if (matches(NO_WORDS) || NO_PHRASES.some((p) => p.test(folded))) found.add("no");
  if (matches(MAYBE_WORDS) || MAYBE_PHRASES.some((p) => p.test(folded))) found.add("maybe");
  if (matches(YES_WORDS) || YES_PHRASES.some((p) => p.test(folded))) found.add("yes");
  // A bare "tamam"/"evet"/"ok" next to a refusal acknowledges, it does not accept: "tamam, gelemiyorum".
  if (found.has("no") && found.has("yes") && !matches(YES_WORDS.filter((w) => !/evet|tamam|ok/.test(w.source)))) found.delete("yes");
  if (found.size !== 1) return { kind: "unclear" };
  const status = [...found][0]!;
  const size = readPartySize(folded);
  if (size === "bad") return { kind: "unclear" };
  if (status === "no" || size === undefined) return { kind: "answer", status };
  return { kind: "answer", status, partySize: size };
}

const STATUS_WORDS: Record<string, RsvpStatus> = {
  yes: "yes", evet: "yes", katiliyorum: "yes",
  maybe: "maybe", belki: "maybe",
  no: "no", hayir: "no", katilamiyorum: "no",
};

/** The status word of /rsvp, in either language, with or without Turkish letters. */
export function readStatusWord(word: string): RsvpStatus | undefined {
  return STATUS_WORDS[fold(word)];
}
