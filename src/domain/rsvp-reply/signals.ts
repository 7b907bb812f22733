import type { RsvpStatus } from "../rsvp-reply.ts";

export type Strength = "strong" | "weak";
export type Speaker = "self" | "group" | "other";
export interface Signal {
  status: RsvpStatus;
  strength: Strength;
  speaker: Speaker;
}

/**
 * The sender's answer from all signals. Strong words decide; weak ones ("tamam", "maalesef", 👍,
 * a bare count) only when nothing strong is said. Somebody else's words never answer for the sender.
 */
export function decide(signals: Signal[], noted: boolean): RsvpStatus | undefined {
  const own = signals.filter((s) => s.speaker !== "other");
  const strong = new Set(own.filter((s) => s.strength === "strong").map((s) => s.status));
  const weak = new Set(own.filter((s) => s.strength === "weak").map((s) => s.status));
  if (strong.size === 0) {
    // "Evet, Ayşe Hanım gelecek": whose yes is it? Not clear enough.
    if (noted || signals.some((s) => s.speaker === "other")) return undefined;
    return weak.size === 1 ? [...weak][0] : undefined;
  }
  if (strong.has("yes") && strong.has("no")) return undefined;
  // "Geleceğim ama emin değilim", "belki gelemem": any doubt makes it a maybe.
  if (strong.has("maybe")) return "maybe";
  if (strong.has("no")) return "no";
  // A regret word next to a yes ("maalesef katılacağız") is not clear; a doubt makes it a maybe.
  if (weak.has("no")) return undefined;
  if (weak.has("maybe")) return "maybe";
  return "yes";
}
