import { describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say, network, countRows, handled } = scenario;

async function memberRow(user: EmulatedUser, code: string) {
  return scenario.db.prisma.member.findFirst({ where: { userId: BigInt(user.id), network: { joinCode: code } } });
}

/** A network with meeting 25, a Buca member who started the bot and answered yes, and an organiser who started it too. */
async function networkWithAnswer(name: string) {
  const fixture = await network(name);
  const { admin, member, group } = fixture;
  await say(admin, "private", "/start");
  await say(admin, group, "/network_set next_number 25");
  await say(admin, group, "/org_add Buca Belediyesi KDM | Buca");
  await say(admin, group, `/member_set_org @${member.username} Buca`);
  await say(member, "private", "/start");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji");
  await say(member, group, "/rsvp 25 evet 2");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
  return { ...fixture, meeting };
}

const directCards = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("25. Toplantı"));

describe("leaving the linked chats", () => {
  it("ends membership: organisers are told privately, the next /invite sends nothing, private commands say so, the answer still counts", async () => {
    const { admin, member, group, code, meeting } = await networkWithAnswer("Ayrılık Ağı");
    const tallyBefore = await scenario.running.services.rsvps.tally(meeting.id);
    const adminDmsBefore = scenario.emulator.botMessagesIn(admin.id).length;

    scenario.emulator.leaveChat(group, member);
    await handled();

    expect((await memberRow(member, code))?.leftAt).toEqual(now);
    const told = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(admin.id).slice(adminDmsBefore).find((m) => m.text?.includes("Ayrılık Ağı")));
    expect(told.text).toContain(`Ayşe Yılmaz (@${member.username}), Ayrılık Ağı ağının bağlı gruplarının hiçbirinde artık yer almıyor.`);
    // Nothing was said in the group about who left.
    expect(scenario.emulator.botMessagesIn(group.id).at(-1)!.text).not.toContain("Ayşe");

    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && !m.text?.startsWith("25. Toplantı")));
    await scenario.deliver();
    expect(directCards(member)).toHaveLength(0);
    // Reminders are planned for the members who are still there, not for them.
    const left = (await memberRow(member, code))!;
    expect(await scenario.db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, dedupeKey: { startsWith: "reminder:" }, audience: `member:${left.id}` } })).toBe(0);
    expect(await scenario.db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, dedupeKey: { startsWith: "reminder:" }, audience: { startsWith: "member:" } } })).toBeGreaterThan(0);

    expect(await say(member, "private", "/meeting 25")).toMatch(/^Artık Ayrılık Ağı ağının üyesi değilsiniz/);
    // Organisers still see who left, apart from the members, privately.
    await say(admin, "private", "/members");
    const list = scenario.emulator.botMessagesIn(admin.id).at(-1)!.text!;
    expect(list).toContain("Ayrılık Ağı: üyeler (1)");
    expect(list).toMatch(/Ağın gruplarından ayrılanlar \(kendilerine mesaj gönderilmiyor\) \(1\)\n• Ayşe Yılmaz/);
    expect(await scenario.running.services.rsvps.tally(meeting.id)).toEqual(tallyBefore);
    // The service message itself never made anyone a member.
    expect(await scenario.db.prisma.auditEntry.count({ where: { action: "member.left", subjectUserId: BigInt(member.id) } })).toBe(1);
  });

  it("keeps the membership while the person is still in another linked chat", async () => {
    const { admin, member, group, code } = await network("İki Gruplu Ağ");
    const second = scenario.emulator.createGroup({ title: "İki Gruplu Ağ — duyurular", members: [{ user: admin, status: "creator" }, { user: member }] });
    await say(admin, second, `/link ${code}`);
    expect(await scenario.db.prisma.chat.count({ where: { network: { joinCode: code } } })).toBe(2);
    scenario.emulator.leaveChat(group, member);
    await handled();
    expect((await memberRow(member, code))?.leftAt).toBeNull();
    scenario.emulator.leaveChat(second, member);
    await handled();
    expect((await memberRow(member, code))?.leftAt).toEqual(now);
  });

  it("a removal by an admin, reported twice (service message and chat_member), ends it once", async () => {
    const { admin, member, group, code } = await network("Çıkarma Ağı");
    scenario.emulator.setBotStatus(group, "administrator");
    scenario.emulator.removeFromChat(group, member, admin);
    await handled();
    expect((await memberRow(member, code))?.leftAt).toEqual(now);
    expect(await scenario.db.prisma.auditEntry.count({ where: { action: "member.left", subjectUserId: BigInt(member.id) } })).toBe(1);
  });

  it("someone the bot never knew who leaves does not become a member", async () => {
    const { group } = await network("Yabancı Ağı");
    const stranger = scenario.emulator.createUser({ first_name: "Sevgi", username: "sevgi_x", language_code: "tr" });
    scenario.emulator.setMember(group, stranger, "member");
    const before = await countRows();
    scenario.emulator.leaveChat(group, stranger);
    await handled();
    expect(await countRows()).toEqual(before);
    expect(await scenario.db.prisma.member.count({ where: { userId: BigInt(stranger.id) } })).toBe(0);
  });

  it("coming back restores it: by writing in the group, or by the join link", async () => {
    const { member, group, code } = await network("Dönüş Ağı");
    scenario.emulator.leaveChat(group, member);
    await handled();
    expect((await memberRow(member, code))?.leftAt).not.toBeNull();
    scenario.emulator.joinChat(group, member);
    await handled();
    // Joining restores it as well; leave again to try the other ways back.
    expect((await memberRow(member, code))?.leftAt).toBeNull();
    scenario.emulator.leaveChat(group, member);
    await handled();
    scenario.emulator.setMember(group, member, "member");
    expect(await say(member, group, "/whoami")).toContain("Rol: üye");
    expect((await memberRow(member, code))?.leftAt).toBeNull();
    scenario.emulator.leaveChat(group, member);
    await handled();
    await say(member, "private", `/start join_${code}`);
    expect((await memberRow(member, code))?.leftAt).toBeNull();
  });
});

describe("what a departure or an unlinked chat stops", () => {
  it("the private card of someone who left is no longer kept up to date", async () => {
    const { admin, member, group } = await networkWithAnswer("Kart Ağı");
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && !m.text?.startsWith("25. Toplantı")));
    await scenario.deliver();
    const [card] = directCards(member);
    expect(card).toBeDefined();
    scenario.emulator.leaveChat(group, member);
    await handled();
    await say(admin, "private", "/meeting_edit 25 venue Yeni Salon");
    await scenario.deliver();
    const after = scenario.emulator.botMessagesIn(member.id).find((m) => m.message_id === card!.message_id)!;
    expect(after.text).not.toContain("Yeni Salon");
    expect(scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!.text).toContain("Yeni Salon");
  });

  it("an old organisation keyboard kept by someone who left changes nothing", async () => {
    const { admin, member, group, code } = await networkWithAnswer("Klavye Ağı");
    await say(admin, group, "/org_add Karşıyaka KDM | Karşıyaka");
    await say(member, group, "/join");
    const keyboard = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    const karsiyaka = keyboard.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "Karşıyaka")!;
    scenario.emulator.leaveChat(group, member);
    await handled();
    scenario.emulator.setMember(group, member, "member");
    const before = (await memberRow(member, code))!.organisationId;
    expect((await scenario.emulator.pressButton(member, group.id, keyboard.message_id, karsiyaka.callback_data!)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await memberRow(member, code))!.organisationId).toBe(before);
  });

  it("someone who can see a public group's card but is not in the group does not become a member by pressing it", async () => {
    const { admin, group, code } = await networkWithAnswer("Açık Grup Ağı");
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && !m.text?.startsWith("25. Toplantı")));
    await scenario.deliver();
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
    const passerBy = scenario.emulator.createUser({ first_name: "Gülten", username: "gulten_x", language_code: "tr" });
    const before = await countRows();
    const toast = await scenario.emulator.pressButton(passerBy, group.id, card.message_id, card.reply_markup!.inline_keyboard![0]![0]!.callback_data!);
    expect(toast.text).toBe("Yanıt verebilmek için önce ağa katılın: ağın grubunda /join yazın.");
    expect(await countRows()).toEqual(before);
    expect(await memberRow(passerBy, code)).toBeNull();
  });

  it("an unlinked chat gets nothing more: its reminders are withdrawn, its card is neither edited nor answered", async () => {
    const { admin, member, code } = await networkWithAnswer("Bağ Kaldırma Ağı");
    const second = scenario.emulator.createGroup({ title: "Bağ Kaldırma — duyurular", members: [{ user: admin, status: "creator" }, { user: member }] });
    await say(admin, second, `/link ${code}`);
    const { message } = scenario.emulator.sendText(admin, "private", "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(admin.id).find((m) => m.message_id > message.message_id));
    await scenario.deliver();
    const card = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(second.id).find((m) => m.text?.startsWith("25. Toplantı")));
    const audience = { startsWith: `chat:${second.id}:` };
    expect(await scenario.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "reminder:" }, audience, status: "scheduled" } })).toBeGreaterThan(0);

    expect(await say(admin, second, "/unlink")).toMatch(/./);
    expect(await scenario.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: "reminder:" }, audience, status: "scheduled" } })).toBe(0);
    expect(await scenario.db.prisma.postedCard.count({ where: { telegramChatId: BigInt(second.id) } })).toBe(0);
    await say(admin, "private", "/meeting_edit 25 venue Başka Salon");
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(second.id).find((m) => m.message_id === card.message_id)!.text).not.toContain("Başka Salon");
    const before = await countRows();
    expect((await scenario.emulator.pressButton(member, second.id, card.message_id, card.reply_markup!.inline_keyboard![0]![0]!.callback_data!)).text).toBe("Bu düğme artık geçerli değil.");
    expect(await countRows()).toEqual(before);
  });
});

describe("someone the bot never saw write", () => {
  it("becomes a member when an organiser replies to their message in the group to set them up", async () => {
    const { admin, group, code } = await network("Sessiz Üye Ağı");
    await say(admin, "private", "/start");
    await say(admin, group, "/org_add Buca Belediyesi KDM | Buca");
    const quiet = scenario.emulator.createUser({ first_name: "Sevim", username: "sevim_q", language_code: "tr" });
    scenario.emulator.setMember(group, quiet, "member");
    // Plain chatter: privacy mode keeps it from the bot.
    const { message, delivered } = scenario.emulator.sendText(quiet, group, "Merhaba, ben Buca'dan Sevim.");
    expect(delivered).toBe(false);
    expect(await say(admin, group, "/member_set_org Buca", { replyTo: message.message_id })).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
    const row = await memberRow(quiet, code);
    expect(row?.organisationId).not.toBeNull();
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toContain("Sevim (@sevim_q)");
  });
});

describe("people in several networks, in private", () => {
  async function twoNetworks() {
    const first = await network("Birinci Ağ");
    const second = await network("İkinci Ağ");
    // The organiser of the first network is also a member of the second one.
    scenario.emulator.setMember(second.group, first.admin, "member");
    await say(first.admin, second.group, "/whoami");
    return { first, second };
  }

  const lastBotMessage = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).at(-1)!;

  it("asks which network instead of guessing, runs the command for the one chosen, and remembers it for half an hour", async () => {
    const { first } = await twoNetworks();
    const person = first.admin;
    const before = await countRows();
    expect(await say(person, "private", "/members")).toBe("Birden fazla ağın üyesisiniz. Bu komutu hangi ağ için kullanmak istiyorsunuz?");
    expect(await countRows()).toEqual(before);
    const picker = lastBotMessage(person);
    expect(picker.reply_markup!.inline_keyboard!.map((row) => row[0]!.text)).toEqual(["Birinci Ağ", "İkinci Ağ"]);
    const firstId = (await scenario.db.prisma.network.findFirstOrThrow({ where: { joinCode: first.code } })).id;
    const toast = await scenario.emulator.pressButton(person, person.id, picker.message_id, `pick:${firstId}`);
    expect(toast.text).toBe("Birinci Ağ seçildi. Özel mesajla verdiğiniz komutlar 30 dakika boyunca bu ağ için geçerli.");
    // The waiting command ran for the chosen network: the member list of the first network.
    const list = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(person.id).find((m) => m.message_id > picker.message_id && m.text?.includes("Birinci Ağ")));
    expect(list.text).toContain("Ayşe Yılmaz");
    // Within the half hour the choice holds; after it, the question comes back.
    expect(await say(person, "private", "/whoami")).toContain("Birinci Ağ");
    // /network lists every network of theirs and offers the others.
    const settings = await say(person, "private", "/network");
    expect(settings).toContain("Üyesi olduğunuz ağlar: Birinci Ağ, İkinci Ağ. Şu anda Birinci Ağ ağında işlem yapıyorsunuz");
    expect(lastBotMessage(person).reply_markup!.inline_keyboard!.map((row) => row[0]!.text)).toEqual(["İkinci Ağ"]);
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await say(person, "private", "/whoami")).toBe("Birden fazla ağın üyesisiniz. Bu komutu hangi ağ için kullanmak istiyorsunuz?");
  });

  it("a choice button for a network the person does not belong to changes nothing", async () => {
    const { first } = await twoNetworks();
    const other = await network("Üçüncü Ağ");
    const person = first.admin;
    await say(person, "private", "/whoami");
    const picker = lastBotMessage(person);
    const before = await countRows();
    const otherId = (await scenario.db.prisma.network.findFirstOrThrow({ where: { joinCode: other.code } })).id;
    const toast = await scenario.emulator.pressButton(person, person.id, picker.message_id, `pick:${otherId}`, { forged: true });
    expect(toast.text).toBe("Bu düğme artık geçerli değil.");
    expect(await countRows()).toEqual(before);
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(person.id) } })).privateNetworkId).toBeNull();
  });

  it("a network the person left is not offered; the one left is used without asking", async () => {
    const { first, second } = await twoNetworks();
    scenario.emulator.leaveChat(second.group, first.admin);
    await handled();
    expect(await say(first.admin, "private", "/whoami")).toContain("Birinci Ağ");
  });
});
