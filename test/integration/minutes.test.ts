import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
const { scenario, moveClockTo, runDueJobs } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, countRows } = scenario;

let admin: EmulatedUser;
let member: EmulatedUser;
let selin: EmulatedUser;
let group: EmulatedChat;
let card26 = 0;

const lastIn = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)!;
const textsAfter = (chatId: number, messageId: number) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.message_id > messageId);

/** Sends a reply to one of the bot's messages and returns the bot's answer. */
async function replyTo(user: EmulatedUser, chat: EmulatedChat, messageId: number, text: string) {
  return say(user, chat, text, { replyTo: messageId });
}

/** The minutes card just posted in the chat (its last part, the one replies go to). */
const minutesCard = (chatId: number) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.text?.startsWith("📝")).at(-1)!;

async function pdfText(fileId: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(scenario.emulator.file(fileId)!));
  return (await extractText(pdf, { mergePages: true })).text;
}

describe("from check-in to published minutes", () => {
  it("sets up an invited meeting 25 with Buca's member and an organiser who started the bot", async () => {
    ({ admin, member, group } = await scenario.networkWithMeeting("İzmir Tutanak Ağı", "Açılış; Broşür çalışması"));
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("25. toplantının davet kartı")));
    await scenario.running.ortak.inFlight.drain();
    selin = scenario.emulator.createUser({ first_name: "Selin", username: "selin_k", language_code: "tr" });
    scenario.emulator.setMember(group, selin, "member");
    await say(selin, group, "/whoami");
  });

  it("before the meeting there are no minutes to open", async () => {
    expect(await say(admin, group, "/minutes 25")).toBe("25. toplantı henüz başlamadı; tutanak toplantıdan yarım saat önce açılır.");
    expect(await say(admin, group, "/minutes yirmi beş")).toBe("Kullanım: /minutes <numara>, örneğin /minutes 25");
    expect(await say(admin, group, "/minutes 99")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
  });

  it("at the start members check in with the card", async () => {
    moveClockTo("2027-03-17T07:00:01Z");
    await runDueJobs();
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("📍"))!;
    const data = card.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect((await scenario.emulator.pressButton(member, group.id, card.message_id, data)).text).toContain("katılımınız kaydedildi");
    expect(await say(admin, group, "/checkin")).toContain("katılımınız kaydedildi");
  });

  it("only organisers and the designated minute-taker write the minutes", async () => {
    const before = await countRows();
    expect(await say(member, group, "/minutes 25")).toBe("Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.");
    const { message } = scenario.emulator.sendText(member, group, "Ben yazabilirim.");
    expect(await say(member, group, "/minutes_taker 25", { replyTo: message.message_id })).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/minutes_taker 25")).toBe("Kullanım: tutanak sorumlusu olarak belirleyeceğiniz kişinin bir mesajını yanıtlayarak /minutes_taker <numara> yazın.");
    expect(await countRows()).toEqual(before);
    expect(await say(admin, group, "/minutes_taker 25", { replyTo: message.message_id })).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toBe("Ayşe, 25. toplantının tutanak sorumlusu olarak belirlendi.");
    expect(await scenario.db.prisma.minutes.count({ where: { takerId: BigInt(member.id) } })).toBe(1);
    const publishedBefore = await countRows();
    expect(await say(admin, group, "/minutes_publish 25")).toBe("25. toplantının tutanağında henüz kayıt yok; yayımlanacak bir şey yok.");
    expect(await say(admin, group, "/minutes_publish 25 hemen")).toBe("Kullanım: /minutes_publish <numara>, örneğin /minutes_publish 25");
    expect(await countRows()).toEqual(publishedBefore);
  });

  it("replies to the card become notes, decisions and action items; an incomplete action is kept as a note only when confirmed", async () => {
    const opened = await say(member, group, "/minutes 25");
    expect(opened).toContain("📝 25. toplantının tutanağı");
    expect(opened).toContain("Henüz kayıt yok.");
    const card = minutesCard(group.id).message_id;
    // The card answers the person who asked, so the selective request to reply opens their reply box.
    const asked = scenario.emulator.messagesIn(group.id).filter((m) => !m.fromBot && m.text === "/minutes 25").at(-1)!;
    expect(minutesCard(group.id)).toMatchObject({ replyToMessageId: asked.message_id, forceReply: { selective: true } });
    expect(await replyTo(member, group, card, "Açılış konuşması yapıldı.")).toBe("✍️ 1 numaralı kayıt eklendi.");
    expect(await replyTo(member, group, card, "karar: 26. toplantı Karşıyaka'da yapılacak")).toBe("✍️ 2 numaralı kayıt eklendi.");
    expect(await replyTo(member, group, card, `eylem: Broşür taslağı @${member.username} 15 Nisan`)).toBe("✍️ 3 numaralı kayıt eklendi.");

    const before = await countRows();
    const hint = await replyTo(member, group, card, "eylem: Rapor hazırlanacak Buca");
    expect(hint).toBe(
      "Bu kayıt görev olarak eklenecekti, ancak bazı bilgiler eksik: Son tarih belirtilmemiş. Düzeltip yeniden gönderebilir ya da metni not olarak saklayabilirsiniz.\nÖrnek: görev: Broşür taslağı @ayse 15 Aralık",
    );
    expect(await replyTo(member, group, card, "eylem: Rapor @ayse_x 31 Şubat")).toContain("Son tarih takvimde yok.");
    expect(await replyTo(member, group, card, "x".repeat(1001))).toBe("Kayıt çok uzun (1.001 karakter); en fazla 1.000 karakter olabilir. Birkaç kayda bölebilirsiniz.");
    expect(await replyTo(selin, group, card, "Ben de yazayım.")).toBe("Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.");
    expect(await countRows()).toEqual(before);

    // The button keeps the last incomplete text as a note (the first one was replaced by the second).
    const hintMessage = scenario.emulator.botMessagesIn(group.id).filter((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith("mkeep:")).at(-1)!;
    const keep = hintMessage.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect((await scenario.emulator.pressButton(selin, group.id, hintMessage.message_id, keep)).show_alert).toBe(true);
    await scenario.emulator.pressButton(member, group.id, hintMessage.message_id, keep);
    await scenario.running.ortak.inFlight.drain();
    expect(scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id === hintMessage.message_id)!.text).toBe("✍️ 4 numaralı kayıt eklendi.");
    // The kept hint lost its button; the older hint's button finds nothing left to keep.
    const older = scenario.emulator.botMessagesIn(group.id).filter((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data === keep).at(-1)!;
    expect(older.message_id).toBeLessThan(hintMessage.message_id);
    expect((await scenario.emulator.pressButton(member, group.id, older.message_id, keep)).text).toBe("Saklanacak bir metin kalmadı; kaydı yeniden yazın.");
    expect((await countRows()).entries).toBe(Number(before.entries) + 1);
  });

  it("an organiser writes by DM after /minutes, and fixes entries by number", async () => {
    expect(await say(admin, "private", "/minutes 25")).toContain("4. eylem: Rapor @ayse_x 31 Şubat");
    expect(await say(admin, "private", "eylem: Salon için teşekkür yazısı Karşıyaka 20 Nisan")).toBe("✍️ 5 numaralı kayıt eklendi.");
    expect(await say(admin, "private", "<b>Kalın</b> & değil")).toBe("✍️ 6 numaralı kayıt eklendi.");
    const before = await countRows();
    expect(await say(admin, "private", "/minutes_edit 25 9 Yeni metin")).toBe("25. toplantının tutanağında 9 numaralı bir kayıt yok. Kayıtları görmek için /minutes 25 yazın.");
    expect(await say(admin, "private", "/minutes_edit 25 1")).toContain("Kullanım: /minutes_edit");
    expect(await say(admin, "private", "/minutes_edit 25 3 eylem: Broşür @ayse")).toContain("Son tarih belirtilmemiş.");
    expect(await say(selin, group, "/minutes_delete 25 1")).toBe("Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.");
    expect(await countRows()).toEqual(before);
    expect(await say(admin, "private", "/minutes_delete 25 4")).toBe("🗑 4 numaralı kayıt silindi.");
    expect(await say(admin, "private", "/minutes_edit 25 1 Açılış konuşmasını Derya yaptı.")).toBe("✏️ 1 numaralı kayıt düzeltildi.");
    const draft = await say(admin, "private", "/minutes 25");
    expect(draft).toContain("1. Açılış konuşmasını Derya yaptı.");
    expect(draft).toContain("2. [Karar] 26. toplantı Karşıyaka'da yapılacak");
    expect(draft).toMatch(new RegExp(`3\\. \\[Görev\\] Broşür taslağı — @${member.username}, son tarih: 15 Nisan 2027 \\(#\\d+\\)`));
    expect(draft).not.toContain("Rapor");
    expect(draft).toContain("6. <b>Kalın</b> & değil");
  });

  it("publishing posts counts to the group and names to organisers, with a Markdown file and a PDF in Turkish letters", async () => {
    expect(await say(member, group, "/minutes_approve 25")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/minutes_approve 25")).toBe("25. toplantının tutanağı henüz yayımlanmadı; önce /minutes_publish 25 yazın.");
    const start = lastIn(group.id).message_id;
    // The answer comes at once; the copies follow through the outbox (say() delivers them).
    expect(await say(admin, group, "/minutes_publish 25")).toBe("📣 25. toplantının tutanağı 1. sürüm olarak yayımlandı; kopyaları 1 sohbete ve 1 koordinatöre gönderiliyor.");

    const posted = textsAfter(group.id, start).slice(1);
    const groupText = posted.map((m) => m.text ?? "").join("\n");
    expect(groupText).toContain("İzmir Tutanak Ağı — 25. toplantı tutanağı");
    expect(groupText).toContain("Buca KDM: 1 kişi");
    expect(groupText).toContain("Toplam: 1 kurumdan 2 kişi");
    // The coalition's headings; a meeting without a host yet says so in words, not with a dash.
    expect(groupText).toContain("Ev sahibi: henüz belli değil\nSürüm 1\n\nKatılımcılar\n• Buca KDM: 1 kişi");
    expect(groupText).toMatch(/\nGörev dağılımı\n/);
    expect(groupText).not.toContain("Eylem");
    expect(groupText).not.toContain("Ayşe Yılmaz");
    // Who said what is for organisers: names typed into entries are withheld from the groups' copy.
    expect(groupText).toContain("Açılış konuşmasını (isim gizlendi) yaptı.");
    expect(groupText).toContain("Broşür taslağı — bir kişi, son tarih: 15 Nisan 2027");
    // Each decision carries its number in the series' register.
    expect(groupText).toContain("Alınan kararlar\n25/1 — 26. toplantı Karşıyaka'da yapılacak");
    expect(groupText).toContain("<b>Kalın</b> & değil");
    const files = posted.filter((m) => m.document).map((m) => m.document!);
    expect(files.map((f) => f.file_name)).toEqual(["tutanak-25-surum-1.md", "tutanak-25-surum-1.pdf"]);
    const markdown = scenario.emulator.file(files[0]!.file_id)!.toString("utf8");
    expect(markdown).toContain("# İzmir Tutanak Ağı — 25. toplantı tutanağı");
    expect(markdown).toContain("## Görev dağılımı");
    expect(markdown).toContain("\\<b\\>Kalın\\</b\\> & değil");
    const pdf = await pdfText(files[1]!.file_id);
    for (const phrase of ["İzmir Tutanak Ağı", "Karşıyaka'da", "Broşür taslağı", "Salon için teşekkür yazısı", "Katılımcılar", "Görev dağılımı", "Buca KDM: 1 kişi"]) expect(pdf).toContain(phrase);

    const organiserCopy = scenario.emulator.botMessagesIn(admin.id).filter((m) => m.text?.includes("25. toplantı tutanağı")).map((m) => m.text).join("\n");
    expect(organiserCopy).toContain("Buca KDM (1): Ayşe Yılmaz");
    expect(organiserCopy).toContain("Açılış konuşmasını Derya yaptı.");
    expect(organiserCopy).toContain(`Broşür taslağı — @${member.username}, son tarih: 15 Nisan 2027`);
    const organiserPdf = scenario.emulator.botMessagesIn(admin.id).filter((m) => m.document?.file_name?.endsWith(".pdf")).at(-1)!.document!;
    expect(await pdfText(organiserPdf.file_id)).toContain("Ayşe Yılmaz");

    expect(await say(admin, group, "/minutes_publish 25")).toBe("25. toplantının tutanağı 1. sürüm olarak zaten yayımlandı ve o günden beri değişmedi.");
  });

  it("a change after publishing is a new version; the published one stays as it was", async () => {
    const first = await scenario.db.prisma.minutesVersion.findFirstOrThrow({ where: { version: 1 } });
    expect(await say(admin, "private", "/minutes_edit 25 6 Basın bülteni hazırlandı.")).toBe(
      "✏️ 6 numaralı kayıt düzeltildi.\nYayımlanan 1. sürüm olduğu gibi kalır; değişikliği duyurmak için /minutes_publish 25 yazın (2. sürüm olarak gönderilir).",
    );
    expect(await say(admin, group, "/minutes_approve 25")).toBe("25. toplantının tutanağı 1. sürümden sonra değişti; onaydan önce /minutes_publish 25 ile yeni sürümü yayımlayın.");
    const start = lastIn(group.id).message_id;
    expect(await say(admin, group, "/minutes_publish 25")).toMatch(/^📣 25\. toplantının tutanağı 2\. sürüm olarak yayımlandı/);
    expect(textsAfter(group.id, start).map((m) => m.text ?? "").join("\n")).toContain("Sürüm 2 (1. sürümün yerine geçer)");
    expect(await scenario.db.prisma.minutesVersion.findFirstOrThrow({ where: { version: 1 } })).toEqual(first);
    expect(first.markdown).toContain("Kalın");
  });

  it("the next meeting's card and agenda list the open action items", async () => {
    moveClockTo("2027-03-20T09:00:00Z");
    await say(admin, group, "/meeting_new 14 Nisan 2027 10:00 | Karşıyaka Evi | Tutanak onayı");
    const start = lastIn(group.id).message_id;
    await say(admin, group, "/invite 26");
    const card = textsAfter(group.id, start).find((m) => m.text?.includes("Önceki toplantılardan bekleyen görevler"))!;
    card26 = card.message_id;
    // The group's card says a person owns it, never who.
    expect(card.text).toMatch(/• Broşür taslağı — bir kişi, son tarih: 15 Nisan 2027 \(#\d+\) \[25\. toplantı\]/);
    expect(card.text).toContain("• Salon için teşekkür yazısı — Karşıyaka, son tarih: 20 Nisan 2027");
    expect(await say(member, group, "/meeting 26")).toContain("Önceki toplantılardan bekleyen görevler");
  });

  it("owners are reminded two days before and on the due date, and closing an item tells the organisers and updates the card", async () => {
    moveClockTo("2027-04-13T06:00:01Z");
    await runDueJobs();
    const reminder = lastIn(member.id);
    expect(reminder.text).toContain("⏰ Görev hatırlatması (25. toplantıdan)\nBroşür taslağı");
    expect(reminder.text).toContain("Son tarihe iki gün kaldı.");
    const done = reminder.reply_markup!.inline_keyboard![0]![0]!.callback_data!;

    const before = await countRows();
    expect((await say(selin, group, `/done ${done.slice(5)}`))).toBe(`#${done.slice(5)} numaralı görevi yalnızca sorumlusu (ya da sorumlu kurumun bir üyesi) veya bir koordinatör kapatabilir.`);
    expect(await say(selin, group, "/done 99999")).toBe("#99999 numaralı bekleyen bir görev bulunamadı. Liste için /actions yazın.");
    expect(await say(selin, group, "/done hepsi")).toBe("Kullanım: /done <numara>, örneğin /done 17 (numarayı /actions gösterir)");
    expect(await countRows()).toEqual(before);

    const answer = await scenario.emulator.pressButton(member, member.id, reminder.message_id, done);
    expect(answer.text).toMatch(/^✅ Tamamlandı: Broşür taslağı/);
    await scenario.running.ortak.inFlight.drain();
    // The organisers' notice and the card edit leave through the outbox.
    await scenario.deliver();
    expect(lastIn(admin.id).text).toMatch(/^✅ Ayşe bir görevi tamamladı \(25\. toplantı\): Broşür taslağı/);
    expect((await scenario.emulator.pressButton(member, member.id, reminder.message_id, done)).text).toMatch(/^Bu görev zaten tamamlanmıştı/);
    await scenario.deliver();
    const edited = scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id === card26)!;
    expect(edited.text).not.toContain("Broşür taslağı");
    expect(edited.text).toContain("Salon için teşekkür yazısı");

    // On the due date the closed item sends nothing more.
    const sentBefore = scenario.emulator.botMessagesIn(member.id).length;
    moveClockTo("2027-04-15T06:00:01Z");
    await runDueJobs();
    expect(scenario.emulator.botMessagesIn(member.id).length).toBe(sentBefore);
  });

  it("/actions lists open items, /stats sums them up per organisation, approval closes the minutes", async () => {
    expect(await say(member, group, "/actions")).toBe("Size ya da kurumunuza ait bekleyen görev yok.");
    const all = await say(admin, group, "/actions");
    expect(all).toContain("Bekleyen görevler (1)");
    expect(all).toContain("Salon için teşekkür yazısı — Karşıyaka, son tarih: 20 Nisan 2027");
    expect(await say(admin, group, "/actions hepsi")).toBe("Kullanım: /actions ya da yalnızca kendi görevleriniz için /actions benim");

    expect(await say(member, group, "/stats")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/stats 0")).toBe("Kullanım: /stats ya da /stats <son kaç toplantı>, en fazla 50");
    const stats = await say(admin, group, "/stats");
    expect(stats).toContain("Son 2 toplantının özeti");
    expect(stats).toContain("• Buca: 1/2 toplantı");
    expect(stats).toContain("• Karşıyaka: 0/2 toplantı · 0 kez ev sahibi · 1 bekleyen görev");

    expect(await say(admin, group, "/minutes_approve 25")).toBe("✅ 25. toplantının tutanağı onaylandı.");
    const before = await countRows();
    expect(await say(admin, "private", "/minutes_edit 25 1 Son bir değişiklik")).toBe("25. toplantının tutanağı onaylandı ve kapandı; artık değiştirilemez.");
    expect(await replyTo(member, group, minutesCard(group.id).message_id, "Bir not daha")).toBe("25. toplantının tutanağı onaylandı ve kapandı; artık değiştirilemez.");
    expect(await countRows()).toEqual(before);
    expect(await say(admin, group, "/minutes_approve 25")).toBe("25. toplantının tutanağı zaten onaylanmıştı.");
  });

  it("a copy cut off by a stop is finished after the next start, from where it stopped, saying what its version said", async () => {
    const prisma = scenario.db.prisma;
    const copies = await prisma.outboxMessage.findMany({ where: { kind: "minutes-copy", dedupeKey: { startsWith: "minutes:" } }, orderBy: { id: "asc" } });
    expect(copies.map((c) => [c.dedupeKey.split(":").slice(2).join(":"), c.status])).toEqual([
      [`1:chat:${group.id}:0`, "sent"],
      [`1:member:${(await prisma.member.findFirstOrThrow({ where: { userId: BigInt(admin.id) } })).id}`, "sent"],
      [`2:chat:${group.id}:0`, "sent"],
      [`2:member:${(await prisma.member.findFirstOrThrow({ where: { userId: BigInt(admin.id) } })).id}`, "sent"],
    ]);
    // As if the process had stopped after version 1's messages reached the group, before its files.
    const groupCopy = copies.find((c) => c.dedupeKey.includes(":1:chat:"))!;
    // Version 1 fits in one message: part 1 is its Markdown file.
    await prisma.outboxMessage.update({ where: { id: groupCopy.id }, data: { status: "sending", claimedAt: new Date(Date.now() - 10 * 60_000), payload: { version: 1, part: 1 }, sentAt: null } });
    const before = scenario.emulator.botMessagesIn(group.id).length;
    const organiserBefore = scenario.emulator.botMessagesIn(admin.id).length;
    await scenario.restart();
    // The periodic reconcile takes back the dead worker's claim and gives the row its job.
    expect((await scenario.running.reconciler.reconcile()).reclaimed).toBe(1);
    await scenario.deliver();
    const resent = scenario.emulator.botMessagesIn(group.id).slice(before);
    // Only the files were left: the messages already delivered are not sent again.
    expect(resent.map((m) => m.document?.file_name)).toEqual(["tutanak-25-surum-1.md", "tutanak-25-surum-1.pdf"]);
    const markdown = scenario.emulator.file(resent[0]!.document!.file_id)!.toString("utf8");
    // Version 1 as published, not the entry corrected for version 2.
    expect(markdown).toContain("\\<b\\>Kalın\\</b\\> & değil");
    expect(markdown).not.toContain("Basın bülteni");
    expect(markdown).not.toContain("Ayşe Yılmaz");
    expect(scenario.emulator.botMessagesIn(admin.id).length).toBe(organiserBefore);
    expect(await prisma.outboxMessage.count({ where: { kind: "minutes-copy", status: { not: "sent" } } })).toBe(0);
  });
});
