import { createHash } from "node:crypto";
import { outsideQuietHours } from "./reminders.ts";
import { hostContacts } from "./rotation.ts";

/**
 * Confidential venues: one rule for who may read a meeting's venue and address. Some meetings
 * are held where the address must not circulate (a counselling centre, a shelter's meeting
 * room); the group, the cards and every calendar not made for an entitled person show only the
 * district.
 */

/** `/network_set venue_reveal_hours`: from an hour to two weeks before the start. */
export const REVEAL_HOURS = { min: 1, max: 336, default: 48 } as const;
/** A district is a place name ("Buca", "Karşıyaka"), not an address. */
export const DISTRICT_MAX = 60;

/** What the rule needs of a meeting. */
export interface PlaceFacts {
  venuePrivate: boolean;
  startsAt: Date;
}

/** What the rule needs of the network: when confirmed members are told, quiet hours included. */
export interface RevealPolicy {
  venueRevealHours: number;
  timeZone: string;
  quietFrom: number;
  quietUntil: number;
}

export interface ReaderAnswer {
  status: "yes" | "maybe" | "no";
  waitlisted: boolean;
}

/**
 * A person reading the place privately. Groups, cards and public feeds are not readers here:
 * they never see a confidential place, and the views hide it unless told this person may read it.
 */
export interface PlaceReader {
  organiser: boolean;
  hostContact: boolean;
  answer: ReaderAnswer | null;
}

/** A "yes" that holds a place: not maybe, not waiting for one. */
export function confirmed(answer: ReaderAnswer | null | undefined): boolean {
  return answer?.status === "yes" && !answer.waitlisted;
}

/**
 * When confirmed members are told the place: venueRevealHours before the start, moved out of
 * quiet hours exactly as the planner moves the reveal message (src/domain/reminders.ts), so a
 * member's calendar and the message agree.
 */
export function revealTime(startsAt: Date, policy: RevealPolicy): Date {
  const at = new Date(startsAt.getTime() - policy.venueRevealHours * 3_600_000);
  return outsideQuietHours(at, startsAt, policy.timeZone, policy) ?? at;
}

/** Whether this reader may read the venue and address now. A meeting that is not confidential has no secret. */
export function seesPlace(meeting: PlaceFacts, reader: PlaceReader, policy: RevealPolicy, now: Date): boolean {
  if (!meeting.venuePrivate) return true;
  if (reader.organiser || reader.hostContact) return true;
  return confirmed(reader.answer) && now >= revealTime(meeting.startsAt, policy);
}

/** Whether a member speaks for the host organisation (its marked contacts, else all its members: see hostContacts). */
export function isHostContact<Member extends { id: number; isHostContact: boolean }>(memberId: number, hostMembers: readonly Member[]): boolean {
  return hostContacts(hostMembers).some((m) => m.id === memberId);
}

/** Names the place told (venue and address): a changed place has another digest, and is told again. */
export function placeDigest(meeting: { venueName: string | null; venueAddress: string | null }): string {
  return createHash("sha256").update(JSON.stringify([meeting.venueName ?? "", meeting.venueAddress ?? ""])).digest("base64url").slice(0, 22);
}

// Not "açık" / "kapalı": for a confidential venue "open" could mean either.
const ON = new Set(["evet", "yes", "on"]);
const OFF = new Set(["hayır", "hayir", "no", "off"]);

/** "evet" / "hayır" (yes / no): undefined for anything else. */
export function readSwitch(text: string): boolean | undefined {
  const word = text.normalize("NFC").trim().toLocaleLowerCase("tr-TR");
  if (ON.has(word)) return true;
  if (OFF.has(word)) return false;
  return undefined;
}

/** Hours of `/network_set venue_reveal_hours`, or undefined outside REVEAL_HOURS. */
export function readRevealHours(text: string): number | undefined {
  const value = text.trim();
  if (!/^\d{1,4}$/.test(value)) return undefined;
  const hours = Number(value);
  return hours >= REVEAL_HOURS.min && hours <= REVEAL_HOURS.max ? hours : undefined;
}
