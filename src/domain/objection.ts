export const MAX_OBJECTION_LENGTH = 1000;

/** An objection as written: the entry it names, if any, and its text. */
export type ObjectionReply =
  | { kind: "objection"; entry?: number; text: string }
  | { kind: "empty"; entry?: number }
  | { kind: "too-long"; length: number };

/**
 * Reads an objection: an optional entry number first, as "3: …", "#3 …" or "#3: …", then the
 * text. A number alone without "#" or ":" is part of the text ("3 kişi eksik yazılmış").
 */
export function parseObjectionReply(raw: string): ObjectionReply {
  const trimmed = raw.trim();
  const numbered = /^#\s?(\d{1,4})\b\s*[:.–-]?\s*/u.exec(trimmed) ?? /^(\d{1,4})\s*:\s*/u.exec(trimmed);
  const entry = numbered ? Number(numbered[1]) : undefined;
  const text = (numbered ? trimmed.slice(numbered[0].length) : trimmed).trim();
  const withEntry = entry !== undefined ? { entry } : {};
  if (text === "") return { kind: "empty", ...withEntry };
  if (text.length > MAX_OBJECTION_LENGTH) return { kind: "too-long", length: text.length };
  return { kind: "objection", ...withEntry, text };
}
