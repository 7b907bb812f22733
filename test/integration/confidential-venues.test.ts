import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { CalendarFeeds } from "../../src/features/calendar/feed.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import { guardPlace } from "../support/privacy.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00 (07:00 UTC).
const START = "2026-11-24T09:00:00Z";
const { scenario, moveClockTo, runDueJobs } = useJobsByHand(START);
const { say } = scenario;

const VENUE = "Umut Evi Toplantı Salonu";
const ADDRESS = "Gizemli Sokak No 7, Buca";
const NEW_ADDRESS = "Saklı Bahçe Sokak No 12, Buca";
const SENTENCE = "Adres, katılımı onaylananlara özel mesajla bildirilecek";

let now = new Date(START);
function clockAt(iso: string): void {
  now = new Date(iso);
  moveClockTo(iso);
}
/** A few seconds later, and whatever fell due (paced card edits) delivered. */
async function later(seconds = 5): Promise<void> {
  clockAt(new Date(now.getTime() + seconds * 1000).toISOString());
  await runDueJobs();
}

const textOf = (m: StoredMessage) => m.text ?? m.caption ?? "";
const dms = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id);
const reveals = (user: EmulatedUser) => dms(user).filter((m) => textOf(m).startsWith("🔒 25. toplantının yeri"));
const undeliveredNotices = (user: EmulatedUser) => dms(user).filter((m) => textOf(m).startsWith("⚠️ 25. toplantının gizli adresi"));
const lastDm = (user: EmulatedUser) => dms(user).at(-1)!;
const fileText = (m: StoredMessage) => scenario.emulator.file(m.document!.file_id)!.toString("utf8").replace(/\r\n[ \t]/g, "");

/** Someone of the network's group who has written there (a member) and, unless told otherwise, started the bot. */
async function person(group: EmulatedChat, firstName: string, options: { start?: boolean } = {}): Promise<EmulatedUser> {
  const user = scenario.emulator.createUser({ first_name: firstName, username: `${firstName.toLowerCase()}_${scenario.emulator.users.size}`, language_code: "tr" });
  scenario.emulator.setMember(group, user, "member");
  await say(user, group, "/whoami");
  if (options.start !== false) await say(user, "private", "/start");
  return user;
}

async function feeds() {
  const { services } = scenario.running;
  return new CalendarFeeds({ calendar: services.calendar, translator: await Translator.load(), withholder: services.withholder, clock: () => now });
}
async function personalFeed(user: EmulatedUser): Promise<string> {
  const token = await scenario.running.services.calendar.resetFeed(BigInt(user.id));
  return (await (await feeds()).personal(token))!.body.replace(/\r\n[ \t]/g, "");
}

describe("a confidential venue, through a whole meeting", () => {
  let admin: EmulatedUser, ayse: EmulatedUser, group: EmulatedChat;
  let elif: EmulatedUser, gul: EmulatedUser, ipek: EmulatedUser, kader: EmulatedUser, leyla: EmulatedUser, hakan: EmulatedUser, mert: EmulatedUser;
  const meeting = () => scenario.db.prisma.meeting.findFirstOrThrow({ where: { number: 25, network: { name: "Gizli Yer Ağı" } } });

  it("the card goes out with the place; made confidential afterwards, every posted card is edited to the district", async () => {
    ({ admin, member: ayse, group } = await scenario.network("Gizli Yer Ağı"));
    await say(admin, group, "/network_set next_number 25");
    await say(admin, "private", "/start");
    await say(ayse, "private", "/start");
    await say(admin, "private", `/meeting_new 17 Mart 2027 10:00 | ${VENUE} | Açılış; Değerlendirme`);
    await say(admin, "private", `/meeting_edit 25 address ${ADDRESS}`);
    await say(admin, group, "/invite 25");
    await runDueJobs();
    const cards = await scenario.db.prisma.postedCard.findMany({ where: { meetingId: (await meeting()).id }, orderBy: { id: "asc" } });
    expect(cards.map((c) => c.kind).sort()).toEqual(["direct", "direct", "group"]);
    const groupCard = () => scenario.emulator.messagesIn(group.id).find((m) => m.message_id === cards.find((c) => c.kind === "group")!.messageId)!;
    expect(textOf(groupCard())).toContain(VENUE);
    expect(textOf(groupCard())).toContain(ADDRESS);

    const answer = await say(admin, group, "/meeting_edit 25 venue_private evet");
    expect(answer).toContain("25. toplantının yeri artık gizli");
    expect(answer).toContain("toplantıdan 48 saat önce (15 Mart 2027 Pazartesi, 10:00)");
    expect(answer).toContain("/meeting_edit 25 district Buca");
    expect(answer).not.toContain(VENUE);
    expect(await say(admin, group, "/meeting_edit 25 district Buca")).not.toContain(VENUE);
    await later(10);
    // From here on, any group message, caption, button, document name or text document carrying the place fails the test.
    guardPlace(scenario.emulator, { venueName: VENUE, venueAddress: ADDRESS });
    // (The guard does see it: the card's first version, sent while the place was public, would fail it.)
    scenario.emulator.privacy.inspect(scenario.emulator.chats.get(group.id)!, "check", groupCard().versions[0]!.text);
    expect(scenario.emulator.privacy.violations.splice(0).map((v) => v.matched)).toEqual([VENUE, ADDRESS]);

    const m = await meeting();
    expect(m.venuePrivate).toBe(true);
    expect(m.district).toBe("Buca");
    for (const card of cards) {
      const shown = textOf(scenario.emulator.messagesIn(Number(card.telegramChatId)).find((x) => x.message_id === card.messageId)!);
      // Group and direct cards alike: one render serves many readers.
      expect(shown, card.kind).toContain("Yer: Buca");
      expect(shown, card.kind).toContain(SENTENCE);
      expect(shown, card.kind).not.toContain(VENUE);
      expect(shown, card.kind).not.toContain("Gizemli");
    }
    // Audited, and calendars take the change (SEQUENCE).
    expect(await scenario.db.prisma.auditEntry.count({ where: { action: "meeting.edit.venue_private" } })).toBe(1);
    expect(m.icsSequence).toBeGreaterThanOrEqual(2);
    // The reveals are planned: one per member, 48 hours before the start.
    const planned = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: m.id, kind: "venue-reveal" } });
    expect(planned.map((r) => r.notBefore.toISOString())).toEqual(planned.map(() => "2027-03-15T07:00:00.000Z"));
  });

  it("before the reveal time: organisers read the place privately (protected); members, groups and calendars read the district", async () => {
    elif = await person(group, "Elif");
    gul = await person(group, "Gülsüm");
    ipek = await person(group, "İpek");
    kader = await person(group, "Kader");
    leyla = await person(group, "Leyla");
    hakan = await person(group, "Hakan");
    mert = await person(group, "Mert", { start: false });
    await say(admin, "private", "/meeting_edit 25 capacity 3");
    await say(ayse, group, "/rsvp 25 evet");
    await say(ipek, group, "/rsvp 25 evet");
    await say(leyla, group, "/rsvp 25 evet");
    expect(await say(kader, group, "/rsvp 25 evet")).toContain("bekleme listesine");
    await say(elif, group, "/rsvp 25 belki");
    await say(gul, group, "/rsvp 25 evet");
    await say(gul, group, "/rsvp 25 hayır");

    const inGroup = await say(ayse, group, "/meeting 25");
    expect(inGroup).toContain("Yer: Buca");
    expect(inGroup).toContain(SENTENCE);
    await say(admin, group, "/meetings");
    // A member in private, before the reveal time: the district.
    const early = await say(ayse, "private", "/meeting 25");
    expect(early).toContain(SENTENCE);
    expect(early).not.toContain(VENUE);
    // An organiser in private: the place, protected.
    expect(await say(admin, "private", "/meeting 25")).toContain(ADDRESS);
    expect(lastDm(admin).has_protected_content).toBe(true);
    expect(await say(admin, "private", "/meetings")).toContain(VENUE);
    expect(lastDm(admin).has_protected_content).toBe(true);

    // The .ics file: in the group and to the member, the district; to the organiser, the place.
    await say(ayse, group, "/ics 25");
    const groupFile = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    expect(fileText(groupFile)).toContain("LOCATION:Buca\r\n");
    await say(ayse, "private", "/ics 25");
    expect(fileText(lastDm(ayse))).toContain("LOCATION:Buca\r\n");
    expect(fileText(lastDm(ayse))).toContain("Adres\\, katılımı onaylananlara özel mesajla bildirilecek.");
    expect(lastDm(ayse).has_protected_content).toBeUndefined();
    await say(admin, "private", "/ics 25");
    expect(fileText(lastDm(admin))).toContain(`LOCATION:${VENUE}\\, Gizemli Sokak No 7\\, Buca`);
    expect(lastDm(admin).has_protected_content).toBe(true);

    // The feeds: the confirmed member's not yet, the organiser's yes, the public one never.
    expect(await personalFeed(ayse)).not.toContain(VENUE);
    expect(await personalFeed(admin)).toContain(VENUE);
    await say(admin, group, "/network_set public_calendar evet");
    const token = (await scenario.db.prisma.network.findFirstOrThrow({ where: { name: "Gizli Yer Ağı" } })).publicCalendarToken!;
    const publicFeed = (await (await feeds()).network(token))!.body.replace(/\r\n[ \t]/g, "");
    expect(publicFeed).toContain("LOCATION:Buca\r\n");
    expect(publicFeed).not.toContain(VENUE);
  });

  it("reminders before the reveal time carry the district; the group's reminders never the place", async () => {
    clockAt("2027-03-10T07:00:01Z");
    await runDueJobs();
    const before = dms(ayse).find((m) => textOf(m).startsWith("⏰"))!;
    expect(textOf(before)).toContain(`Yer: Buca · ${SENTENCE}`);
    expect(before.has_protected_content).toBeUndefined();
    clockAt("2027-03-12T07:00:01Z");
    await runDueJobs();
    // The nudge to someone who never answered: the district.
    expect(dms(hakan).some((m) => textOf(m).includes("henüz yanıt vermediniz") && textOf(m).includes("Buca"))).toBe(true);
    expect(dms(hakan).some((m) => textOf(m).includes(VENUE))).toBe(false);
    // Leyla blocks the bot before the reveal.
    scenario.emulator.blockBot(leyla);
  });

  it("at the reveal time the confirmed members are told privately, protected; maybe, no, waitlisted and blocked get nothing", async () => {
    expect(reveals(ayse)).toHaveLength(0);
    clockAt("2027-03-15T07:00:01Z");
    await runDueJobs();
    expect(reveals(ayse)).toHaveLength(1);
    const reveal = reveals(ayse)[0]!;
    expect(textOf(reveal)).toBe(
      `🔒 25. toplantının yeri\nTarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nYer: ${VENUE}\nAdres: ${ADDRESS}\n\nKatılımınızı onayladığınız için bu bilgiyi yalnızca size gönderiyorum. Toplantı yeri gizlidir; lütfen adresi kimseyle paylaşmayın.`,
    );
    expect(reveal.has_protected_content).toBe(true);
    expect(reveals(ipek)).toHaveLength(1);
    for (const user of [elif, gul, kader, hakan, admin]) expect(reveals(user), user.first_name).toHaveLength(0);
    // The blocked member: recorded as undelivered, the organiser told once, by name.
    const m = await meeting();
    const leylaMember = await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(leyla.id) } });
    const record = await scenario.db.prisma.venueReveal.findUniqueOrThrow({ where: { meetingId_memberId: { meetingId: m.id, memberId: leylaMember.id } } });
    expect(record.undeliveredAt).not.toBeNull();
    expect(record.sentAt).toBeNull();
    expect(undeliveredNotices(admin)).toHaveLength(1);
    expect(textOf(undeliveredNotices(admin)[0]!)).toContain("Leyla");
    // Now the member reads the place in their calendar and in private.
    expect(await personalFeed(ayse)).toContain(`LOCATION:${VENUE}`);
    expect(await personalFeed(elif)).not.toContain(VENUE);
    expect(await say(ayse, "private", "/meeting 25")).toContain(VENUE);
    expect(lastDm(ayse).has_protected_content).toBe(true);
    expect(await say(elif, "private", "/meeting 25")).not.toContain(VENUE);
  });

  it("after the reveal time: a promotion from the waitlist and a late yes are told at once; a no gets nothing more; nobody twice", async () => {
    clockAt("2027-03-15T08:00:00Z");
    // İpek can no longer come: Kader gets her place, and the place with it.
    await say(ipek, group, "/rsvp 25 hayır");
    expect(reveals(kader)).toHaveLength(1);
    expect(reveals(kader)[0]!.has_protected_content).toBe(true);
    await say(admin, "private", "/meeting_edit 25 capacity yok");
    expect(reveals(hakan)).toHaveLength(0);
    await say(hakan, group, "/rsvp 25 evet");
    expect(reveals(hakan)).toHaveLength(1);
    // Mert never started the bot (already unreachable): undelivered, and the organiser told about him once.
    await say(mert, group, "/rsvp 25 evet");
    expect(undeliveredNotices(admin)).toHaveLength(2);
    await say(elif, group, "/rsvp 25 evet 2");
    expect(reveals(elif)).toHaveLength(1);
    await say(gul, group, "/rsvp 25 belki");
    await later(10);
    // Further answers tell nobody again.
    expect(undeliveredNotices(admin)).toHaveLength(2);
    for (const user of [ayse, kader, hakan, elif]) expect(reveals(user), user.first_name).toHaveLength(1);
    for (const user of [gul, ipek]) expect(reveals(user).length, user.first_name).toBeLessThanOrEqual(1);
    expect(reveals(gul)).toHaveLength(0);
  });

  it("the day before: the group's summary carries the district, a confirmed member's reminder the place (protected)", async () => {
    clockAt("2027-03-16T07:00:01Z");
    await runDueJobs();
    const reminder = dms(ayse).filter((m) => textOf(m).startsWith("⏰")).at(-1)!;
    expect(textOf(reminder)).toContain(`Yer: ${VENUE}`);
    expect(reminder.has_protected_content).toBe(true);
    expect(scenario.emulator.botMessagesIn(group.id).some((m) => textOf(m).includes("Yer: Buca"))).toBe(true);
  });

  it("a move is announced without the place; a changed address is told again to those who confirmed", async () => {
    clockAt("2027-03-16T08:00:00Z");
    await say(admin, group, "/reschedule 25 17 Mart 2027 11:00");
    expect(reveals(ayse)).toHaveLength(1);
    guardPlace(scenario.emulator, { venueAddress: NEW_ADDRESS });
    // Typed in the group, the answer does not repeat it, and asks to delete the message.
    const answer = await say(admin, group, `/meeting_edit 25 address ${NEW_ADDRESS}`);
    expect(answer).toContain("gizli (grupta gösterilmez)");
    expect(answer).toContain("mesajı silmenizi");
    for (const user of [ayse, kader, hakan, elif]) {
      expect(reveals(user), user.first_name).toHaveLength(2);
      expect(textOf(reveals(user)[1]!)).toContain(NEW_ADDRESS);
    }
    expect(reveals(gul)).toHaveLength(0);
    // İpek said no after she was told: the new address is not hers.
    expect(reveals(ipek)).toHaveLength(1);
    await later(10);
  });

  it("the check-in card and the minutes' group copy (messages, .md, .pdf) carry the district; the organisers' copy the place, protected", async () => {
    clockAt("2027-03-17T08:00:01Z");
    await runDueJobs();
    expect(scenario.emulator.botMessagesIn(group.id).some((m) => textOf(m).startsWith("📍 25. toplantı başlıyor") && textOf(m).includes("Buca"))).toBe(true);
    clockAt("2027-03-17T13:00:00Z");
    await say(admin, "private", "/minutes 25");
    await say(admin, "private", "Açılış yapıldı.");
    const lastInGroup = scenario.emulator.botMessagesIn(group.id).at(-1)!.message_id;
    await say(admin, "private", "/minutes_publish 25");
    await scenario.settle();
    const copy = scenario.emulator.botMessagesIn(group.id).filter((m) => m.message_id > lastInGroup);
    expect(copy.map((m) => (m.document ? m.document.file_name!.replace(/^.*\./, ".") : "text"))).toEqual(["text", ".md", ".pdf"]);
    expect(textOf(copy[0]!)).toContain("Yer: Buca (adres gizli tutuldu)");
    expect(fileText(copy[1]!)).toContain("Buca (adres gizli tutuldu)");
    // The organiser's copy: the message, the .md and the .pdf, each protected.
    const organiserCopy = dms(admin).slice(-3);
    expect(textOf(organiserCopy[0]!)).toContain(`Yer: ${VENUE}, ${NEW_ADDRESS}`);
    expect(fileText(organiserCopy[1]!)).toContain(VENUE);
    expect(organiserCopy.map((m) => m.has_protected_content)).toEqual([true, true, true]);
  });
});
