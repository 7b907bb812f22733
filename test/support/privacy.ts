import { afterEach } from "vitest";
import { describeViolations, type TelegramEmulator } from "../../emulator/index.ts";

/**
 * Throws when the bot named a test person in a group since the last check, then forgets the
 * findings and the test's declared exceptions, so each test answers for its own messages.
 */
export function checkPrivacy(emulator: TelegramEmulator | undefined): void {
  if (!emulator) return;
  const found = [...emulator.privacy.violations];
  emulator.privacy.reset();
  if (found.length > 0) throw new Error(describeViolations(found));
}

/** Every test of the file fails if a group message named a test person (the emulator's privacy guard). */
export function enforcePrivacy(emulator: () => TelegramEmulator | undefined): void {
  afterEach(() => checkPrivacy(emulator()));
}

/**
 * From now on, a group message carrying this venue's name or address fails the test (the guard
 * reads texts, captions, buttons, document names and text documents): a confidential meeting's
 * place is told privately or not at all.
 */
export function guardPlace(emulator: TelegramEmulator, place: { venueName?: string | null; venueAddress?: string | null }, why = "a confidential meeting's place"): void {
  for (const words of [place.venueName, place.venueAddress]) if (words) emulator.privacy.guardConfidential(words, why);
}
