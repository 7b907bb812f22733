import { describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import { invitedMeeting as invitedMeetingOf } from "../support/invited-meeting.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00.
const { scenario, moveClockTo } = useJobsByHand("2026-11-24T09:00:00Z");

const isCard = (m: StoredMessage) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith("rsvp:")) === true;

async function invitedMeeting(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await invitedMeetingOf(scenario, name);
  const card = scenario.emulator.botMessagesIn(fixture.group.id).find(isCard)!;
  const answerOf = async () => (await scenario.db.prisma.rsvp.findFirst({ where: { meetingId: fixture.meeting.id, member: { userId: BigInt(fixture.member.id) } } }))?.status;
  return { ...fixture, card, answerOf };
}

describe("a connection to Telegram dropped while answering a person", () => {
  it("a press whose toast was lost on the way is toasted on the next try: saved, not 'something went wrong'", async () => {
    const { member, group, card, answerOf } = await invitedMeeting("Kopan Bağlantı Ağı");
    const yes = card.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.endsWith(":y"))!.callback_data!;
    scenario.emulator.faults.dropNext("answerCallbackQuery", "drop-before");
    const answer = await scenario.emulator.pressButton(member, group.id, card.message_id, yes);
    expect(answer.text).toMatch(/^Kaydedildi: /);
    expect(await answerOf()).toBe("yes");
    expect(scenario.emulator.faults.counts()).toEqual({ "botCalls drop-before": 1 });
  });

  it("a reaction Telegram set but whose answer was lost is set again, and the person is not told it failed", async () => {
    const { member, group, card, answerOf } = await invitedMeeting("Kayıp Yanıt Ağı");
    scenario.emulator.faults.dropNext("setMessageReaction", "drop-after");
    const before = scenario.emulator.botMessagesIn(group.id).length;
    const { message } = scenario.emulator.sendText(member, group, "gelemiyorum", { replyTo: card.message_id });
    await scenario.emulator.waitFor(() => message.reactions.length > 0 || undefined, 5_000, "the reaction");
    await scenario.settle();
    expect(await answerOf()).toBe("no");
    expect(scenario.emulator.botMessagesIn(group.id).slice(before).map((m) => m.text)).toEqual([]);
  });
});
