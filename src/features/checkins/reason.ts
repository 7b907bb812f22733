/** The longest reason "Engel var" takes, in characters as people count them. */
export const REASON_MAX = 200;

export type ReasonCheck = { kind: "ok"; reason: string } | { kind: "empty" } | { kind: "too-long"; length: number };

/** One line of reason: spaces and line breaks folded; nothing but punctuation counts as empty. */
export function checkReason(raw: string): ReasonCheck {
  const reason = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(reason)) return { kind: "empty" };
  const length = [...new Intl.Segmenter("tr", { granularity: "grapheme" }).segment(reason)].length;
  if (length > REASON_MAX) return { kind: "too-long", length };
  return { kind: "ok", reason };
}
