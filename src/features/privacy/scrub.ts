import { traceScrubber, type Traces } from "../../domain/name-scrub.ts";

/** What a forgotten person's name becomes in stored texts. */
export const ERASED_PERSON = "(silinmiş kişi)";

/**
 * What an attendee's name becomes in a stored minutes version once its meeting is past the
 * retention period. Turkish like ERASED_PERSON: stored once, for every reader (the counts stay).
 */
export const RETIRED_NAME = "(adı silinmiş)";

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const NAME_LISTS = ["checkedIn", "missing", "unannounced"] as const;

/**
 * A published version's content (see writeSnapshot in minutes/view.ts) without the person. The
 * structure says where names are, so those are replaced exactly: an attendance name equal to
 * theirs, an action item they owned by @username (its owner becomes "(silinmiş kişi)"). Only
 * entry texts, which people typed, are searched.
 */
export function scrubMinutesContent(content: unknown, traces: Traces, replacement: string = ERASED_PERSON): unknown {
  if (!isObject(content)) return content;
  const usernames = new Set(traces.usernames.map((u) => u.replace(/^@/, "").toLowerCase()));
  const owned = (item: JsonObject) => typeof item.ownerUsername === "string" && usernames.has(item.ownerUsername.toLowerCase());
  const names = new Set(traces.names.map((n) => n.normalize("NFC").trim()));
  const theirs = (name: unknown) => typeof name === "string" && names.has(name.normalize("NFC").trim());
  const copy = scrubTexts(content, traceScrubber(traces, replacement), (item, kind) => {
    if (!owned(item)) return item;
    // Entries carry their owning organisation as { shortName }, carried-over items as a plain name.
    return { ...item, ownerUsername: null, ownerOrganisation: kind === "entry" ? { shortName: replacement } : replacement };
  });
  if (Array.isArray(content.attendance)) {
    copy.attendance = content.attendance.map((g: unknown) => {
      if (!isObject(g)) return g;
      const group = { ...g };
      for (const list of NAME_LISTS) if (Array.isArray(g[list])) group[list] = g[list].map((name: unknown) => (theirs(name) ? replacement : name));
      return group;
    });
  }
  return copy;
}

/** The content with every entry's and carried-over item's text passed through `scrub` (and each item through `item`). */
function scrubTexts(content: JsonObject, scrub: (text: string) => string, item: (value: JsonObject, kind: "entry" | "carried") => JsonObject = (value) => value): JsonObject {
  const copy: JsonObject = { ...content };
  const texted = (value: unknown, kind: "entry" | "carried") => {
    if (!isObject(value)) return value;
    const changed = item(value, kind);
    return typeof changed.text === "string" ? { ...changed, text: scrub(changed.text) } : changed;
  };
  if (Array.isArray(content.entries)) copy.entries = content.entries.map((e: unknown) => texted(e, "entry"));
  if (Array.isArray(content.carriedOver)) copy.carriedOver = content.carriedOver.map((i: unknown) => texted(i, "carried"));
  return copy;
}

/**
 * An attendance group without names; those who came are still counted, as `anonymous` (see
 * cameCount). "missing" and "unannounced" are names only, never counted.
 */
function withoutNames(group: JsonObject): JsonObject {
  const came = Array.isArray(group.checkedIn) ? group.checkedIn.length : 0;
  const copy: JsonObject = { ...group, checkedIn: [], missing: [], unannounced: [] };
  if (came > 0) copy.anonymous = (typeof group.anonymous === "number" ? group.anonymous : 0) + came;
  return copy;
}

/** The names an attendance record carries (who came, who said yes and did not come, who came unannounced). */
export function attendanceNames(content: unknown): string[] {
  if (!isObject(content) || !Array.isArray(content.attendance)) return [];
  const names = content.attendance.filter(isObject).flatMap((g) => NAME_LISTS.flatMap((list) => (Array.isArray(g[list]) ? g[list] : [])));
  return [...new Set(names.filter((n): n is string => typeof n === "string" && n.trim() !== ""))];
}

/**
 * A version past the retention period: no attendee is named any more, neither in the attendance
 * (the counts per organisation stay) nor anywhere in its texts, where RETIRED_NAME takes their
 * place. `checkedIn`: who the database says came, for versions stored without their attendance.
 */
export function retireAttendance(markdown: string, content: unknown, checkedIn: readonly string[] = []): { markdown: string; content: unknown } {
  const names = [...new Set([...attendanceNames(content), ...checkedIn])];
  if (names.length === 0) return { markdown, content };
  const scrub = traceScrubber({ names, usernames: [] }, RETIRED_NAME);
  if (!isObject(content)) return { markdown: scrub(markdown), content };
  const copy = scrubTexts(content, scrub);
  if (!Array.isArray(content.attendance)) return { markdown: scrub(markdown), content: copy };
  copy.attendance = (content.attendance as unknown[]).map((g: unknown) => (isObject(g) ? withoutNames(g) : g));
  return { markdown: scrub(markdown), content: copy };
}
