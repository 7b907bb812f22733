import { readClause } from "./rsvp-reply/clause-signals.ts";
import { splitClauses } from "./rsvp-reply/clauses.ts";
import { readEmoji } from "./rsvp-reply/emoji.ts";
import { readPartySize } from "./rsvp-reply/party-size.ts";
import { NOTED } from "./rsvp-reply/phrases.ts";
import { plain } from "./rsvp-reply/plain-text.ts";
import { decide, type Signal } from "./rsvp-reply/signals.ts";

// Defined with the size rules that enforce it; exported here, where callers import the parser.
export { MAX_PARTY_SIZE } from "./rsvp-reply/party-size.ts";

export type RsvpStatus = "yes" | "maybe" | "no";

/** A reply read with confidence, or unclear: then the bot hints and records nothing. */
export type RsvpReading = { kind: "answer"; status: RsvpStatus; partySize?: number } | { kind: "unclear" };

// Longer texts are discussions, not answers; a formal answer with greeting and signature still fits.
const MAX_REPLY_LENGTH = 280;

/*
 * How a reply is read
 * -------------------
 * The text is folded (Turkish lower case, ASCII letters, English contractions spelled out) and cut
 * into clauses at sentence ends, commas and "ama / fakat / but". Each clause yields signals: a
 * status, how strong it is, and whose answer it is — the sender ("gelemiyorum", "olumlu"), the
 * sender's side as a group ("kurumumuzdan 2 kişi katılacak"), or somebody else ("Ayşe Hanım
 * gelecek"). `decide` then answers only when the sender's own signals agree; anything else is
 * unclear, so a "yes" is never guessed.
 */

/**
 * Reads a plain-language answer to an invitation, in Turkish or English. It answers only when the
 * sender's own yes, maybe or no is clear; mixed, somebody else's or unknown replies are unclear.
 */
export function parseRsvpReply(raw: string): RsvpReading {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_REPLY_LENGTH) return { kind: "unclear" };
  const { statuses: emoji, rest } = readEmoji(text);
  if (/^\+ ?1$/.test(rest.trim())) return emoji.every((s) => s === "yes") ? { kind: "answer", status: "yes" } : { kind: "unclear" };
  if (!/[\p{L}\p{N}]/u.test(rest)) {
    const distinct = new Set(emoji);
    return distinct.size === 1 ? { kind: "answer", status: [...distinct][0]! } : { kind: "unclear" };
  }
  const signals: Signal[] = emoji.map((status) => ({ status, strength: "weak", speaker: "self" }));
  for (const clause of splitClauses(rest)) {
    const read = readClause(clause);
    if (read === "unclear") return { kind: "unclear" };
    signals.push(...read);
  }
  const status = decide(signals, NOTED.test(plain(rest)));
  if (!status) return { kind: "unclear" };
  const size = readPartySize(plain(rest));
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
  return STATUS_WORDS[plain(word)];
}
