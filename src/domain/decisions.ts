/** A decision's place in the series: decision `decision` of meeting `meeting`, written `25/3`. */
export interface DecisionNumber {
  meeting: number;
  decision: number;
}

const FOLD: Record<string, string> = { ı: "i", ş: "s", ğ: "g", ç: "c", ö: "o", ü: "u", â: "a", î: "i", û: "u" };

/**
 * Text as search compares it: lower case the Turkish way, then without Turkish letters and
 * accents, runs of white space as one space. People search "karsiyaka" for "Karşıyaka" and type
 * "IZMIR" (which tr-TR lowers to "ızmır") for "İzmir": both sides are folded alike.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("tr-TR")
    .replace(/[ışğçöüâîû]/g, (c) => FOLD[c]!)
    // Whatever accent is left (é, the dot of a decomposed İ) goes too.
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the folded text contains the folded words, in that order. An empty query matches everything. */
export function matchesSearch(text: string, query: string): boolean {
  const needle = foldForSearch(query);
  return needle === "" || foldForSearch(text).includes(needle);
}

/** "25/3" (also "25-3", "#25/3") → meeting 25, decision 3; anything else is undefined. */
export function parseDecisionNumber(raw: string): DecisionNumber | undefined {
  const match = /^#?(\d{1,6})\s*[/-]\s*(\d{1,4})$/.exec(raw.trim());
  if (!match) return undefined;
  const meeting = Number(match[1]);
  const decision = Number(match[2]);
  return meeting >= 1 && decision >= 1 ? { meeting, decision } : undefined;
}

export const formatDecisionNumber = (n: DecisionNumber): string => `${n.meeting}/${n.decision}`;

/** Negative when `a` was taken before `b` (an earlier meeting, or earlier in the same one). */
export const compareDecisionNumbers = (a: DecisionNumber, b: DecisionNumber): number => a.meeting - b.meeting || a.decision - b.decision;

// The genitive ending as the last word of the number is read: bir'in, iki'nin, üç'ün, dokuz'un…
const UNITS = ["", "in", "nin", "ün", "ün", "in", "nın", "nin", "in", "un"];
const TENS = ["", "un", "nin", "un", "ın", "nin", "ın", "in", "in", "ın"];

/**
 * The Turkish genitive ending of a number written in digits, after the apostrophe: it follows
 * how the number is read aloud ("25/3'ün", "27/10'un", "26/6'nın", "100'ün", "1000'in").
 */
export function turkishGenitive(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return "ın";
  if (n % 10 !== 0) return UNITS[n % 10]!;
  if (n % 100 !== 0) return TENS[(n % 100) / 10]!;
  if (n % 1000 !== 0) return "ün";
  if (n % 1_000_000 !== 0) return "in";
  return "un";
}
