import type { SupportNeedKind } from "../../domain/support-needs.ts";

/**
 * The support needs toggles: `need:<meeting id>:<code>`, one code per need and `0` for "remove
 * them all". Nothing names the person: a press changes only the presser's own needs.
 */
export type NeedsButton = { meetingId: number; action: SupportNeedKind | "clear" };

const CODE: Record<NeedsButton["action"], string> = {
  childcare: "c",
  transport: "t",
  interpretation_tid: "s",
  interpretation_kurdish: "k",
  interpretation_arabic: "a",
  interpretation_other: "o",
  accessibility: "x",
  diet: "d",
  clear: "0",
};
const ACTION = Object.fromEntries(Object.entries(CODE).map(([action, code]) => [code, action])) as Readonly<Record<string, NeedsButton["action"]>>;
const NEEDS = /^need:(\d{1,9}):([ctskaoxd0])$/;

export const needsData = {
  pattern: /^need:/,
  build: (button: NeedsButton): string => `need:${button.meetingId}:${CODE[button.action]}`,
  /** Anything not shaped exactly like our own buttons is refused. */
  read: (data: string): NeedsButton | undefined => {
    const match = NEEDS.exec(data);
    return match ? { meetingId: Number(match[1]), action: ACTION[match[2]!]! } : undefined;
  },
};
