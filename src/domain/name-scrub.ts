// Finding people's names in free text: for erasing a forgotten person from stored texts, and for
// withholding members' names from what a group is shown.
/** What stored texts call a forgotten person: the name they had and their @username. */
export interface Traces {
  /** Display names ("Ayşe Yılmaz"): replaced where they stand as whole words. */
  names: string[];
  /** Usernames without "@": replaced where they follow an "@". */
  usernames: string[];
}

// Minutes versions are also stored as Markdown, where these characters are backslash-escaped.
const MARKDOWN_SPECIAL = new Set("\\`*_{}[]<>#|~");

/** A pattern for the text as typed or as Markdown-escaped: "ayse_k" also matches "ayse\_k". */
function looseLiteral(text: string): string {
  return [...text].map((c) => (MARKDOWN_SPECIAL.has(c) ? `\\\\?${escapeRegex(c)}` : escapeRegex(c))).join("");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A function that replaces the person's traces in a text. Names match only as whole words
 * ("Ayşe Yılmaz" leaves "Ayşe Yılmazer" alone); usernames only after "@", case-insensitively
 * as Telegram treats them. Longer names first, so "Ayşe Yılmaz" wins over "Ayşe".
 */
export function traceScrubber(traces: Traces, replacement: string): (text: string) => string {
  const names = [...new Set(traces.names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const usernames = [...new Set(traces.usernames.map((u) => u.replace(/^@/, "")).filter((u) => u.length > 0))].sort((a, b) => b.length - a.length);
  const alternatives = [
    ...usernames.map((u) => `@${looseLiteral(u)}(?![\\p{L}\\p{N}_]|\\\\_)`),
    ...names.map((n) => `(?<![\\p{L}\\p{N}_@])${looseLiteral(n)}(?![\\p{L}\\p{N}_])`),
  ];
  if (alternatives.length === 0) return (text) => text;
  const pattern = new RegExp(alternatives.join("|"), "giu");
  return (text) => text.replace(pattern, replacement);
}

/** Every string inside a JSON value passed through `scrub`; the value is copied, not changed. */
export function scrubJson(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, scrub));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubJson(item, scrub)]));
  return value;
}
