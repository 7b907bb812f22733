import { badRequest } from "./errors.ts";
import { autoEntities, parseHtml, type MessageEntity } from "./html.ts";
import type { Params } from "./params.ts";
import type { ReplyMarkup } from "./world.ts";

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;
export const MAX_CALLBACK_DATA_BYTES = 64;
export const MAX_CALLBACK_ANSWER = 200;
/** Telegram's words for text it refuses, from the bot and from people alike. */
export const TEXT_EMPTY = "message text is empty";
export const TEXT_TOO_LONG = "message is too long";

/** Text as Telegram stores it after the parse mode: plain text plus entities. */
export function formattedText(
  params: Params,
  field: "text" | "caption",
  limit: number,
): { text: string; entities: MessageEntity[] } | undefined {
  const source = params.optionalString(field);
  if (source === undefined) {
    if (field === "text") throw badRequest(TEXT_EMPTY);
    return undefined;
  }
  const parseMode = params.optionalString("parse_mode");
  let parsed: { text: string; entities: MessageEntity[] };
  if (parseMode === undefined || parseMode === "") {
    const given = params.json<MessageEntity[]>(field === "text" ? "entities" : "caption_entities");
    parsed = { text: source, entities: given ?? autoEntities(source) };
  } else if (parseMode === "HTML") {
    parsed = withDetectedEntities(parseHtml(source));
  } else if (parseMode === "MarkdownV2" || parseMode === "Markdown") {
    throw badRequest(`the emulator implements parse_mode HTML only, not ${parseMode}`);
  } else {
    throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
  if (parsed.text.trim().length === 0) {
    if (field === "text") throw badRequest(TEXT_EMPTY);
    return undefined;
  }
  if (parsed.text.length > limit) throw badRequest(field === "text" ? TEXT_TOO_LONG : "message caption is too long");
  return parsed;
}

// Where Telegram looks for nothing more: inside code and links.
const OPAQUE_ENTITIES = new Set(["code", "pre", "text_link", "url", "mention", "text_mention", "bot_command", "email"]);

/** Telegram also finds commands, mentions and links in formatted text, except inside code and links. */
function withDetectedEntities(parsed: { text: string; entities: MessageEntity[] }): { text: string; entities: MessageEntity[] } {
  const opaque = parsed.entities.filter((entity) => OPAQUE_ENTITIES.has(entity.type));
  const found = autoEntities(parsed.text).filter((auto) => !opaque.some((other) => auto.offset < other.offset + other.length && other.offset < auto.offset + auto.length));
  if (found.length === 0) return parsed;
  const entities = [...parsed.entities, ...found].sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: parsed.text, entities };
}

/** Validates reply_markup the way Telegram does for the parts ortak uses. */
export function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = params.json<ReplyMarkup>("reply_markup");
  if (markup === undefined) return undefined;
  if (typeof markup !== "object" || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  if (markup.inline_keyboard !== undefined) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
      throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
    }
    let count = 0;
    for (const row of rows) {
      for (const button of row) {
        count++;
        if (typeof button?.text !== "string" || button.text.length === 0) {
          throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        const kinds = ["callback_data", "url", "switch_inline_query", "switch_inline_query_current_chat", "web_app", "login_url", "pay", "copy_text"];
        if (!kinds.some((kind) => button[kind] !== undefined)) {
          throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }
        if (button.callback_data !== undefined) {
          const bytes = Buffer.byteLength(String(button.callback_data));
          if (typeof button.callback_data !== "string" || bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
            throw badRequest("BUTTON_DATA_INVALID");
          }
        }
        if (button.url !== undefined && !/^(https?:\/\/[^\s]+|tg:\/\/[^\s]+)$/i.test(String(button.url))) {
          throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: Wrong HTTP URL`);
        }
      }
    }
    if (count > 100) throw badRequest("reply markup is too long");
  }
  return markup;
}

export function sameMarkup(a: ReplyMarkup | undefined, b: ReplyMarkup | undefined): boolean {
  const empty = (m: ReplyMarkup | undefined) => !m || !m.inline_keyboard || m.inline_keyboard.length === 0;
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameEntities(a: MessageEntity[] | undefined, b: MessageEntity[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
