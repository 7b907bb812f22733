import type { RsvpStatus } from "../rsvp-reply.ts";

const EMOJI_STATUS: Record<string, RsvpStatus> = {
  "👍": "yes", "✅": "yes", "✔": "yes", "✓": "yes", "☑": "yes", "👌": "yes", "🆗": "yes", "🙋": "yes",
  "👎": "no", "❌": "no", "✖": "no", "🚫": "no", "⛔": "no", "❎": "no",
  "🤔": "maybe", "🤷": "maybe",
};
const EMOJI = /[\p{Extended_Pictographic}✓✔✖☑]\p{M}*[\u{1F3FB}-\u{1F3FF}]?\uFE0F?(?:\u200D[\p{Extended_Pictographic}♀♂]\uFE0F?)*/gu;

/** The statuses the emoji of a text stand for, and the text without them. */
export function readEmoji(text: string): { statuses: RsvpStatus[]; rest: string } {
  const statuses: RsvpStatus[] = [];
  const rest = text.replace(EMOJI, (emoji) => {
    const status = EMOJI_STATUS[[...emoji][0]!];
    if (status) statuses.push(status);
    return " ";
  });
  return { statuses, rest };
}
