import { scrubJson, traceScrubber, type Traces } from "../../domain/name-scrub.ts";

/** What a forgotten person's name becomes in stored texts. */
export const ERASED_PERSON = "(silinmiş kişi)";

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A published version's content (see writeSnapshot in minutes/view.ts) without the person: an
 * action item they owned by @username names "(silinmiş kişi)" as its owner, and every text
 * (attendance names, entry texts) is scrubbed.
 */
export function scrubMinutesContent(content: unknown, traces: Traces, replacement: string = ERASED_PERSON): unknown {
  const usernames = new Set(traces.usernames.map((u) => u.replace(/^@/, "").toLowerCase()));
  const owned = (item: JsonObject) => typeof item.ownerUsername === "string" && usernames.has(item.ownerUsername.toLowerCase());
  let value: unknown = content;
  if (isObject(content)) {
    value = { ...content };
    const copy = value as JsonObject;
    // Entries carry their owning organisation as { shortName }, carried-over items as a plain name.
    if (Array.isArray(content.entries)) {
      copy.entries = content.entries.map((e: unknown) => (isObject(e) && owned(e) ? { ...e, ownerUsername: null, ownerOrganisation: { shortName: replacement } } : e));
    }
    if (Array.isArray(content.carriedOver)) {
      copy.carriedOver = content.carriedOver.map((i: unknown) => (isObject(i) && owned(i) ? { ...i, ownerUsername: null, ownerOrganisation: replacement } : i));
    }
  }
  return scrubJson(value, traceScrubber(traces, replacement));
}
