import type { DateTime } from "luxon";
import { nameKey } from "./names.ts";
import { parseDate, readDate, type DateProblem } from "./datetime.ts";

export type Owner = { kind: "user"; username: string } | { kind: "organisation"; shortName: string };

/** One line of the minutes, read from a reply or a DM. */
export type MinutesEntry =
  | { kind: "note"; text: string }
  | { kind: "decision"; text: string }
  | { kind: "action"; text: string; owner: Owner; due: DateTime }
  /** An action without an owner or a readable due date: the sender is asked, nothing is guessed. */
  | { kind: "incomplete-action"; text: string; owner?: Owner; missing: ("owner" | "due")[]; dueProblem?: DateProblem }
  | { kind: "empty" };

export const MAX_ENTRY_LENGTH = 1000;

const DECISION = /^(karar|decision)\s*:\s*/iu;
const ACTION = /^(eylem|action|görev|todo)\s*:\s*/iu;

/**
 * The ways an entry may name an organisation, longest first: its short name, and the first words
 * of it when they name no other ("Karşıyaka" for "Karşıyaka KDM", as people write it, unless
 * "Karşıyaka Barosu" is in the network too).
 */
function ownerNames(shortNames: readonly string[]): { words: string[]; shortName: string }[] {
  const all = shortNames.map((shortName) => ({ shortName, words: nameKey(shortName).split(" ") }));
  const startsWith = (words: string[], prefix: string[]) => prefix.every((word, i) => words[i] === word);
  const names = [...all];
  for (const { shortName, words } of all) {
    for (let size = words.length - 1; size >= 1; size--) {
      const prefix = words.slice(0, size);
      if (all.every((other) => other.shortName === shortName || !startsWith(other.words, prefix))) names.push({ shortName, words: prefix });
    }
  }
  // A stable order: the more words the better; a whole short name before a shortened one of the same length.
  return names.map((name, order) => ({ name, order })).sort((a, b) => b.name.words.length - a.name.words.length || a.order - b.order).map(({ name }) => name);
}

/**
 * Reads a minutes entry: plain text is a note; "karar:" / "decision:" a decision; "eylem:" /
 * "action:" an action item with an owner (@username, or an organisation's short name) and a due
 * date at the end, in any form the meeting date parser accepts ("15 Nisan", "2027-04-15").
 */
export function parseMinutesEntry(raw: string, context: { organisations: readonly string[]; zone: string; now: DateTime }): MinutesEntry {
  const text = raw.trim().replace(/[ \t]+/g, " ");
  if (text === "") return { kind: "empty" };
  const decision = DECISION.exec(text);
  if (decision) return { kind: "decision", text: text.slice(decision[0].length).trim() };
  const action = ACTION.exec(text);
  if (!action) return { kind: "note", text };

  let rest = text.slice(action[0].length).trim();
  let owner: Owner | undefined;
  const mention = /(^|\s)@([A-Za-z0-9_]{4,32})\b/.exec(rest);
  if (mention) {
    owner = { kind: "user", username: mention[2]! };
    rest = (rest.slice(0, mention.index) + rest.slice(mention.index + mention[0].length)).replace(/\s+/g, " ").trim();
  } else {
    // The longest name found as whole words wins ("Buca KDM" over "Buca").
    for (const { words: nameWords, shortName } of ownerNames(context.organisations)) {
      const words = rest.split(" ");
      const size = nameWords.length;
      const at = words.findIndex((_, i) => words.slice(i, i + size).map(nameKey).join(" ") === nameWords.join(" "));
      if (at >= 0) {
        owner = { kind: "organisation", shortName };
        words.splice(at, size);
        rest = words.join(" ");
        break;
      }
    }
  }

  // The due date is the longest tail of one to three words that reads as a date.
  const words = rest.split(" ");
  let due: DateTime | undefined;
  let dueProblem: DateProblem | undefined;
  for (let size = Math.min(3, words.length); size >= 1; size--) {
    const tail = words.slice(words.length - size).join(" ").replace(/[.,;]$/, "");
    if (!readDate(tail)) continue;
    const parsed = parseDate(tail, context.zone, context.now);
    if (parsed.ok) {
      due = parsed.value;
      rest = words.slice(0, words.length - size).join(" ").replace(/\s*(son tarih|due|by|until|kadar)\s*:?$/i, "").trim();
    } else {
      dueProblem = parsed.problem;
    }
    break;
  }
  const what = rest.replace(/[,;:–-]\s*$/, "").trim();
  if (owner && due && what) return { kind: "action", text: what, owner, due };
  const missing: ("owner" | "due")[] = [];
  if (!owner) missing.push("owner");
  if (!due) missing.push("due");
  return { kind: "incomplete-action", text: what || rest, ...(owner ? { owner } : {}), missing: missing.length > 0 ? missing : ["due"], ...(dueProblem ? { dueProblem } : {}) };
}
