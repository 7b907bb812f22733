import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026 in İzmir. Network A: meeting 25 on Wednesday 17 March 2027, 10:00,
// then 26 (14 April, moved to 21 April). Network B: meeting 25 on the same day and nothing after.
const { scenario, moveClockTo, runDueJobs } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, countRows } = scenario;
const prisma = () => scenario.db.prisma;

let admin: EmulatedUser;
let member: EmulatedUser;
let kemal: EmulatedUser;
let kader: EmulatedUser;
let group: EmulatedChat;
let b: { admin: EmulatedUser; member: EmulatedUser; group: EmulatedChat };
const task = { brochure: 0, thanks: 0, report: 0, poster: 0, b: 0 };
let card26 = 0;

const botTexts = (chatId: number) => scenario.emulator.botMessagesIn(chatId);
const checkInsIn = (chatId: number) => botTexts(chatId).filter((m) => m.text?.startsWith("📋 Görev takibi"));
const checkInAbout = (chatId: number, entryId: number) => checkInsIn(chatId).find((m) => m.reply_markup?.inline_keyboard?.flat().some((k) => k.callback_data?.startsWith(`tck:${entryId}:`)) || m.text?.includes(`(#${entryId})`))!;
const current = (chatId: number, messageId: number) => botTexts(chatId).find((m) => m.message_id === messageId)!;
const button = (message: StoredMessage, code: "d" | "p" | "b") => message.reply_markup!.inline_keyboard!.flat().find((k) => k.callback_data?.endsWith(`:${code}`))!.callback_data!;
const press = async (user: EmulatedUser, message: StoredMessage, data: string, forged = false) => {
  const answer = await scenario.emulator.pressButton(user, message.chatId, message.message_id, data, { forged });
  await scenario.running.ortak.inFlight.drain();
  return answer;
};
/** The rows a check-in answer may change: counts, and every task's status columns. */
const snapshot = async () => ({
  counts: await countRows(),
  tasks: await prisma().minutesEntry.findMany({ where: { kind: "action" }, select: { id: true, progress: true, blockedReason: true, progressAt: true, progressBy: true, doneAt: true, deletedAt: true }, orderBy: { id: "asc" } }),
});
/** The clock moves on a few seconds (card edits are paced three seconds apart) and what came due is delivered. */
const advance = async (ms = 5_000) => {
  await scenario.running.ortak.inFlight.drain();
  moveClockTo(new Date(Date.now() + ms).toISOString());
  await runDueJobs();
};
const entryId = async (meetingId: number, text: string) => (await prisma().minutesEntry.findFirstOrThrow({ where: { meetingId, text } })).id;
const fanOutRow = async (number: number) =>
  prisma().outboxMessage.findFirst({ where: { kind: "task-checkins", meeting: { number, network: { chats: { some: { telegramChatId: BigInt(group.id) } } } } } });

describe("task check-ins", () => {
  it("sets up network A (Buca, Karşıyaka with two contacts) and network B, each with meeting 25 and published tasks", async () => {
    ({ admin, member, group } = await scenario.networkWithMeeting("İzmir Görev Ağı", "Açılış"));
    kemal = scenario.emulator.createUser({ first_name: "Kemal", username: "kemal_k", language_code: "tr" });
    kader = scenario.emulator.createUser({ first_name: "Kader", username: "kader_k", language_code: "tr" });
    for (const person of [kemal, kader]) {
      scenario.emulator.setMember(group, person, "member");
      await say(person, group, "/whoami");
      await say(person, "private", "/start");
      await say(admin, group, `/member_set_org @${person.username} Karşıyaka`);
    }
    await say(admin, group, "/invite 25");

    const fixture = await scenario.network("Ege Görev Ağı");
    b = { admin: fixture.admin, member: fixture.member, group: fixture.group };
    await say(b.admin, b.group, "/network_set next_number 25");
    // B's mornings start at 10:00: its owners are never asked at 09:00.
    await say(b.admin, b.group, "/network_set quiet_hours 21:00-10:00");
    await say(b.admin, b.group, "/org_add Bornova KDM | Bornova");
    await say(b.admin, b.group, `/member_set_org @${b.member.username} Bornova`);
    await say(b.admin, "private", "/start");
    await say(b.member, "private", "/start");
    await say(b.admin, b.group, "/meeting_new 17 Mart 2027 10:00 | Salon | Açılış");

    moveClockTo("2027-03-17T07:00:01Z");
    await say(admin, "private", "/minutes 25");
    await say(admin, "private", `görev: Broşür taslağı @${member.username} 15 Nisan`);
    await say(admin, "private", "görev: Salon için teşekkür yazısı Karşıyaka 20 Nisan");
    await say(admin, "private", "görev: Faaliyet raporu Buca 30 Nisan");
    await say(admin, "private", "görev: Afiş Buca 30 Nisan");
    expect(await say(admin, "private", "/minutes_publish 25")).toMatch(/^📣 25\. toplantının tutanağı 1\. sürüm/);
    const meeting25 = await prisma().meeting.findFirstOrThrow({ where: { number: 25, network: { chats: { some: { telegramChatId: BigInt(group.id) } } } } });
    task.brochure = await entryId(meeting25.id, "Broşür taslağı");
    task.thanks = await entryId(meeting25.id, "Salon için teşekkür yazısı");
    task.report = await entryId(meeting25.id, "Faaliyet raporu");
    task.poster = await entryId(meeting25.id, "Afiş");

    await say(b.admin, "private", "/minutes 25");
    await say(b.admin, "private", `görev: Bütçe önerisi @${b.member.username} 1 Nisan`);
    await say(b.admin, "private", "/minutes_publish 25");
    const meetingB = await prisma().meeting.findFirstOrThrow({ where: { number: 25, network: { chats: { some: { telegramChatId: BigInt(b.group.id) } } } } });
    task.b = await entryId(meetingB.id, "Bütçe önerisi");
  });

  it("the next meeting plans the check-in seven days before it and the organisers' summary three days before; a move moves them", async () => {
    moveClockTo("2027-03-20T09:00:00Z");
    await say(admin, group, "/meeting_new 14 Nisan 2027 10:00 | Karşıyaka Evi | Tutanak onayı");
    await say(admin, group, "/invite 26");
    expect((await fanOutRow(26))?.notBefore.toISOString()).toBe("2027-04-07T07:00:00.000Z");
    const summaries = await prisma().outboxMessage.findMany({ where: { kind: "task-summary", meeting: { number: 26 } } });
    expect(summaries.map((s) => [s.notBefore.toISOString(), s.status])).toEqual([["2027-04-11T07:00:00.000Z", "scheduled"]]);

    await say(admin, group, "/reschedule 26 21 Nisan 2027 10:00");
    expect((await fanOutRow(26))?.notBefore.toISOString()).toBe("2027-04-14T07:00:00.000Z");
    expect((await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "task-summary", meeting: { number: 26 }, status: "scheduled" } })).notBefore.toISOString()).toBe("2027-04-18T07:00:00.000Z");

    // Nobody is asked at the old time.
    moveClockTo("2027-04-07T07:00:01Z");
    await runDueJobs();
    expect(checkInsIn(member.id)).toEqual([]);
    const card = await prisma().postedCard.findFirstOrThrow({ where: { meeting: { number: 26 }, telegramChatId: BigInt(group.id) } });
    card26 = card.messageId;
  });

  it("seven days before, each owner gets one check-in; an organisation's task goes to each of its contacts", async () => {
    moveClockTo("2027-04-14T07:00:01Z");
    await runDueJobs();
    const mine = checkInsIn(member.id);
    // The person's own task, and Buca's two (Ayşe is Buca's only member, so its contact).
    expect(mine).toHaveLength(3);
    const brochure = checkInAbout(member.id, task.brochure);
    expect(brochure.text).toContain("26. toplantı yaklaşıyor (21 Nisan 2027");
    expect(brochure.text).toContain("25. toplantıda size verilen görev:\nBroşür taslağı (#");
    expect(brochure.text).toContain("Son tarih: 15 Nisan 2027");
    expect(brochure.reply_markup!.inline_keyboard![0]!.map((k) => k.text)).toEqual(["✅ Tamamlandı", "⏳ Sürüyor", "⛔ Engel var"]);
    for (const contact of [kemal, kader]) {
      expect(checkInsIn(contact.id)).toHaveLength(1);
      expect(checkInAbout(contact.id, task.thanks).text).toContain("kurumunuza (Karşıyaka) verilen görev");
      expect(checkInAbout(contact.id, task.thanks).text).toContain("irtibat kişilerinden birinin yanıt vermesi yeterlidir");
    }
    // Never twice for the same meeting: the fan-out running again (a restart, a re-armed job) asks nobody again.
    await scenario.running.services.checkins.oweCheckIns((await fanOutRow(26))!.meetingId!);
    await runDueJobs();
    expect(checkInsIn(member.id)).toHaveLength(3);
    expect(checkInsIn(kemal.id)).toHaveLength(1);
  });

  it("⏳ Sürüyor is recorded at once and shown on the message, on /actions, on the card and in the agenda", async () => {
    const brochure = checkInAbout(member.id, task.brochure);
    expect((await press(member, brochure, button(brochure, "p"))).text).toBe("⏳ Teşekkürler, görev “Sürüyor” olarak kaydedildi.");
    const row = await prisma().minutesEntry.findUniqueOrThrow({ where: { id: task.brochure } });
    expect([row.progress, row.progressBy]).toEqual(["in_progress", BigInt(member.id)]);
    expect(current(member.id, brochure.message_id).text).toContain("Son bildirilen durum: ⏳ Sürüyor");
    expect(current(member.id, brochure.message_id).reply_markup?.inline_keyboard).toHaveLength(1);

    expect(await say(member, "private", "/actions")).toContain(`Broşür taslağı — @${member.username}, son tarih: 15 Nisan 2027 (#${task.brochure}) [25. toplantı] · ⏳ Sürüyor`);
    await advance();
    const card = current(group.id, card26).text!;
    expect(card).toContain("Önceki toplantılardan bekleyen görevler\nBuca\n• ");
    expect(card).toContain(`• Broşür taslağı — bir kişi, son tarih: 15 Nisan 2027 (#${task.brochure}) [25. toplantı] · ⏳ Sürüyor`);
    expect(card).toContain(`• Faaliyet raporu — Buca, son tarih: 30 Nisan 2027 (#${task.report}) [25. toplantı] · ⚪ Durum bildirilmedi`);
    expect(card).toContain("\nKarşıyaka\n• Salon için teşekkür yazısı");
    const agenda = await say(member, group, "/meeting 26");
    expect(agenda).toContain("· ⏳ Sürüyor");
    expect(agenda).toContain("\nKarşıyaka\n• Salon için teşekkür yazısı");
  });

  it("⛔ Engel var asks for one line; an empty or too long reason changes nothing; the reason then counts for the organisation", async () => {
    const thanks = checkInAbout(kemal.id, task.thanks);
    await press(kemal, thanks, button(thanks, "b"));
    const question = botTexts(kemal.id).at(-1)!;
    expect(question.text).toBe(`#${task.thanks} numaralı görevin önündeki engel nedir? Lütfen bu mesaja yanıt olarak kısaca yazın (en fazla 200 karakter); yazdığınız, isimler gizlenerek bir sonraki toplantının kartında da görünür. Vazgeçmek için /cancel_dialog yazabilirsiniz.`);
    expect(question.forceReply).toMatchObject({ placeholder: "Örneğin: salon henüz ayarlanamadı" });

    const before = await snapshot();
    expect(await say(kemal, "private", "…", { replyTo: question.message_id })).toBe("Engeli anlatan bir metin göremedim; lütfen kısa bir cümleyle yazın. Vazgeçmek için /cancel_dialog yazabilirsiniz.");
    expect(await say(kemal, "private", "a".repeat(201), { replyTo: question.message_id })).toBe(
      "Yazdığınız metin çok uzun (201 karakter); en fazla 200 karakter olabilir. Lütfen kısaltıp yeniden gönderin.",
    );
    expect(await snapshot()).toEqual(before);

    // A reason that names a person and carries HTML: kept as typed, shown escaped, the name withheld from the group.
    const reason = `Salon <b>kapalı</b> & ${admin.first_name} henüz onay vermedi`;
    expect(await say(kemal, "private", reason, { replyTo: question.message_id })).toBe(`⛔ Teşekkürler; #${task.thanks} numaralı görevdeki engel kaydedildi. Koordinatörler toplantıdan önce bunu görecek; engel, isimler gizlenerek bir sonraki toplantının kartında da yer alır.`);
    const row = await prisma().minutesEntry.findUniqueOrThrow({ where: { id: task.thanks } });
    expect([row.progress, row.blockedReason]).toEqual(["blocked", reason]);
    expect(current(kemal.id, thanks.message_id).text).toContain(`Son bildirilen durum: ⛔ Engel var: ${reason}`);
    // Kader's message about the same task shows the organisation's answer.
    await advance();
    expect(current(kader.id, checkInAbout(kader.id, task.thanks).message_id).text).toContain(`Son bildirilen durum: ⛔ Engel var: ${reason}`);
    const card = current(group.id, card26).text!;
    expect(card).toContain("Salon için teşekkür yazısı — Karşıyaka");
    expect(card).toContain("· ⛔ Engel var: Salon <b>kapalı</b> & (isim gizlendi) henüz onay vermedi");
  });

  it("bad presses change nothing: a forged button, someone no longer of the owning organisation, a task done or deleted meanwhile", async () => {
    const thanks = checkInAbout(kader.id, task.thanks);
    const report = checkInAbout(member.id, task.report);
    let before = await snapshot();
    // Forged data: a button that is not on the message, or made up.
    expect((await press(kader, thanks, `tck:${task.brochure}:d`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await press(kader, thanks, `tck:${task.thanks}:x`, true)).text).toBe("Bu düğme artık geçerli değil.");
    expect(await snapshot()).toEqual(before);

    // Kader moves to Buca: Karşıyaka's task is no longer hers to answer.
    await say(admin, group, `/member_set_org @${kader.username} Buca`);
    before = await snapshot();
    expect(await press(kader, thanks, button(thanks, "p"))).toEqual({
      text: "Bu görevin durumunu yalnızca sorumlusu (ya da sorumlu kurumun bir üyesi) bildirebilir; hiçbir şey değiştirilmedi.",
      show_alert: true,
    });
    expect(await snapshot()).toEqual(before);

    // An organiser closes Buca's report with /done; the owner's check-in still has its buttons until the edit goes out.
    const { message } = scenario.emulator.sendText(admin, "private", `/done ${task.report}`);
    await scenario.emulator.nextBotMessage(admin.id, message.message_id);
    await scenario.running.ortak.inFlight.drain();
    before = await snapshot();
    expect(await press(member, report, button(report, "p"))).toEqual({ text: "Bu görev zaten tamamlanmıştı; hiçbir şey değiştirilmedi.", show_alert: true });
    expect(await snapshot()).toEqual(before);
    // Then the owner's check-in says it is done, without buttons.
    await advance();
    expect(current(member.id, report.message_id).text).toContain("✅ Bu görev tamamlandı olarak kaydedildi.");
    expect(current(member.id, report.message_id).reply_markup).toBeUndefined();

    // The poster is deleted from the minutes: its check-in finds nothing to change.
    const poster = checkInAbout(member.id, task.poster);
    const number = (await prisma().minutesEntry.findUniqueOrThrow({ where: { id: task.poster } })).number;
    expect(await say(admin, "private", `/minutes_delete 25 ${number}`)).toMatch(/^🗑/);
    before = await snapshot();
    expect(await press(member, poster, button(poster, "d"))).toEqual({ text: "Bu görev artık yok (tutanaktan çıkarılmış olabilir); hiçbir şey değiştirilmedi.", show_alert: true });
    expect(await press(member, poster, button(poster, "b"))).toEqual({ text: "Bu görev artık yok (tutanaktan çıkarılmış olabilir); hiçbir şey değiştirilmedi.", show_alert: true });
    expect(await snapshot()).toEqual(before);
  });

  it("with no next meeting, the owner is asked 30 days after the task's meeting, out of quiet hours; where a meeting asked already, nobody is asked again", async () => {
    const fallback = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "task-checkin", payload: { path: ["entryId"], equals: task.b } } });
    // 16 April 09:00 falls in B's quiet hours (until 10:00).
    expect(fallback.notBefore.toISOString()).toBe("2027-04-16T07:00:00.000Z");
    // Network A's own 30-day check-ins were planned too, for whoever owns an open task.
    expect(await prisma().outboxMessage.count({ where: { kind: "task-checkin", dedupeKey: { startsWith: "reminder:" }, payload: { path: ["entryId"], equals: task.brochure } } })).toBe(1);
    expect(checkInsIn(b.member.id)).toEqual([]);
    moveClockTo("2027-04-16T07:00:01Z");
    await runDueJobs();
    const asked = checkInsIn(b.member.id);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain("25. toplantının üzerinden 30 gün geçti.");
    expect(asked[0]!.text).toContain("Bütçe önerisi (#");
    // Ayşe was asked before meeting 26: not again.
    expect(checkInsIn(member.id)).toHaveLength(3);
    expect((await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "task-checkin", dedupeKey: { startsWith: "reminder:" }, payload: { path: ["entryId"], equals: task.brochure } } })).status).toBe("skipped");
    // Its answer works as any other.
    expect((await press(b.member, asked[0]!, button(asked[0]!, "p"))).text).toBe("⏳ Teşekkürler, görev “Sürüyor” olarak kaydedildi.");
    expect((await prisma().minutesEntry.findUniqueOrThrow({ where: { id: task.b } })).progress).toBe("in_progress");
  });

  it("three days before, each organiser gets one summary per organisation: done, in progress, blocked with its reason, no answer", async () => {
    moveClockTo("2027-04-18T07:00:01Z");
    await runDueJobs();
    const summaries = botTexts(admin.id).filter((m) => m.text?.startsWith("📋 26. toplantı öncesi görev durumu"));
    expect(summaries).toHaveLength(1);
    const text = summaries[0]!.text!;
    expect(text).toContain("Toplam: 1 tamamlandı · 1 sürüyor · 1 engel var · 0 yanıt yok");
    expect(text).toContain(`Buca\n✅ Tamamlandı (1)\n• Faaliyet raporu — Buca, son tarih: 30 Nisan 2027 (#${task.report}) [25. toplantı]\n⏳ Sürüyor (1)\n• Broşür taslağı — @${member.username}`);
    expect(text).toContain(`Karşıyaka\n⛔ Engel var (1)\n• Salon için teşekkür yazısı — Karşıyaka, son tarih: 20 Nisan 2027 (#${task.thanks}) [25. toplantı]: Salon <b>kapalı</b> & ${admin.first_name} henüz onay vermedi`);
    expect(text).not.toContain("Afiş");
    // Members get none.
    expect(botTexts(member.id).filter((m) => m.text?.includes("görev durumu"))).toEqual([]);
  });

  it("✅ Tamamlandı by one contact closes the organisation's task: the organisers hear it, the other contacts' messages show it, not a former contact's", async () => {
    // Kader is with Buca now: her old message about Karşıyaka's task is left as it was.
    const kaderMessage = checkInAbout(kader.id, task.thanks);
    const kaderShown = current(kader.id, kaderMessage.message_id).text;
    const thanks = checkInAbout(kemal.id, task.thanks);
    expect((await press(kemal, thanks, button(thanks, "d"))).text).toBe("✅ Teşekkürler, görev tamamlandı olarak kaydedildi.");
    expect((await prisma().minutesEntry.findUniqueOrThrow({ where: { id: task.thanks } })).doneBy).toBe(BigInt(kemal.id));
    await advance();
    expect(botTexts(admin.id).at(-1)!.text).toMatch(/^✅ Kemal bir görevi tamamladı \(25\. toplantı\): Salon için teşekkür yazısı/);
    const message = current(kemal.id, thanks.message_id);
    expect(message.text).toContain("✅ Bu görev tamamlandı olarak kaydedildi.");
    expect(message.reply_markup).toBeUndefined();
    expect(current(kader.id, kaderMessage.message_id).text).toBe(kaderShown);
    expect(current(group.id, card26).text).not.toContain("Salon için teşekkür yazısı");
    await say(admin, group, `/member_set_org @${kader.username} Karşıyaka`);
  });

  it("the next minutes list the earlier meeting's tasks with their statuses under 'Önceki toplantıdan görevler'", async () => {
    moveClockTo("2027-04-21T07:00:01Z");
    await runDueJobs();
    await say(admin, "private", "/minutes 26");
    await say(admin, "private", "Açılış yapıldı.");
    const start = botTexts(group.id).at(-1)!.message_id;
    await say(admin, "private", "/minutes_publish 26");
    await advance();
    const copy = botTexts(group.id).filter((m) => m.message_id > start).map((m) => m.text ?? "").join("\n");
    expect(copy).toContain("Önceki toplantıdan görevler");
    expect(copy).toContain(`Broşür taslağı — bir kişi, son tarih: 15 Nisan 2027 (#${task.brochure}) [25. toplantı] — ⏳ Sürüyor`);
    expect(copy).not.toContain(`@${member.username}`);
    const organisers = botTexts(admin.id).filter((m) => m.text?.includes("26. toplantı tutanağı")).map((m) => m.text).join("\n");
    expect(organisers).toContain(`Broşür taslağı — @${member.username}, son tarih: 15 Nisan 2027 (#${task.brochure}) [25. toplantı] — ⏳ Sürüyor`);
  });
});

describe("a meeting set up within the week", () => {
  it("asks its owners at once (out of quiet hours), once more for this meeting even after the 30-day check-in", async () => {
    // 22:00 in İzmir, inside B's quiet hours (21:00–10:00): the owners are asked at 10:00.
    moveClockTo("2027-04-21T19:00:00Z");
    await say(b.admin, b.group, "/meeting_new 27 Nisan 2027 10:00 | Salon | Değerlendirme");
    await say(b.admin, b.group, "/invite 26");
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "task-checkins", meeting: { number: 26, network: { chats: { some: { telegramChatId: BigInt(b.group.id) } } } } } });
    expect(row.notBefore.toISOString()).toBe("2027-04-22T07:00:00.000Z");
    // Planned again meanwhile (an edit): still asked in the morning, not withdrawn.
    await say(b.admin, b.group, "/meeting_edit 26 title Değerlendirme toplantısı");
    expect((await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("scheduled");
    expect(checkInsIn(b.member.id)).toHaveLength(1);
    moveClockTo("2027-04-22T07:00:01Z");
    await runDueJobs();
    const asked = checkInsIn(b.member.id);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.text).toContain("26. toplantı yaklaşıyor (27 Nisan 2027");
    // It says what was reported before.
    expect(asked[1]!.text).toContain("Son bildirilen durum: ⏳ Sürüyor");
  });
});
