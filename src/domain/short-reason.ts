export type ReasonCheck = { kind: "ok"; reason: string } | { kind: "empty" } | { kind: "too-long"; length: number };

/**
 * One line of reason (why a task is blocked, why an organisation cannot host): spaces and line
 * breaks folded; nothing but punctuation counts as empty; `max` counts characters as people do.
 */
export function checkShortReason(raw: string, max: number): ReasonCheck {
  const reason = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(reason)) return { kind: "empty" };
  const length = [...new Intl.Segmenter("tr", { granularity: "grapheme" }).segment(reason)].length;
  if (length > max) return { kind: "too-long", length };
  return { kind: "ok", reason };
}
