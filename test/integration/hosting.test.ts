import { describe, expect, it } from "vitest";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
const { scenario, moveClockTo, runDueJobs } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, network, countRows } = scenario;

/** Buca, Karşıyaka, Bornova (cannot host) and Konak; Ayşe speaks for Buca, Elif for Karşıyaka. */
async function rotationNetwork(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await network(name);
  const { admin, member: ayse, group } = fixture;
  const elif = scenario.emulator.createUser({ first_name: "Elif", username: `elif_${scenario.emulator.users.size}`, language_code: "tr" });
  scenario.emulator.setMember(group, elif, "member");
  await say(elif, group, "/whoami");
  await say(admin, group, "/network_set next_number 25");
  for (const org of ["Buca KDM | Buca", "Karşıyaka KDM | Karşıyaka", "Bornova KDM | Bornova", "Konak KDM | Konak"]) await say(admin, group, `/org_add ${org}`);
  await say(admin, group, "/org_edit Bornova can_host hayır");
  await say(admin, group, `/member_set_org @${ayse.username} Buca`);
  await say(admin, group, `/member_set_org @${elif.username} Karşıyaka`);
  for (const user of [admin, ayse, elif]) await say(user, "private", "/start");
  return { ...fixture, ayse, elif };
}

async function createMeeting(admin: EmulatedUser, group: EmulatedChat, when = "17 Mart 2027 10:00", venue = "Salon") {
  await say(admin, group, `/meeting_new ${when} | ${venue} | Gündem`);
  return scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { chats: { some: { telegramChatId: BigInt(group.id) } } } }, orderBy: { number: "desc" } });
}

/** The handler has answered; then the outbox sends what the change wrote. */
const settle = async () => {
  await scenario.running.ortak.inFlight.drain();
  await scenario.deliver();
};
const lastDm = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).at(-1)!;
const proposalTo = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🏠")).at(-1);
const press = (user: EmulatedUser, message: { message_id: number; chatId: number }, data: string, forged = false) =>
  scenario.emulator.pressButton(user, message.chatId, message.message_id, data, { forged });
const buttonData = (message: { reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } }, index: number) =>
  message.reply_markup!.inline_keyboard!.flat()[index]!.callback_data!;
const turnsOf = async (meetingId: number) =>
  (await scenario.db.prisma.hostTurn.findMany({ where: { meetingId }, include: { organisation: true }, orderBy: { id: "asc" } })).map((t) => `${t.organisation.shortName} ${t.status}`);

describe("rotation order", () => {
  it("/rotation explains who is next; /rotation_set refuses unknown, repeated and omitted names", async () => {
    const { admin, member, group } = await rotationNetwork("Sıra Ağı");
    const rotation = await say(member, group, "/rotation");
    expect(rotation).toBe(
      "Ev sahipliği sırası\n1. Buca KDM — henüz ev sahipliği yapmadı\n2. Karşıyaka KDM — henüz ev sahipliği yapmadı\n3. Konak KDM — henüz ev sahipliği yapmadı\n\nSıradaki: Buca KDM. Henüz hiç ev sahipliği yapmadı ve aynı durumdaki kurumlar arasında sırada ilk.",
    );
    const before = await countRows();
    const positions = async () => (await scenario.db.prisma.organisation.findMany({ where: { network: { name: "Sıra Ağı" } }, orderBy: { rotationPosition: "asc" } })).map((o) => o.shortName);
    const order = await positions();
    expect(await say(admin, group, "/rotation_set Buca, Çiğli, Konak, Bornova")).toBe("Bu kurumları bulamadım: Çiğli. Kısa adlar için /orgs yazın; hiçbir şey değişmedi.");
    expect(await say(admin, group, "/rotation_set Buca, buca, Konak, Bornova, Karşıyaka")).toBe("Sıralamada her kurum bir kez yer almalı; birden fazla yazılanlar: buca. Hiçbir şey değişmedi.");
    expect(await say(admin, group, "/rotation_set Buca, Konak")).toBe("Sıralamada her kurum bir kez yer almalı; eksik olanlar: Karşıyaka, Bornova. Hiçbir şey değişmedi.");
    expect(await say(admin, group, "/rotation_set")).toMatch(/^Kullanım: \/rotation_set/);
    // A paste near Telegram's limit is echoed shortened, not refused by Telegram as too long.
    const pasted = await say(admin, group, `/rotation_set Buca, ${"Çiğli ".repeat(670)}`);
    expect(pasted).toMatch(/^Bu kurumları bulamadım: (Çiğli )+Çiğli…\. Kısa adlar için \/orgs yazın; hiçbir şey değişmedi\.$/);
    expect(pasted.length).toBeLessThan(600);
    expect(await say(member, group, "/rotation_set Konak, Buca, Karşıyaka, Bornova")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await positions()).toEqual(order);
    expect(await countRows()).toEqual(before);
    expect(await say(admin, group, "/rotation_set Konak, Buca, Karşıyaka, Bornova")).toBe("Yeni ev sahipliği sırası: Konak, Buca, Karşıyaka, Bornova");
    expect(await say(member, group, "/rotation")).toContain("Sıradaki: Konak KDM.");
  });
});

describe("proposal, answers and escalation", () => {
  it("two meetings created back to back are offered to two organisations; /rotation says who is being asked", async () => {
    const { admin, group } = await rotationNetwork("Art Arda Ağı");
    const first = await createMeeting(admin, group, "17 Mart 2027 10:00");
    const second = await createMeeting(admin, group, "14 Nisan 2027 10:00");
    await settle();
    expect(await turnsOf(first.id)).toEqual(["Buca proposed"]);
    expect(await turnsOf(second.id)).toEqual(["Karşıyaka proposed"]);
    const rotation = await say(admin, group, "/rotation");
    expect(rotation).toContain("Buca KDM — 25. toplantının ev sahipliği için yanıtı bekleniyor");
    expect(rotation).toContain("Karşıyaka KDM — 26. toplantının ev sahipliği için yanıtı bekleniyor");
    expect(rotation).toContain("Sıradaki: Konak KDM.");
  });

  it("creating a meeting asks the organisation whose turn it is; only its contacts can answer; accept makes it the host", async () => {
    const { admin, ayse, elif, group } = await rotationNetwork("Öneri Ağı");
    await say(admin, group, "/org_edit Buca venue Buca1923 Mevlana Kafe");
    await say(admin, group, "/org_edit Buca address Buca, İzmir");
    // No venue yet: the host's fills it in.
    const meeting = await createMeeting(admin, group, "17 Mart 2027 10:00", "-");
    const proposal = proposalTo(ayse)!;
    const [accept, decline] = [buttonData(proposal, 0), buttonData(proposal, 1)];
    expect(proposal.text).toBe("🏠 25. toplantının ev sahipliği sırası kurumunuzda: Buca KDM\nTarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nSon yanıt tarihi: 27 Kasım 2026 Cuma, 12:00\nLütfen aşağıdaki düğmelerle yanıt verin.");
    expect(proposalTo(elif)).toBeUndefined();
    expect(scenario.emulator.botMessagesIn(group.id).some((m) => m.text === "🏠 25. toplantı için ev sahibi önerildi: Buca KDM. Son yanıt tarihi: 27 Kasım 2026 Cuma, 12:00.")).toBe(true);
    // Elif is not Buca's contact: a forged press changes nothing.
    const before = await turnsOf(meeting.id);
    expect(await press(elif, proposal, accept, true)).toEqual({ text: "Bu soruyu yalnızca önerilen kurumun irtibat kişileri yanıtlayabilir.", show_alert: true });
    expect(await turnsOf(meeting.id)).toEqual(before);
    expect(await press(ayse, proposal, accept)).toEqual({ text: "Kaydedildi: ev sahipliğini üstlendiniz. Teşekkür ederiz!", show_alert: false });
    await settle();
    expect(await turnsOf(meeting.id)).toEqual(["Buca accepted"]);
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.text === "✅ 25. toplantıya Buca KDM ev sahipliği yapacak.")).toHaveLength(1);
    const details = await say(admin, group, "/meeting 25");
    expect(details).toContain("Ev sahibi: Buca KDM");
    expect(details).toContain("Yer: Buca1923 Mevlana Kafe\nAdres: Buca, İzmir");
    // The host's place filled in what calendars show as LOCATION: their copies are to be replaced.
    expect((await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).icsSequence).toBe(1);
    expect(details).toContain("Ev sahibi hazırlığı: ⬜ toplantı yerinin teyidi · ⬜ adres ve ulaşım · ⬜ erişilebilirlik ve destek · ⬜ gündem ve ikram · ⬜ son kontrol");
    // Answering again (the buttons are gone from the answered proposal) is refused.
    expect(await press(ayse, proposal, decline, true)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await say(admin, group, "/host 25")).toBe("25. toplantının ev sahibi zaten belli: Buca KDM. Değiştirmek için /host 25 ardından kurumun kısa adını yazın.");
  });

  it("a proposal made late in the evening is due the morning after its 72 hours, not in the night", async () => {
    const { admin, ayse, group } = await rotationNetwork("Gece Ağı");
    // 23:10 in İzmir: 72 hours on is 23:10, inside the quiet hours (21:00–09:00).
    moveClockTo("2026-11-24T20:10:00Z");
    await createMeeting(admin, group);
    await settle();
    expect(proposalTo(ayse)!.text).toContain("Son yanıt tarihi: 28 Kasım 2026 Cumartesi, 09:00");
  });

  it("a decline passes the turn on and keeps the reason; the decliner is first again for the next meeting", async () => {
    const { admin, ayse, elif, group } = await rotationNetwork("Ret Ağı");
    const meeting = await createMeeting(admin, group);
    const proposal = proposalTo(ayse)!;
    expect((await press(ayse, proposal, buttonData(proposal, 1))).text).toBe("Kaydedildi. Sıra bir sonraki kuruma geçiyor; kurumunuz bir sonraki toplantıda yine ilk sırada olacak.");
    await settle();
    // The group hears the decline, then the next proposal.
    expect(scenario.emulator.botMessagesIn(group.id).slice(-2).map((m) => m.text)).toEqual([
      "Buca KDM 25. toplantıya bu kez ev sahipliği yapamıyor; sıra bir sonraki kuruma geçti.",
      "🏠 25. toplantı için ev sahibi önerildi: Karşıyaka KDM. Son yanıt tarihi: 27 Kasım 2026 Cuma, 12:00.",
    ]);
    const ask = lastDm(ayse);
    expect(ask.text).toBe("İsterseniz bu mesajı yanıtlayarak kısa bir gerekçe yazabilirsiniz (en fazla 300 karakter); gerekçenizi koordinatörler görür.");
    // Too long or empty: refused, nothing kept, and the question still waits.
    const before = await countRows();
    expect(await say(ayse, "private", "ş".repeat(301), { replyTo: ask.message_id })).toBe("Yazdığınız metin çok uzun (301 karakter); en fazla 300 karakter olabilir. Lütfen kısaltıp yeniden gönderin.");
    expect(await say(ayse, "private", " … ", { replyTo: ask.message_id })).toBe("Gerekçe olarak bir metin göremedim. İsterseniz kısa bir cümleyle yazın; vazgeçmek için /cancel_dialog yazabilirsiniz.");
    expect(await countRows()).toEqual(before);
    expect(await say(ayse, "private", "Salonumuz\n tadilatta", { replyTo: ask.message_id })).toBe("Gerekçeniz kaydedildi.");
    expect(proposalTo(elif)?.text).toContain("25. toplantının ev sahipliği sırası kurumunuzda: Karşıyaka KDM");
    expect(await turnsOf(meeting.id)).toEqual(["Buca declined", "Karşıyaka proposed"]);
    expect((await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id, status: "declined" } })).reason).toBe("Salonumuz tadilatta");
    const elifs = proposalTo(elif)!;
    await press(elif, elifs, buttonData(elifs, 0));
    await settle();
    const next = await createMeeting(admin, group, "21 Nisan 2027 10:00");
    expect(await turnsOf(next.id)).toEqual(["Buca proposed"]);
  });

  it("no answer by the deadline: the turn expires, organisers are told, the next organisation is asked", async () => {
    const { admin, ayse, elif, group } = await rotationNetwork("Süre Ağı");
    const meeting = await createMeeting(admin, group);
    const proposal = proposalTo(ayse)!;
    // A minute before the deadline nothing happens.
    moveClockTo("2026-11-27T08:59:00Z");
    await runDueJobs();
    expect(await turnsOf(meeting.id)).toEqual(["Buca proposed"]);
    moveClockTo("2026-11-27T09:00:01Z");
    await runDueJobs();
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired", "Karşıyaka proposed"]);
    expect(scenario.emulator.botMessagesIn(admin.id).filter((m) => m.text === "⏰ Buca KDM, 25. toplantının ev sahipliği önerisine süresi içinde yanıt vermedi; sıra bir sonraki kuruma geçti.")).toHaveLength(1);
    expect(proposalTo(elif)?.text).toContain("Karşıyaka KDM");
    // The next deadline is three days on, from when the turn passed.
    expect(proposalTo(elif)?.text).toContain("Son yanıt tarihi: 30 Kasım 2026 Pazartesi, 12:00");
    expect(scenario.emulator.botMessagesIn(group.id).at(-1)!.text).toBe("🏠 25. toplantı için ev sahibi önerildi: Karşıyaka KDM. Son yanıt tarihi: 30 Kasım 2026 Pazartesi, 12:00.");
    // The expired proposal cannot be answered any more.
    expect(await press(ayse, proposal, buttonData(proposal, 0))).toEqual({ text: "Bu öneri artık geçerli değil: yanıtlandı ya da süresi doldu.", show_alert: true });
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired", "Karşıyaka proposed"]);
  });

  it("a meeting close at hand: the proposal lasts until the start, and nobody else is asked once it has begun", async () => {
    const { admin, elif, group } = await rotationNetwork("Yakın Toplantı Ağı");
    const meeting = await createMeeting(admin, group, "25 Kasım 2026 10:00");
    expect((await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id } })).deadline).toEqual(meeting.startsAt);
    moveClockTo("2026-11-25T07:00:01Z");
    await runDueJobs();
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired"]);
    expect(proposalTo(elif)).toBeUndefined();
    expect(await say(admin, group, "/host 25")).toBe("25. toplantı başladı; artık hiçbir kuruma ev sahipliği önerilmiyor. Gerekirse /host 25 ardından kurumun kısa adını yazarak ev sahibini kendiniz belirleyebilirsiniz.");
    expect(await turnsOf(meeting.id)).toEqual(["Buca expired"]);
  });

  it("a swap needs the other organisation to accept; not with itself, not with one that cannot host", async () => {
    const { admin, ayse, elif, group } = await rotationNetwork("Takas Ağı");
    const meeting = await createMeeting(admin, group);
    const proposal = proposalTo(ayse)!;
    await press(ayse, proposal, buttonData(proposal, 2));
    await settle();
    const choice = lastDm(ayse);
    expect(choice.reply_markup!.inline_keyboard!.flat().map((b) => b.text)).toEqual(["Karşıyaka", "Konak"]);
    const turn = await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: meeting.id } });
    const orgs = await scenario.db.prisma.organisation.findMany({ where: { networkId: meeting.networkId } });
    const id = (short: string) => orgs.find((o) => o.shortName === short)!.id;
    // Organisations not on the list (itself, one that cannot host) cannot be pressed into it.
    expect((await press(ayse, choice, `host:w:${turn.id}:${id("Buca")}`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await press(ayse, choice, `host:w:${turn.id}:${id("Bornova")}`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await press(ayse, choice, `host:w:${turn.id}:${id("Karşıyaka")}`)).text).toBe("Öneriniz Karşıyaka kurumuna iletildi.");
    await settle();
    const ask = scenario.emulator.botMessagesIn(elif.id).filter((m) => m.text?.startsWith("🔁")).at(-1)!;
    expect(ask.text).toBe("🔁 Buca KDM, 25. toplantının (17 Mart 2027 Çarşamba, 10:00–15:00) ev sahipliğini sizinle değiştirmeyi öneriyor: bu toplantıya Karşıyaka KDM ev sahipliği yapar, Buca KDM bir sonrakinde ilk sırada olur.");
    // Only Karşıyaka's contacts may accept it.
    expect((await press(ayse, ask, buttonData(ask, 0), true)).text).toBe("Bu soruyu yalnızca önerilen kurumun irtibat kişileri yanıtlayabilir.");
    await press(elif, ask, buttonData(ask, 0));
    await settle();
    expect(await turnsOf(meeting.id)).toEqual(["Buca swapped", "Karşıyaka accepted"]);
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("🔁")).map((m) => m.text)).toEqual([
      "🔁 Sıra değişimi: 25. toplantıya Karşıyaka KDM ev sahipliği yapacak; Buca KDM bir sonraki toplantıda ilk sırada.",
    ]);
    expect((await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).hostOrganisationId).toBe(id("Karşıyaka"));
    const next = await createMeeting(admin, group, "21 Nisan 2027 10:00");
    expect(await turnsOf(next.id)).toEqual(["Buca proposed"]);
  });
});

describe("host contacts", () => {
  it("once an organiser marks contacts, only they are asked and may answer", async () => {
    const { admin, ayse, group } = await rotationNetwork("Temsilci Ağı");
    const zehra = scenario.emulator.createUser({ first_name: "Zehra", username: `zehra_${scenario.emulator.users.size}`, language_code: "tr" });
    scenario.emulator.setMember(group, zehra, "member");
    await say(zehra, group, "/whoami");
    await say(zehra, "private", "/start");
    await say(admin, group, `/member_set_org @${zehra.username} Buca`);
    expect(await say(admin, group, `/host_contact @${zehra.username}`)).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toBe(`Zehra (@${zehra.username}) artık Buca KDM kurumunun ev sahipliği irtibat kişisi; ev sahipliğiyle ilgili sorular kurumun irtibat kişilerine gönderilir.`);
    expect(await say(admin, group, `/host_contact @${admin.username}`)).toBe("Önce bu kişinin kurumunu belirleyin: /member_set_org");
    expect(await say(admin, group, `/host_contact @${zehra.username} belki`)).toMatch(/^Kullanım: /);
    await createMeeting(admin, group);
    expect(proposalTo(zehra)).toBeDefined();
    expect(proposalTo(ayse)).toBeUndefined();
    const proposal = proposalTo(zehra)!;
    expect((await press(ayse, proposal, buttonData(proposal, 0), true)).text).toBe("Bu soruyu yalnızca önerilen kurumun irtibat kişileri yanıtlayabilir.");
  });
});

describe("organisers' decisions and history", () => {
  it("/host N <short> assigns, /host N skip moves the proposed one to the back; /hosts shows the 24th at Buca and counts", async () => {
    const { admin, member, group, code } = await rotationNetwork("Atama Ağı");
    const networkRow = await scenario.db.prisma.network.findUniqueOrThrow({ where: { joinCode: code } });
    const buca = await scenario.db.prisma.organisation.findFirstOrThrow({ where: { networkId: networkRow.id, shortName: "Buca" } });
    await scenario.db.prisma.meeting.create({
      data: { networkId: networkRow.id, number: 24, title: "Atölye", agenda: ["Mevzuat ve Strateji"], startsAt: new Date("2026-02-17T07:00:00Z"), endsAt: new Date("2026-02-17T12:00:00Z"), venueName: "Buca1923 Mevlana Kafe", hostOrganisationId: buca.id, status: "held" },
    });
    // Buca hosted the 24th, so Karşıyaka is asked for the 25th.
    const meeting = await createMeeting(admin, group);
    expect(await turnsOf(meeting.id)).toEqual(["Karşıyaka proposed"]);
    expect(await say(admin, group, "/host 25 skip")).toBe("Karşıyaka KDM ev sahipliği sırasının sonuna alındı.");
    expect(await turnsOf(meeting.id)).toEqual(["Karşıyaka skipped", "Konak proposed"]);
    const before = await countRows();
    expect(await say(admin, group, "/host 25 Bornova")).toBe("Bornova KDM ev sahipliği yapamayan kurumlar arasında; /org_edit ile değiştirilebilir.");
    expect(await say(admin, group, "/host 25 Çiğli")).toMatch(/Çiğli/);
    expect(await say(admin, group, "/host 99 Konak")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
    expect(await say(admin, group, "/host yirmi")).toMatch(/^Kullanım: \/host/);
    expect(await say(member, group, "/host 25 Konak")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await countRows()).toEqual(before);
    expect(await say(admin, group, "/host 25 Buca")).toBe("Buca KDM, 25. toplantının ev sahibi olarak atandı.");
    expect(await turnsOf(meeting.id)).toEqual(["Karşıyaka skipped", "Konak expired", "Buca assigned"]);
    const hosts = await say(member, group, "/hosts");
    expect(hosts).toBe(
      "Ev sahipliği geçmişi\n25. toplantı (17 Mart 2027 Çarşamba, 10:00–15:00): Buca KDM\n24. toplantı (17 Şubat 2026 Salı, 10:00–15:00): Buca KDM\n\nKurum başına ev sahipliği\nBuca KDM: 2",
    );
    const audit = await say(admin, "private", "/audit 20");
    for (const action of ["Ev sahipliği önerildi", "Sıradaki kurum atlandı", "Ev sahibi atandı", "ortak (otomatik)"]) expect(audit).toContain(action);
  });

  it("the host checklist reminds the host's contacts, and only they can tick a step off", async () => {
    const { admin, ayse, elif, group } = await rotationNetwork("Hazırlık Ağı");
    const meeting = await createMeeting(admin, group);
    const proposal = proposalTo(ayse)!;
    await press(ayse, proposal, buttonData(proposal, 0));
    await settle();
    const steps = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "host-checklist" }, orderBy: { notBefore: "asc" } });
    expect(steps.map((s) => s.notBefore.toISOString())).toEqual(["2027-02-24T07:00:00.000Z", "2027-03-03T07:00:00.000Z", "2027-03-07T07:00:00.000Z", "2027-03-10T07:00:00.000Z", "2027-03-16T07:00:00.000Z"]);
    moveClockTo("2027-02-24T07:00:01Z");
    await runDueJobs();
    const reminder = scenario.emulator.botMessagesIn(ayse.id).filter((m) => m.text?.startsWith("📋")).at(-1)!;
    expect(reminder.text).toBe("📋 25. toplantı hazırlığı (17 Mart 2027 Çarşamba, 10:00–15:00, Salon)\nToplantı yerini teyit edin.\nTamamladığınızda aşağıdaki düğmeye basın.");
    expect((await press(elif, reminder, buttonData(reminder, 0), true)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await press(ayse, reminder, buttonData(reminder, 0))).text).toBe("Teşekkür ederiz; tamamlandı olarak işaretlendi.");
    moveClockTo("2026-11-24T09:00:00Z");
    expect(await say(admin, group, "/meeting 25")).toContain("Ev sahibi hazırlığı: ✅ toplantı yerinin teyidi · ⬜ adres ve ulaşım");
  });
});
