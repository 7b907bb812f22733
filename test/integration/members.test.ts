import { describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

const scenario = useScenario();
const { say, network, countRows } = scenario;

/** What the group sees when the details went to the asker's DM: no name in either. */
const CHANGE_SENT = "Tamam. Ayrıntıları size özel mesajla gönderdim.";
const REPORT_SENT = "Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.";
const lastDm = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).at(-1)?.text;

describe("organiser roles", () => {
  it("adds an organiser by replying to their message, and by @username, recording both", async () => {
    const { admin, member, group } = await network("Rol Ağı");
    await say(admin, "private", "/start");
    await say(member, "private", "/start");
    const { message } = scenario.emulator.sendText(member, group, "/whoami");
    await scenario.emulator.nextBotMessage(group.id, message.message_id);
    expect(await say(admin, group, "/organiser_add", { replyTo: message.message_id })).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık koordinatör.`);
    expect(await say(member, group, "/help")).toContain("/org_add");
    expect(await say(admin, group, `/organiser_add @${member.username!.toUpperCase()}`)).toBe(REPORT_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) zaten koordinatör.`);
    expect(await say(member, group, `/organiser_remove @${admin.username}`)).toBe(CHANGE_SENT);
    expect(lastDm(member)).toBe(`Derya (@${admin.username}) artık koordinatör değil.`);
    expect(await say(member, group, "/audit 2")).toBe(REPORT_SENT);
    expect(lastDm(member)).toMatch(/Üyenin rolü değişti.*Derya.*organiser → member[\s\S]*Üyenin rolü değişti.*Ayşe Yılmaz.*member → organiser/);
  });

  it("never removes the last organiser", async () => {
    const { admin, group } = await network("Son Ağ");
    const before = await countRows();
    expect(await say(admin, group, `/organiser_remove @${admin.username}`)).toBe(
      "Ağın son koordinatörü kaldırılamaz. Önce başka birini /organiser_add ile koordinatör yapın.",
    );
    expect(await countRows()).toEqual(before);
  });

  it("an organiser who left the chats does not count: the last one still in them is not removed", async () => {
    const { admin, member, group } = await network("Ayrılan Koordinatör Ağı");
    await say(admin, "private", "/start");
    expect(await say(admin, group, `/organiser_add @${member.username}`)).toBe(CHANGE_SENT);
    scenario.emulator.leaveChat(group, member);
    await scenario.handled();
    const before = await countRows();
    expect(await say(admin, group, `/organiser_remove @${admin.username}`)).toBe(
      "Ağın son koordinatörü kaldırılamaz. Önce başka birini /organiser_add ile koordinatör yapın.",
    );
    expect(await countRows()).toEqual(before);
    const organisers = await scenario.db.prisma.member.count({ where: { network: { name: "Ayrılan Koordinatör Ağı" }, role: "organiser", leftAt: null } });
    expect(organisers).toBe(1);
  });

  it("a reply to an old message of someone who left brings them back into nothing", async () => {
    const { admin, member, group, code } = await network("Eski Mesaj Ağı");
    const { message } = scenario.emulator.sendText(member, group, "/whoami");
    await scenario.emulator.nextBotMessage(group.id, message.message_id);
    scenario.emulator.leaveChat(group, member);
    await scenario.handled();
    const before = await countRows();
    for (const command of ["/organiser_add", "/host_contact", "/member_set_org Buca"]) {
      expect(await say(admin, group, command, { replyTo: message.message_id })).toMatch(/^Bu kişiyi ağın üyeleri arasında bulamadım/);
    }
    expect(await countRows()).toEqual(before);
    const row = await scenario.db.prisma.member.findFirstOrThrow({ where: { userId: BigInt(member.id), network: { joinCode: code } } });
    expect(row.leftAt).not.toBeNull();
    expect(row.role).toBe("member");
  });

  it.each([
    ["/organiser_add", /^Kullanım: kişinin bir mesajını yanıtlayarak \/organiser_add/],
    ["/organiser_add ayse", /^Kullanım: kişinin bir mesajını yanıtlayarak \/organiser_add/],
    ["/organiser_add @nobody_here", /^Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım\. Lütfen komutu grupta, kişinin bir mesajını yanıtlayarak/],
    ["/organiser_remove @nobody_here extra", /^Kullanım: kişinin bir mesajını yanıtlayarak \/organiser_remove/],
    ["/member_set_org @nobody_here Buca", /^Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım/],
    ["/host_contact @nobody_here", /^Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım/],
    ["/member_set_org", /^Kullanım: kişinin bir mesajını yanıtlayarak \/member_set_org/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group } = await network("Kötü Rol Ağı");
    const before = await countRows();
    expect(await say(admin, group, command)).toMatch(expected);
    expect(await countRows()).toEqual(before);
  });

  it("does not find a member of another network by @username", async () => {
    const first = await network("Birinci");
    const second = await network("İkinci");
    const before = await countRows();
    expect(await say(second.admin, second.group, `/organiser_add @${first.member.username}`)).toMatch(/^Bu kullanıcı adıyla ağın üyeleri arasında kimseyi bulamadım/);
    expect(await countRows()).toEqual(before);
  });
});

describe("organisations of members", () => {
  it("an organiser sets someone's organisation by reply or @username; unknown ones are refused", async () => {
    const { admin, member, group } = await network("Kurum Üye Ağı");
    await say(admin, group, "/org_add Bayraklı Belediyesi KDM | Bayraklı");
    await say(admin, group, "/org_add Kadının İnsan Hakları Derneği | KİH");
    await say(admin, "private", "/start");
    expect(await say(admin, group, `/member_set_org @${member.username} bayraklı`)).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toBe(`Ayşe Yılmaz (@${member.username}) artık Bayraklı Belediyesi KDM üyesi.`);
    const { message } = scenario.emulator.sendText(member, group, "/whoami");
    await scenario.emulator.nextBotMessage(group.id, message.message_id);
    expect(await say(admin, group, "/member_set_org kih", { replyTo: message.message_id })).toBe(CHANGE_SENT);
    expect(lastDm(admin)).toContain("artık Kadının İnsan Hakları Derneği üyesi");
    // Asked privately, the answer is the details themselves.
    expect(await say(admin, "private", `/member_set_org @${member.username} bayraklı`)).toBe(`Ayşe Yılmaz (@${member.username}) artık Bayraklı Belediyesi KDM üyesi.`);
    await say(admin, group, "/member_set_org kih", { replyTo: message.message_id });
    const before = await countRows();
    expect(await say(admin, group, `/member_set_org @${member.username} Yok KDM`)).toBe("“Yok KDM” kısa adlı bir kurum bulamadım. Liste için /orgs yazın.");
    expect(await say(admin, group, `/member_set_org @${member.username} ${"Ç".repeat(4000)}`)).toMatch(/^“Ç{50,60}…” kısa adlı bir kurum bulamadım\. Liste için \/orgs yazın\.$/);
    expect(await countRows()).toEqual(before);
    expect(await say(member, group, "/whoami")).toContain("Kurum: Kadının İnsan Hakları Derneği");
  });
});

describe("/members", () => {
  it("sends the names privately to an organiser who asks in the group, with DM reachability", async () => {
    const { admin, member, group } = await network("Liste Ağı");
    await say(admin, group, "/org_add Konak Belediyesi KDM | Konak");
    await say(admin, group, `/member_set_org @${member.username} Konak`);
    expect(await say(admin, group, "/members")).toBe(
      `Bunu yalnızca özel mesajla gönderebilirim. Lütfen önce https://t.me/${scenario.emulator.bot.username} bağlantısını açıp Başlat’a basın, sonra komutu yeniden yazın.`,
    );
    expect(scenario.emulator.botMessagesIn(admin.id)).toEqual([]);

    await say(admin, "private", "/start");
    expect(await say(admin, group, "/members")).toBe(REPORT_SENT);
    const list = scenario.emulator.botMessagesIn(admin.id).at(-1)!.text!;
    expect(list).toContain("Liste Ağı: üyeler (2)");
    expect(list).toContain(`Konak Belediyesi KDM (1)\n• Ayşe Yılmaz @${member.username}: üye, özel mesajla ulaşılamıyor`);
    expect(list).toContain(`Kurum seçmeyenler (1)\n• Derya @${admin.username}: koordinatör, özel mesajla ulaşılabiliyor`);
    expect(scenario.emulator.botMessagesIn(group.id).every((m) => !m.text?.includes("Ayşe Yılmaz @"))).toBe(true);
  });

  it("shows names with HTML exactly as typed", async () => {
    const { admin, group } = await network("HTML Ağı");
    const tricky = scenario.emulator.createUser({ first_name: "<b>Nur</b> & *Su*", language_code: "tr" });
    scenario.emulator.setMember(group, tricky, "member");
    await say(tricky, group, "/whoami");
    await say(admin, "private", "/start");
    await say(admin, "private", "/members");
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toContain("• <b>Nur</b> & *Su*: üye");
  });
});

describe("joining by deep link", () => {
  it("makes the person reachable, a member, and lets them pick their organisation in private", async () => {
    const { admin, group, code } = await network("Bağlantı Ağı");
    await say(admin, group, "/org_add Gaziemir Belediyesi KDM | Gaziemir");
    const newcomer = scenario.emulator.createUser({ first_name: "Sevgi", language_code: "tr" });
    const welcome = await say(newcomer, "private", `/start join_${code}`);
    expect(welcome).toBe("Merhaba Sevgi! “Bağlantı Ağı” ağına katıldınız; bundan sonra hatırlatmaları size özel mesajla gönderebilirim.\nHangi kurumdansınız? Aşağıdan seçin.");
    expect((await scenario.running.users.find(newcomer.id))?.dmReachable).toBe(true);
    const card = scenario.emulator.botMessagesIn(newcomer.id).at(-1)!;
    const button = card.reply_markup!.inline_keyboard![0]![0]!;
    expect(await scenario.emulator.pressButton(newcomer, newcomer.id, card.message_id, button.callback_data!)).toEqual({ text: "Kurumunuz: Gaziemir", show_alert: false });
    expect(await say(newcomer, "private", "/whoami")).toBe("Ağ: Bağlantı Ağı\nKurum: Gaziemir Belediyesi KDM\nRol: üye");
  });

  it("answers an unknown code clearly and joins nothing", async () => {
    const newcomer = scenario.emulator.createUser({ first_name: "Sevgi", language_code: "en" });
    const before = await countRows();
    expect(await say(newcomer, "private", "/start join_ZZZZZZZZ")).toMatch(/^This join link is not valid\./);
    // Pressing Start makes the person known to the bot (reachable by DM); it joins them to nothing.
    expect(await countRows()).toEqual(before);
    expect(await scenario.db.prisma.member.count({ where: { userId: BigInt(newcomer.id) } })).toBe(0);
  });

  it("a stranger cannot choose an organisation in a network they never joined", async () => {
    const { admin, group } = await network("Kapalı Ağ");
    await say(admin, group, "/org_add Torbalı KDM | Torbalı");
    const org = await scenario.db.prisma.organisation.findFirstOrThrow({ where: { shortName: "Torbalı" } });
    const stranger = scenario.emulator.createUser({ first_name: "Yabancı" });
    await say(stranger, "private", "/start");
    const forged = await scenario.running.ortak.bot.api.sendMessage(stranger.id, "kart", {
      reply_markup: { inline_keyboard: [[{ text: "Torbalı", callback_data: `join:${org.networkId}:${org.id}` }]] },
    });
    expect(await scenario.emulator.pressButton(stranger, stranger.id, forged.message_id, `join:${org.networkId}:${org.id}`)).toEqual({
      text: "Bu düğme artık geçerli değil.",
      show_alert: false,
    });
    expect(await scenario.db.prisma.member.count({ where: { userId: BigInt(stranger.id) } })).toBe(0);
  });
});

describe("meeting numbers", () => {
  it("next_number cannot go back to a number a meeting already has", async () => {
    const { admin, group, code } = await network("Numara Ağı");
    const networkRow = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    await scenario.db.prisma.meeting.create({
      data: { networkId: networkRow.id, number: 24, title: "24. Toplantı", startsAt: new Date("2026-02-17T07:00:00Z"), endsAt: new Date("2026-02-17T12:00:00Z"), status: "held" },
    });
    expect(await say(admin, group, "/network_set next_number 24")).toBe(
      "Toplantı numaraları yeniden kullanılmaz: bu ağda 24. toplantı zaten var, bu yüzden sıradaki numara en az 25 olmalıdır.",
    );
    expect(await say(admin, group, "/network_set next_number 25")).toBe("next_number güncellendi: 1 → 25");
  });
});
