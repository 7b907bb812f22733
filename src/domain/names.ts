/**
 * Names typed by people: compared case-insensitively with Turkish casing (İ↔i, I↔ı), after
 * Unicode normalisation and with runs of spaces folded, so "BUCA KDM" finds "Buca KDM" and
 * "IŞIK" finds "ışık" but not "isik".
 */
export function nameKey(name: string): string {
  return normaliseName(name).toLocaleLowerCase("tr-TR");
}

/** What is stored and shown: the name as typed, trimmed, NFC, single spaces. */
export function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim();
}

export type NameProblem = { kind: "empty" } | { kind: "too-long"; max: number; length: number };

/** Length in user-perceived characters, so an emoji or an accented letter counts once. */
export function visibleLength(text: string): number {
  return [...new Intl.Segmenter("tr", { granularity: "grapheme" }).segment(text)].length;
}

export function checkName(name: string, max: number): NameProblem | undefined {
  const normal = normaliseName(name);
  if (normal.length === 0) return { kind: "empty" };
  const length = visibleLength(normal);
  if (length > max) return { kind: "too-long", max, length };
  return undefined;
}

export const NAME_LIMITS = { network: 120, organisation: 150, shortName: 30, venue: 200, notes: 500 } as const;

/** A person as others see them: first and last name as Telegram has them. */
export function displayName(user: { firstName: string; lastName: string | null }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(" ");
}
