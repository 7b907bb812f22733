import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Someone in several networks chooses one in private for half an hour. Work that carries its own
// network (a guided dialogue, minutes written by DM, a button naming a meeting) keeps that
// network when the choice lapses or changes, and is refused where the person may not act.

// Tuesday 24 November 2026 in İzmir; the meetings 25 are on Wednesday 17 March 2027, 10:00–15:00.
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say, countRows } = scenario;

const ASK = "Birden fazla ağın üyesisiniz. Bu komutu hangi ağ için kullanmak istiyorsunuz?";
const ORGANISERS_ONLY = "Bu komutu yalnızca ağın koordinatörleri kullanabilir.";
const WRITERS_ONLY = "Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.";

/** Organiser of "Birinci Ağ" and "İkinci Ağ", member of "Üçüncü Ağ". */
let person: EmulatedUser;
let first: { group: EmulatedChat; code: string };
let third: { admin: EmulatedUser; member: EmulatedUser; group: EmulatedChat; code: string };
/** The person's message in the third network's group, for commands that answer a person's message. */
let personInThird = 0;

const halfAnHourLater = () => {
  now = new Date(now.getTime() + 31 * 60_000);
};
const networkId = async (name: string) => (await scenario.db.prisma.network.findFirstOrThrow({ where: { name } })).id;
const meetingsOf = (name: string) => scenario.db.prisma.meeting.findMany({ where: { network: { name } }, orderBy: { number: "asc" } });
const entriesOf = (name: string, number: number) =>
  scenario.db.prisma.minutesEntry.findMany({ where: { deletedAt: null, minutes: { meeting: { number, network: { name } } } }, orderBy: { number: "asc" } });
const dmsAfter = (messageId: number) => scenario.emulator.botMessagesIn(person.id).filter((m) => m.message_id > messageId);

/** Lets the private choice lapse, then runs `command` for `network` through the "which network?" buttons; returns what followed. */
async function runFor(network: string, command: string) {
  halfAnHourLater();
  expect(await say(person, "private", command)).toBe(ASK);
  const picker = scenario.emulator.botMessagesIn(person.id).at(-1)!;
  await scenario.emulator.pressButton(person, person.id, picker.message_id, `pick:${await networkId(network)}`);
  await scenario.emulator.waitFor(() => dmsAfter(picker.message_id).length > 0);
  await scenario.running.ortak.inFlight.drain();
  return dmsAfter(picker.message_id);
}

/** A message of `user` in `chat` the bot has handled (a command, so the bot sees it). */
async function messageIn(user: EmulatedUser, chat: EmulatedChat): Promise<number> {
  const { message } = scenario.emulator.sendText(user, chat, "/whoami");
  await scenario.emulator.nextBotMessage(chat.id, message.message_id);
  await scenario.running.ortak.inFlight.drain();
  return message.message_id;
}

describe("work in private that carries its own network", () => {
  it("sets up a person who organises two networks and is a member of a third", async () => {
    const one = await scenario.network("Birinci Ağ");
    person = one.admin;
    first = one;
    const second = scenario.emulator.createGroup({ title: "İkinci Ağ", members: [{ user: person, status: "creator" }] });
    await say(person, second, "/setup İkinci Ağ");
    third = await scenario.network("Üçüncü Ağ");
    scenario.emulator.setMember(third.group, person, "member");
    personInThird = await messageIn(person, third.group);
    await say(person, first.group, "/network_set next_number 25");
    await say(third.admin, third.group, "/network_set next_number 25");
    await say(third.admin, third.group, "/meeting_new 17 Mart 2027 10:00 | Üçüncü Salon | Gündem");
    await say(third.admin, third.group, "/invite 25");
    await scenario.settle();
    expect(await say(person, "private", "/start")).toBeTruthy();
  });

  it("the guided /meeting_new completes after the choice of network has lapsed", async () => {
    const [question] = await runFor("Birinci Ağ", "/meeting_new");
    expect(question!.text).toContain("17.03.2027");
    halfAnHourLater();
    expect(await say(person, "private", "17.03.2027")).not.toBe(ASK);
    expect(await say(person, "private", "10:00")).not.toBe(ASK);
    expect(await say(person, "private", "Birinci Salon")).not.toBe(ASK);
    expect(await say(person, "private", "Açılış; Değerlendirme")).toContain("25. toplantı");
    const [meeting] = await meetingsOf("Birinci Ağ");
    expect(meeting).toMatchObject({ number: 25, venueName: "Birinci Salon", agenda: ["Açılış", "Değerlendirme"] });
    expect(meeting!.startsAt.toISOString()).toBe("2027-03-17T07:00:00.000Z");
    expect(await meetingsOf("İkinci Ağ")).toEqual([]);
  });

  it("a dialogue keeps the network it was started for, even when the choice now names one the person only belongs to", async () => {
    await runFor("Birinci Ağ", "/meeting_new");
    // Switching to the third network, where the person is a member, on the /network buttons.
    await say(person, "private", "/network");
    const list = scenario.emulator.botMessagesIn(person.id).at(-1)!;
    await scenario.emulator.pressButton(person, person.id, list.message_id, `pick:${await networkId("Üçüncü Ağ")}`);
    await scenario.running.ortak.inFlight.drain();
    expect(await say(person, "private", "/whoami")).toContain("Üçüncü Ağ");
    expect(await say(person, "private", "/meeting_new")).toBe(ORGANISERS_ONLY);

    const before = await meetingsOf("Üçüncü Ağ");
    await say(person, "private", "21.04.2027");
    await say(person, "private", "10:00");
    await say(person, "private", "Birinci Ev");
    expect(await say(person, "private", "Tutanak onayı")).toContain("26. toplantı");
    expect((await meetingsOf("Birinci Ağ")).map((m) => m.number)).toEqual([25, 26]);
    expect(await meetingsOf("Üçüncü Ağ")).toEqual(before);
  });

  it("the invitation's repost button works after the choice has lapsed", async () => {
    const sent = await runFor("Birinci Ağ", "/invite 25");
    expect(sent.some((m) => m.text?.startsWith("25. toplantının davet kartı 1 sohbete gönderiliyor"))).toBe(true);
    await scenario.settle();
    await say(person, "private", "/invite 25");
    const offer = scenario.emulator.botMessagesIn(person.id).at(-1)!;
    const repost = offer.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    const meeting = (await meetingsOf("Birinci Ağ"))[0]!;
    expect(repost).toBe(`repost:${meeting.id}`);

    halfAnHourLater();
    const cardsBefore = await scenario.db.prisma.postedCard.count({ where: { meetingId: meeting.id, kind: "group" } });
    expect((await scenario.emulator.pressButton(person, person.id, offer.message_id, repost)).show_alert).toBe(false);
    const answer = await scenario.emulator.waitFor(() => dmsAfter(offer.message_id).find((m) => m.text?.startsWith("25. toplantının davet kartı 1 sohbete yeniden gönderiliyor")));
    expect(answer).toBeTruthy();
    await scenario.settle();
    expect(await scenario.db.prisma.postedCard.count({ where: { meetingId: meeting.id, kind: "group" } })).toBe(cardsBefore + 1);
    expect(await scenario.db.prisma.auditEntry.count({ where: { networkId: meeting.networkId, action: "meeting.repost" } })).toBe(1);
  });

  it("a repost button of a network where the person is no longer an organiser changes nothing, whatever network is chosen", async () => {
    await say(third.admin, third.group, `/organiser_add @${person.username}`);
    await runFor("Üçüncü Ağ", "/invite 25");
    const offer = scenario.emulator.botMessagesIn(person.id).at(-1)!;
    const repost = offer.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect(repost).toMatch(/^repost:/);
    await say(third.admin, third.group, `/organiser_remove @${person.username}`);

    const before = await countRows();
    const groupMessages = scenario.emulator.botMessagesIn(third.group.id).length;
    expect(await scenario.emulator.pressButton(person, person.id, offer.message_id, repost)).toEqual({ text: ORGANISERS_ONLY, show_alert: true });
    // With the network they organise chosen, the button still names the third network's meeting.
    await runFor("Birinci Ağ", "/whoami");
    expect(await scenario.emulator.pressButton(person, person.id, offer.message_id, repost)).toEqual({ text: ORGANISERS_ONLY, show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await countRows()).toEqual(before);
    expect(scenario.emulator.botMessagesIn(third.group.id).length).toBe(groupMessages);
  });

  it("minutes written by DM and kept as a note are stored after the choice has lapsed", async () => {
    now = new Date("2027-03-17T07:00:01Z");
    const [card] = await runFor("Birinci Ağ", "/minutes 25");
    expect(card!.text).toContain("25. toplantının tutanağı");
    halfAnHourLater();
    expect(await say(person, "private", "Açılış yapıldı.")).toBe("✍️ 1 numaralı kayıt eklendi.");
    await say(person, "private", "eylem: Rapor hazırlanacak");
    const hint = scenario.emulator.botMessagesIn(person.id).at(-1)!;
    const keep = hint.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect(keep).toMatch(/^mkeep:/);

    halfAnHourLater();
    await scenario.emulator.pressButton(person, person.id, hint.message_id, keep);
    await scenario.running.ortak.inFlight.drain();
    expect(scenario.emulator.botMessagesIn(person.id).find((m) => m.message_id === hint.message_id)!.text).toBe("✍️ 2 numaralı kayıt eklendi.");
    expect((await entriesOf("Birinci Ağ", 25)).map((e) => [e.kind, e.text])).toEqual([
      ["note", "Açılış yapıldı."],
      ["note", "eylem: Rapor hazırlanacak"],
    ]);
    expect(await say(person, "private", "Kapanış yapıldı.")).toBe("✍️ 3 numaralı kayıt eklendi.");
  });

  it("a former minute-taker of another network's meeting writes nothing there, nor into the chosen network's meeting of the same number", async () => {
    await say(third.admin, third.group, "/minutes_taker 25", { replyTo: personInThird });
    await runFor("Üçüncü Ağ", "/minutes 25");
    await say(person, "private", "eylem: Eksik madde");
    const hint = scenario.emulator.botMessagesIn(person.id).at(-1)!;
    const keep = hint.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    // Another minute-taker is named; the person now chooses the network they organise, which has a meeting 25 too.
    await say(third.admin, third.group, "/minutes_taker 25", { replyTo: await messageIn(third.member, third.group) });
    await runFor("Birinci Ağ", "/whoami");

    const before = await countRows();
    const firstEntries = await entriesOf("Birinci Ağ", 25);
    expect(await scenario.emulator.pressButton(person, person.id, hint.message_id, keep)).toEqual({ text: WRITERS_ONLY, show_alert: true });
    expect(await say(person, "private", "Bu not hiçbir tutanağa yazılmamalı.")).toBe(WRITERS_ONLY);
    // The writing is over: later text is not taken as an entry either.
    expect(await say(person, "private", "Bir not daha.")).not.toMatch(/kayıt eklendi/);
    expect(await countRows()).toEqual(before);
    expect(await entriesOf("Üçüncü Ağ", 25)).toEqual([]);
    expect(await entriesOf("Birinci Ağ", 25)).toEqual(firstEntries);
  });
});
