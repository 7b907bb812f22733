// Finding people's names in free text: for erasing a forgotten person from stored texts, for
// retention, and for withholding members' names from what a group is shown.
/** What stored texts call a person: the name they had and their @username. */
export interface Traces {
  /** Display names exactly as stored ("Ayşe Yılmaz"): replaced where they stand as whole words, same case. */
  names: string[];
  /** Usernames without "@": replaced where they follow an "@", in any case. */
  usernames: string[];
}

// Minutes versions are also stored as Markdown, where these characters are backslash-escaped.
const MARKDOWN_SPECIAL = new Set("\\`*_{}[]<>#|~");

// A letter, digit, combining mark or "_" next to a match means it is part of a longer word.
const WORD = "[\\p{L}\\p{M}\\p{N}_]";

/** A pattern for the text as typed or as Markdown-escaped: "ayse_k" also matches "ayse\_k". */
function looseLiteral(text: string, anyCase = false): string {
  return [...text]
    .map((c) => {
      if (MARKDOWN_SPECIAL.has(c)) return `\\\\?${escapeRegex(c)}`;
      // Telegram usernames are ASCII, so a class per letter is exact (no Turkish İ/ı folding surprises).
      if (anyCase && /^[A-Za-z]$/.test(c)) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
      return escapeRegex(c);
    })
    .join("");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A function that replaces the person's traces in a text. Names match case-sensitively and only
 * as whole words, so a first name that is also a word ("Özgür", "Deniz", "Barış") leaves "özgür
 * irade" and "deniz kenarı" alone, and "Ayşe Yılmaz" leaves "Ayşe Yılmazer" alone. Usernames
 * match only after "@", case-insensitively as Telegram treats them. Longer traces first, so
 * "Ayşe Yılmaz" wins over "Ayşe". Texts are compared in NFC; one without a match is returned as is.
 */
export function traceScrubber(traces: Traces, replacement: string): (text: string) => string {
  const names = [...new Set(traces.names.map((n) => n.normalize("NFC").trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  const usernames = [...new Set(traces.usernames.map((u) => u.replace(/^@/, "").toLowerCase()).filter((u) => u.length > 0))].sort((a, b) => b.length - a.length);
  const alternatives = [
    ...usernames.map((u) => `@${looseLiteral(u, true)}(?!${WORD}|\\\\_)`),
    ...names.map((n) => `(?<!${WORD}|@)${looseLiteral(n)}(?!${WORD})`),
  ];
  if (alternatives.length === 0) return (text) => text;
  // No "i" flag: only the username classes above ignore case.
  const pattern = new RegExp(alternatives.join("|"), "gu");
  return (text) => {
    const normal = text.normalize("NFC");
    pattern.lastIndex = 0;
    if (!pattern.test(normal)) return text;
    return normal.replace(pattern, replacement);
  };
}


/**
 * For structured values (every string inside the value, copied, not changed): a string equal to one of `exact` becomes `replacement`
 * whatever its key; free text (`freeText(key)` true) also goes through `scrub`; any other string stays.
 */
export function scrubStructured(value: unknown, exact: ReadonlySet<string>, replacement: string, scrub: (text: string) => string, freeText: (key: string) => boolean, key = ""): unknown {
  if (typeof value === "string") return exact.has(value) ? replacement : freeText(key) ? scrub(value) : value;
  if (Array.isArray(value)) return value.map((item) => scrubStructured(item, exact, replacement, scrub, freeText, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, scrubStructured(item, exact, replacement, scrub, freeText, k)]));
  return value;
}
