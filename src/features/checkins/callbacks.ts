/** What an owner answers at a check-in. */
export type CheckInAnswer = "done" | "in_progress" | "blocked";

export type CheckInButton = { entryId: number; answer: CheckInAnswer };

const CODE: Record<CheckInAnswer, string> = { done: "d", in_progress: "p", blocked: "b" };
const ANSWER: Readonly<Record<string, CheckInAnswer>> = { d: "done", p: "in_progress", b: "blocked" };
const BUTTON = /^tck:(\d{1,9}):([dpb])$/;

/**
 * The check-in buttons: `tck:<task id>:<d|p|b>`. Nothing names the person: a press counts only
 * for someone who owns the task (or belongs to the owning organisation) when it arrives.
 */
export const checkInData = {
  pattern: /^tck:/,
  build: (button: CheckInButton): string => `tck:${button.entryId}:${CODE[button.answer]}`,
  /** Anything not shaped exactly like our own buttons is refused. */
  read: (data: string): CheckInButton | undefined => {
    const match = BUTTON.exec(data);
    return match ? { entryId: Number(match[1]), answer: ANSWER[match[2]!]! } : undefined;
  },
};
