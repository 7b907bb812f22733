/**
 * Support needs a member states with a yes or maybe (childcare, transport, interpretation,
 * accessibility, diet): reading them from `/needs` words in Turkish or English, and summing them
 * into totals that never say who.
 */

export const SUPPORT_NEED_KINDS = [
  "childcare",
  "transport",
  "interpretation_tid",
  "interpretation_kurdish",
  "interpretation_arabic",
  "interpretation_other",
  "accessibility",
  "diet",
] as const;

export type SupportNeedKind = (typeof SUPPORT_NEED_KINDS)[number];

/** The needs that carry a text: the other language, the dietary need. */
export type TextNeedKind = "interpretation_other" | "diet";

export const TEXT_NEED_KINDS: readonly TextNeedKind[] = ["interpretation_other", "diet"];

export function isTextNeed(kind: SupportNeedKind): kind is TextNeedKind {
  return kind === "interpretation_other" || kind === "diet";
}

/** Longest text of a text need, in user-perceived characters. */
export const NEED_DETAIL_MAX = 200;

export interface StatedNeed {
  kind: SupportNeedKind;
  /** Set for text needs only. */
  detail?: string;
}

export type DetailCheck = { kind: "ok"; detail: string } | { kind: "empty" } | { kind: "too-long"; length: number; max: number };

/** A typed text need as it is stored: NFC, single spaces, trimmed, at most NEED_DETAIL_MAX characters. */
export function checkNeedDetail(raw: string): DetailCheck {
  const detail = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (detail.length === 0) return { kind: "empty" };
  const length = [...new Intl.Segmenter("tr", { granularity: "grapheme" }).segment(detail)].length;
  if (length > NEED_DETAIL_MAX) return { kind: "too-long", length, max: NEED_DETAIL_MAX };
  return { kind: "ok", detail };
}

export type NeedsReading =
  | { kind: "needs"; needs: StatedNeed[] }
  /** "yok", "none", "temizle": no needs. */
  | { kind: "clear" }
  | { kind: "empty" }
  /** Words that name no need (as typed). */
  | { kind: "unknown"; words: string[] }
  /** "tercüme" without a language, "beslenme" without what. */
  | { kind: "missing-detail"; need: TextNeedKind }
  | { kind: "too-long"; need: TextNeedKind; length: number; max: number };

/** Turkish lower case, then Turkish letters and accents folded to ASCII: "TİD", "tid", "TID" meet. */
export function foldWord(word: string): string {
  return word
    .toLocaleLowerCase("tr-TR")
    .replace(/ı/g, "i")
    .replace(/ş/g, "s")
    .replace(/ğ/g, "g")
    .replace(/ü/g, "u")
    .replace(/ö/g, "o")
    .replace(/ç/g, "c")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

const CLEAR_WORDS = new Set(["yok", "hicbiri", "hic", "temizle", "none", "clear", "nothing"]);

type Phrase = readonly string[];
const phrases = (...texts: string[]): Phrase[] => texts.map((t) => t.split(" ")).sort((a, b) => b.length - a.length);

const PLAIN_NEEDS: readonly [Exclude<SupportNeedKind, TextNeedKind | `interpretation_${string}`>, Phrase[]][] = [
  ["childcare", phrases("cocuk bakimi", "cocuk bakim", "cocuk", "kres", "childcare", "child care", "creche")],
  ["transport", phrases("ulasim destegi", "ulasim yardimi", "ulasim", "yol destegi", "transport", "transportation", "travel support")],
  ["accessibility", phrases("erisilebilirlik", "erisim", "tekerlekli sandalye", "engelli erisimi", "rampa", "accessibility", "accessible", "wheelchair", "step free")],
];
const LANGUAGES: readonly [SupportNeedKind, Phrase[]][] = [
  ["interpretation_tid", phrases("turk isaret dili", "isaret dili", "tid", "turkish sign language", "sign language")],
  ["interpretation_kurdish", phrases("kurtce", "kurmanci", "kurmancca", "kurdish")],
  ["interpretation_arabic", phrases("arapca", "arabic")],
];
const INTERPRETATION = phrases("tercume", "tercumesi", "tercuman", "ceviri", "cevirisi", "sozlu ceviri", "interpretation", "interpreter", "interpreting", "translation");
const DIET = phrases("beslenme", "diyet", "yemek", "diet", "dietary", "food");
/** Joining words between needs ("çocuk bakımı ve ulaşım"). */
const FILLERS = new Set(["ve", "ile", "and", "also", "ayrica"]);

/** The words /needs accepts, for the answer to unknown ones (Turkish and English). */
export const ACCEPTED_NEED_WORDS = {
  tr: "çocuk bakımı, ulaşım, TİD (işaret dili) tercümesi, Kürtçe tercüme, Arapça tercüme, <dil> tercüme, erişilebilirlik (tekerlekli sandalye), beslenme: <ihtiyaç>",
  en: "childcare, transport, interpretation TİD (sign language), interpretation Kurdish, interpretation Arabic, interpretation <language>, accessibility (wheelchair), diet: <need>",
} as const;

interface Word {
  folded: string;
  start: number;
  end: number;
}

function wordsOf(segment: string, offset: number): Word[] {
  return [...segment.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ folded: foldWord(m[0]), start: offset + m.index, end: offset + m.index + m[0].length }));
}

/** The longest phrase of `candidates` the words start with at `i`: its length in words, or 0. */
function matchAt(words: readonly Word[], i: number, candidates: readonly Phrase[]): number {
  for (const phrase of candidates) {
    if (phrase.every((part, k) => words[i + k]?.folded === part)) return phrase.length;
  }
  return 0;
}

function startsANeed(words: readonly Word[], i: number): boolean {
  return (
    PLAIN_NEEDS.some(([, p]) => matchAt(words, i, p) > 0) ||
    LANGUAGES.some(([, p]) => matchAt(words, i, p) > 0) ||
    matchAt(words, i, INTERPRETATION) > 0 ||
    matchAt(words, i, DIET) > 0
  );
}

/**
 * Reads the needs of `/needs <N> <needs…>`: several, separated by commas, "ve"/"and" or just
 * spaces. A text need (other language, diet) takes the rest of its part as its text, and parts
 * after it that name no need ("beslenme: glutensiz, laktozsuz") belong to that text. The same
 * text need twice keeps both texts.
 */
export function parseNeeds(raw: string): NeedsReading {
  const text = raw.trim();
  if (text.length === 0) return { kind: "empty" };
  const all = wordsOf(text, 0);
  if (all.length === 1 && CLEAR_WORDS.has(all[0]!.folded)) return { kind: "clear" };
  if (all.length === 0) return { kind: "unknown", words: [text] };

  const found = new Map<SupportNeedKind, string[]>();
  const add = (kind: SupportNeedKind, detail?: string) => found.set(kind, [...(found.get(kind) ?? []), ...(detail !== undefined ? [detail] : [])]);
  const unknown: string[] = [];
  // Where the unknown phrase being read began, and its last word (index in its part) and part.
  let unknownFrom = 0;
  let unknownUntil = -2;
  let unknownPart = -1;
  let openText: { kind: TextNeedKind; from: number; to: number } | undefined;
  const closeText = (): NeedsReading | undefined => {
    if (!openText) return undefined;
    const checked = checkNeedDetail(text.slice(openText.from, openText.to).replace(/^[\s:=\-–—]+/u, ""));
    const kind = openText.kind;
    openText = undefined;
    if (checked.kind === "empty") return { kind: "missing-detail", need: kind };
    if (checked.kind === "too-long") return { kind: "too-long", need: kind, length: checked.length, max: checked.max };
    add(kind, checked.detail);
    return undefined;
  };

  for (const part of text.matchAll(/[^,;\n]+/gu)) {
    const words = wordsOf(part[0], part.index);
    if (words.length === 0) continue;
    // A part that names no need continues the text need before it.
    if (openText && !startsANeed(words, 0)) {
      openText.to = part.index + part[0].length;
      continue;
    }
    const problem = closeText();
    if (problem) return problem;
    let i = 0;
    while (i < words.length) {
      if (FILLERS.has(words[i]!.folded)) {
        i++;
        continue;
      }
      const plain = PLAIN_NEEDS.map(([kind, p]) => [kind, matchAt(words, i, p)] as const).find(([, n]) => n > 0);
      if (plain) {
        add(plain[0]);
        i += plain[1];
        continue;
      }
      const language = LANGUAGES.map(([kind, p]) => [kind, matchAt(words, i, p)] as const).find(([, n]) => n > 0);
      if (language) {
        // "Kürtçe tercüme", "TİD tercüman": the word after the language is part of it.
        add(language[0]);
        i += language[1];
        i += matchAt(words, i, INTERPRETATION);
        continue;
      }
      const interpretation = matchAt(words, i, INTERPRETATION);
      if (interpretation > 0 && unknownUntil === i - 1 && unknownPart === part.index) {
        // "Farsça tercüme": the unknown words just before name the language, as "Kürtçe tercüme" does.
        const checked = checkNeedDetail(unknown.pop()!);
        if (checked.kind === "too-long") return { kind: "too-long", need: "interpretation_other", length: checked.length, max: checked.max };
        if (checked.kind === "ok") add("interpretation_other", checked.detail);
        unknownUntil = -2;
        i += interpretation;
        continue;
      }
      if (interpretation > 0) {
        i += interpretation;
        const named = LANGUAGES.map(([kind, p]) => [kind, matchAt(words, i, p)] as const).find(([, n]) => n > 0);
        if (named) {
          add(named[0]);
          i += named[1];
          continue;
        }
        const from = words[i - 1]!.end;
        openText = { kind: "interpretation_other", from, to: part.index + part[0].length };
        break;
      }
      const diet = matchAt(words, i, DIET);
      if (diet > 0) {
        openText = { kind: "diet", from: words[i + diet - 1]!.end, to: part.index + part[0].length };
        break;
      }
      // Unknown words next to each other are one phrase ("uçan halı"), quoted as typed.
      const previous = unknownUntil === i - 1 && unknownPart === part.index ? unknown.pop() : undefined;
      unknown.push(previous !== undefined ? text.slice(unknownFrom, words[i]!.end) : text.slice(words[i]!.start, words[i]!.end));
      if (previous === undefined) unknownFrom = words[i]!.start;
      unknownUntil = i;
      unknownPart = part.index;
      i++;
    }
  }
  const problem = closeText();
  if (problem) return problem;
  if (unknown.length > 0) return { kind: "unknown", words: unknown };
  const needs: StatedNeed[] = [];
  for (const kind of SUPPORT_NEED_KINDS) {
    const details = found.get(kind);
    if (!details) continue;
    if (!isTextNeed(kind)) {
      needs.push({ kind });
      continue;
    }
    const checked = checkNeedDetail(details.join("; "));
    if (checked.kind === "too-long") return { kind: "too-long", need: kind, length: checked.length, max: checked.max };
    if (checked.kind === "ok") needs.push({ kind, detail: checked.detail });
  }
  return { kind: "needs", needs };
}

/** Needs summed per kind; the texts of text needs listed (sorted), never who stated them. */
export interface NeedTotals {
  counts: Record<SupportNeedKind, number>;
  texts: Record<TextNeedKind, string[]>;
}

export function emptyTotals(): NeedTotals {
  return {
    counts: Object.fromEntries(SUPPORT_NEED_KINDS.map((k) => [k, 0])) as Record<SupportNeedKind, number>,
    texts: { interpretation_other: [], diet: [] },
  };
}

export function sumNeeds(needs: readonly StatedNeed[]): NeedTotals {
  const totals = emptyTotals();
  for (const need of needs) {
    totals.counts[need.kind]++;
    if (isTextNeed(need.kind) && need.detail) totals.texts[need.kind].push(need.detail);
  }
  for (const kind of TEXT_NEED_KINDS) totals.texts[kind].sort((a, b) => a.localeCompare(b, "tr"));
  return totals;
}

export function hasAnyNeed(totals: NeedTotals): boolean {
  return SUPPORT_NEED_KINDS.some((k) => totals.counts[k] > 0);
}

/** Totals as stored on a meeting (Meeting.needTotals); anything else is undefined. */
export function readNeedTotals(json: unknown): NeedTotals | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const { counts, texts } = json as { counts?: unknown; texts?: unknown };
  if (typeof counts !== "object" || counts === null || typeof texts !== "object" || texts === null) return undefined;
  const totals = emptyTotals();
  for (const kind of SUPPORT_NEED_KINDS) {
    const count = (counts as Record<string, unknown>)[kind];
    totals.counts[kind] = typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : 0;
  }
  for (const kind of TEXT_NEED_KINDS) {
    const list = (texts as Record<string, unknown>)[kind];
    totals.texts[kind] = Array.isArray(list) ? list.filter((t): t is string => typeof t === "string") : [];
  }
  return totals;
}

/** Distinct texts (compared the Turkish way, case-insensitively) with how many stated each, in order. */
export function groupTexts(texts: readonly string[]): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = text.toLocaleLowerCase("tr-TR");
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { text, count: 1 });
  }
  return [...groups.values()].sort((a, b) => a.text.localeCompare(b.text, "tr"));
}
