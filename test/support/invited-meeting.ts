import type { Scenario } from "./scenario.ts";

/**
 * A network of the scenario whose meeting 25 (17 March 2027, 10:00) is invited: the card is in
 * the group and the organiser and the member have started the bot.
 */
export async function invitedMeeting(scenario: Scenario, name: string) {
  const fixture = await scenario.network(name);
  const { admin, member, group } = fixture;
  await scenario.say(admin, group, "/network_set next_number 25");
  await scenario.say(member, "private", "/start");
  await scenario.say(admin, "private", "/start");
  await scenario.say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 | Gündem");
  const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
  await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("25. toplantının davet kartı")));
  await scenario.settle();
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
  return { ...fixture, meeting };
}
