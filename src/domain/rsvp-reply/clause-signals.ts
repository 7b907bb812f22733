import type { Clause } from "./clauses.ts";
import { readEnglish } from "./english-verbs.ts";
import { readSizes } from "./party-size.ts";
import { PHRASES } from "./phrases.ts";
import { words } from "./plain-text.ts";
import type { Signal } from "./signals.ts";
import { readTurkishVerbs } from "./turkish-verbs.ts";

// A clause about another meeting ("bir sonrakine katılırım") says yes or maybe to that one, not this one.
const OTHER_MEETING = words("(?:bir )?sonraki\\p{L}*", "bir dahaki\\p{L}*", "baska (?:bir )?(?:zaman|sefer|toplanti\\p{L}*)",
  "gelecek (?:toplanti|sefer|bulusma)\\p{L}*", "next (?:time|meeting|one)", "another time", "future meetings?");
// Coming late or leaving early is still coming: "katılıyorum ama belki geç kalırım".
const LATENESS = words("gec kal\\p{L}*", "gecik\\p{L}*", "biraz gec", "gec (?:gel|katil)\\p{L}*", "erken (?:ayril|cik|git)\\p{L}*", "late", "leave early");
// "-sa/-se" after a tense ("çıkmazsa", "uyarsa", "geliyorsa") or on "müsait", "uygun": an "if". Not
// "ayırırsanız": an "if" about the reader is a polite request.
const CONDITIONAL = words("(?!bursa|kursa|derse|course|worse|nurse|horse|verse|purse|\\p{L}*verse)\\p{L}{1,}(?:[aeiu]r|m[ae]z|yor|c[ae]k)s[ae](?:m|k)?", "musaitse\\p{L}*", "uygunsa\\p{L}*",
  "eger", "if", "unless", "sartiyla", "kosuluyla");

// "…5 kişi gelmek istiyoruz, mümkün mü?": asking whether they may come is not yet an answer.
const ASKING_LEAVE = words("mumkun\\p{L}*", "olur", "olabilir", "uygun\\p{L}*", "sorun", "mahsur\\p{L}*", "possible", "ok", "okay", "alright", "allowed", "fine");

// "…bilmiyorum", "emin değilim" after a question word: the sender wonders aloud.
const WONDERING = words("bil(?:mi|emi)yor\\p{L}*", "emin degil\\p{L}*", "belli degil", "kestiremiyor\\p{L}*");

// Turkish question words and particles ("mı mi mu mü" and their persons) as separate words.
const QUESTION = words("m[iu]", "m[iu](?:s[iu]n[iu]z|s[iu]n|y[iu]m|y[iu]z|d[iu]r|yd[iu]|ydi[mkn])", "kac", "kacta", "kacda", "kacinci", "nerede", "nerde",
  "neresi\\p{L}*", "nereye", "ne zaman", "ne saat", "hangi\\p{L}*", "kim", "kimler", "nasil", "niye", "acaba");
// English questions begin with a question word or an auxiliary and a subject; "will attend" is an answer.
const ENGLISH_QUESTION = /^(?:(?:what|when|where|who|which|why|how)(?![\p{L}])|(?:is|are|do|does|did|can|could|will|would|should|shall|may)\s+(?:you|we|i|it|there|the|this|that|anyone|someone|everyone|they|he|she)(?![\p{L}]))/u;

/** The signals of one clause, or "unclear" when it asks about attending instead of answering. */
export function readClause(clause: Clause): Signal[] | "unclear" {
  const sizes = readSizes(clause.text);
  const sizeCount = sizes === "bad" ? 0 : sizes.length;
  const verbs = readTurkishVerbs(clause, sizeCount);
  const verbSignals: Signal[] = [...verbs.signals, ...readEnglish(clause.text)];
  // "Belki Ayşe Hanım gelir": the words around somebody else's verb are about them too.
  const aboutOthers = verbSignals.length > 0 && verbSignals.every((s) => s.speaker === "other");
  const phraseSignals: Signal[] = PHRASES.filter(({ pattern }) => pattern.test(clause.text))
    .map(({ status, strength }) => ({ status, strength, speaker: aboutOthers ? "other" : "self" }));
  // "3 kişiyiz" on its own says yes; next to a verb, the verb says it.
  if (sizeCount > 0) phraseSignals.push({ status: "yes", strength: "weak", speaker: "self" });
  const signals = [...verbSignals, ...phraseSignals];

  const asking = clause.question || verbs.question || QUESTION.test(clause.text) || ENGLISH_QUESTION.test(clause.text);
  // "Gelir miyim bilmiyorum": a question the sender asks themselves is a maybe.
  if (asking && !clause.question && WONDERING.test(clause.text)) {
    return sizeCount > 0 ? "unclear" : [{ status: "maybe", strength: "strong", speaker: "self" }];
  }
  if (asking) return verbs.attending || signals.length > 0 || sizeCount > 0 || ASKING_LEAVE.test(clause.text) ? "unclear" : [];
  if (OTHER_MEETING.test(clause.text)) return signals.filter((s) => s.status === "no");
  if (LATENESS.test(clause.text)) {
    // "Geç gelebilirim", "I may come late": the doubt is about the time, the coming is meant.
    const coming = verbSignals.map((s) => (s.status === "maybe" ? { ...s, status: "yes" as const } : s));
    return [...coming, ...phraseSignals.filter((s) => s.status !== "maybe")];
  }
  if (verbs.conditional || CONDITIONAL.test(clause.text)) {
    // "müsait olursam gelirim", "uygun olursa 3 kişi geliriz": a promise on a condition is a maybe.
    const hedged = signals.map((s) => ({ ...s, status: "maybe" as const }));
    return hedged.length > 0 ? hedged : [{ status: "maybe", strength: "strong", speaker: "self" }];
  }
  return signals;
}
