import type { RsvpStatus } from "../rsvp-reply.ts";

/** A verb word read from its ending: what it says, who says it, and whether it is an "if" or a question. */
interface Verb {
  status: RsvpStatus | "neutral";
  person: "first" | "second" | "third" | "impersonal";
  conditional: boolean;
  question: boolean;
}

// Verbs of attending whose endings are read. Vowel harmony is folded away (a/e, ı/i/u/ü).
const ATTEND_STEMS = ["gel", "katil", "yetis", "bulun", "baglan"]; // "bağlanacağım": joining online
// Verbs that mean attending only after a noun: "iştirak edeceğim", "katılım sağlayacağız",
// "orada olacağım", "mümkün olmayacak". `positive: false` means only the negative answers:
// "müsait olacağım" says nothing about the meeting, "müsait olmayacağım" does.
const LIGHT_VERBS: { after: RegExp; stems: string[]; positive: boolean; impersonal: boolean }[] = [
  { after: /^istirak$/, stems: ["ed", "et"], positive: true, impersonal: false },
  { after: /^katilim(?:imiz|im|lari)?$/, stems: ["sagl", "goster", "gerceklestir"], positive: true, impersonal: false },
  { after: /^katilim(?:imiz|im|lari)?$/, stems: ["ol"], positive: true, impersonal: true },
  { after: /^(?:orada|orda|burada|toplantida|aranizda|aramizda|sizinle|sizlerle|yaninizda|hazir|kisi|kisiyiz)$/, stems: ["ol"], positive: true, impersonal: false },
  { after: /^(?:musait|uygun)$/, stems: ["ol"], positive: false, impersonal: false },
  { after: /^mumkun$/, stems: ["ol"], positive: false, impersonal: true },
];

const LINK = "[aeiu]?y?"; // the link vowel or buffer y before a tense: "katıl-a-cak", "sağla-y-acak"
// Endings after the stem, first match wins; negative ones come first so "gelemem" is never "gel…".
const ENDINGS: { ending: RegExp; status: RsvpStatus | "neutral" }[] = [
  // Nouns made from the verb ("gelmek", "katılmaya", "gelmemiz"): read by the phrases below.
  { ending: new RegExp(`^${LINK}m[ae](k|kt[ae]n|y[aeiu]|s[iu]|m[iu]z\\p{L}*|n[iu]z\\p{L}*)$`, "u"), status: "neutral" },
  { ending: new RegExp(`^${LINK}[ae]?m[ae]y[ae]bil`), status: "maybe" }, // gelmeyebilirim: "I may not"
  { ending: new RegExp(`^${LINK}[ae]?m[aeiu]y?[ae]?c[ae]`), status: "no" }, // gelmeyeceğim, katılamayacağız, gelemicem
  { ending: new RegExp(`^${LINK}[ae]?m[iu]yo`), status: "no" }, // gelmiyorum, gelemiyoruz
  { ending: new RegExp(`^${LINK}[ae]?m[ae](m|z|y[iu]z)`), status: "no" }, // gelmem, gelemez, katılamayız
  { ending: new RegExp(`^${LINK}[ae]bil(?:[ae]?c[ae]|[iu]c[ae]|[iu]yo)`), status: "yes" }, // gelebileceğim, katılabiliyorum
  { ending: new RegExp(`^${LINK}[ae]bil[iu]r`), status: "maybe" }, // gelebilirim: "I might"
  { ending: new RegExp(`^${LINK}[aei]?c[ae](?:[kg]|m|z)`), status: "yes" }, // geleceğim, katılıcam, gelcez
  { ending: /^[aeiu]?yo/, status: "yes" }, // geliyorum, katılıyoruz, geliyom
  { ending: /^[aeiu]?r/, status: "yes" }, // gelirim, katılırız, ederim
];

/** Who speaks, from the last suffixes: "-m" I, "-z" we, "-sınız" you, none he/she/they. */
function personOf(word: string, status: RsvpStatus | "neutral"): Verb["person"] {
  // "gelirsem", "katılırsak", "gelirse": the person of an "if" is its last letter.
  const conditional = /(?:r|z|k|yo|yor)s[ae](m|k|n[iu]z|n)?$/.exec(word);
  if (conditional) return conditional[1] === undefined ? "third" : /^[mk]$/.test(conditional[1]) ? "first" : "second";
  if (/s[iu]n(?:[iu]z)?(?:d[iu]r)?$/.test(word)) return "second";
  // "gelmez", "gelemez": the negative aorist of he or she, though it ends like "we".
  if (status === "no" && /m[ae]z(?:l[ae]r)?$/.test(word)) return "third";
  if (/(?:m|m[iu]n?|md[iu]r|z|z[iu]|zd[iu]r)$/.test(word)) return "first";
  return "third";
}

function readVerbEnding(word: string, rest: string): Verb | undefined {
  let tail = rest;
  let passive = false;
  // "katılım sağlanacak", "katılınacak": the passive is the sender's side speaking impersonally.
  const passiveMatch = /^[aeiu]?n(?=[aeiu])/.exec(tail);
  if (passiveMatch) {
    passive = true;
    tail = tail.slice(passiveMatch[0].length);
  }
  const reading = ENDINGS.find(({ ending }) => ending.test(tail));
  if (!reading) return undefined;
  // "geliyor mu" written together: "geliyormu", "gelecekmisiniz".
  const question = /(?:yo|yor|[kcgr]|z)m[iu](?:s[iu]n[iu]z|s[iu]n|y[iu]m|y[iu]z|d[iu]r|yd[iu])?$/.test(word);
  const conditional = /(?:r|z|k|yo|yor)s[ae](?:m|k|n[iu]z|n)?$/.test(word);
  const person = passive ? "impersonal" : personOf(word, reading.status);
  return { status: reading.status, person, conditional, question };
}

/** The verb of attending a word is, if any: "gelemeyeceğim", or "edeceğim" after "iştirak". */
export function readVerb(word: string, previous: string | undefined): Verb | undefined {
  for (const stem of ATTEND_STEMS) {
    if (word.startsWith(stem)) return readVerbEnding(word, word.slice(stem.length));
  }
  if (previous === undefined) return undefined;
  for (const light of LIGHT_VERBS) {
    if (!light.after.test(previous)) continue;
    const stem = light.stems.find((s) => word.startsWith(s));
    if (!stem) continue;
    const verb = readVerbEnding(word, word.slice(stem.length));
    if (!verb) return undefined;
    if (!light.positive && verb.status !== "no") return { ...verb, status: "neutral" };
    if (light.impersonal && verb.person === "third") return { ...verb, person: "impersonal" };
    return verb;
  }
  return undefined;
}
