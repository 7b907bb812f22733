import { badRequest } from "./errors.ts";

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

const TAG_TYPES: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  offset: number;
  entity: MessageEntity;
}

/**
 * Parses Telegram's HTML subset into plain text and entities, rejecting what Telegram rejects
 * with its own messages: unknown tags, mismatched or unclosed tags, tags without required
 * attributes. Offsets are in UTF-16 code units, as in the Bot API.
 */
export function parseHtml(source: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];
  let i = 0;
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index));
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "&") {
      const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(source.slice(i));
      if (match) {
        const name = match[1]!;
        let decoded: string | undefined;
        if (name.startsWith("#x")) decoded = safeCodePoint(parseInt(name.slice(2), 16));
        else if (name.startsWith("#")) decoded = safeCodePoint(parseInt(name.slice(1), 10));
        else decoded = NAMED_ENTITIES[name.toLowerCase()];
        if (decoded === undefined) {
          throw badRequest(`can't parse entities: Unsupported HTML entity "&${name};" at byte offset ${byteOffset(i)}`);
        }
        text += decoded;
        i += match[0].length;
        continue;
      }
      text += ch;
      i++;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i++;
      continue;
    }
    const end = source.indexOf(">", i);
    if (end < 0) throw badRequest(`can't parse entities: Unclosed start tag at byte offset ${byteOffset(i)}`);
    const raw = source.slice(i + 1, end);
    if (raw.startsWith("/")) {
      const name = raw.slice(1).trim().toLowerCase();
      const top = open.pop();
      if (!top) throw badRequest(`can't parse entities: Unexpected end tag at byte offset ${byteOffset(i)}`);
      if (top.name !== name) {
        throw badRequest(
          `can't parse entities: Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${top.name}>", found "</${name}>"`,
        );
      }
      top.entity.length = text.length - top.offset;
      if (top.entity.length > 0) entities.push(top.entity);
    } else {
      const tagMatch = /^([a-zA-Z][a-zA-Z0-9-]*)\s*(.*?)\s*\/?$/s.exec(raw);
      const name = tagMatch?.[1]?.toLowerCase();
      if (!tagMatch || !name || !(name in TAG_TYPES)) {
        throw badRequest(`can't parse entities: Unsupported start tag "${name ?? raw}" at byte offset ${byteOffset(i)}`);
      }
      const attributes = parseAttributes(tagMatch[2] ?? "", byteOffset(i));
      const entity: MessageEntity = { type: TAG_TYPES[name]!, offset: text.length, length: 0 };
      if (name === "a") {
        const href = attributes.href;
        if (!href) throw badRequest(`can't parse entities: Can't find end of attribute value at byte offset ${byteOffset(i)}`);
        if (href.startsWith("tg://user?id=")) {
          entity.type = "text_mention";
        } else if (!/^(https?|tg|ftp|mailto):/i.test(href) && !/^[\w.-]+\.[a-z]{2,}/i.test(href)) {
          throw badRequest(`can't parse entities: Wrong URL "${href}" at byte offset ${byteOffset(i)}`);
        }
        entity.url = href;
      }
      if (name === "span" && attributes.class !== "tg-spoiler") {
        throw badRequest(`can't parse entities: Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(i)}`);
      }
      if (name === "tg-emoji") {
        if (!attributes["emoji-id"]) throw badRequest(`can't parse entities: Custom emoji identifier expected at byte offset ${byteOffset(i)}`);
        entity.custom_emoji_id = attributes["emoji-id"];
      }
      if (name === "blockquote" && "expandable" in attributes) entity.type = "expandable_blockquote";
      if (name === "code" && attributes.class?.startsWith("language-")) entity.language = attributes.class.slice(9);
      open.push({ name, offset: text.length, entity });
    }
    i = end + 1;
  }
  const unclosed = open.pop();
  if (unclosed) throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function parseAttributes(raw: string, at: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?\s*/gy;
  let consumed = 0;
  for (let match = pattern.exec(raw); match && match[0].length > 0; match = pattern.exec(raw)) {
    attributes[match[1]!.toLowerCase()] = decodeAttribute(match[2] ?? match[3] ?? match[4] ?? "");
    consumed = pattern.lastIndex;
  }
  if (consumed !== raw.length) throw badRequest(`can't parse entities: Expected equal sign in declaration of an attribute of the start tag at byte offset ${at}`);
  return attributes;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(lt|gt|amp|quot);/g, (_, name: string) => NAMED_ENTITIES[name]!);
}

function safeCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** Entities Telegram derives from plain text itself: commands, mentions, hashtags, links. */
export function autoEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const pattern = /(^|[\s(])((\/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{5,32})?)|(@[a-zA-Z0-9_]{5,32})|(https?:\/\/[^\s]+))/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const offset = match.index + match[1]!.length;
    const value = match[2]!;
    const type = match[3] ? "bot_command" : match[4] ? "mention" : "url";
    entities.push({ type, offset, length: value.length });
  }
  return entities;
}
