/**
 * The buttons of the /cancel confirmation: `mcx:<y|n>:<meeting id>:<calendar SEQUENCE>`. The
 * sequence when the question was asked makes a press after the meeting changed stale. The reason
 * is not in the data (64 bytes): it is read again from the /cancel message the question replies to.
 */
export interface CancelButton {
  confirm: boolean;
  meetingId: number;
  sequence: number;
}

export const CANCEL_DATA = /^mcx:([yn]):(\d{1,9}):(\d{1,6})$/;

export function cancelData(button: CancelButton): string {
  return `mcx:${button.confirm ? "y" : "n"}:${button.meetingId}:${button.sequence}`;
}

/** Anything not shaped exactly like our own buttons is refused. */
export function readCancel(data: string | undefined): CancelButton | undefined {
  const match = data === undefined ? null : CANCEL_DATA.exec(data);
  if (!match) return undefined;
  return { confirm: match[1] === "y", meetingId: Number(match[2]), sequence: Number(match[3]) };
}

/** `/cancel <number> [reason]`, the arguments of the command. */
export const CANCEL_ARGUMENTS = /^(\d{1,6})(?:\s+([\s\S]+))?$/;

/** The number and reason of a whole /cancel message (as the confirmation's reply_to_message holds it), if it is one. */
export function readCancelCommand(text: string | undefined): { number: number; reason: string } | undefined {
  const args = text === undefined ? null : /^\/cancel(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  const match = args ? CANCEL_ARGUMENTS.exec((args[1] ?? "").trim()) : null;
  return match ? { number: Number(match[1]), reason: match[2] ?? "" } : undefined;
}
