import { describe, expect, it } from "vitest";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
const NOW = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => NOW });
const { say, network, countRows } = scenario;

async function meetingsOf(code: string) {
  return scenario.db.prisma.meeting.findMany({ where: { network: { joinCode: code } }, orderBy: { number: "asc" } });
}

describe("/meeting_new", () => {
  it("creates the next numbered meeting in the network's zone, five hours long", async () => {
    const { admin, group, code } = await network("Toplantı Ağı");
    await say(admin, group, "/network_set next_number 25");
    const reply = await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe <Bahçe> | Mevzuat ve Strateji; Güç İlişkileri ; Savunuculuk Dili");
    // What was understood comes back (number, date, time, venue as typed, agenda), so a typo shows at once.
    expect(reply).toBe(
      [
        "✅ 25. toplantı oluşturuldu. Lütfen bilgileri kontrol edin:",
        "Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00",
        "Yer: Buca1923 Mevlana Kafe <Bahçe>",
        "",
        "Gündem",
        "1. Mevzuat ve Strateji",
        "2. Güç İlişkileri",
        "3. Savunuculuk Dili",
        "",
        "Bir yanlışlık görürseniz /meeting_edit 25 ile düzeltebilir, tarihi /reschedule 25 ile değiştirebilirsiniz. Ayrıntılar için /meeting 25 yazın.",
      ].join("\n"),
    );
    const [meeting] = await meetingsOf(code);
    expect(meeting).toMatchObject({
      number: 25,
      status: "planned",
      venueName: "Buca1923 Mevlana Kafe <Bahçe>",
      agenda: ["Mevzuat ve Strateji", "Güç İlişkileri", "Savunuculuk Dili"],
    });
    expect(meeting!.startsAt.toISOString()).toBe("2027-03-17T07:00:00.000Z");
    expect(meeting!.endsAt.toISOString()).toBe("2027-03-17T12:00:00.000Z");
    expect(await say(admin, group, "/meeting_new 2027-04-21 10:00 | Karşıyaka | Gündem")).toMatch(/^✅ 26\. toplantı oluşturuldu/);
    expect((await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } })).nextMeetingNumber).toBe(27);
  });

  it.each([
    ["/meeting_new 17.03.2027 10:00 | | Gündem", /^Kullanım: \/meeting_new/],
    ["/meeting_new 17.03.2027 10:00 | Buca", /^Kullanım: \/meeting_new/],
    ["/meeting_new 31 Şubat 2027 10:00 | Buca | Gündem", /^Takvimde böyle bir gün yok/],
    ["/meeting_new 17.03.2027 25:00 | Buca | Gündem", /^Böyle bir saat yok/],
    ["/meeting_new 17.03.2026 10:00 | Buca | Gündem", /^Bu tarih geçmişte kaldı/],
    ["/meeting_new yarın sabah | Buca | Gündem", /^Tarihi ve saati anlayamadım\. Şu biçimlerden birini kullanın: 17\.03\.2027 10:00/],
    ["/meeting_new 17.03.2027 10:00 | Buca | ; ;", /^Gündemde en az bir madde olmalı/],
    [`/meeting_new 17.03.2027 10:00 | Buca | ${Array.from({ length: 21 }, (_, i) => `madde ${i}`).join(";")}`, /^Gündemde en fazla 20 madde olabilir/],
    [`/meeting_new 17.03.2027 10:00 | Buca | ${Array.from({ length: 10 }, () => "ş".repeat(290)).join(";")}`, /^Gündem tek bir Telegram mesajına sığmalı/],
    [`/meeting_new 17.03.2027 10:00 | ${"m".repeat(201)} | Gündem`, /^Bu metin en fazla 200 karakter olabilir/],
  ])("%s → a clear answer, no meeting, no number used", async (command, expected) => {
    const { admin, group, code } = await network("Hatalı Toplantı Ağı");
    const before = await countRows();
    expect(await say(admin, group, command.slice(0, 4000))).toMatch(expected);
    expect(await meetingsOf(code)).toEqual([]);
    expect((await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } })).nextMeetingNumber).toBe(1);
    expect(await countRows()).toEqual(before);
  });

  it("says in words that a meeting created with the host's venue (-) has no venue yet", async () => {
    const { admin, group } = await network("Yersiz Toplantı Ağı");
    const reply = await say(admin, group, "/meeting_new 17.03.2027 10:00 | - | Açılış");
    expect(reply).toContain("Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nYer: henüz belli değil\n\nGündem\n1. Açılış");
    expect(await say(admin, group, "/meetings")).toContain("1. toplantı: 17 Mart 2027 Çarşamba, 10:00–15:00, henüz belli değil (planlandı)");
    expect(await say(admin, group, "/meeting 1")).toContain("Yer: henüz belli değil");
  });

  it("is for organisers only", async () => {
    const { member, group, code } = await network("Yetkili Toplantı Ağı");
    expect(await say(member, group, "/meeting_new 17.03.2027 10:00 | Buca | Gündem")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await meetingsOf(code)).toEqual([]);
  });
});

describe("/meetings and /meeting <N>", () => {
  it("lists upcoming and past meetings and shows one in the reader's language", async () => {
    const { admin, member, group, code } = await network("Liste Toplantı Ağı");
    const networkRow = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    const buca = await scenario.db.prisma.organisation.create({
      data: { networkId: networkRow.id, name: "Buca KDM", shortName: "Buca", nameKey: "buca kdm", shortNameKey: "buca", rotationPosition: 1 },
    });
    await scenario.db.prisma.meeting.create({
      data: { networkId: networkRow.id, number: 24, title: "Atölye", agenda: ["Mevzuat ve Strateji"], startsAt: new Date("2026-02-17T07:00:00Z"), endsAt: new Date("2026-02-17T12:00:00Z"), venueName: "Buca1923 Mevlana Kafe", hostOrganisationId: buca.id, status: "held" },
    });
    await say(admin, group, "/network_set next_number 25");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış; Değerlendirme");
    const list = await say(member, group, "/meetings");
    expect(list).toContain("Yaklaşan\n25. toplantı: 17 Mart 2027 Çarşamba, 10:00–15:00, Konak (planlandı)");
    expect(list).toContain("Son toplantılar\n24. toplantı: 17 Şubat 2026 Salı, 10:00–15:00, Buca1923 Mevlana Kafe (yapıldı)");
    expect(await say(member, group, "/meeting 24")).toBe(
      "24. Toplantı: Atölye\nTarih: 17 Şubat 2026 Salı, 10:00–15:00\nYer: Buca1923 Mevlana Kafe\nEv sahibi: Buca KDM\nDurum: yapıldı\n\nGündem\n1. Mevzuat ve Strateji",
    );
    await say(member, group, "/lang en");
    expect(await say(member, group, "/meeting 25")).toContain("When: Wednesday 17 March 2027, 10:00–15:00");
    expect(await say(member, group, "/meeting 99")).toBe("This network has no meeting number 99. Type /meetings for the list.");
    expect(await say(member, group, "/meeting yirmi beş")).toBe("Usage: /meeting <number>, for example /meeting 25");
  });
});

describe("/meeting_edit", () => {
  it("changes each field, with the audit log recording before and after", async () => {
    const { admin, group, code } = await network("Düzenleme Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    // Each answer names the field and shows the old and the new value as understood.
    const edits: [string, string, string, string][] = [
      ["/meeting_edit 1 title Kadına Yönelik Şiddetle Mücadele: 25. Toplantı", "başlık", "Düzenleme Ağı", "Kadına Yönelik Şiddetle Mücadele: 25. Toplantı"],
      ["/meeting_edit 1 venue Buca1923 Mevlana Kafe", "yer", "Konak", "Buca1923 Mevlana Kafe"],
      ["/meeting_edit 1 address Buca, İzmir <zemin kat>", "adres", "belirtilmemiş", "Buca, İzmir <zemin kat>"],
      ["/meeting_edit 1 agenda Mevzuat ve Strateji; Güç İlişkileri", "gündem", "Açılış", "Mevzuat ve Strateji; Güç İlişkileri"],
      ["/meeting_edit 1 facilitators Kolaylaştırıcı A; Kolaylaştırıcı B", "kolaylaştırıcılar", "belirtilmemiş", "Kolaylaştırıcı A; Kolaylaştırıcı B"],
      ["/meeting_edit 1 duration 4,5", "süre", "5 saat", "4 saat 30 dakika"],
      ["/meeting_edit 1 capacity 40", "kontenjan", "belirtilmemiş", "40 kişi"],
      ["/meeting_edit 1 deadline 10.03.2027 17:00", "son yanıt tarihi", "belirtilmemiş", "10 Mart 2027 Çarşamba, 17:00"],
      ["/meeting_edit 1 online_link https://meet.example.org/kdm", "çevrim içi bağlantı", "belirtilmemiş", "https://meet.example.org/kdm"],
    ];
    for (const [command, field, before, after] of edits) {
      expect(await say(admin, group, command)).toBe(`✏️ 1. toplantı güncellendi: ${field}\nEski: ${before}\nYeni: ${after}`);
    }
    const [meeting] = await meetingsOf(code);
    expect(meeting).toMatchObject({
      venueName: "Buca1923 Mevlana Kafe",
      venueAddress: "Buca, İzmir <zemin kat>",
      agenda: ["Mevzuat ve Strateji", "Güç İlişkileri"],
      facilitators: ["Kolaylaştırıcı A", "Kolaylaştırıcı B"],
      capacity: 40,
      onlineLink: "https://meet.example.org/kdm",
    });
    expect(meeting!.endsAt.toISOString()).toBe("2027-03-17T11:30:00.000Z");
    expect(meeting!.rsvpDeadline!.toISOString()).toBe("2027-03-10T14:00:00.000Z");
    // Title, venue, address, agenda, facilitators, duration and link are in calendar entries: each raised SEQUENCE; capacity and deadline are not.
    expect(meeting!.icsSequence).toBe(7);
    const details = await say(admin, group, "/meeting 1");
    expect(details).toContain("Son yanıt tarihi: 10 Mart 2027 Çarşamba, 17:00");
    expect(details).toContain("Adres: Buca, İzmir <zemin kat>");
    expect(await say(admin, "private", "/audit 1")).toContain("Toplantı bilgisi değişti (online_link)");
    // Stored instants read in the network's time, not as ISO strings.
    const audit = await say(admin, "private", "/audit 2");
    expect(audit).toContain("10.03.2027 17:00");
    expect(audit).not.toContain("2027-03-10T14:00:00.000Z");
    // Reminder offsets read as durations.
    await say(admin, group, "/reminders_set 1 2g 3s");
    expect(await say(admin, "private", "/audit 1")).toMatch(/2 gün, 3 saat/);
    expect(await say(admin, group, "/meeting_edit 1 capacity yok")).toBe("✏️ 1. toplantı güncellendi: kontenjan\nEski: 40 kişi\nYeni: belirtilmemiş");
    // The Turkish names the usage text shows work too, with or without Turkish letters.
    expect(await say(admin, group, "/meeting_edit 1 Kontenjan 8")).toBe("✏️ 1. toplantı güncellendi: kontenjan\nEski: belirtilmemiş\nYeni: 8 kişi");
    await say(admin, group, "/meeting_edit 1 kontenjan yok");
    expect(await say(admin, group, "/meeting_edit 1 baslik Düzenleme Ağı")).toMatch(/^✏️ 1\. toplantı güncellendi: başlık\n/);
    expect(await say(admin, group, "/meeting_edit 1 son_yanıt yok")).toMatch(/^✏️ 1\. toplantı güncellendi: son yanıt tarihi\n/);
    // "yok" clears the address rather than becoming it.
    expect(await say(admin, group, "/meeting_edit 1 address yok")).toBe("✏️ 1. toplantı güncellendi: adres\nEski: Buca, İzmir <zemin kat>\nYeni: belirtilmemiş");
    expect((await meetingsOf(code))[0]!.venueAddress).toBeNull();
    await say(admin, group, "/lang en");
    expect(await say(admin, group, "/meeting_edit 1 duration 90dk")).toBe("✏️ Meeting 1 updated: duration\nWas: 4 hours 30 minutes\nNow: 1 hour 30 minutes");
    expect((await meetingsOf(code))[0]!.capacity).toBeNull();
  });

  it.each([
    ["/meeting_edit 1", /^Kullanım: \/meeting_edit/],
    ["/meeting_edit 1 colour red", /^Kullanım: \/meeting_edit/],
    ["/meeting_edit bir venue X", /^Kullanım: \/meeting_edit/],
    ["/meeting_edit 9 venue X", /^Bu ağda 9 numaralı bir toplantı yok/],
    ["/meeting_edit 1 duration 20", /^Süreyi saat olarak/],
    ["/meeting_edit 1 duration 10dk", /^Süreyi saat olarak/],
    ["/meeting_edit 1 capacity -3", /^Kontenjan 1 ya da daha büyük/],
    ["/meeting_edit 1 deadline 20.03.2027 10:00", /^Son yanıt tarihi toplantıdan sonra olamaz/],
    ["/meeting_edit 1 deadline 30.02.2027 10:00", /^Takvimde böyle bir gün yok/],
    ["/meeting_edit 1 deadline 01.01.2026 10:00", /^Bu tarih geçmişte kaldı/],
    ["/meeting_edit 1 online_link javascript:alert(1)", /^Bağlantı http:\/\/ ya da https:\/\/ ile başlamalı/],
    ["/meeting_edit 1 agenda ;", /^Gündemde en az bir madde olmalı/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group, code } = await network("Hatalı Düzenleme Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    const before = await meetingsOf(code);
    const rows = await countRows();
    expect(await say(admin, group, command)).toMatch(expected);
    expect(await meetingsOf(code)).toEqual(before);
    expect(await countRows()).toEqual(rows);
  });

  it("refuses to change a cancelled meeting", async () => {
    const { admin, group, code } = await network("İptal Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    await scenario.db.prisma.meeting.updateMany({ where: { network: { joinCode: code } }, data: { status: "cancelled" } });
    expect(await say(admin, group, "/meeting_edit 1 venue Buca")).toBe("Bu toplantı iptal edildi; iptal edilen bir toplantı değiştirilemez.");
  });
});

describe("/reschedule and /cancel", () => {
  it("moves a planned meeting quietly, keeping its length and raising the calendar sequence", async () => {
    const { admin, group, code } = await network("Taşıma Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    await say(admin, group, "/meeting_edit 1 duration 3");
    const sentBefore = scenario.emulator.botMessagesIn(group.id).length;
    expect(await say(admin, group, "/reschedule 1 24 Mart 2027 13:30")).toBe("1. toplantı yeni tarihine taşındı: 24 Mart 2027 Çarşamba, 13:30–16:30.");
    const [meeting] = await meetingsOf(code);
    expect(meeting!.startsAt.toISOString()).toBe("2027-03-24T10:30:00.000Z");
    expect(meeting!.endsAt.toISOString()).toBe("2027-03-24T13:30:00.000Z");
    // One for the new length, one for the new date.
    expect(meeting!.icsSequence).toBe(2);
    // Only the organiser's confirmation: nobody was invited to the planned meeting yet.
    expect(scenario.emulator.botMessagesIn(group.id).length).toBe(sentBefore + 1);
  });

  it("/cancel asks first: keeping changes nothing, a member's or a stale press changes nothing, confirming cancels once", async () => {
    const { admin, member, outsider, group, code } = await network("Onay Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    await scenario.db.prisma.meeting.updateMany({ where: { network: { joinCode: code } }, data: { status: "invited" } });
    const ask = async (text: string) => {
      const { message } = scenario.emulator.sendText(admin, group, text);
      return scenario.emulator.nextBotMessage(group.id, message.message_id);
    };
    const buttons = (question: { reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } }) => question.reply_markup!.inline_keyboard!.flat();
    const before = await countRows();
    const question = await ask("/cancel 1 Salon <yok> & kapalı");
    expect(question.text).toBe(
      "1. toplantıyı iptal etmek istediğinize emin misiniz?\nOnay Ağı · 17 Mart 2027 Çarşamba, 10:00–15:00\n\n" +
        "Bağlı sohbetlere iptal duyurusu gönderilir ve davet kartlarında toplantının iptal edildiği belirtilir. Şu ana kadar katılacağını ya da katılabileceğini bildiren olmadı.\n\n" +
        "Gerekçe: Salon <yok> & kapalı\n\nİptal geri alınamaz; 1 numarası bir daha kullanılmaz.",
    );
    expect(buttons(question).map((b) => b.text)).toEqual(["❌ Evet, iptal et", "Vazgeç"]);
    const [confirm, keep] = buttons(question).map((b) => b.callback_data!);
    // A member, an outsider and a forged button change nothing.
    expect(await scenario.emulator.pressButton(member, group.id, question.message_id, confirm!)).toEqual({ text: "Bu komutu yalnızca ağın koordinatörleri kullanabilir.", show_alert: true });
    expect((await scenario.emulator.pressButton(outsider, group.id, question.message_id, confirm!)).show_alert).toBe(true);
    expect(await scenario.emulator.pressButton(admin, group.id, question.message_id, confirm!.replace(/:\d+$/, ":9"), { forged: true })).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    // Keeping it: nothing changes and the question says so.
    expect((await scenario.emulator.pressButton(admin, group.id, question.message_id, keep!)).text).toBe("İptalden vazgeçildi; 1. toplantı olduğu gibi duruyor.");
    await scenario.running.ortak.inFlight.drain();
    expect(scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id === question.message_id)!.text).toBe("İptalden vazgeçildi; 1. toplantı olduğu gibi duruyor.");
    expect(await countRows()).toEqual(before);
    // Asked again, then the meeting changes before the press: the question is stale.
    const second = await ask("/cancel 1");
    await say(admin, group, "/meeting_edit 1 venue Bornova");
    const changed = await countRows();
    expect(await scenario.emulator.pressButton(admin, group.id, second.message_id, buttons(second)[0]!.callback_data!)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await countRows()).toEqual(changed);
    // Confirmed: cancelled with the reason of the /cancel message, and the question says so.
    const third = await ask("/cancel 1 Salon su bastı");
    expect((await scenario.emulator.pressButton(admin, group.id, third.message_id, buttons(third)[0]!.callback_data!)).text).toBe(
      "1. toplantı iptal edildi; duyuru bağlı sohbetlere gönderiliyor. Bu numara bir daha kullanılmayacak.",
    );
    const [meeting] = await meetingsOf(code);
    expect(meeting).toMatchObject({ status: "cancelled", cancelReason: "Salon su bastı" });
    // The confirmed question's button, pressed again afterwards, cancels nothing twice.
    expect((await scenario.emulator.pressButton(admin, group.id, third.message_id, buttons(third)[0]!.callback_data!)).text).toBe("Bu toplantı zaten iptal edilmiş.");
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("❌ 1. toplantı iptal edildi."))).toHaveLength(1);
  });

  it("tells every linked chat once, in the network's language and into a linked topic, for an announced meeting", async () => {
    const { admin, group, code } = await network("Duyuru Ağı");
    const forum = scenario.emulator.createGroup({ title: "Forum", isForum: true, members: [{ user: admin, status: "creator" }] });
    const topic = scenario.emulator.createTopic(forum, "Toplantılar");
    const { message } = scenario.emulator.sendText(admin, forum, `/link ${code}`, { threadId: topic });
    await scenario.emulator.nextBotMessage(forum.id, message.message_id);
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    await scenario.db.prisma.meeting.updateMany({ where: { network: { joinCode: code } }, data: { status: "invited" } });

    await say(admin, "private", "/start");
    await say(admin, "private", "/lang en");
    expect(await say(admin, "private", "/reschedule 1 18.03.2027 10:00")).toBe(
      "Meeting 1 moved to its new date: Thursday 18 March 2027, 10:00–15:00. The linked chats are being told.",
    );
    const groupNotice = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    expect(groupNotice.text).toBe("📅 1. toplantının tarihi değişti.\nEski: 17 Mart 2027 Çarşamba, 10:00–15:00\nYeni: 18 Mart 2027 Perşembe, 10:00–15:00");
    const topicNotice = scenario.emulator.botMessagesIn(forum.id).at(-1)!;
    expect(topicNotice.threadId).toBe(topic);
    expect(topicNotice.text).toBe(groupNotice.text);

    const reason = "Salon <su baskını> & tadilat";
    expect(await scenario.cancelMeeting(admin, "private", `1 ${reason}`)).toBe("Meeting 1 is cancelled; the linked chats are being told. Its number will not be used again.");
    expect(scenario.emulator.botMessagesIn(group.id).at(-1)!.text).toBe(`❌ 1. toplantı iptal edildi.\nGerekçe: ${reason}`);
    expect(scenario.emulator.botMessagesIn(forum.id).filter((m) => m.text?.startsWith("❌"))).toHaveLength(1);
    const [meeting] = await meetingsOf(code);
    expect(meeting).toMatchObject({ status: "cancelled", cancelReason: reason, icsSequence: 2 });

    // A cancelled meeting keeps its number and cannot be moved, cancelled again or edited.
    expect(await say(admin, "private", "/reschedule 1 19.03.2027 10:00")).toBe("This meeting was cancelled; a cancelled meeting cannot be changed.");
    expect(await say(admin, "private", "/cancel 1")).toBe("This meeting has already been cancelled.");
    expect(await say(admin, "private", "/meeting_new 20.03.2027 10:00 | Konak | Açılış")).toMatch(/^✅ Meeting 2 created\. Please check the details:\nWhen: Saturday 20 March 2027, 10:00–15:00\nVenue: Konak\n/);
    expect(await say(admin, "private", "/meetings")).toContain("Meeting 1: Thursday 18 March 2027, 10:00–15:00, Konak (cancelled)");
  });

  it.each([
    ["/reschedule", /^Kullanım: \/reschedule/],
    ["/reschedule 1", /^Kullanım: \/reschedule/],
    ["/reschedule 7 18.03.2027 10:00", /^Bu ağda 7 numaralı bir toplantı yok/],
    ["/reschedule 1 31.02.2027 10:00", /^Takvimde böyle bir gün yok/],
    ["/reschedule 1 18.03.2027 24:00", /^Böyle bir saat yok/],
    ["/reschedule 1 18.03.2025 10:00", /^Bu tarih geçmişte kaldı/],
    ["/reschedule 1 17.03.2027 10:00", /^Toplantı zaten bu tarih ve saatte/],
    ["/reschedule 2 18.03.2027 10:00", /^Bu toplantının zamanı geçti/],
    ["/cancel", /^Kullanım: \/cancel/],
    ["/cancel yirmi", /^Kullanım: \/cancel/],
    ["/cancel 2", /^Bu toplantının zamanı geçti/],
    [`/cancel 1 ${"g".repeat(201)}`, /^Bu metin en fazla 200 karakter/],
  ])("%s → a clear answer, nothing changed", async (command, expected) => {
    const { admin, group, code } = await network("Hatalı Taşıma Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    const networkRow = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    await scenario.db.prisma.meeting.create({
      data: { networkId: networkRow.id, number: 2, title: "Geçmiş", agenda: ["x"], startsAt: new Date("2026-10-01T07:00:00Z"), endsAt: new Date("2026-10-01T12:00:00Z") },
    });
    const before = await meetingsOf(code);
    const rows = await countRows();
    expect(await say(admin, group, command)).toMatch(expected);
    expect(await meetingsOf(code)).toEqual(before);
    expect(await countRows()).toEqual(rows);
  });

  it("is for organisers only", async () => {
    const { admin, member, group, code } = await network("Yetki Taşıma Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Konak | Açılış");
    expect(await say(member, group, "/reschedule 1 18.03.2027 10:00")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(member, group, "/cancel 1")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect((await meetingsOf(code))[0]).toMatchObject({ status: "planned", icsSequence: 0 });
  });
});

describe("/ics", () => {
  it("sends a calendar file whose UID stays and whose SEQUENCE and STATUS follow reschedule and cancel", async () => {
    const ICAL = (await import("ical.js")).default;
    const { admin, member, group } = await network("Takvim Ağı");
    await say(admin, group, "/meeting_new 17.03.2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji; Güç İlişkileri");
    const read = async () => {
      const { message } = scenario.emulator.sendText(member, group, "/ics 1");
      const sent = await scenario.emulator.nextBotMessage(group.id, message.message_id);
      expect(sent.document?.file_name).toBe("ortak-1.ics");
      const vevent = new ICAL.Component(ICAL.parse(scenario.emulator.file(sent.document!.file_id)!.toString("utf8"))).getFirstSubcomponent("vevent")!;
      return { caption: sent.caption, event: new ICAL.Event(vevent), status: vevent.getFirstPropertyValue("status") };
    };
    const first = await read();
    expect(first.caption).toBe("1. toplantı: takviminize eklemek için dosyayı açın.");
    expect(first.event.summary).toBe("Takvim Ağı: 1. Toplantı");
    expect(first.event.description).toBe("Gündem:\n1. Mevzuat ve Strateji\n2. Güç İlişkileri");
    expect(first.event.location).toBe("Buca1923 Mevlana Kafe");
    expect([first.event.sequence, first.status]).toEqual([0, "CONFIRMED"]);

    await say(admin, group, "/reschedule 1 18.03.2027 10:00");
    const moved = await read();
    expect(moved.event.uid).toBe(first.event.uid);
    expect(moved.event.sequence).toBe(1);

    await scenario.cancelMeeting(admin, group, "1 Salon yok");
    const cancelled = await read();
    expect([cancelled.event.uid, cancelled.event.sequence, cancelled.status]).toEqual([first.event.uid, 2, "CANCELLED"]);
    expect(cancelled.caption).toMatch(/iptal edildi/);
    expect(await say(member, group, "/ics 9")).toMatch(/^Bu ağda 9 numaralı bir toplantı yok/);
    expect(await say(member, group, "/ics")).toMatch(/^Kullanım: \/ics/);
  });
});

describe("/meeting_new without arguments: a guided dialogue", () => {
  /** The user answers the bot's last question by replying to it, as Telegram's force-reply does. */
  async function answer(user: Parameters<typeof say>[0], group: Parameters<typeof say>[1], text: string): Promise<string> {
    const chatId = group === "private" ? user.id : group.id;
    const question = scenario.emulator.botMessagesIn(chatId).at(-1)!;
    return say(user, group, text, { replyTo: question.message_id });
  }

  it("asks date, time, venue and agenda, re-asks what it cannot read, and survives a restart", async () => {
    const { admin, group, code } = await network("Adım Adım Ağı");
    expect(await say(admin, group, "/meeting_new")).toBe("Yeni toplantı hangi gün yapılacak? Örneğin 17.03.2027 ya da 17 Mart. Vazgeçmek için /cancel_dialog yazın.");
    expect(await answer(admin, group, "31 Şubat 2027")).toMatch(/^Takvimde böyle bir gün yok.*\n\nYeni toplantı hangi gün yapılacak\?/s);
    expect(await answer(admin, group, "17 Mart 2027")).toBe("Toplantı saat kaçta başlayacak? Örneğin 10:00");
    // A restart between two answers: the next answer continues where it stopped.
    await scenario.restart();
    expect(await answer(admin, group, "25:00")).toMatch(/^Böyle bir saat yok.*\n\nToplantı saat kaçta başlayacak\?/s);
    expect(await answer(admin, group, "10:00")).toBe("Toplantı nerede yapılacak? Lütfen yerin adını yazın.");
    expect(await answer(admin, group, "Buca1923 <Kafe> & Bahçe")).toMatch(/^Gündem maddelerini ; ile ayırarak yazın/);
    expect(await answer(admin, group, " ; ")).toMatch(/^Gündemde en az bir madde olmalı/);
    // The dialogue ends with the same confirmation as the one-line command: what was understood.
    expect(await answer(admin, group, "Açılış; Mevzuat ve Strateji")).toBe(
      "✅ 1. toplantı oluşturuldu. Lütfen bilgileri kontrol edin:\nTarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nYer: Buca1923 <Kafe> & Bahçe\n\nGündem\n1. Açılış\n2. Mevzuat ve Strateji\n\n" +
        "Bir yanlışlık görürseniz /meeting_edit 1 ile düzeltebilir, tarihi /reschedule 1 ile değiştirebilirsiniz. Ayrıntılar için /meeting 1 yazın.",
    );
    const [meeting] = await meetingsOf(code);
    expect(meeting).toMatchObject({ number: 1, venueName: "Buca1923 <Kafe> & Bahçe", agenda: ["Açılış", "Mevzuat ve Strateji"] });
    expect(await scenario.db.prisma.dialogue.count({ where: { telegramChatId: BigInt(group.id) } })).toBe(0);
  });

  it("/cancel_dialog ends it and nothing is created; a member cannot start one", async () => {
    const { admin, member, group, code } = await network("Vazgeçilen Ağ");
    await say(admin, group, "/meeting_new");
    await answer(admin, group, "17.03.2027");
    const before = await countRows();
    expect(await say(admin, group, "/cancel_dialog")).toBe("Tamam, işlemi iptal ettim; hiçbir şey kaydedilmedi.");
    expect(await say(admin, group, "/cancel_dialog")).toBe("Şu anda süren bir işlem yok.");
    expect(await meetingsOf(code)).toEqual([]);
    expect(await countRows()).toEqual(before);
    expect(await say(member, group, "/meeting_new")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await scenario.db.prisma.dialogue.count({ where: { telegramChatId: BigInt(group.id) } })).toBe(0);
  });

  it("a reply to the invitation card while a question waits answers the card; the question still waits for its own reply", async () => {
    const { admin, group, code } = await scenario.networkWithMeeting("Kart Yanıtı Ağı", "Gündem");
    await say(admin, group, "/invite 25");
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
    expect(await say(admin, group, "/meeting_new")).toMatch(/^Yeni toplantı hangi gün yapılacak\?/);
    const question = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    const { message } = scenario.emulator.sendText(admin, group, "katılıyorum", { replyTo: card.message_id });
    await scenario.emulator.waitFor(() => message.reactions.length > 0 || undefined);
    expect(message.reactions).toEqual(["👍"]);
    const [meeting] = await meetingsOf(code);
    expect(await scenario.db.prisma.rsvp.findMany({ where: { meetingId: meeting!.id }, select: { status: true, source: true } })).toEqual([{ status: "yes", source: "reply" }]);
    // Nothing was read as the date: the same question waits, and its reply is taken.
    expect(scenario.emulator.botMessagesIn(group.id).at(-1)!.message_id).toBe(question.message_id);
    expect(await say(admin, group, "17 Mart 2027", { replyTo: question.message_id })).toBe("Toplantı saat kaçta başlayacak? Örneğin 10:00");
    await say(admin, group, "/cancel_dialog");
  });

  it("works in private too, in the organiser's language", async () => {
    const { admin, group } = await network("Özel Adım Ağı");
    await say(admin, group, "/lang en");
    expect(await say(admin, "private", "/meeting_new")).toBe("Which day will the new meeting be held? For example 17.03.2027 or 17 March. Type /cancel_dialog to stop.");
    expect(await answer(admin, "private", "yesterday")).toMatch(/^I could not read the date/);
    expect(await answer(admin, "private", "2026-11-23")).toMatch(/^That date is in the past/);
    await say(admin, "private", "/cancel_dialog");
  });
});
