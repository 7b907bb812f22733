import { describe, expect, it } from "vitest";
import { useScenario } from "../support/scenario.ts";

const scenario = useScenario();
const { say, network, countRows } = scenario;

describe("/setup", () => {
  it("creates the network, links the group, makes the caller an organiser and shows a join link", async () => {
    const { admin, member, group, code } = await network();
    const network_ = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code }, include: { chats: true, members: true } });
    expect(network_).toMatchObject({ name: "İzmir KDM Ağı", seriesTitle: "İzmir KDM Ağı", timeZone: "Europe/Istanbul", locale: "tr" });
    expect(network_.chats.map((c) => Number(c.telegramChatId))).toEqual([group.id]);
    expect(network_.members).toMatchObject([
      { userId: BigInt(admin.id), role: "organiser" },
      { userId: BigInt(member.id), role: "member" },
    ]);
    const reply = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.includes("ağı kuruldu"))!.text!;
    expect(reply).toContain(`https://t.me/ortak_test_bot?start=join_${code}`);
    expect(await say(admin, group, "/whoami")).toContain("Rol: düzenleyici");
  });

  it("refuses non-admins, private chats, a second setup and bad names, changing nothing", async () => {
    const { member, admin, group } = await network("Ege Ağı");
    const before = await countRows();
    expect(await say(member, group, "/setup Başka Ağ")).toBe("Bu sohbet zaten “Ege Ağı” ağına bağlı. Ayarlar için /network yazın.");
    const fresh = scenario.emulator.createGroup({ title: "Yeni", members: [{ user: admin, status: "creator" }, { user: member }] });
    expect(await say(member, fresh, "/setup Başka Ağ")).toBe("Ağı yalnızca bu grubun yöneticileri kurabilir.");
    expect(await say(admin, fresh, "/setup")).toMatch(/^Kullanım: \/setup <ağ adı>/);
    expect(await say(admin, fresh, `/setup ${"ş".repeat(121)}`)).toBe("Bu ad en fazla 120 karakter olabilir; yazdığınız 121 karakter.");
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

  it("refuses unknown codes, non-organisers and malformed codes, changing nothing", async () => {
    const { admin, member, code } = await network("Kod Ağı");
    const other = scenario.emulator.createGroup({ title: "Diğer", members: [{ user: admin, status: "creator" }, { user: member, status: "administrator" }] });
    const before = await countRows();
    expect(await say(admin, other, "/link ZZZZZZZZ")).toMatch(/^Bu katılım koduna sahip bir ağ bulamadım/);
    expect(await say(member, other, `/link ${code}`)).toBe("Bu komutu yalnızca ağın düzenleyicileri kullanabilir.");
    expect(await say(admin, other, "/link 123")).toMatch(/^Kullanım: \/link/);
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
    const audit = await say(admin, group, "/audit 4");
    expect(audit).toContain("network.set.language");
    expect(audit).toContain("tr → en");
    expect(audit).toContain("network.set.quiet_hours");
    expect(audit).not.toContain("next_number");
  });

  it.each([
    ["/network_set timezone Mars/Olympus", "Bu geçerli bir saat dilimi değil. IANA adını yazın, örneğin: Europe/Istanbul"],
    ["/network_set timezone +03:00", "Bu geçerli bir saat dilimi değil. IANA adını yazın, örneğin: Europe/Istanbul"],
    ["/network_set language de", "Dil tr ya da en olabilir."],
    ["/network_set next_number 0", "Sıradaki toplantı numarası 1 ya da daha büyük bir tam sayı olmalı, örneğin: 25"],
    ["/network_set next_number yirmi beş", "Sıradaki toplantı numarası 1 ya da daha büyük bir tam sayı olmalı, örneğin: 25"],
    ["/network_set color red", /^Kullanım: \/network_set/],
    ["/network_set quiet_hours 25:00-09:00", "Sessiz saatleri başlangıç-bitiş olarak yazın, örneğin 21:00-09:00; kaldırmak için “yok” yazın."],
    ["/network_set quiet_hours akşam", "Sessiz saatleri başlangıç-bitiş olarak yazın, örneğin 21:00-09:00; kaldırmak için “yok” yazın."],
    ["/network_set title", /^Kullanım: \/network_set/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group, code } = await network("Hata Ağı");
    const before = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    const reply = await say(admin, group, command);
    if (typeof expected === "string") expect(reply).toBe(expected);
    else expect(reply).toMatch(expected);
    expect(await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } })).toEqual(before);
  });
});

describe("organisations", () => {
  it("adds, lists, edits and removes, matching short names with Turkish casing", async () => {
    const { admin, group } = await network("Kurum Ağı");
    expect(await say(admin, group, "/org_add Buca Belediyesi Kadın Danışma Merkezi | Buca KDM")).toBe(
      "Kurum eklendi: Buca Belediyesi Kadın Danışma Merkezi (Buca KDM). Ev sahipliği sırasında 1. sırada.",
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
    expect(await say(admin, group, `/org_add ${name} | <KD&>`)).toBe(`Kurum eklendi: ${name} (<KD&>). Ev sahipliği sırasında 1. sırada.`);
    expect(await say(admin, group, "/orgs")).toContain(`${name} (<KD&>)`);
    expect(await say(admin, group, `/org_add ${"a".repeat(151)} | Uzun`)).toBe("Bu ad en fazla 150 karakter olabilir; yazdığınız 151 karakter.");
    expect(await say(admin, group, `/org_add Kısa | ${"k".repeat(31)}`)).toBe("Kısa ad en fazla 30 karakter olabilir; yazdığınız 31 karakter.");
  });

  it.each([
    ["/org_add Sadece ad", /^Kullanım: \/org_add/],
    ["/org_add a | b | c", /^Kullanım: \/org_add/],
    ["/org_add  | Kısa", /^Kullanım: \/org_add/],
    ["/org_edit Buca KDM", /^Kullanım: \/org_edit/],
    ["/org_edit Buca KDM colour blue", /^Kullanım: \/org_edit/],
    ["/org_edit Yok KDM venue X", /^“Yok KDM” kısa adlı bir kurum bulamadım/],
    ["/org_edit Buca KDM kind belediye", /^Kurum türü municipality/],
    ["/org_edit Buca KDM can_host belki", /^can_host için evet ya da hayır yazın/],
    ["/org_remove", /^Kullanım: \/org_remove/],
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
  ];

  it.each(organiserCommands)("a member cannot %s", async (command) => {
    const { member, group } = await network("Yetki Ağı");
    const before = await countRows();
    expect(await say(member, group, command)).toBe("Bu komutu yalnızca ağın düzenleyicileri kullanabilir.");
    expect(await countRows()).toEqual(before);
  });

  it.each(organiserCommands)("in an unlinked group, %s explains /setup", async (command) => {
    const user = scenario.emulator.createUser({ first_name: "Elif" });
    const group = scenario.emulator.createGroup({ title: "Bağsız", members: [{ user, status: "creator" }] });
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
