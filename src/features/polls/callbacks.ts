import type { PollAnswer } from "../../domain/date-poll.ts";

/** A vote button: `poll:<poll id>:<candidate position>:<y|m|n>`, at most 19 bytes (Telegram allows 64). */
export interface VoteButton {
  pollId: number;
  position: number;
  answer: PollAnswer;
}

const CODE: Record<PollAnswer, string> = { yes: "y", maybe: "m", no: "n" };
const ANSWER: Readonly<Record<string, PollAnswer>> = { y: "yes", m: "maybe", n: "no" };
const VOTE = /^poll:(\d{1,9}):([1-9]):([ymn])$/;

export const voteData = {
  pattern: /^poll:/,
  build: (button: VoteButton): string => `poll:${button.pollId}:${button.position}:${CODE[button.answer]}`,
  /** Anything not shaped exactly like our own buttons is refused. */
  read: (data: string): VoteButton | undefined => {
    const match = VOTE.exec(data);
    if (!match) return undefined;
    return { pollId: Number(match[1]), position: Number(match[2]), answer: ANSWER[match[3]!]! };
  },
};
