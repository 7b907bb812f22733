import type { Clause } from "./clauses.ts";
import { words } from "./plain-text.ts";
import type { Signal, Speaker } from "./signals.ts";
import { thirdPerson } from "./third-person.ts";
import { readVerb } from "./turkish-verb-endings.ts";

// "size katılıyorum" agrees with someone; it does not answer the invitation.
const AGREEING = words("size", "sana", "sizlere", "fikr\\p{L}*", "gorus\\p{L}*", "dusunce\\p{L}*", "oneri\\p{L}*", "hocam[ae]", "hanim[ae]", "beye");

// "Gelecek hafta", "gelecek toplantı": "gelecek" as an adjective, not "will come".
const GELECEK_ADJECTIVE = /^(?:hafta|ay|yil|sene|gun|donem|sefer|toplanti|bulusma|pazartesi|sali|carsamba|persembe|cuma|cumartesi|pazar)\p{L}*$/u;

// "…diye düşünmüyorum", "sanmıyorum" after a verb turns it round.
const DOUBTED = /^(?:diye )?(?:sanmiyor|sanmam|dusunmuyor|zannetmiyor)/;

export function readTurkishVerbs(clause: Clause, sizes: number): { signals: Signal[]; conditional: boolean; question: boolean; attending: boolean } {
  const tokens = clause.text.split(" ");
  const signals: Signal[] = [];
  let conditional = false;
  let question = false;
  let attending = false;
  tokens.forEach((word, i) => {
    const verb = readVerb(word, tokens[i - 1]);
    if (!verb) return;
    attending = true;
    if (verb.question) question = true;
    if (verb.conditional) conditional = true;
    if (verb.status === "neutral" || verb.person === "second") return;
    // "gelecek hafta", "gelecek toplantı": an adjective.
    if (/^gelecek$/.test(word) && GELECEK_ADJECTIVE.test(tokens[i + 1] ?? "")) return;
    // "gelmem lazım": my coming is needed, not "I don't come".
    if (/m[ae]m$/.test(word) && /^(?:lazim|gerek\p{L}*|sart|icin|mumkun\p{L}*|zor)$/u.test(tokens[i + 1] ?? "")) return;
    if (word.startsWith("katil") && AGREEING.test(tokens.slice(Math.max(0, i - 3), i + 3).join(" "))) return;
    // "Gelebileceğimi sanmıyorum": the verb is what the sender doubts; the phrase answers.
    if (DOUBTED.test(tokens.slice(i + 1, i + 3).join(" "))) return;
    const speaker: Speaker = verb.person === "third" ? thirdPerson(clause, sizes) : "self";
    signals.push({ status: verb.status, strength: "strong", speaker });
  });
  return { signals, conditional, question, attending };
}
