import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

const scenario = useScenario();
const { say, network, countRows } = scenario;

describe("/setup", () => {
  it("creates the network, links the group, makes the caller an organiser, and keeps the code out of the group", async () => {
    const { admin, member, group, code } = await network();
    const network_ = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code }, include: { chats: true, members: true } });
    expect(network_).toMatchObject({ name: "İzmir KDM Ağı", seriesTitle: "İzmir KDM Ağı", timeZone: "Europe/Istanbul", locale: "tr", retentionMonths: 24 });
    expect(network_.chats.map((c) => Number(c.telegramChatId))).toEqual([group.id]);
    expect(network_.members).toMatchObject([
      { userId: BigInt(admin.id), role: "organiser" },
      { userId: BigInt(member.id), role: "member" },
    ]);
    const reply = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.includes("ağı kuruldu"))!.text!;
    expect(reply).not.toContain(code);
    expect(reply).not.toContain("start=join_");
    // The creator never wrote to the bot, so the code could not be sent: they are told how to get it.
    expect(reply).toContain("Ağ kodunu size özel mesajla gönderemedim");
    expect(reply).toContain("https://t.me/ortak_test_bot bağlantısını açıp Başlat’a basın, ardından bana özel mesajla /network yazın.");
    expect(scenario.emulator.botMessagesIn(admin.id)).toEqual([]);
    expect(await say(admin, group, "/whoami")).toContain("Rol: koordinatör");
  });

  it("sends the code and the join link privately to a creator who has started the bot", async () => {
    const creator = scenario.emulator.createUser({ first_name: "Gül", username: "gul_setup", language_code: "tr" });
    await say(creator, "private", "/start");
    const group = scenario.emulator.createGroup({ title: "Kuruluş", members: [{ user: creator, status: "creator" }] });
    const reply = await say(creator, group, "/setup Körfez Ağı");
    const { joinCode } = await scenario.db.prisma.network.findFirstOrThrow({ where: { name: "Körfez Ağı" } });
    expect(reply).toBe(
      [
        "“Körfez Ağı” ağı kuruldu ve bu sohbet ağa bağlandı. Artık bu ağın koordinatörüsünüz.",
        "Ağ kodunu ve üyeler için ağa katılma bağlantısını size özel mesajla gönderdim; bunları grupta paylaşmıyorum.",
        "Sıradaki adımlar: /network_set next_number 25 ile toplantı numarasını ayarlayın, /org_add ile kurumları ekleyin.",
      ].join("\n"),
    );
    const dm = scenario.emulator.botMessagesIn(creator.id).at(-1)!.text!;
    expect(dm).toContain(`Körfez Ağı ağ kodu: ${joinCode}`);
    expect(dm).toContain(`/link ${joinCode}`);
    expect(dm).toContain(`https://t.me/ortak_test_bot?start=join_${joinCode}`);
  });

  it("refuses non-admins, private chats, a second setup and bad names, changing nothing", async () => {
    const { member, admin, group } = await network("Ege Ağı");
    const before = await countRows();
    expect(await say(member, group, "/setup Başka Ağ")).toBe("Bu sohbet zaten “Ege Ağı” ağına bağlı. Ayarlar için /network yazın.");
    const fresh = scenario.emulator.createGroup({ title: "Yeni", members: [{ user: admin, status: "creator" }, { user: member }] });
    expect(await say(member, fresh, "/setup Başka Ağ")).toBe("Ağı yalnızca bu grubun yöneticileri kurabilir.");
    expect(await say(admin, fresh, "/setup")).toMatch(/^Kullanım: \/setup <ağ adı>/);
    expect(await say(admin, fresh, `/setup ${"ş".repeat(121)}`)).toBe("Bu ad en fazla 120 karakter olabilir; yazdığınız ad 121 karakter.");
    expect(await say(admin, "private", "/setup Özel")).toMatch(/^\/setup bir grupta kullanılır/);
    expect(await countRows()).toEqual(before);
  });
});

describe("/link", () => {
  it("links a second group and a forum topic, keeping the topic id", async () => {
    const { admin, code } = await network("Bağlantı Ağı");
    const second = scenario.emulator.createGroup({ title: "Koordinasyon", members: [{ user: admin, status: "creator" }] });
    expect(await say(admin, second, `/link ${code.toLowerCase()}`)).toBe("Bu sohbet “Bağlantı Ağı” ağına bağlandı.");
    const forum = scenario.emulator.createGroup({ title: "Forum", isForum: true, members: [{ user: admin, status: "creator" }] });
    const topic = scenario.emulator.createTopic(forum, "Toplantılar");
    const { message } = scenario.emulator.sendText(admin, forum, `/link ${code}`, { threadId: topic });
    const reply = await scenario.emulator.nextBotMessage(forum.id, message.message_id);
    expect(reply.text).toContain("Bu konu başlığı “Bağlantı Ağı” ağına bağlandı");
    expect(reply.threadId).toBe(topic);
    const chats = await scenario.db.prisma.chat.findMany({ where: { network: { joinCode: code } }, orderBy: { id: "asc" } });
    expect(chats.map((c) => [Number(c.telegramChatId), c.topicId])).toEqual([
      [chats[0]!.telegramChatId, 0].map(Number),
      [second.id, 0],
      [forum.id, topic],
    ]);
  });

  it("refuses unknown codes, non-organisers, non-admins, another network's code and malformed codes, changing nothing", async () => {
    const { admin, member, outsider, code } = await network("Kod Ağı");
    const elsewhere = await network("Başka Kod Ağı");
    const other = scenario.emulator.createGroup({
      title: "Diğer",
      members: [{ user: admin, status: "creator" }, { user: member, status: "administrator" }, { user: outsider }, { user: elsewhere.admin }],
    });
    // The outsider's first message makes them known to the bot; that is not what is tested.
    await say(outsider, other, "/help");
    const before = await countRows();
    expect(await say(admin, other, "/link ZZZZZZZZ")).toMatch(/^Bu ağ koduna sahip bir ağ bulamadım/);
    // A chat admin who is only a member of the code's network.
    expect(await say(member, other, `/link ${code}`)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    // The organiser of the code's network who is not an admin of this chat.
    expect(await say(elsewhere.admin, other, `/link ${elsewhere.code}`)).toBe(
      "Bir sohbeti bir ağa yalnızca bu grubun yöneticileri bağlayabilir; ayrıca o ağın koordinatörü olmaları gerekir.",
    );
    // A chat admin who organises one network, with the code of another.
    expect(await say(admin, other, `/link ${elsewhere.code}`)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(outsider, other, `/link ${code}`)).toMatch(/^Bir sohbeti bir ağa yalnızca bu grubun yöneticileri/);
    expect(await say(admin, other, "/link 123")).toMatch(/^Kullanım: \/link <ağ kodu>/);
    expect(await say(admin, other, "/link")).toMatch(/^Kullanım: \/link/);
    expect(await say(admin, "private", `/link ${code}`)).toBe("/link bir grupta ya da bir konu başlığında kullanılır.");
    expect(await countRows()).toEqual(before);
  });

  it("a member cannot /link a valid code in their own network's group, nor in a group they administer", async () => {
    const { member, group, code } = await network("Üye Bağlantı Ağı");
    const own = scenario.emulator.createGroup({ title: "Üyenin Grubu", members: [{ user: member, status: "creator" }] });
    const before = await countRows();
    expect(await say(member, group, `/link ${code}`)).toMatch(/^Bir sohbeti bir ağa yalnızca bu grubun yöneticileri/);
    expect(await say(member, own, `/link ${code}`)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await countRows()).toEqual(before);
  });
});

describe("/network and /network_set", () => {
  it("shows and changes settings, recording each change in the audit log", async () => {
    const { admin, group } = await network("Ayar Ağı");
    expect(await say(admin, group, "/network_set next_number 25")).toBe("next_number güncellendi: 1 → 25");
    expect(await say(admin, group, "/network_set timezone Europe/Berlin")).toBe("timezone güncellendi: Europe/Istanbul → Europe/Berlin");
    expect(await say(admin, group, "/network_set title Kadına Yönelik Şiddetle Mücadelede İş Birliği")).toContain("→ Kadına Yönelik Şiddetle Mücadelede İş Birliği");
    expect(await say(admin, group, "/network_set language en")).toBe("language güncellendi: tr → en");
    expect(await say(admin, group, "/network_set quiet_hours 22:30-08:00")).toBe("quiet_hours güncellendi: 21:00–09:00 → 22:30–08:00");
    expect(await say(admin, group, "/network_set quiet_hours yok")).toBe("quiet_hours güncellendi: 22:30–08:00 → —");
    const settings = await say(admin, group, "/network");
    expect(settings).toContain("Sıradaki toplantı numarası: 25");
    expect(settings).toContain("Saat dilimi: Europe/Berlin");
    expect(settings).toContain("Dil: İngilizce");
    expect(await say(admin, group, "/network_set retention_months 36")).toBe("retention_months güncellendi: 24 → 36");
    expect(await say(admin, group, "/network")).toContain("Saklama süresi: 36 ay");
    // The audit log names people: it is read privately.
    const audit = await say(admin, "private", "/audit 4");
    expect(audit).toContain("Ağ ayarı değişti (retention_months)");
    expect(audit).toContain("24 → 36");
    expect(audit).toContain("Ağ ayarı değişti (language)");
    expect(audit).toContain("tr → en");
    expect(audit).toContain("Ağ ayarı değişti (quiet_hours)");
    expect(audit).not.toContain("next_number");
  });

  it.each([
    ["/network_set timezone Mars/Olympus", "Bu geçerli bir saat dilimi değil. IANA adını yazın, örneğin: Europe/Istanbul"],
    ["/network_set timezone +03:00", "Bu geçerli bir saat dilimi değil. IANA adını yazın, örneğin: Europe/Istanbul"],
    ["/network_set language de", "Dil olarak tr ya da en yazın."],
    ["/network_set next_number 0", "Sıradaki toplantı numarası 1 ya da daha büyük bir tam sayı olmalıdır, örneğin: 25"],
    ["/network_set next_number yirmi beş", "Sıradaki toplantı numarası 1 ya da daha büyük bir tam sayı olmalıdır, örneğin: 25"],
    ["/network_set color red", /^Kullanım: \/network_set/],
    ["/network_set quiet_hours 25:00-09:00", "Sessiz saatleri başlangıç-bitiş olarak yazın, örneğin 21:00-09:00; kaldırmak için “yok” yazın."],
    ["/network_set quiet_hours akşam", "Sessiz saatleri başlangıç-bitiş olarak yazın, örneğin 21:00-09:00; kaldırmak için “yok” yazın."],
    ["/network_set title", /^Kullanım: \/network_set/],
    ["/network_set retention_months 0", "Saklama süresi 1 ile 120 arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24"],
    ["/network_set retention_months 121", "Saklama süresi 1 ile 120 arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24"],
    ["/network_set retention_months abc", "Saklama süresi 1 ile 120 arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24"],
    ["/network_set retention_months -6", "Saklama süresi 1 ile 120 arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24"],
    ["/network_set retention_months 1.5", "Saklama süresi 1 ile 120 arasında bir tam sayı (ay) olmalı, örneğin: /network_set retention_months 24"],
    ["/network_set retention_months", /^Kullanım: \/network_set/],
    ["/network_set join_code", /^Kullanım: \/network_set/],
    ["/network_set join_code yeni", /^Kullanım: \/network_set/],
    ["/network_set join_code ABCDEFGH", /^Kullanım: \/network_set/],
    ["/network_set join_code new please", /^Kullanım: \/network_set/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group, code } = await network("Hata Ağı");
    const before = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    const rows = await countRows();
    const reply = await say(admin, group, command);
    if (typeof expected === "string") expect(reply).toBe(expected);
    else expect(reply).toMatch(expected);
    expect(await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } })).toEqual(before);
    expect(await countRows()).toEqual(rows);
  });
});

describe("organisations", () => {
  it("adds, lists, edits and removes, matching short names with Turkish casing", async () => {
    const { admin, group } = await network("Kurum Ağı");
    expect(await say(admin, group, "/org_add Buca Belediyesi Kadın Danışma Merkezi | Buca KDM")).toBe(
      "Kurum eklendi: Buca Belediyesi Kadın Danışma Merkezi (Buca KDM). Ev sahipliği sıralamasında 1. sırada.",
    );
    expect(await say(admin, group, "/org_add İzmir Kadın Dayanışma Derneği | İKDD")).toContain("2. sırada");
    expect(await say(admin, group, "/org_add Başka bir ad | buca kdm")).toBe("“Buca KDM” kısa adı zaten “Buca Belediyesi Kadın Danışma Merkezi” için kullanılıyor.");
    expect(await say(admin, group, "/org_add İZMİR KADIN DAYANIŞMA DERNEĞİ | X")).toBe("Bu ağda “İzmir Kadın Dayanışma Derneği” adlı bir kurum zaten var (kısa adı: İKDD).");
    expect(await say(admin, group, "/org_edit ikdd kind association")).toBe("İKDD güncellendi (kind).");
    expect(await say(admin, group, "/org_edit BUCA KDM venue Buca1923 Mevlana Kafe <Bahçe & Salon>")).toBe("Buca KDM güncellendi (venue).");
    expect(await say(admin, group, "/org_edit Buca KDM can_host hayır")).toBe("Buca KDM güncellendi (can_host).");
    const buca = await scenario.db.prisma.organisation.findFirstOrThrow({ where: { shortName: "Buca KDM", network: { name: "Kurum Ağı" } } });
    expect(buca).toMatchObject({ venueName: "Buca1923 Mevlana Kafe <Bahçe & Salon>", canHost: false });
    const list = await say(admin, group, "/orgs");
    expect(list).toContain("1. Buca Belediyesi Kadın Danışma Merkezi (Buca KDM), diğer, ev sahipliği yapmıyor");
    expect(list).toContain("2. İzmir Kadın Dayanışma Derneği (İKDD), dernek, ev sahipliği yapabilir");
    expect(await say(admin, group, "/org_remove ikdd")).toBe("Kurum kaldırıldı: İzmir Kadın Dayanışma Derneği");
    expect(await say(admin, group, "/org_remove IKDD")).toBe("“IKDD” kısa adlı bir kurum bulamadım. Liste için /orgs yazın.");
  });

  it("stores names with HTML, emoji and symbols exactly, and refuses over-long ones", async () => {
    const { admin, group } = await network("Ad Ağı");
    const name = "<b>Kadın</b> & *Dayanışma* 🌷 Derneği";
    expect(await say(admin, group, `/org_add ${name} | <KD&>`)).toBe(`Kurum eklendi: ${name} (<KD&>). Ev sahipliği sıralamasında 1. sırada.`);
    expect(await say(admin, group, "/orgs")).toContain(`${name} (<KD&>)`);
    expect(await say(admin, group, `/org_add ${"a".repeat(151)} | Uzun`)).toBe("Bu ad en fazla 150 karakter olabilir; yazdığınız ad 151 karakter.");
    expect(await say(admin, group, `/org_add Kısa | ${"k".repeat(31)}`)).toBe("Kısa ad en fazla 30 karakter olabilir; yazdığınız kısa ad 31 karakter.");
  });

  it.each([
    ["/org_add Sadece ad", /^Kullanım: \/org_add/],
    ["/org_add a | b | c", /^Kullanım: \/org_add/],
    ["/org_add  | Kısa", /^Kullanım: \/org_add/],
    ["/org_edit Buca KDM", /^Kullanım: \/org_edit/],
    ["/org_edit Buca KDM colour blue", /^Kullanım: \/org_edit/],
    ["/org_edit Yok KDM venue X", /^“Yok KDM” kısa adlı bir kurum bulamadım/],
    ["/org_edit Buca KDM kind belediye", /^Kurum türü olarak municipality/],
    ["/org_edit Buca KDM can_host belki", /^can_host için evet ya da hayır yazın/],
    ["/org_remove", /^Kullanım: \/org_remove/],
    // A paste near Telegram's limit is echoed shortened, not refused by Telegram as too long.
    [`/org_remove ${"Ç".repeat(4070)}`, /^“Ç{50,60}…” kısa adlı bir kurum bulamadım\. Liste için \/orgs yazın\.$/],
    ["/orgs fazladan", /^Kullanım: \/orgs/],
    ["/network fazladan", /^Kullanım: \/network$/],
    ["/whoami fazladan", /^Kullanım: \/whoami$/],
    ["/join fazladan", /^Kullanım: \/join$/],
    ["/members fazladan", /^Kullanım: \/members$/],
    ["/audit 0", /^Kullanım: \/audit \[adet\], adet 1 ile 50 arasında/],
    ["/audit 51", /^Kullanım: \/audit/],
    ["/audit son", /^Kullanım: \/audit/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group } = await network("Kötü Girdi Ağı");
    await say(admin, group, "/org_add Buca Belediyesi KDM | Buca KDM");
    const before = await countRows();
    const orgsBefore = await scenario.db.prisma.organisation.findMany({ orderBy: { id: "asc" } });
    expect(await say(admin, group, command)).toMatch(expected);
    expect(await countRows()).toEqual(before);
    expect(await scenario.db.prisma.organisation.findMany({ orderBy: { id: "asc" } })).toEqual(orgsBefore);
  });

  it("refuses to remove an organisation that has members, saying why", async () => {
    const { admin, member, group } = await network("Üye Ağı");
    await say(admin, group, "/org_add Karşıyaka KDM | KSK");
    const join = await say(member, group, "/join");
    expect(join).toContain("Hangi kurumdansınız?");
    const keyboard = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    // One organisation a row, and no empty row after the last.
    expect(keyboard.reply_markup!.inline_keyboard!.map((row) => row.map((b) => b.text))).toEqual([["KSK"]]);
    const button = keyboard.reply_markup!.inline_keyboard![0]![0]!;
    expect(button.text).toBe("KSK");
    expect(await scenario.emulator.pressButton(member, group.id, keyboard.message_id, button.callback_data!)).toEqual({ text: "Kurumunuz: KSK", show_alert: false });
    expect(await say(member, group, "/whoami")).toContain("Kurum: Karşıyaka KDM");
    expect(await say(admin, group, "/org_remove KSK")).toBe("KSK kaldırılamaz: bu kurumda 1 üye var. Önce üyeleri başka bir kuruma taşıyın.");
  });

  it("ignores a /join button pressed in another network's chat", async () => {
    const first = await network("Birinci Ağ");
    await say(first.admin, first.group, "/org_add Bornova KDM | Bornova");
    await say(first.member, first.group, "/join");
    const card = scenario.emulator.botMessagesIn(first.group.id).at(-1)!;
    const data = card.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    const second = await network("İkinci Ağ");
    // Same data, replayed on a card in the second network's chat.
    const forged = await scenario.running.ortak.bot.api.sendMessage(second.group.id, "kart", { reply_markup: { inline_keyboard: [[{ text: "x", callback_data: data }]] } });
    scenario.emulator.setMember(second.group, first.member, "member");
    expect(await scenario.emulator.pressButton(first.member, second.group.id, forged.message_id, data)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await scenario.db.prisma.member.count({ where: { userId: BigInt(first.member.id), organisationId: { not: null } } })).toBe(0);
  });
});

describe("permissions", () => {
  const organiserCommands = [
    "/network_set next_number 30",
    "/network_set join_code new",
    "/network_set retention_months 12",
    "/org_add Çiğli Belediyesi KDM | Çiğli",
    "/org_edit Çiğli kind municipality",
    "/org_remove Çiğli",
    "/audit",
    "/members",
    "/organiser_add @somebody_x",
    "/organiser_remove @somebody_x",
    "/member_set_org @somebody_x Çiğli",
    "/meeting_new 17.03.2030 10:00 | Buca | Gündem",
    "/meeting_edit 1 title Yeni",
    "/reschedule 1 18.03.2030 10:00",
    "/cancel 1",
    "/invite 1",
    "/rsvps 1",
    "/export 1",
    "/reminders",
    "/reminders_set 1d",
    "/rotation_set Buca",
    "/host 1",
    "/host_contact @somebody_x",
    "/attendance 1",
    "/minutes_taker 1",
    "/minutes_approve 1",
    "/stats",
    "/export_network",
  ];

  it.each(organiserCommands)("a member cannot %s", async (command) => {
    const { member, group } = await network("Yetki Ağı");
    const before = await countRows();
    expect(await say(member, group, command)).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await countRows()).toEqual(before);
  });

  it.each(organiserCommands)("in an unlinked group, %s explains /setup", async (command) => {
    const user = scenario.emulator.createUser({ first_name: "Elif" });
    const group = scenario.emulator.createGroup({ title: "Bağsız", members: [{ user, status: "creator" }] });
    // Their first message makes the person known to the bot (a user row); that is not what is tested.
    await say(user, group, "/help");
    const before = await countRows();
    expect(await say(user, group, command)).toMatch(/^Bu sohbet henüz bir ağa bağlı değil\. .*\/setup <ağ adı>/);
    expect(await countRows()).toEqual(before);
  });

  it.each(organiserCommands)("someone in no network gets told how to join for %s in private", async (command) => {
    const user = scenario.emulator.createUser({ first_name: "Elif" });
    expect(await say(user, "private", command)).toMatch(/^Henüz hiçbir ağın üyesi değilsiniz/);
  });

  it("organisers see organiser commands in /help, members do not", async () => {
    const { admin, member, group } = await network("Yardım Ağı");
    expect(await say(admin, group, "/help")).toContain("/org_add — Kurum ekle");
    const memberHelp = await say(member, group, "/help");
    expect(memberHelp).toContain("/orgs — Ağdaki kurumlar");
    expect(memberHelp).not.toContain("/org_add");
  });

  it("the outsider who writes in a linked group becomes a member", async () => {
    const { outsider, group } = await network("Açık Ağ");
    scenario.emulator.setMember(group, outsider, "member");
    expect(await say(outsider, group, "/whoami")).toContain("Rol: üye");
  });
});

/** Writes in a forum topic; resolves with the bot's answer, which must land in that topic. */
async function sayInTopic(user: EmulatedUser, chat: EmulatedChat, topic: number, text: string): Promise<string> {
  const { message } = scenario.emulator.sendText(user, chat, text, { threadId: topic });
  const reply = await scenario.emulator.nextBotMessage(chat.id, message.message_id);
  await scenario.running.ortak.inFlight.drain();
  expect(reply.threadId).toBe(topic);
  return reply.text ?? "";
}

/** The links of a chat, as [topic id, network name], the whole chat (topic 0) first. */
async function linksOf(chat: EmulatedChat): Promise<[number, string][]> {
  const rows = await scenario.db.prisma.chat.findMany({ where: { telegramChatId: BigInt(chat.id) }, include: { network: true }, orderBy: { topicId: "asc" } });
  return rows.map((row) => [row.topicId, row.network.name]);
}

async function codeOf(name: string): Promise<string> {
  return (await scenario.db.prisma.network.findFirstOrThrow({ where: { name } })).joinCode;
}

/** Makes a person an organiser of a network directly: the fixture, not the behaviour under test. */
async function makeOrganiser(name: string, user: EmulatedUser): Promise<void> {
  const { id: networkId } = await scenario.db.prisma.network.findFirstOrThrow({ where: { name } });
  await scenario.db.prisma.telegramUser.upsert({ where: { id: BigInt(user.id) }, create: { id: BigInt(user.id), firstName: user.first_name }, update: {} });
  await scenario.db.prisma.member.upsert({
    where: { networkId_userId: { networkId, userId: BigInt(user.id) } },
    create: { networkId, userId: BigInt(user.id), role: "organiser" },
    update: { role: "organiser" },
  });
}

describe("/link belongs to chat admins who organise the network", () => {
  it("a stranger organiser of another network cannot take over a chat or a topic of it, admin or not", async () => {
    const a = await network("Liman Ağı");
    const b = await network("Dağ Ağı");
    const forum = scenario.emulator.createGroup({
      title: "Liman Forumu",
      isForum: true,
      members: [{ user: a.admin, status: "creator" }, { user: a.member }, { user: b.admin }],
    });
    expect(await say(a.admin, forum, `/link ${a.code}`)).toBe("Bu sohbet “Liman Ağı” ağına bağlandı.");
    const topic = scenario.emulator.createTopic(forum, "Toplantılar");
    scenario.emulator.setMember(a.group, b.admin, "member");
    // Writing in A's chats makes the stranger a member of A first; that is not what is tested.
    await say(b.admin, a.group, "/whoami");
    await sayInTopic(b.admin, forum, topic, "/whoami");
    const before = await countRows();
    for (const status of ["member", "administrator"] as const) {
      scenario.emulator.setMember(a.group, b.admin, status);
      scenario.emulator.setMember(forum, b.admin, status);
      const inChat = status === "member" ? /^Bir sohbeti bir ağa yalnızca bu grubun yöneticileri/ : /^Bu sohbet “Liman Ağı” ağına bağlı ve başka bir ağa devredilemez\./;
      expect(await say(b.admin, a.group, `/link ${b.code}`)).toMatch(inChat);
      expect(await say(b.admin, forum, `/link ${b.code}`)).toMatch(inChat);
      const inTopic = status === "member" ? /^Bir sohbeti bir ağa yalnızca bu grubun yöneticileri/ : /^Bu grubun tamamı “Liman Ağı” ağına bağlı; grubun bir konu başlığı başka bir ağa bağlanamaz\.$/;
      expect(await sayInTopic(b.admin, forum, topic, `/link ${b.code}`)).toMatch(inTopic);
    }
    expect(await countRows()).toEqual(before);
    expect(await linksOf(forum)).toEqual([[0, "Liman Ağı"]]);
    expect(await sayInTopic(a.member, forum, topic, "/whoami")).toContain("Ağ: Liman Ağı");
  });

  it("a topic link is not taken over either, and a topic never belongs to a network other than its chat's", async () => {
    const a = await network("Körfez Liman Ağı");
    const b = await network("Yayla Ağı");
    const forum = scenario.emulator.createGroup({ title: "Ortak Forum", isForum: true, members: [{ user: a.admin, status: "creator" }, { user: b.admin, status: "administrator" }] });
    const first = scenario.emulator.createTopic(forum, "Liman");
    const second = scenario.emulator.createTopic(forum, "Yayla");
    expect(await sayInTopic(a.admin, forum, first, `/link ${a.code}`)).toBe("Bu konu başlığı “Körfez Liman Ağı” ağına bağlandı; ağın mesajları buraya gelecek.");
    await sayInTopic(b.admin, forum, first, "/whoami");
    const before = await countRows();
    expect(await sayInTopic(b.admin, forum, first, `/link ${b.code}`)).toMatch(/^Bu konu başlığı “Körfez Liman Ağı” ağına bağlı ve başka bir ağa devredilemez\./);
    expect(await countRows()).toEqual(before);
    // Another topic of a chat not linked as a whole may belong to another network.
    expect(await sayInTopic(b.admin, forum, second, `/link ${b.code}`)).toBe("Bu konu başlığı “Yayla Ağı” ağına bağlandı; ağın mesajları buraya gelecek.");
    // But then neither network can take the whole chat.
    const rows = await countRows();
    expect(await say(b.admin, forum, `/link ${b.code}`)).toMatch(/^Bu grubun bazı konu başlıkları “Körfez Liman Ağı” ağına bağlı; bu nedenle grubun tamamı başka bir ağa bağlanamaz\./);
    expect(await say(a.admin, forum, `/link ${a.code}`)).toMatch(/^Bu grubun bazı konu başlıkları “Yayla Ağı” ağına bağlı/);
    expect(await say(a.admin, forum, "/setup Üçüncü Ağ")).toMatch(/^Bu grubun bazı konu başlıkları “Körfez Liman Ağı” ağına bağlı/);
    expect(await countRows()).toEqual(rows);
    expect(await linksOf(forum)).toEqual([
      [first, "Körfez Liman Ağı"],
      [second, "Yayla Ağı"],
    ]);
  });
});

describe("re-linking after a confirmation button", () => {
  it("only a chat admin who organises both networks can move the link, checked when the button is pressed", async () => {
    const a = await network("Çınar Ağı");
    const elsewhere = scenario.emulator.createGroup({ title: "İkinci Grup", members: [{ user: a.admin, status: "creator" }] });
    await say(a.admin, elsewhere, "/setup Zeytin Ağı");
    const zeytin = await codeOf("Zeytin Ağı");
    // An admin of the group who organises only Zeytin, and an organiser of both who is no admin here.
    const zeytinOnly = scenario.emulator.createUser({ first_name: "Nazlı", username: "nazli_relink", language_code: "tr" });
    const both = scenario.emulator.createUser({ first_name: "Sevgi", username: "sevgi_relink", language_code: "tr" });
    scenario.emulator.setMember(a.group, zeytinOnly, "administrator");
    scenario.emulator.setMember(a.group, both, "member");
    await say(zeytinOnly, a.group, "/whoami");
    await say(both, a.group, "/whoami");
    await makeOrganiser("Zeytin Ağı", zeytinOnly);
    await makeOrganiser("Zeytin Ağı", both);
    await makeOrganiser("Çınar Ağı", both);

    const before = await countRows();
    // Organising only the code's network is not enough: no button at all.
    expect(await say(zeytinOnly, a.group, `/link ${zeytin}`)).toMatch(/^Bu sohbet “Çınar Ağı” ağına bağlı ve başka bir ağa devredilemez\./);
    const confirm = await say(a.admin, a.group, `/link ${zeytin}`);
    expect(confirm).toBe(
      "Bu sohbet şu anda “Çınar Ağı” ağına bağlı. “Zeytin Ağı” ağına taşımak için aşağıdaki düğmeye basın; taşındıktan sonra “Çınar Ağı” ağının mesajları buraya gelmez.\n" +
        "Düğmeyi yalnızca her iki ağın da koordinatörü olan bir grup yöneticisi kullanabilir.",
    );
    const card = scenario.emulator.botMessagesIn(a.group.id).at(-1)!;
    const button = card.reply_markup!.inline_keyboard![0]![0]!;
    expect(button.text).toBe("Evet, taşınsın");
    const press = (user: EmulatedUser) => scenario.emulator.pressButton(user, a.group.id, card.message_id, button.callback_data!);
    const refused = { text: "Bu bağlantıyı yalnızca her iki ağın da koordinatörü olan bir grup yöneticisi taşıyabilir.", show_alert: false };
    expect(await press(a.member)).toEqual(refused);
    expect(await press(zeytinOnly)).toEqual(refused);
    expect(await press(both)).toEqual(refused);
    // The one who asked lost their admin rights meanwhile: the press is checked, not the command.
    scenario.emulator.setMember(a.group, a.admin, "member");
    expect(await press(a.admin)).toEqual(refused);
    expect(await countRows()).toEqual(before);
    expect(await linksOf(a.group)).toEqual([[0, "Çınar Ağı"]]);
    expect(scenario.emulator.botMessagesIn(a.group.id).find((m) => m.message_id === card.message_id)!.text).toBe(confirm);

    scenario.emulator.setMember(a.group, a.admin, "creator");
    expect(await press(a.admin)).toEqual({ text: "Bağlantı taşındı.", show_alert: false });
    await scenario.running.ortak.inFlight.drain();
    expect(await linksOf(a.group)).toEqual([[0, "Zeytin Ağı"]]);
    const edited = scenario.emulator.botMessagesIn(a.group.id).find((m) => m.message_id === card.message_id)!;
    expect(edited.text).toBe("Bu sohbet artık “Zeytin Ağı” ağına bağlı; önceden “Çınar Ağı” ağına bağlıydı.");
    expect(edited.reply_markup?.inline_keyboard ?? []).toEqual([]);
    const audit = await scenario.db.prisma.auditEntry.findMany({ where: { action: { startsWith: "chat.relink" } }, include: { network: true }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.network.name, entry.action, entry.actorId])).toEqual([
      ["Çınar Ağı", "chat.relink.out", BigInt(a.admin.id)],
      ["Zeytin Ağı", "chat.relink.in", BigInt(a.admin.id)],
    ]);
    // The keyboard is gone; a replayed press changes nothing.
    const after = await countRows();
    expect(await scenario.emulator.pressButton(a.admin, a.group.id, card.message_id, button.callback_data!, { forged: true })).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await countRows()).toEqual(after);
    expect(await say(a.member, a.group, "/whoami")).toContain("Ağ: Zeytin Ağı");
  });

  it("a button kept from before the link changed is stale", async () => {
    const a = await network("Ardıç Ağı");
    const elsewhere = scenario.emulator.createGroup({ title: "Ardıç İkinci", members: [{ user: a.admin, status: "creator" }] });
    await say(a.admin, elsewhere, "/setup Meşe Ağı");
    await say(a.admin, a.group, `/link ${await codeOf("Meşe Ağı")}`);
    const card = scenario.emulator.botMessagesIn(a.group.id).at(-1)!;
    const data = card.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    await say(a.admin, a.group, "/unlink");
    await say(a.admin, a.group, `/link ${a.code}`);
    const before = await countRows();
    expect(await scenario.emulator.pressButton(a.admin, a.group.id, card.message_id, data)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await countRows()).toEqual(before);
    expect(await linksOf(a.group)).toEqual([[0, "Ardıç Ağı"]]);
  });

  it("moves a topic's link within its topic, and a whole chat together with its topics", async () => {
    const a = await network("Defne Ağı");
    const elsewhere = scenario.emulator.createGroup({ title: "Defne İkinci", members: [{ user: a.admin, status: "creator" }] });
    await say(a.admin, elsewhere, "/setup Ihlamur Ağı");
    const ihlamur = await codeOf("Ihlamur Ağı");
    const forum = scenario.emulator.createGroup({ title: "Defne Forum", isForum: true, members: [{ user: a.admin, status: "creator" }] });
    const topic = scenario.emulator.createTopic(forum, "Gündem");
    await sayInTopic(a.admin, forum, topic, `/link ${a.code}`);
    expect(await sayInTopic(a.admin, forum, topic, `/link ${ihlamur}`)).toMatch(/^Bu konu başlığı şu anda “Defne Ağı” ağına bağlı\./);
    const card = scenario.emulator.botMessagesIn(forum.id).at(-1)!;
    expect(card.threadId).toBe(topic);
    const data = card.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect(await scenario.emulator.pressButton(a.admin, forum.id, card.message_id, data)).toEqual({ text: "Bağlantı taşındı.", show_alert: false });
    await scenario.running.ortak.inFlight.drain();
    expect(await linksOf(forum)).toEqual([[topic, "Ihlamur Ağı"]]);

    // The whole chat joins Ihlamur too; moving it back to Defne takes the topic along.
    await say(a.admin, forum, `/link ${ihlamur}`);
    expect(await say(a.admin, forum, `/link ${a.code}`)).toMatch(/^Bu sohbet şu anda “Ihlamur Ağı” ağına bağlı\./);
    const whole = scenario.emulator.botMessagesIn(forum.id).at(-1)!;
    expect(await scenario.emulator.pressButton(a.admin, forum.id, whole.message_id, whole.reply_markup!.inline_keyboard![0]![0]!.callback_data!)).toEqual({
      text: "Bağlantı taşındı.",
      show_alert: false,
    });
    await scenario.running.ortak.inFlight.drain();
    expect(await linksOf(forum)).toEqual([
      [0, "Defne Ağı"],
      [topic, "Defne Ağı"],
    ]);
  });
});

describe("/unlink", () => {
  it("refuses members, non-admins, strangers and stray arguments, changing nothing", async () => {
    const a = await network("Kavak Ağı");
    const b = await network("Söğüt Ağı");
    scenario.emulator.setMember(a.group, b.admin, "administrator");
    await say(b.admin, a.group, "/whoami");
    const unlinked = scenario.emulator.createGroup({ title: "Bağsız Grup", members: [{ user: a.admin, status: "creator" }] });
    const before = await countRows();
    expect(await say(a.member, a.group, "/unlink")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    // An organiser of another network, even as a chat admin.
    expect(await say(b.admin, a.group, "/unlink")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    scenario.emulator.setMember(a.group, a.admin, "member");
    expect(await say(a.admin, a.group, "/unlink")).toBe("Bir sohbetin ağ bağlantısını yalnızca bu grubun yöneticileri kaldırabilir; ayrıca o ağın koordinatörü olmaları gerekir.");
    scenario.emulator.setMember(a.group, a.admin, "creator");
    expect(await say(a.admin, a.group, "/unlink şimdi")).toMatch(/^Kullanım: \/unlink/);
    expect(await say(a.admin, "private", "/unlink")).toMatch(/^\/unlink bir grupta ya da bir konu başlığında/);
    expect(await say(a.admin, unlinked, "/unlink")).toMatch(/^Bu sohbet henüz bir ağa bağlı değil\./);
    expect(await countRows()).toEqual(before);
    expect(await linksOf(a.group)).toEqual([[0, "Kavak Ağı"]]);
  });

  it("removes a topic's link in the topic, the chat's elsewhere, and may remove the last one", async () => {
    const a = await network("Kestane Ağı");
    const forum = scenario.emulator.createGroup({ title: "Kestane Forum", isForum: true, members: [{ user: a.admin, status: "creator" }, { user: a.member }] });
    await say(a.admin, forum, `/link ${a.code}`);
    const topic = scenario.emulator.createTopic(forum, "Duyurular");
    await sayInTopic(a.admin, forum, topic, `/link ${a.code}`);
    expect(await linksOf(forum)).toEqual([
      [0, "Kestane Ağı"],
      [topic, "Kestane Ağı"],
    ]);
    expect(await sayInTopic(a.member, forum, topic, "/unlink")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await sayInTopic(a.admin, forum, topic, "/unlink")).toBe("Bu konu başlığının “Kestane Ağı” ağıyla bağlantısı kaldırıldı; ağın mesajları artık buraya gelmeyecek.");
    expect(await linksOf(forum)).toEqual([[0, "Kestane Ağı"]]);
    expect(await say(a.admin, forum, "/unlink")).toBe("Bu sohbetin “Kestane Ağı” ağıyla bağlantısı kaldırıldı; ağın mesajları artık buraya gelmeyecek.");
    expect(await linksOf(forum)).toEqual([]);

    const last = await say(a.admin, a.group, "/unlink");
    expect(last).toMatch(/^Bu sohbetin “Kestane Ağı” ağıyla bağlantısı kaldırıldı/);
    expect(last).toContain("Ağın bağlı başka sohbeti kalmadı, ancak ağ ve kayıtları silinmedi");
    const kept = await scenario.db.prisma.network.findFirstOrThrow({ where: { name: "Kestane Ağı" }, include: { chats: true } });
    expect(kept.chats).toEqual([]);
    expect(await say(a.member, a.group, "/network")).toMatch(/^Bu sohbet henüz bir ağa bağlı değil\./);
    // Still reachable privately, code included, for its organiser.
    const settings = await say(a.admin, "private", "/network");
    expect(settings).toContain("Bağlı sohbetler: 0");
    expect(settings).toContain(kept.joinCode);
    const audit = await scenario.db.prisma.auditEntry.findMany({ where: { networkId: kept.id, action: "chat.unlink" } });
    expect(audit).toHaveLength(3);
  });
});

describe("the join code is for organisers, privately", () => {
  it("/network shows it only to an organiser in private; /join never shows it", async () => {
    const { admin, member, group, code } = await network("Sedir Ağı");
    const inGroup = await say(admin, group, "/network");
    expect(inGroup).toContain("Sedir Ağı");
    expect(inGroup).not.toContain(code);
    expect(inGroup).toContain("Ağ kodu yalnızca koordinatörlere, özel mesajla gösterilir: görmek için bana özel mesajla /network yazın.");
    const forMember = await say(member, group, "/network");
    expect(forMember).toContain("Saklama süresi: 24 ay");
    expect(forMember).not.toContain(code);
    expect(forMember).not.toContain("Ağ kodu");
    const privately = await say(admin, "private", "/network");
    expect(privately).toContain(`Sedir Ağı ağ kodu: ${code}`);
    expect(privately).toContain(`https://t.me/ortak_test_bot?start=join_${code}`);
    const memberPrivately = await say(member, "private", "/network");
    expect(memberPrivately).toContain("Sedir Ağı");
    expect(memberPrivately).not.toContain(code);

    await say(admin, group, "/org_add Bayraklı Belediyesi KDM | Bayraklı");
    const join = await say(member, group, "/join");
    expect(join).toBe("Hangi kurumdansınız? Aşağıdan seçin.\nHatırlatmaları özel mesajla almak için şu bağlantıyı açıp Başlat’a basın: https://t.me/ortak_test_bot");
    expect(scenario.emulator.botMessagesIn(group.id).at(-1)!.reply_markup!.inline_keyboard!.flat().map((b) => b.text)).toEqual(["Bayraklı"]);
    const joinPrivately = await say(member, "private", "/join");
    expect(joinPrivately).toBe("Hangi kurumdansınız? Aşağıdan seçin.");
    for (const text of scenario.emulator.botMessagesIn(group.id).map((m) => m.text ?? "")) expect(text).not.toContain(code);
  });

  it("join_code new replaces the code: the old one stops working for /link and the join link at once", async () => {
    const { admin, group, code: first } = await network("Servi Ağı");
    const renewed = await say(admin, group, "/network_set join_code new");
    const second = await codeOf("Servi Ağı");
    expect(second).not.toBe(first);
    // The organiser never wrote to the bot: the group answer says how to see the code, and shows none.
    expect(renewed).toBe(
      "Ağ kodu yenilendi. Eski kod ve eski ağa katılma bağlantısı artık geçerli değil.\n" +
        "Yeni kodu size özel mesajla gönderemedim; size özel mesajla ulaşamıyorum. Lütfen https://t.me/ortak_test_bot bağlantısını açıp Başlat’a basın, ardından bana özel mesajla /network yazın.",
    );
    const privately = await say(admin, "private", "/network_set join_code new");
    const third = await codeOf("Servi Ağı");
    expect(privately).toMatch(/^Ağ kodu yenilendi\./);
    expect(privately).toContain(`Servi Ağı ağ kodu: ${third}`);
    expect(privately).toContain(`https://t.me/ortak_test_bot?start=join_${third}`);
    // Now the organiser can be written to: asked in the group, the code goes to their DM.
    expect(await say(admin, group, "/network_set join_code NEW")).toBe(
      "Ağ kodu yenilendi. Eski kod ve eski ağa katılma bağlantısı artık geçerli değil.\nYeni ağ kodunu ve ağa katılma bağlantısını size özel mesajla gönderdim.",
    );
    const current = await codeOf("Servi Ağı");
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toContain(`Servi Ağı ağ kodu: ${current}`);
    const old = [first, second, third];
    expect(old).not.toContain(current);

    const other = scenario.emulator.createGroup({ title: "Yeni Şube", members: [{ user: admin, status: "creator" }] });
    const newcomer = scenario.emulator.createUser({ first_name: "Hale", username: "hale_join", language_code: "tr" });
    await say(newcomer, "private", "/start");
    const before = await countRows();
    for (const stale of old) {
      expect(await say(admin, other, `/link ${stale}`)).toMatch(/^Bu ağ koduna sahip bir ağ bulamadım/);
      expect(await say(newcomer, "private", `/start join_${stale}`)).toMatch(/^Bu ağa katılma bağlantısı geçerli değil\./);
    }
    expect(await countRows()).toEqual(before);
    expect(await say(admin, other, `/link ${current}`)).toBe("Bu sohbet “Servi Ağı” ağına bağlandı.");
    expect(await say(newcomer, "private", `/start join_${current}`)).toContain("“Servi Ağı” ağına katıldınız");

    // Audited three times, and no entry carries a code.
    const entries = await scenario.db.prisma.auditEntry.findMany({ where: { action: "network.set.join_code", network: { name: "Servi Ağı" } } });
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      const stored = `${entry.subject} ${JSON.stringify(entry.before)} ${JSON.stringify(entry.after)}`;
      for (const code of [...old, current]) expect(stored).not.toContain(code);
    }
    const audit = await say(admin, "private", "/audit 10");
    expect(audit).toContain("Ağ ayarı değişti (join_code)");
    for (const code of [...old, current]) expect(audit).not.toContain(code);
  });
});
