/** Telegram's limit for a message text, counted after the parse mode. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for the text of a callback answer (a toast or alert). */
export const TOAST_LIMIT = 200;

/**
 * Joins lines into messages of at most `limit` characters, never breaking a line unless a single
 * line is itself longer than the limit. Lengths are counted on the HTML source, which is never
 * shorter than what Telegram counts, so a message that fits here fits there.
 */
export function splitIntoMessages(lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => chunk(l, limit))) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
    } else {
      messages.push(current);
      current = line;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

/**
 * Plain text shortened to at most `max` characters, at a word boundary when there is one in the
 * last third, ending with "…". Shorten before escaping: the cut can then never fall inside a tag
 * or an entity.
 */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, max);
  const room = max - 1;
  let cut = room;
  // Never split a surrogate pair (an emoji) in half.
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  const space = text.lastIndexOf(" ", cut);
  if (space >= Math.floor((room * 2) / 3)) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * An HTML line longer than the limit, in pieces that each parse on their own: cut at a space
 * when there is one in the last quarter, never inside a tag or an entity, and any tag left open
 * is closed at the end of one piece and opened again at the start of the next.
 */
function chunk(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const parts: string[] = [];
  let open: string[] = [];
  let rest = line;
  while (rest.length > 0) {
    const reopen = open.join("");
    if (reopen.length + rest.length <= limit) {
      parts.push(reopen + rest);
      break;
    }
    // The closing tags count too: a piece that needs them is cut earlier, until it fits.
    let room = Math.max(1, limit - reopen.length);
    let { cut, openAtCut } = safeCut(rest, room, open);
    let closing = closingTags(openAtCut);
    while (reopen.length + cut + closing.length > limit && room > 1) {
      room = Math.max(1, room - (reopen.length + cut + closing.length - limit));
      ({ cut, openAtCut } = safeCut(rest, room, open));
      closing = closingTags(openAtCut);
    }
    parts.push(reopen + rest.slice(0, cut) + closing);
    open = openAtCut;
    rest = rest.slice(cut);
  }
  return parts;
}

const closingTags = (open: readonly string[]) => [...open].reverse().map((tag) => `</${/^<([a-zA-Z-]+)/.exec(tag)?.[1] ?? "b"}>`).join("");

/** The last position ≤ room outside tags and entities (a space if one is near), with the tags open there. */
function safeCut(text: string, room: number, openBefore: readonly string[]): { cut: number; openAtCut: string[] } {
  const open = [...openBefore];
  let lastSafe = 0;
  let lastSafeOpen = [...open];
  let lastSpace = -1;
  let lastSpaceOpen: string[] = [];
  let i = 0;
  while (i < text.length && i <= room) {
    const ch = text[i]!;
    if (ch === "<") {
      const end = text.indexOf(">", i);
      if (end < 0 || end + 1 > room) break;
      const tag = text.slice(i, end + 1);
      if (tag.startsWith("</")) open.pop();
      else if (!tag.endsWith("/>")) open.push(tag);
      i = end + 1;
    } else if (ch === "&") {
      const end = text.indexOf(";", i);
      const next = end >= 0 && end - i <= 10 ? end + 1 : i + 1;
      if (next > room) break;
      i = next;
    } else {
      i += isHighSurrogate(text.charCodeAt(i)) ? 2 : 1;
      if (i > room) break;
    }
    lastSafe = i;
    lastSafeOpen = [...open];
    if (ch === " ") {
      lastSpace = i;
      lastSpaceOpen = [...open];
    }
  }
  if (lastSafe === 0) return { cut: Math.min(room, text.length), openAtCut: open };
  if (lastSpace >= Math.floor((lastSafe * 3) / 4)) return { cut: lastSpace, openAtCut: lastSpaceOpen };
  return { cut: lastSafe, openAtCut: lastSafeOpen };
}
