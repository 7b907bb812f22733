import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { forgetPerson } from "../../src/features/privacy/forget.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Meeting 25 on Wednesday 17 March 2027, 10:00 in İzmir; version 1 is published at 10:40.
const { scenario, moveClockTo } = useJobsByHand("2026-11-24T09:00:00Z");
const { say } = scenario;
const prisma = () => scenario.db.prisma;

let admin: EmulatedUser;
let member: EmulatedUser;
let outsider: EmulatedUser;
let selin: EmulatedUser;
let group: EmulatedChat;
let meetingId = 0;

const lastIn = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)!;
const lastId = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)?.message_id ?? 0;
const sentAfter = (chatId: number, messageId: number) => scenario.emulator.botMessagesIn(chatId).filter((m) => m.message_id > messageId);
const objectionRows = () => prisma().minutesObjection.findMany({ orderBy: { id: "asc" } });

/** The message of the copy that carries "İtirazım var" (the last one that does, in this chat). */
const objectButtonIn = (chatId: number): { message: StoredMessage; data: string } => {
  const message = scenario.emulator.botMessagesIn(chatId).filter((m) => m.reply_markup?.inline_keyboard?.[0]?.[0]?.callback_data?.startsWith("mobj:")).at(-1)!;
  return { message, data: message.reply_markup!.inline_keyboard![0]![0]!.callback_data! };
};

/** A button's answer: its text, and whether it is an alert (to be dismissed) or a toast. */
const shown = (answer: { text?: string; show_alert?: boolean }) => ({ text: answer.text, alert: answer.show_alert === true });

/** Presses "İtirazım var" in the group; returns the toast or alert. */
async function pressObject(user: EmulatedUser, chatId = group.id): Promise<{ text?: string; alert: boolean }> {
  const { message, data } = objectButtonIn(chatId);
  const answer = await scenario.emulator.pressButton(user, chatId, message.message_id, data);
  await scenario.running.ortak.inFlight.drain();
  return shown(answer);
}

describe("objections to published minutes", () => {
  it("sets up meeting 25 with a minute-taker and publishes version 1: the group copy and the organiser's copy carry “İtirazım var”", async () => {
    ({ admin, member, outsider, group } = await scenario.networkWithMeeting("İzmir İtiraz Ağı", "Açılış; Kampanya"));
    selin = scenario.emulator.createUser({ first_name: "Selin", username: "selin_itiraz", language_code: "tr" });
    scenario.emulator.setMember(group, selin, "member");
    await say(selin, group, "/whoami");
    const { message } = scenario.emulator.sendText(selin, group, "Tutanağı ben tutarım.");
    await scenario.running.ortak.inFlight.drain();
    await say(selin, "private", "/start");
    moveClockTo("2027-03-17T07:30:00Z");
    expect(await say(admin, group, "/minutes_taker 25", { replyTo: message.message_id })).toBe("Tamam. Ayrıntıları size özel mesajla gönderdim.");
    await say(admin, "private", "/minutes 25");
    await say(admin, "private", "Açılış yapıldı.");
    await say(admin, "private", "karar: 26. toplantı Karşıyaka'da yapılacak");
    await say(admin, "private", "karar: Broşür 500 adet basılacak");
    moveClockTo("2027-03-17T07:40:00Z");
    expect(await say(admin, "private", "/minutes_publish 25")).toMatch(/^📣 25\. toplantının tutanağı 1\. sürüm olarak yayımlandı/);
    meetingId = (await prisma().minutes.findFirstOrThrow()).meetingId;

    const inGroup = objectButtonIn(group.id);
    expect(inGroup.message.text).toContain("Alınan kararlar");
    expect(inGroup.message.reply_markup!.inline_keyboard![0]![0]!.text).toBe("✋ İtirazım var");
    expect(inGroup.data).toBe(`mobj:${meetingId}:1`);
    expect(objectButtonIn(admin.id).data).toBe(`mobj:${meetingId}:1`);
    // Only the last message of a copy carries it; the files never do.
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.reply_markup?.inline_keyboard?.length)).toHaveLength(1);
  });

  it("a member presses it in the group, is asked privately, and one reply naming an entry is the objection; the organisers and the taker hear of it privately", async () => {
    const groupBefore = lastId(group.id);
    const memberBefore = lastId(member.id);
    expect(await pressObject(member)).toEqual({ text: "Size özel mesaj gönderdim; itirazınızı oraya yazabilirsiniz.", alert: false });
    const ask = lastIn(member.id);
    expect(ask.message_id).toBeGreaterThan(memberBefore);
    expect(ask.text).toContain("✋ 25. toplantının tutanağına itiraz (sürüm 1)");
    expect(ask.text).toContain("örneğin: 3: karar metni yanlış yazılmış");
    expect(ask.forceReply).toEqual({ selective: false, placeholder: "3: itirazınız…" });

    const adminBefore = lastId(admin.id);
    const selinBefore = lastId(selin.id);
    expect(await say(member, "private", "3: Broşür 1000 adet olacaktı, metin yanlış.", { replyTo: ask.message_id })).toBe(
      "✅ İtirazınız kaydedildi (25. toplantı, 1. sürüm, itiraz #1). Koordinatörlere ve tutanak sorumlusuna özel mesajla iletiliyor; yanıt verildiğinde size bildireceğim.",
    );
    const [objection] = await objectionRows();
    const entry3 = await prisma().minutesEntry.findFirstOrThrow({ where: { number: 3 } });
    const ayse = await prisma().member.findFirstOrThrow({ where: { userId: BigInt(member.id) } });
    expect(objection).toMatchObject({ number: 1, version: 1, entryId: entry3.id, memberId: ayse.id, text: "Broşür 1000 adet olacaktı, metin yanlış.", resolvedAt: null });

    const notice = sentAfter(admin.id, adminBefore).map((m) => m.text).join("\n");
    expect(notice).toBe(
      [
        "✋ 25. toplantının tutanağına itiraz (#1, 1. sürüm)",
        "Kimden: Ayşe Yılmaz, Buca",
        "İtiraz edilen kayıt (3): Broşür 500 adet basılacak",
        "",
        "Broşür 1000 adet olacaktı, metin yanlış.",
        "",
        "Yanıtlamak için: /objection_resolve 25 1 <yanıtınız>",
      ].join("\n"),
    );
    // The minute-taker reads it too, without the organisers' command.
    const toTaker = sentAfter(selin.id, selinBefore).map((m) => m.text).join("\n");
    expect(toTaker).toContain("Kimden: Ayşe Yılmaz, Buca");
    expect(toTaker).not.toContain("/objection_resolve");
    // Nothing reaches the group.
    expect(sentAfter(group.id, groupBefore)).toEqual([]);
  });

  it("an empty objection, one too long, an unknown entry, an outsider and a forged button: a clear answer, nothing recorded", async () => {
    const before = { objections: await objectionRows(), outbox: await prisma().outboxMessage.count() };
    expect(await pressObject(member)).toEqual({ text: "Size özel mesaj gönderdim; itirazınızı oraya yazabilirsiniz.", alert: false });
    expect(await say(member, "private", "#2")).toBe("İtiraz metni boş olamaz; lütfen itirazınızı yazın (kayıt numarasından sonra da bir açıklama gerekir).");
    expect(await say(member, "private", "x".repeat(1001))).toBe("İtirazınız çok uzun (1.001 karakter); en fazla 1.000 karakter olabilir. Lütfen kısaltıp yeniden yazın.");
    expect(await say(member, "private", "9: Böyle bir kayıt yok")).toBe("25. toplantının yayımlanan tutanağında 9 numaralı bir kayıt yok. Lütfen kayıt numarasını düzelterek ya da numara vermeden yeniden yazın.");
    expect(await pressObject(outsider)).toEqual({ text: "Tutanağa yalnızca ağın üyeleri itiraz edebilir.", alert: true });
    const { message, data } = objectButtonIn(group.id);
    expect(shown(await scenario.emulator.pressButton(member, group.id, message.message_id, data.replace(/:1$/, ":2"), { forged: true }))).toEqual({ text: "Bu düğme artık geçerli değil.", alert: false });
    expect(shown(await scenario.emulator.pressButton(member, group.id, message.message_id, `mobj:${meetingId + 1}:1`, { forged: true }))).toEqual({ text: "Bu düğme artık geçerli değil.", alert: false });
    expect({ objections: await objectionRows(), outbox: await prisma().outboxMessage.count() }).toEqual(before);

    // The question is still open after the refusals: the next reply is the objection, about the minutes as a whole.
    expect(await say(member, "private", "Katılımcı listesinde Karşıyaka eksik.")).toMatch(/^✅ İtirazınız kaydedildi \(25\. toplantı, 1\. sürüm, itiraz #2\)/);
    // One reply per press: the next message is no objection.
    const count = (await objectionRows()).length;
    await say(member, "private", "Bir şey daha");
    expect(await objectionRows()).toHaveLength(count);
  });

  it("/minutes shows the objections to the organisers and the taker in private, never in the group", async () => {
    const card = await say(admin, "private", "/minutes 25");
    expect(card).toContain("✋ İtiraz süresinin sonu: 24 Mart 2027 Çarşamba, 10:40");
    expect(card).toContain("İtirazlar (2; 2 tanesi yanıt bekliyor)");
    expect(card).toContain("#1 · 3 numaralı kayıt · 1. sürüm · Ayşe Yılmaz (Buca)\nBroşür 1000 adet olacaktı, metin yanlış.\n⏳ Yanıt bekliyor");
    expect(card).toContain("#2 · tutanağın geneli · 1. sürüm · Ayşe Yılmaz (Buca)");
    expect(await say(selin, "private", "/minutes 25")).toContain("İtirazlar (2; 2 tanesi yanıt bekliyor)");
    const before = lastId(group.id);
    await say(admin, group, "/minutes 25");
    const inGroup = sentAfter(group.id, before).map((m) => m.text).join("\n");
    expect(inGroup).toContain("25. toplantının tutanağı");
    expect(inGroup).not.toContain("İtirazlar");
    expect(inGroup).not.toContain("Karşıyaka eksik");
    expect(await say(member, "private", "/minutes 25")).toBe("Bu tutanağa yalnızca koordinatörler ve toplantının tutanak sorumlusu yazabilir.");
  });

  it("/objection_resolve answers one; the objector is told privately; bad input changes nothing", async () => {
    const before = { objections: await objectionRows(), counts: await scenario.countRows() };
    expect(await say(member, "private", "/objection_resolve 25 1 Tamam")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    // An answer is never typed in a group, not even by an organiser.
    expect(await say(admin, group, "/objection_resolve 25 1 Tamam")).toContain("lütfen /objection_resolve komutunu bana özel mesajla yazın");
    expect(await say(admin, "private", "/objection_resolve 25 1")).toMatch(/^Kullanım: \/objection_resolve <toplantı> <itiraz no> <yanıt>/);
    expect(await say(admin, "private", "/objection_resolve 25 9 Yanıt")).toBe("25. toplantının tutanağında #9 numaralı bir itiraz yok. İtirazları görmek için bana özel mesajla /minutes 25 yazın.");
    expect(await say(admin, "private", "/objection_resolve 99 1 Yanıt")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
    expect({ objections: await objectionRows(), counts: await scenario.countRows() }).toEqual(before);

    const memberBefore = lastId(member.id);
    expect(await say(admin, "private", "/objection_resolve 25 1 Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek.")).toBe(
      "✅ 25. toplantının tutanağına yapılan #1 numaralı itiraz yanıtlandı; yanıt, itiraz eden kişiye özel mesajla iletiliyor.",
    );
    expect(sentAfter(member.id, memberBefore).map((m) => m.text)).toEqual([
      "📝 25. toplantının tutanağına yaptığınız itiraza (#1) yanıt verildi:\nHaklısınız; 2. sürümde 1000 adet olarak düzeltilecek.\n\nİtirazınız: Broşür 1000 adet olacaktı, metin yanlış.",
    ]);
    const resolved = (await objectionRows())[0]!;
    expect([resolved.resolution, resolved.resolvedBy]).toEqual(["Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek.", BigInt(admin.id)]);
    expect(await say(admin, "private", "/objection_resolve 25 1 Başka bir yanıt")).toBe("#1 numaralı itiraz zaten yanıtlanmıştı; yanıt değiştirilmedi.");
    expect((await objectionRows())[0]!.resolution).toBe("Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek.");
    expect(await say(admin, "private", "/minutes 25")).toContain("#1 · 3 numaralı kayıt · 1. sürüm · Ayşe Yılmaz (Buca)\nBroşür 1000 adet olacaktı, metin yanlış.\n✅ Yanıt: Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek.");
  });

  it("after the objection period (7 days by default) the button is refused; /network_set objection_days lengthens it", async () => {
    moveClockTo("2027-03-24T07:40:00Z");
    const before = await objectionRows();
    expect(await pressObject(member)).toEqual({
      text: "25. toplantının tutanağı için itiraz süresi 24 Mart 2027 Çarşamba, 10:40 itibarıyla sona erdi. İletmek istediğiniz bir şey varsa koordinatörlere doğrudan yazabilirsiniz.",
      alert: true,
    });
    expect(await say(admin, group, "/network_set objection_days 0")).toBe("İtiraz süresi 1 ile 60 arasında bir tam sayı (gün) olmalıdır, örneğin: /network_set objection_days 7");
    expect(await say(admin, group, "/network_set objection_days 61")).toBe("İtiraz süresi 1 ile 60 arasında bir tam sayı (gün) olmalıdır, örneğin: /network_set objection_days 7");
    expect(await say(member, group, "/network_set objection_days 10")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await say(admin, group, "/network_set objection_days 10")).toBe("objection_days güncellendi: 7 → 10");
    expect(await say(admin, group, "/network")).toContain("Tutanağa itiraz süresi: her sürüm yayımlandıktan sonra 10 gün");

    // Ten days: open until 27 March 10:40. A question asked in time, answered too late, records nothing.
    moveClockTo("2027-03-27T07:30:00Z");
    expect(await pressObject(member)).toEqual({ text: "Size özel mesaj gönderdim; itirazınızı oraya yazabilirsiniz.", alert: false });
    moveClockTo("2027-03-27T07:41:00Z");
    expect(await say(member, "private", "Geç kalan itiraz")).toBe(
      "25. toplantının tutanağı için itiraz süresi 27 Mart 2027 Cumartesi, 10:40 itibarıyla sona erdi. İletmek istediğiniz bir şey varsa koordinatörlere doğrudan yazabilirsiniz.",
    );
    expect(await objectionRows()).toEqual(before);
    moveClockTo("2027-03-27T07:35:00Z");
    expect(await pressObject(member)).toEqual({ text: "Size özel mesaj gönderdim; itirazınızı oraya yazabilirsiniz.", alert: false });
    expect(await say(member, "private", "2: Karşıyaka'nın salonu o tarihte dolu")).toMatch(/itiraz #3\)/);
  });

  it("/minutes_approve with unresolved objections lists them privately and asks; a stale or someone else's press changes nothing; confirming approves and records them", async () => {
    const groupBefore = lastId(group.id);
    expect(await say(admin, group, "/minutes_approve 25")).toBe("Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.");
    expect(sentAfter(group.id, groupBefore).map((m) => m.text).join("\n")).not.toContain("Karşıyaka eksik");
    const question = lastIn(admin.id);
    expect(question.text).toBe(
      [
        "⚠️ 25. toplantının tutanağına yapılan 2 itiraz henüz yanıtlanmadı:",
        "• #2 (tutanağın geneli): Katılımcı listesinde Karşıyaka eksik.",
        "• #3 (2 numaralı kayıt): Karşıyaka'nın salonu o tarihte dolu",
        "",
        "İtirazları /objection_resolve 25 <itiraz no> <yanıt> ile yanıtlayabilir ya da tutanağı yine de onaylayabilirsiniz. Yanıtlanmayan itirazlar, onaylanan tutanakta “yanıtsız kaldı” olarak yer alır.",
      ].join("\n"),
    );
    const confirm = question.reply_markup!.inline_keyboard![0]![0]!;
    expect(confirm.text).toBe("✅ Yine de onayla");
    expect((await prisma().minutes.findFirstOrThrow()).approvedAt).toBeNull();

    // A member cannot press an organiser's confirmation.
    expect(shown(await scenario.emulator.pressButton(member, admin.id, question.message_id, confirm.callback_data!))).toEqual({ text: "Bu komutu yalnızca ağın koordinatörleri kullanabilir.", alert: true });
    // A new version makes the question stale.
    await say(admin, "private", "/minutes 25");
    await say(admin, "private", "/minutes_edit 25 3 karar: Broşür 1000 adet basılacak");
    expect(await say(admin, "private", "/minutes_publish 25")).toMatch(/2\. sürüm olarak yayımlandı/);
    expect(objectButtonIn(group.id).data).toBe(`mobj:${meetingId}:2`);
    expect(shown(await scenario.emulator.pressButton(admin, admin.id, question.message_id, confirm.callback_data!))).toEqual({
      text: "Bu onay düğmesi artık geçerli değil: tutanağın yeni bir sürümü yayımlandı ya da yeni bir itiraz geldi. Lütfen /minutes_approve 25 komutunu yeniden yazın.",
      alert: true,
    });
    await scenario.running.ortak.inFlight.drain();
    expect((await prisma().minutes.findFirstOrThrow()).approvedAt).toBeNull();

    await say(admin, "private", "/minutes_approve 25");
    const again = lastIn(admin.id);
    const adminBefore = again.message_id;
    await scenario.emulator.pressButton(admin, admin.id, again.message_id, again.reply_markup!.inline_keyboard![0]![0]!.callback_data!);
    await scenario.running.ortak.inFlight.drain();
    await scenario.deliver();
    expect(scenario.emulator.botMessagesIn(admin.id).find((m) => m.message_id === again.message_id)!.text).toBe(
      "✅ 25. toplantının tutanağı onaylandı.\nBu tutanağa 3 itiraz yapılmıştı; 2 tanesi yanıtsız kaldı. Onaylanan tutanak koordinatörlere dosya olarak gönderiliyor.",
    );
    const audit = await prisma().auditEntry.findFirstOrThrow({ where: { action: "minutes.approve" } });
    expect(audit.after).toEqual({ version: 2, objections: 3, unresolved: 2 });

    // The approved minutes reach the organiser as files that record each objection and how it ended.
    const files = sentAfter(admin.id, adminBefore).filter((m) => m.document);
    expect(files.map((f) => f.document!.file_name)).toEqual(["tutanak-25-surum-2-onayli.md", "tutanak-25-surum-2-onayli.pdf"]);
    const markdown = scenario.emulator.file(files[0]!.document!.file_id)!.toString("utf8");
    expect(markdown).toContain("- **25/2** — Broşür 1000 adet basılacak");
    expect(markdown).toContain(
      [
        "## Onay",
        "",
        "- Onaylandı: 27 Mart 2027 Cumartesi, 10:35",
        "- İtirazlar: 3 (1 yanıtlandı, 2 yanıtsız kaldı)",
        "- \\#1 (sürüm 1, 3 numaralı kayıt): “Broşür 1000 adet olacaktı, metin yanlış.” — yanıt: Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek.",
        "- \\#2 (sürüm 1, tutanağın geneli): “Katılımcı listesinde Karşıyaka eksik.” — yanıtsız kaldı (tutanak yine de onaylandı)",
        "- \\#3 (sürüm 1, 2 numaralı kayıt): “Karşıyaka'nın salonu o tarihte dolu” — yanıtsız kaldı (tutanak yine de onaylandı)",
      ].join("\n"),
    );
    // Nobody else got files: the member, the taker and the group.
    for (const chatId of [member.id, selin.id, group.id]) expect(scenario.emulator.botMessagesIn(chatId).filter((m) => m.document?.file_name?.includes("onayli"))).toEqual([]);
    expect(await say(admin, "private", "/minutes 25")).toContain("İtirazlar (3; 2 tanesi yanıt bekliyor)");
  });

  it("once approved: no more objections, no more answers, and a second confirmation changes nothing", async () => {
    const before = { objections: await objectionRows(), counts: await scenario.countRows() };
    expect(await pressObject(member)).toEqual({ text: "25. toplantının tutanağı onaylandı; artık itiraz alınmıyor.", alert: true });
    expect(await say(admin, "private", "/objection_resolve 25 2 Geç yanıt")).toBe("25. toplantının tutanağı onaylandı; itirazlara artık yanıt kaydedilemez.");
    expect(await say(admin, "private", "/minutes_approve 25")).toBe("25. toplantının tutanağı zaten onaylanmıştı.");
    expect({ objections: await objectionRows(), counts: await scenario.countRows() }).toEqual(before);
  });

  it("/mydata holds the member's objections; once forgotten, the objections keep their text without them", async () => {
    const mydata = JSON.parse(
      await (async () => {
        const count = scenario.emulator.botMessagesIn(member.id).length;
        scenario.emulator.sendText(member, "private", "/mydata");
        const file = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(member.id).slice(count).find((m) => m.document), 5_000, "the /mydata file");
        await scenario.running.ortak.inFlight.drain();
        return scenario.emulator.file(file.document!.file_id)!.toString("utf8");
      })(),
    ) as { minutesObjections: Record<string, unknown>[] };
    expect(mydata.minutesObjections.map((o) => [o.meetingNumber, o.objection, o.entry, o.text, o.answer])).toEqual([
      [25, 1, 3, "Broşür 1000 adet olacaktı, metin yanlış.", "Haklısınız; 2. sürümde 1000 adet olarak düzeltilecek."],
      [25, 2, null, "Katılımcı listesinde Karşıyaka eksik.", null],
      [25, 3, 2, "Karşıyaka'nın salonu o tarihte dolu", null],
    ]);

    expect((await forgetPerson(prisma(), BigInt(member.id))).kind).toBe("forgotten");
    const after = await objectionRows();
    expect(after.map((o) => [o.memberId, o.text])).toEqual([
      [null, "Broşür 1000 adet olacaktı, metin yanlış."],
      [null, "Katılımcı listesinde Karşıyaka eksik."],
      [null, "Karşıyaka'nın salonu o tarihte dolu"],
    ]);
    expect(await say(admin, "private", "/minutes 25")).toContain("#1 · 3 numaralı kayıt · 1. sürüm · (silinmiş kişi)");
  });
});
