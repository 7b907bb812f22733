import type { Clause } from "./clauses.ts";
import { words } from "./plain-text.ts";
import type { Speaker } from "./signals.ts";

// The organisation speaking about itself: "kurumumuzdan", "Buca KDM olarak", "bizden", "kimse".
const GROUP_SUBJECT = words("bizden", "kimse", "hic kimse", "herkes", "hepimiz", "hicbirimiz", "\\p{L}+m[iu]z(?:d|t)[ae]n", "\\p{L}+ olarak",
  "(?:kurum|derne|merkez|belediye|ekib|birim|vakf|kooperatif|platform|kurulus|sube|mudurlug)\\p{L}*m[iu]z\\p{L}*");
// Somebody named: "Ayşe Hanım gelecek", "müdürümüz katılacak", "arkadaşım gelecek".
const SOMEBODY = words("hanim\\p{L}*", "hn", "bey", "beyi", "beyin", "beyden", "hoca\\p{L}*", "sayin", "dr", "doktor", "avukat", "av", "psk",
  "mudur\\p{L}*", "baskan\\p{L}*", "koordinator\\p{L}*", "temsilci(?:miz|m)", "sorumlu(?:muz|m)", "arkadasim", "meslektasim", "esim");

/** Somebody other than the sender is named: an honorific, or a capitalised word inside the clause. */
function namesSomebody(clause: Clause): boolean {
  if (SOMEBODY.test(clause.text)) return true;
  const tokens = clause.raw.split(/[^\p{L}]+/u).filter(Boolean);
  // Acronyms ("KDM") and a text in capitals are organisations or shouting, not names.
  return tokens.slice(1).some((token) => /^\p{Lu}\p{Ll}/u.test(token));
}

/** The speaker of a third-person verb: the sender's organisation when it speaks as such, else somebody else. */
export function thirdPerson(clause: Clause, sizes: number): Speaker {
  const group = sizes > 0 || GROUP_SUBJECT.test(clause.text);
  if (!group) return "other";
  // With a count, only an honorific makes it somebody: "Buca KDM'den 2 kişi" names an organisation.
  const named = sizes > 0 ? SOMEBODY.test(clause.text) : namesSomebody(clause);
  return named ? "other" : "group";
}
