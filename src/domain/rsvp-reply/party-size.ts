import { words } from "./plain-text.ts";

export const MAX_PARTY_SIZE = 20;

const UNITS_TR = ["bir", "iki", "uc", "dort", "bes", "alti", "yedi", "sekiz", "dokuz"];
const UNITS_EN = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
export const NUMBER_WORDS: Record<string, number> = Object.fromEntries([
  ...UNITS_TR.map((word, i) => [word, i + 1]),
  ["on", 10],
  ...UNITS_TR.flatMap((word, i) => [[`on ${word}`, 11 + i], [`on${word}`, 11 + i]]),
  ["yirmi", 20],
  ...UNITS_EN.map((word, i) => [word, i + 1]),
]);
const NUMBER = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join("|")})`;

const PEOPLE = "kisi\\p{L}*|katilimci\\p{L}*|temsilci\\p{L}*|personel\\p{L}*|uzman\\p{L}*|gonullu\\p{L}*|people|persons?|guests?|attendees?|participants?|of us";
const COMPANIONS = "(?:calisma )?arkadas\\p{L}*|meslektas\\p{L}*|colleagues?|friends?|others?";

/** Patterns that state how many come; `plus` is 1 when the sender comes on top ("2 arkadaşımla"). */
type Counted = { pattern: RegExp; plus: (m: RegExpMatchArray) => number };
const COUNTED: Counted[] = ([
  // "ben ve 2 arkadaşım", "me and 2 colleagues", "with 2 colleagues": the sender and the others.
  { pattern: words(`(?:ben ve|me and|i and|me plus) ${NUMBER}(?: (?:${COMPANIONS}|${PEOPLE}|more))?`), plus: () => 1 },
  { pattern: words(`(?:with|bringing|bring) ${NUMBER} (?:${COMPANIONS}|more)`), plus: () => 1 },
  { pattern: words(`${NUMBER} (?:${COMPANIONS}) (?:ve ben|and i|and me)`), plus: () => 1 },
  // "yanımda bir kişi daha": one more than the sender.
  { pattern: words(`${NUMBER} (?:kisi|arkadas\\p{L}*|people|persons?|more) (?:daha|more|extra)`), plus: () => 1 },
  // "2 arkadaşımla", "2 arkadaşım ile birlikte": "with" makes the sender one more.
  { pattern: words(`${NUMBER} ((?:${COMPANIONS}))(?: (ile|birlikte|beraber))?`), plus: (m) => (/(y?l[ae])$/.test(m[2] ?? "") || m[3] ? 1 : 0) },
  { pattern: words(`${NUMBER} (?:${PEOPLE})`), plus: () => 0 },
  { pattern: words(`(?:we are|we will be|we would be|there will be|party of|table for|in total|total of|toplam) ${NUMBER}`), plus: () => 0 },
  { pattern: words(`(?:kisi|katilimci|katilim) say(?:isi|imiz|isimiz)(?: olarak)? ${NUMBER}`), plus: () => 0 },
] satisfies Counted[]).map(({ pattern, plus }) => ({ pattern: new RegExp(pattern.source, "gu"), plus }));
// Sizes said without a number.
const IMPLIED: [RegExp, number][] = [
  // "ikimiz geleceğiz": the possessive counts the group.
  ...["iki", "uc", "dort", "bes", "alti", "yedi", "sekiz", "dokuz", "on"].map((n, i): [RegExp, number] => [words(`${n}[iu]?m[iu]z`), i + 2]),
  [words("both of us"), 2],
  // One companion: "arkadaşımla", "ben ve arkadaşım", "with my colleague", "me and a colleague".
  [words("(?:arkadas|meslektas)im(?:la|le| ile)", "ben ve (?:arkadas|meslektas)im", "(?:with|and) (?:a|my) (?:colleague|friend)"), 2],
  [words("tek (?:kisi\\p{L}*|basima|basimiza)", "just me", "only me"), 1],
];
// A range or a vague amount is a number we cannot record without guessing.
// "2-3 kişi" arrives as "2 3 kisi"; "on iki kişi" is twelve.
const VAGUE_SIZE = words(`(?!on (?:${UNITS_TR.join("|")}) )${NUMBER} (?:ya da |yada |veya |or |to |ila |ile )?${NUMBER} (?:${PEOPLE}|${COMPANIONS})`,
  "birkac (?:kisi|arkadas)\\p{L}*", "bir kac (?:kisi|arkadas)\\p{L}*", "(?:arkadas|meslektas)larim\\p{L}*", "with (?:my|some) (?:colleagues|friends)", "a few (?:of us|people|colleagues)", "several (?:of us|people|colleagues)", "a couple of");

function numberValue(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : NUMBER_WORDS[token]!;
}

/** Every size stated in a plain text; "bad" for a range, a vague amount or one out of bounds. */
export function readSizes(text: string): number[] | "bad" {
  if (VAGUE_SIZE.test(text)) return "bad";
  const sizes: number[] = [];
  let rest = text;
  for (const { pattern, plus } of COUNTED) {
    for (const m of rest.matchAll(pattern)) sizes.push(numberValue(m[1]!) + plus(m));
    // Counted once: "ben ve 2 arkadaşım" is not also "2 arkadaşım".
    rest = rest.replace(pattern, " ");
  }
  for (const [pattern, size] of IMPLIED) if (pattern.test(rest)) sizes.push(size);
  if (sizes.some((size) => size < 1 || size > MAX_PARTY_SIZE)) return "bad";
  return sizes;
}

/** The one party size of the whole reply, none, or "bad" when it is out of bounds or contradicts itself. */
export function readPartySize(text: string): number | undefined | "bad" {
  const sizes = readSizes(text);
  if (sizes === "bad") return "bad";
  const distinct = new Set(sizes);
  if (distinct.size > 1) return "bad";
  return [...distinct][0];
}
