/**
 * Keeps secrets and people's words out of logs and printed errors. The token travels inside
 * request URLs (`…/bot<token>/method`), so any error from a failed call can carry it, and so do
 * calendar feed addresses (`…/calendar/<token>.ics`); a message's
 * text travels in a failed call's payload. Both are removed here, whatever logged them.
 */

export type Scrubber = (text: string) => string;

export const REDACTED = "<redacted>";

// Any bot token inside an API URL, known to us or not (another bot's, a rotated one).
const BOT_PATH = /\/bot\d+(?::|%3A)[A-Za-z0-9_-]+/gi;

// A calendar feed's token (src/features/calendar): the address alone opens someone's calendar.
const CALENDAR_PATH = /\/calendar\/(network\/)?[A-Za-z0-9_-]{16,}(\.ics)?/gi;

// A shorter secret would be found inside ordinary words and numbers and garble every line; such
// a secret is still kept out by the serializer and the redacted paths, just not by text search.
const MIN_SCRUBBED_LENGTH = 8;

export function createScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    const parts = [secret];
    // The part after the colon is the token's secret; the bot id before it is public.
    const tokenSecret = /^\d+:(.+)$/.exec(secret)?.[1];
    if (tokenSecret) parts.push(tokenSecret);
    for (const part of parts) {
      for (const form of [part, encodeURIComponent(part), JSON.stringify(part).slice(1, -1)]) {
        if (form.length >= MIN_SCRUBBED_LENGTH) needles.add(form);
      }
    }
  }
  // Longest first, so a whole token goes before the half of it.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(BOT_PATH, `/bot${REDACTED}`).replace(CALENDAR_PATH, (_, network: string | undefined) => `/calendar/${network ?? ""}${REDACTED}`);
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    return out;
  };
}

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  [key: string]: unknown;
}

// Properties that carry what people wrote or who they are (a failed call's payload, an update's
// context with its message) are never written, whatever error class holds them.
const DROPPED = new Set(["payload", "ctx", "update", "text", "caption", "first_name", "last_name", "username", "raw", "stack", "message", "name"]);
// Nested errors followed: grammY's HttpError keeps the fetch error as `.error`.
const NESTED = ["error", "cause"] as const;
// Small objects of facts worth keeping (retry_after; Prisma's failing fields).
const SHALLOW_OBJECTS = new Set(["parameters", "meta"]);
const MAX_DEPTH = 5;
const MAX_STRING = 1_000;

/**
 * pino's `err` serializer: class, message, stack frames, primitive facts (code, method,
 * error_code, description…) and nested causes (`.error`, `.cause`, AggregateError's `.errors`),
 * every string scrubbed. Objects hanging off an error are dropped, since they are where
 * payloads and contexts live.
 */
export function createErrorSerializer(scrub: Scrubber): (value: unknown) => unknown {
  const serialize = (value: unknown, depth: number, seen: Set<object>): unknown => {
    if (!(value instanceof Error) && !isErrorLike(value)) return primitive(value, scrub) ?? `[${typeof value}]`;
    const err = value as Error & Record<string, unknown>;
    if (seen.has(err)) return "[circular]";
    seen.add(err);
    const type = typeof err.constructor === "function" && err.constructor.name !== "Object" ? err.constructor.name : String(err.name ?? "Error");
    const message = safeMessage(err, type);
    const out: SerializedError = { type, message: clip(scrub(message)) };
    const frames = typeof err.stack === "string" ? err.stack.split("\n").filter((line) => /^\s+at /.test(line)) : [];
    // The stack is rebuilt from the safe message and the frames: the original repeats the raw message.
    out.stack = scrub([`${type}: ${out.message}`, ...frames].join("\n"));
    for (const key of Object.keys(err)) {
      if (key in out || DROPPED.has(key) || (NESTED as readonly string[]).includes(key) || key === "errors") continue;
      const field = err[key];
      const simple = primitive(field, scrub);
      if (simple !== undefined) out[key] = simple;
      else if (SHALLOW_OBJECTS.has(key) && field && typeof field === "object") out[key] = shallow(field as Record<string, unknown>, scrub);
    }
    if (depth < MAX_DEPTH) {
      for (const key of NESTED) {
        const nested = err[key];
        if (nested !== undefined && nested !== null) out[key] = serialize(nested, depth + 1, seen);
      }
      if (Array.isArray(err.errors)) out.errors = err.errors.slice(0, 10).map((inner) => serialize(inner, depth + 1, seen));
    }
    return out;
  };
  return (value) => serialize(value, 0, new Set());
}

function isErrorLike(value: unknown): value is { message: string } {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
}

function safeMessage(err: Error, type: string): string {
  const message = typeof err.message === "string" ? err.message : "";
  // Prisma renders the failing call (a validation error: with its arguments — names, texts) above
  // the reason; the reason is the last line.
  if (type.startsWith("PrismaClient")) return message.trim().split("\n").filter(Boolean).at(-1) ?? "";
  return message;
}

function primitive(value: unknown, scrub: Scrubber): string | number | boolean | undefined {
  if (typeof value === "string") return clip(scrub(value));
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  return undefined;
}

function shallow(object: Record<string, unknown>, scrub: Scrubber): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (DROPPED.has(key)) continue;
    const simple = primitive(value, scrub);
    if (simple !== undefined) out[key] = simple;
    else if (Array.isArray(value)) out[key] = value.map((item) => primitive(item, scrub) ?? `[${typeof item}]`);
  }
  return out;
}

function clip(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
}
