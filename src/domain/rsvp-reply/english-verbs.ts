import { NUMBER_WORDS } from "./party-size.ts";
import { words } from "./plain-text.ts";
import type { Signal, Speaker } from "./signals.ts";

const EN_ATTEND = new RegExp(words("be there", "be attending", "be coming", "be joining", "be present", "attend(?:ing)?", "come",
  "coming", "join(?:ing)?", "make it", "participate", "participating").source, "gu");
const EN_REFUSE = new RegExp(words("can not", "will not").source, "gu");
const EN_NEGATION = words("not", "never", "no", "unable");
const EN_HEDGE = words("might", "may", "could", "possibly", "probably", "maybe", "perhaps", "hopefully", "try", "trying", "hope", "hoping",
  "plan", "planning", "likely", "should", "think", "guess");
// "I wish I could come" regrets; it does not hope.
const EN_REGRET = words("wish", "would have");
// "I would love to come" is a yes, yet "…but I can't" outweighs it.
const EN_WISH = words("would love to", "would like to", "want to");
// Words around an English verb that are not its subject; what remains names who speaks.
const EN_FILLER = new Set(("will shall would can could am are is be to going gonna definitely certainly surely also too both all really able try " +
  "trying hope hoping plan planning love like want might may probably possibly maybe perhaps hopefully likely should not never no unable yes " +
  "yeah yep ok okay sure sorry unfortunately sadly hi hello dear thanks thank you so well of course absolutely then still and just only happy " +
  "glad delighted pleased excited wish gladly there it").split(" "));

/** Whose answer an English verb is: "I", "we" and no subject at all are the sender. */
function englishSpeaker(before: string): Speaker {
  const subject = before.split(" ").filter((w) => w && !EN_FILLER.has(w) && !/^\d+$/.test(w) && !(w in NUMBER_WORDS));
  if (subject.some((w) => ["i", "we", "me", "us"].includes(w))) return "self";
  if (subject.length === 0) return "self";
  const group = ["our", "team", "organisation", "organization", "centre", "center", "office", "of", "from", "us", "people", "persons", "colleagues"];
  if (subject.every((w) => group.includes(w))) return "group";
  return "other";
}

export function readEnglish(text: string): Signal[] {
  const signals: Signal[] = [];
  const cleaned = text.replace(/(?<![\p{L}])can not wait(?![\p{L}])/gu, " ");
  const attend = [...cleaned.matchAll(EN_ATTEND)];
  for (const m of attend) {
    const before = cleaned.slice(0, m.index).trim();
    const window = before.split(" ").slice(-6).join(" ");
    const speaker = englishSpeaker(before);
    if (EN_NEGATION.test(window)) signals.push({ status: "no", strength: "strong", speaker });
    else if (EN_REGRET.test(window)) signals.push({ status: "no", strength: "weak", speaker });
    else if (EN_HEDGE.test(window)) signals.push({ status: "maybe", strength: "strong", speaker });
    else if (EN_WISH.test(window)) signals.push({ status: "yes", strength: "weak", speaker });
    else signals.push({ status: "yes", strength: "strong", speaker });
  }
  // "I can't", "we won't" with the verb left out.
  if (attend.length === 0) {
    for (const m of cleaned.matchAll(EN_REFUSE)) signals.push({ status: "no", strength: "strong", speaker: englishSpeaker(cleaned.slice(0, m.index).trim()) });
  }
  return signals;
}
