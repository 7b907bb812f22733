import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
const { scenario, moveClockTo, runDueJobs } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;
const prisma = () => scenario.db.prisma;

let admin: EmulatedUser;
let ayse: EmulatedUser;
let elif: EmulatedUser;
let nur: EmulatedUser;
let offline: EmulatedUser;
let group: EmulatedChat;
let meetingId = 0;
let networkId = 0;

type Button = { text: string; callback_data?: string };
const dms = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id);
const lastDm = (user: EmulatedUser) => dms(user).at(-1)!;
const buttons = (message: StoredMessage): Button[] => (message.reply_markup?.inline_keyboard ?? []).flat() as Button[];
const dataOf = (message: StoredMessage, text: string) => buttons(message).find((b) => b.text.includes(text))?.callback_data ?? "";
const prompts = (user: EmulatedUser) => dms(user).filter((m) => m.text?.startsWith("🤝"));
/** The message as it is now (edits included). */
const current = (message: StoredMessage) => scenario.emulator.messagesIn(message.chatId).find((m) => m.message_id === message.message_id)!;

/** A press, then whatever the handler sends after answering it, then the outbox. */
async function press(user: EmulatedUser, message: StoredMessage, data: string, forged = false) {
  const answer = await scenario.emulator.pressButton(user, message.chatId, message.message_id, data, { forged });
  await scenario.running.ortak.inFlight.drain();
  await scenario.deliver();
  return answer;
}

const memberIdOf = async (user: EmulatedUser) => (await prisma().member.findFirstOrThrow({ where: { networkId, userId: BigInt(user.id) } })).id;
const needsOf = async (user: EmulatedUser) =>
  (await prisma().supportNeed.findMany({ where: { meetingId, memberId: await memberIdOf(user) } })).map((n) => (n.detail ? `${n.kind}=${n.detail}` : n.kind)).sort();
const allNeedRows = () => prisma().supportNeed.findMany({ orderBy: { id: "asc" } });

/** Sends a private command whose answer is a file, and returns the file parsed as JSON. */
async function askForJson(user: EmulatedUser, text: string): Promise<Record<string, unknown>> {
  const before = dms(user).length;
  scenario.emulator.sendText(user, "private", text);
  const message = await scenario.emulator.waitFor(() => dms(user).slice(before).find((m) => m.document !== undefined), 5_000, `a file after ${text}`);
  await scenario.running.ortak.inFlight.drain();
  return JSON.parse(scenario.emulator.file(message.document!.file_id)!.toString("utf8")) as Record<string, unknown>;
}

/** Every text the bot showed the group (every version of edited messages included). */
const groupTexts = () =>
  scenario.emulator
    .botMessagesIn(group.id)
    .flatMap((m) => [m.text ?? "", m.caption ?? "", ...m.versions.map((v) => v.text ?? "")])
    .join("\n");

describe("support needs", () => {
  it("sets up meeting 25, hosted by Buca (Ayşe), invited; Ayşe, Elif, Nur and the organiser have started the bot, Selin has not", async () => {
    const fixture = await scenario.network("Destek Ağı");
    ({ admin, member: ayse, group } = fixture);
    const n = scenario.emulator.users.size;
    elif = scenario.emulator.createUser({ first_name: "Elif", last_name: "Kaya", username: `elif_${n}`, language_code: "tr" });
    nur = scenario.emulator.createUser({ first_name: "Nur", last_name: "Demir", username: `nur_${n}`, language_code: "tr" });
    offline = scenario.emulator.createUser({ first_name: "Selin", last_name: "Aksoy", username: `selin_${n}`, language_code: "tr" });
    for (const user of [elif, nur, offline]) {
      scenario.emulator.setMember(group, user, "member");
      await say(user, group, "/whoami");
    }
    await say(admin, group, "/network_set next_number 25");
    await say(admin, group, "/org_add Buca KDM | Buca");
    await say(admin, group, "/org_add Karşıyaka KDM | Karşıyaka");
    await say(admin, group, `/member_set_org @${ayse.username} Buca`);
    await say(admin, group, `/member_set_org @${elif.username} Karşıyaka`);
    await say(admin, group, `/member_set_org @${nur.username} Karşıyaka`);
    for (const user of [admin, ayse, elif, nur]) await say(user, "private", "/start");
    await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
    const proposal = dms(ayse).filter((m) => m.text?.startsWith("🏠")).at(-1)!;
    await press(ayse, proposal, buttons(proposal)[0]!.callback_data!);
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id));
    await scenario.settle();
    const meeting = await prisma().meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
    meetingId = meeting.id;
    networkId = meeting.networkId;
    expect(meeting.hostOrganisationId).not.toBeNull();
    expect(dms(ayse).some((m) => m.text?.startsWith("25. Toplantı"))).toBe(true);
  });

  it("a yes on the private card is followed by the toggles; each press changes only the presser's own needs and edits the message", async () => {
    const card = dms(ayse).find((m) => m.text?.startsWith("25. Toplantı"))!;
    expect((await press(ayse, card, `rsvp:${meetingId}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    const prompt = lastDm(ayse);
    expect(prompt.text).toBe(
      "🤝 25. toplantı: destek ihtiyaçlarınız\n" +
        "Katılabilmeniz için çocuk bakımı, ulaşım, tercüme, erişilebilirlik ya da beslenme konusunda desteğe ihtiyacınız varsa aşağıdan seçebilirsiniz. Koordinatörler ve ev sahibi kurumun irtibat kişileri yalnızca toplam sayıları ve yazdığınız açıklamaları görür; adınız paylaşılmaz.\n\n" +
        "Henüz bir destek ihtiyacı bildirmediniz.\n" +
        "Komutla da yazabilirsiniz: /needs 25 çocuk bakımı, ulaşım · hepsini kaldırmak için: /needs 25 yok",
    );
    expect(buttons(prompt).map((b) => b.text)).toEqual([
      "👶 Çocuk bakımı",
      "🚌 Ulaşım desteği",
      "🗣️ TİD tercüme",
      "🗣️ Kürtçe tercüme",
      "🗣️ Arapça tercüme",
      "🗣️ Başka bir dil…",
      "♿ Erişilebilirlik",
      "🥗 Beslenme…",
    ]);

    expect((await press(ayse, prompt, dataOf(prompt, "Çocuk bakımı"))).text).toBe("Eklendi: çocuk bakımı");
    expect((await press(ayse, current(prompt), dataOf(current(prompt), "TİD"))).text).toBe("Eklendi: TİD tercüme");
    expect(await needsOf(ayse)).toEqual(["childcare", "interpretation_tid"]);
    expect(current(prompt).text).toContain("Bildirdiğiniz ihtiyaçlar: çocuk bakımı, TİD tercüme");
    expect(buttons(current(prompt)).map((b) => b.text)).toEqual(expect.arrayContaining(["✅ 👶 Çocuk bakımı", "✅ 🗣️ TİD tercüme", "🚌 Ulaşım desteği", "🧹 Hepsini kaldır"]));

    // A second press of a stated need withdraws it.
    expect((await press(ayse, current(prompt), dataOf(current(prompt), "TİD"))).text).toBe("Kaldırıldı: TİD tercüme");
    expect(await needsOf(ayse)).toEqual(["childcare"]);
  });

  it("a text need asks for its text by reply: too long or empty is refused and nothing changes; HTML arrives as typed", async () => {
    const prompt = prompts(ayse).at(-1)!;
    await press(ayse, current(prompt), dataOf(current(prompt), "Başka bir dil"));
    const question = lastDm(ayse);
    expect(question.text).toBe(
      "25. toplantı için hangi dilde tercümeye ihtiyacınız var? Lütfen bu mesajı yanıtlayarak yazın (en çok 200 karakter). Yazdığınız, adınız olmadan iletilir; lütfen adınızı ya da sizi tanıtacak bir bilgi yazmayın.",
    );
    expect(question.forceReply).toMatchObject({ placeholder: "Örneğin Farsça" });
    expect(await needsOf(ayse)).toEqual(["childcare"]);
    const rowsBefore = await allNeedRows();
    expect(await say(ayse, "private", "ç".repeat(201), { replyTo: question.message_id })).toBe(
      "“başka dilde tercüme” için yazdığınız metin 201 karakter; en çok 200 karakter olabilir. Hiçbir şey değişmedi.",
    );
    expect(await allNeedRows()).toEqual(rowsBefore);
    const saved = await say(ayse, "private", "Farsça", { replyTo: question.message_id });
    expect(saved).toContain("✅ Destek ihtiyaçlarınızı kaydettim.");
    expect(saved).toContain("Bildirdiğiniz ihtiyaçlar: çocuk bakımı, başka dilde tercüme (Farsça)");
    // The question was answered: a later plain message is not taken as a need.
    expect(await say(ayse, "private", "teşekkürler")).not.toContain("kaydettim");

    await press(ayse, prompts(ayse).at(-1)!, dataOf(prompts(ayse).at(-1)!, "Beslenme"));
    expect(lastDm(ayse).text).toContain("beslenme ihtiyacınızı yazar mısınız");
    const html = await say(ayse, "private", "<b>helal</b> & glutensiz");
    expect(html).toContain("beslenme (<b>helal</b> & glutensiz)");
    expect(await needsOf(ayse)).toEqual(["childcare", "diet=<b>helal</b> & glutensiz", "interpretation_other=Farsça"]);
  });

  it("a yes or maybe in the group brings the toggles by DM once per meeting, only to members the bot may write to", async () => {
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
    const before = prompts(elif).length;
    expect((await press(elif, card, `rsvp:${meetingId}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    expect(prompts(elif).length).toBe(before + 1);
    expect(buttons(prompts(elif).at(-1)!).map((b) => b.callback_data)).toContain(`need:${meetingId}:c`);
    await press(elif, card, `rsvp:${meetingId}:m`);
    await press(elif, card, `rsvp:${meetingId}:y`);
    expect(prompts(elif).length).toBe(before + 1);
    // Selin never started the bot: no offer is even written for her.
    await press(offline, card, `rsvp:${meetingId}:y`);
    expect(await prisma().outboxMessage.count({ where: { kind: "needs-offer", audience: `member:${await memberIdOf(offline)}` } })).toBe(0);
    expect(await prisma().outboxMessage.count({ where: { kind: "needs-offer", audience: `member:${await memberIdOf(elif)}` } })).toBe(1);
    // A no brings nothing.
    await press(nur, card, `rsvp:${meetingId}:n`);
    expect(prompts(nur)).toEqual([]);
  });

  it("/needs sets, shows and clears by command in Turkish and English words; in a group it only points to the private chat", async () => {
    const set = await say(elif, "private", "/needs 25 çocuk bakımı, tercüme KÜRTÇE, beslenme: vejetaryen");
    expect(set).toContain("✅ Destek ihtiyaçlarınızı kaydettim.");
    expect(set).toContain("Bildirdiğiniz ihtiyaçlar: çocuk bakımı, Kürtçe tercüme, beslenme (vejetaryen)");
    expect(await needsOf(elif)).toEqual(["childcare", "diet=vejetaryen", "interpretation_kurdish"]);
    // The command states the whole set: what is not named goes.
    await say(elif, "private", "/needs 25 transport, interpretation arabic, diet: vegan");
    expect(await needsOf(elif)).toEqual(["diet=vegan", "interpretation_arabic", "transport"]);
    const shown = await say(elif, "private", "/needs 25");
    expect(shown).toContain("Bildirdiğiniz ihtiyaçlar: ulaşım desteği, Arapça tercüme, beslenme (vegan)");
    expect(buttons(lastDm(elif)).map((b) => b.text)).toContain("🧹 Hepsini kaldır");
    expect(await say(elif, "private", "/needs 25 yok")).toContain("✅ Destek ihtiyaçlarınızı kaldırdım.");
    expect(await needsOf(elif)).toEqual([]);
    await say(elif, "private", "/needs 25 tercüme Kürtçe, beslenme: vejetaryen");

    const rows = await allNeedRows();
    expect(await say(elif, group, "/needs 25 ulaşım")).toBe(
      "Destek ihtiyaçları kişiseldir; lütfen bunları bana özel mesajla bildirin: https://t.me/ortak_test_bot bağlantısını açıp orada /needs yazabilirsiniz.",
    );
    expect(await allNeedRows()).toEqual(rows);
    // The buttons are offered once per meeting: answering again brings no second offer (/needs shows them any time).
    const offered = prompts(elif).length;
    await say(elif, "private", "/rsvp 25 belki");
    await say(elif, "private", "/rsvp 25 evet");
    expect(prompts(elif).length).toBe(offered);
  });

  it("bad input gets a clear answer and changes no row: unknown words, a text over 200 characters, no language, no or no answer, unknown or cancelled meeting", async () => {
    await say(admin, group, "/meeting_new 14 Nisan 2027 10:00 | Salon | Gündem");
    await say(ayse, "private", "/rsvp 26 evet");
    await scenario.cancelMeeting(admin, group, "26");
    const rows = await allNeedRows();
    expect(await say(ayse, "private", "/needs 25 çocuk bakımı, uçak bileti")).toBe(
      "Şunları bir destek ihtiyacı olarak tanıyamadım: uçak bileti. Şunları yazabilirsiniz: çocuk bakımı, ulaşım, TİD (işaret dili) tercümesi, Kürtçe tercüme, Arapça tercüme, <dil> tercüme, erişilebilirlik (tekerlekli sandalye), beslenme: <ihtiyaç>. Hiçbir şey değişmedi.",
    );
    expect(await say(ayse, "private", `/needs 25 beslenme: ${"a".repeat(201)}`)).toBe("“beslenme” için yazdığınız metin 201 karakter; en çok 200 karakter olabilir. Hiçbir şey değişmedi.");
    expect(await say(ayse, "private", "/needs 25 tercüme")).toMatch(/^Tercüme için dili de yazın/);
    expect(await say(ayse, "private", "/needs 25 <script>")).toContain("tanıyamadım: script.");
    expect(await say(nur, "private", "/needs 25 ulaşım")).toBe(
      "25. toplantıya katılamayacağınızı bildirdiniz. Destek ihtiyacını, toplantıya “evet” ya da “belki” yanıtı verenler bildirebilir; yanıtınızı değiştirirseniz (/rsvp 25 evet) ihtiyaçlarınızı bildirebilirsiniz. Hiçbir şey değişmedi.",
    );
    expect(await say(nur, "private", "/needs 25 uçak")).toContain("katılamayacağınızı bildirdiniz");
    expect(await say(admin, "private", "/needs 25 ulaşım")).toMatch(/^Destek ihtiyacını, toplantıya “evet” ya da “belki” yanıtı verenler bildirebilir\. Önce 25\. toplantıya yanıt verin/);
    expect(await say(ayse, "private", "/needs 99 ulaşım")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
    expect(await say(ayse, "private", "/needs 26 ulaşım")).toBe("26. toplantı iptal edildi; destek ihtiyacı bildirilemez. Hiçbir şey değişmedi.");
    expect(await say(ayse, "private", "/needs")).toMatch(/^Kullanım: \/needs <numara>/);
    expect(await say(ayse, "private", "/needs yirmibeş ulaşım")).toMatch(/^Kullanım: \/needs/);
    expect(await say(scenario.emulator.createUser({ first_name: "Yabancı", language_code: "tr" }), "private", "/needs 25 ulaşım")).not.toContain("kaydettim");
    expect(await allNeedRows()).toEqual(rows);
  });

  it("a copied or forged toggle changes nothing; a toggle after changing to no is refused", async () => {
    const rows = await allNeedRows();
    const ayses = prompts(ayse).at(-1)!;
    // Elif presses Ayşe's button (a copy in someone else's chat).
    expect(await press(elif, ayses, dataOf(ayses, "Ulaşım"))).toMatchObject({ text: "Bu düğme size ait değil; hiçbir şey değişmedi.", show_alert: true });
    // Data that is on no button of the message, or names another meeting.
    const elifs = prompts(elif).at(-1)!;
    expect((await press(elif, elifs, `need:${meetingId}:z`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await press(elif, elifs, `need:${meetingId + 1}:c`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect(await allNeedRows()).toEqual(rows);
    // Elif changes to no: her stored needs stay, but her buttons and her totals no longer count.
    await say(elif, "private", "/rsvp 25 hayır");
    expect(await press(elif, current(elifs), dataOf(current(elifs), "Ulaşım"))).toMatchObject({ text: expect.stringContaining("katılamayacağınızı bildirdiniz"), show_alert: true });
    expect(await allNeedRows()).toEqual(rows);
    await say(admin, "private", "/rsvps 25");
    expect(lastDm(admin).text).toContain("Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, başka dilde tercüme: 1 (Farsça), beslenme: 1 (<b>helal</b> & glutensiz)");
    await say(elif, "private", "/rsvp 25 belki");
  });

  it("organisers see totals per need without names in /rsvps, and in /export one column per need, filled only on an unnamed totals row", async () => {
    expect(await say(admin, group, "/rsvps 25")).toBe("Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.");
    const list = lastDm(admin).text!;
    const line = list.split("\n").find((l) => l.startsWith("Destek ihtiyaçları"))!;
    expect(line).toBe(
      "Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, Kürtçe tercüme: 1, başka dilde tercüme: 1 (Farsça), beslenme: 2 (<b>helal</b> & glutensiz; vejetaryen)",
    );
    expect(line).not.toMatch(/Ayşe|Elif|Yılmaz|Kaya/);
    // The names above it are the answers, as before; the needs line is apart from them.
    expect(list.indexOf(line)).toBeGreaterThan(list.indexOf("Toplam:"));

    await say(admin, "private", "/export 25");
    const document = lastDm(admin).document!;
    const [header, ...lines] = scenario.emulator.file(document.file_id)!.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe(
      "meeting_number;organisation;member;status;party_size;answered_at;checked_in;need_childcare;need_transport;need_interpretation_tid;need_interpretation_kurdish;need_interpretation_arabic;need_interpretation_other;need_accessibility;need_diet",
    );
    const row = (name: string) => lines.find((l) => l.includes(name))!.split(";").slice(7);
    // Members were told their needs reach organisers without their name: no named row carries one.
    for (const name of ["Ayşe", "Elif", "Nur"]) expect(row(name)).toEqual(["", "", "", "", "", "", "", ""]);
    expect(lines.at(-1)).toBe('25;;(destek ihtiyaçları: isimler olmadan toplam);;;;;1;;;1;;1 (Farsça);;"2 (<b>helal</b> & glutensiz; vejetaryen)"');
  });

  it("/export_network carries totals per meeting, never a person's needs", async () => {
    const exported = await askForJson(admin, "/export_network");
    const meetings = exported.meetings as { number: number; supportNeedTotals: { counts: Record<string, number>; texts: Record<string, string[]> } }[];
    const m25 = meetings.find((m) => m.number === 25)!;
    expect(m25.supportNeedTotals.counts).toMatchObject({ childcare: 1, interpretation_kurdish: 1, interpretation_other: 1, diet: 2, transport: 0 });
    expect(m25.supportNeedTotals.texts.diet).toEqual(["<b>helal</b> & glutensiz", "vejetaryen"]);
    expect(Object.keys(m25)).not.toContain("needTotals");
    expect(JSON.stringify(exported)).not.toMatch(/"supportNeeds"|"kind":"childcare"/);
  });

  it("the host's checklist reminders carry the totals: every step when there are needs, the accessibility step always", async () => {
    moveClockTo("2027-02-24T07:00:01Z");
    await runDueJobs();
    const venueStep = dms(ayse).filter((m) => m.text?.startsWith("📋")).at(-1)!;
    expect(venueStep.text).toBe(
      "📋 25. toplantı hazırlığı (17 Mart 2027 Çarşamba, 10:00–15:00, Salon)\n" +
        "Toplantı yerini teyit edin.\n" +
        "Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, Kürtçe tercüme: 1, başka dilde tercüme: 1 (Farsça), beslenme: 2 (<b>helal</b> & glutensiz; vejetaryen)\n" +
        "Tamamladığınızda aşağıdaki düğmeye basın.",
    );
    await say(elif, "private", "/needs 25 tekerlekli sandalye, işaret dili");
    moveClockTo("2027-03-07T07:00:01Z");
    await runDueJobs();
    const accessibility = dms(ayse).filter((m) => m.text?.startsWith("📋")).at(-1)!;
    expect(accessibility.text).toBe(
      "📋 25. toplantı hazırlığı (17 Mart 2027 Çarşamba, 10:00–15:00, Salon)\n" +
        "Erişilebilirliği kontrol edin: basamaksız giriş, engelli tuvaleti, sessiz oda ya da çocuk odası; gerekiyorsa tercüman ayarlayın.\n" +
        "Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, TİD tercüme: 1, başka dilde tercüme: 1 (Farsça), erişilebilirlik: 1, beslenme: 1 (<b>helal</b> & glutensiz)\n" +
        "Tamamladığınızda aşağıdaki düğmeye basın.",
    );
    expect(accessibility.text).not.toMatch(/Elif|Ayşe/);
  });

  it("the day-before summary tells each organiser the answers per organisation and the needs in totals; the group sees none of it", async () => {
    moveClockTo("2027-03-16T07:00:01Z");
    await runDueJobs();
    const eve = dms(admin).filter((m) => m.text?.startsWith("📋 Yarın 25. toplantı var")).at(-1)!;
    expect(eve.text).toBe(
      [
        "📋 Yarın 25. toplantı var: son durum",
        "Tarih: 17 Mart 2027 Çarşamba, 10:00–15:00",
        "Yer: Salon",
        "",
        "Yanıtlar",
        "• Buca: 1 kişi katılıyor (1 yanıt)",
        "• Karşıyaka: 1 kişi belki katılacak",
        "• Kurumu belirtilmemiş: 1 kişi katılıyor (1 yanıt)",
        "Toplam: 2 kişi katılıyor · 1 kişi belki katılacak · 1 kişi katılamıyor",
        "",
        "Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, TİD tercüme: 1, başka dilde tercüme: 1 (Farsça), erişilebilirlik: 1, beslenme: 1 (<b>helal</b> & glutensiz)",
      ].join("\n"),
    );
    expect(eve.text).not.toMatch(/Ayşe|Elif|Nur|Selin/);
    // Only organisers get it.
    expect(dms(ayse).some((m) => m.text?.startsWith("📋 Yarın"))).toBe(false);
    const shown = groupTexts();
    // The one word on needs the group ever got: /needs asked there points to the private chat.
    expect(shown).toContain("Destek ihtiyaçları kişiseldir");
    for (const word of ["Destek ihtiyaçları (", "çocuk bakımı", "Farsça", "glutensiz", "tercüme", "erişilebilirlik:", "🤝"]) expect(shown).not.toContain(word);
  });

  it("/mydata includes the person's needs and venue reveals; /forgetme deletes them", async () => {
    const data = await askForJson(elif, "/mydata");
    expect(data.supportNeeds).toEqual([
      expect.objectContaining({ meetingNumber: 25, need: "interpretation_tid", text: null }),
      expect.objectContaining({ meetingNumber: 25, need: "accessibility", text: null }),
    ]);
    expect(data.venueReveals).toEqual([]);
    const elifId = await memberIdOf(elif);
    await prisma().venueReveal.create({ data: { meetingId, memberId: elifId, place: "digest", sentAt: new Date("2027-03-15T07:00:00Z") } });
    expect((await askForJson(elif, "/mydata")).venueReveals).toEqual([expect.objectContaining({ meetingNumber: 25, placeDigest: "digest", sentAt: "2027-03-15T07:00:00.000Z", undeliveredAt: null })]);
    // Nothing of anyone else's.
    expect(JSON.stringify(data)).not.toMatch(/glutensiz|Farsça|Ayşe/);

    await say(elif, "private", "/forgetme");
    const question = lastDm(elif);
    await press(elif, question, buttons(question)[0]!.callback_data!);
    expect(await prisma().supportNeed.count({ where: { memberId: elifId } })).toBe(0);
    expect(await prisma().venueReveal.count({ where: { memberId: elifId } })).toBe(0);
    expect(await prisma().member.count({ where: { id: elifId } })).toBe(0);
    expect(await prisma().supportNeed.count({ where: { meetingId } })).toBe(3);
  });

  it("30 days after the meeting the nightly housekeeping keeps the totals on the meeting and deletes the needs; views read the kept totals", async () => {
    const services = scenario.running.services;
    const expected = "Destek ihtiyaçları (toplam sayılar, isimsiz): çocuk bakımı: 1, başka dilde tercüme: 1 (Farsça), beslenme: 1 (<b>helal</b> & glutensiz)";
    // 29 days after: nothing yet.
    expect(await services.privacy.applyRetention(new Date("2027-04-15T00:30:00Z"))).toMatchObject({ needMeetings: 0, supportNeeds: 0 });
    expect(await prisma().supportNeed.count({ where: { meetingId } })).toBe(3);
    moveClockTo("2027-04-17T00:30:00Z");
    expect(await services.privacy.applyRetention()).toMatchObject({ needMeetings: 1, supportNeeds: 3 });
    expect(await prisma().supportNeed.count({ where: { meetingId } })).toBe(0);
    const kept = (await prisma().meeting.findUniqueOrThrow({ where: { id: meetingId } })).needTotals as { counts: Record<string, number> };
    expect(kept.counts).toMatchObject({ childcare: 1, interpretation_other: 1, diet: 1, transport: 0 });
    expect(JSON.stringify(kept)).not.toMatch(/Ayşe|member/i);
    await say(admin, "private", "/rsvps 25");
    expect(lastDm(admin).text).toContain(expected);
    // Again: nothing left to do, the totals stay.
    expect(await services.privacy.applyRetention()).toMatchObject({ needMeetings: 0, supportNeeds: 0 });
    await say(admin, "private", "/rsvps 25");
    expect(lastDm(admin).text).toContain(expected);
    // Over: no needs any more, and the person is told so.
    expect(await say(ayse, "private", "/needs 25 ulaşım")).toBe("25. toplantı başladı ya da sona erdi; destek ihtiyaçları artık değiştirilemez. Hiçbir şey değişmedi.");
    expect(await prisma().supportNeed.count({ where: { meetingId } })).toBe(0);
  });
});
