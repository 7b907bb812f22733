import { describe, expect, it } from "vitest";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
const { scenario, moveClockTo, runDueJobs } = useJobsByHand("2026-11-24T09:00:00Z");
const { say, network, countRows } = scenario;

async function invitedMeeting(name: string) {
  moveClockTo("2026-11-24T09:00:00Z");
  const fixture = await network(name);
  const { admin, member, group } = fixture;
  await say(admin, group, "/network_set next_number 25");
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, `/member_set_org @${member.username} Buca`);
  await say(admin, "private", "/start");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
  const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
  await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("25. toplantının davet kartı")));
  await scenario.settle();
  return fixture;
}

describe("check-in and attendance", () => {
  it("the card goes out at the start; members check in once; organisers see who came, who did not, who came unannounced", async () => {
    const { admin, member, group } = await invitedMeeting("Yoklama Ağı");
    await say(member, group, "/rsvp 25 evet");
    await say(admin, group, "/rsvp 25 evet");
    expect(await say(member, group, "/checkin 25")).toBe("25. toplantının yoklaması şu anda açık değil; toplantı başlamadan yarım saat önce açılır, bitiminden bir saat sonra kapanır.");
    expect(await say(member, group, "/checkin")).toBe("Şu anda yoklaması açık bir toplantı yok.");
    // Before check-in opens nobody can have come: no list of who "did not come".
    expect(await say(admin, "private", "/attendance 25")).toBe("25. toplantı henüz yapılmadı; yoklama toplantı başlamadan yarım saat önce açılır.");
    moveClockTo("2027-03-17T07:00:01Z");
    await runDueJobs();
    const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("📍"))!;
    expect(card.text).toBe("📍 25. toplantı başlıyor (17 Mart 2027 Çarşamba, 10:00–15:00, Salon)\nGeldiyseniz lütfen aşağıdaki düğmeye basın; yoklama, toplantı bitiminden bir saat sonrasına kadar açık kalır.");
    const data = card.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    expect(await scenario.emulator.pressButton(member, group.id, card.message_id, data)).toEqual({ text: "Hoş geldiniz! 25. toplantıya katılımınız kaydedildi.", show_alert: false });
    expect((await scenario.emulator.pressButton(member, group.id, card.message_id, data)).text).toBe("25. toplantıya katılımınız zaten kayıtlı.");
    const walkIn = scenario.emulator.createUser({ first_name: "Nur", language_code: "tr" });
    scenario.emulator.setMember(group, walkIn, "member");
    expect((await scenario.emulator.pressButton(walkIn, group.id, card.message_id, data)).text).toBe("Hoş geldiniz! 25. toplantıya katılımınız kaydedildi.");
    expect(await say(walkIn, group, "/checkin")).toBe("25. toplantıya katılımınız zaten kayıtlı.");

    expect(await say(admin, group, "/attendance 25")).toBe("Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.");
    expect(scenario.emulator.botMessagesIn(admin.id).at(-1)!.text).toBe(
      "25. toplantının yoklaması\n\nBuca KDM\nGelenler (1): Ayşe Yılmaz\n\nKurumu belirtilmemiş\nGelenler (1): Nur\nKatılacağını bildirip gelmeyenler: Derya\nYanıt vermeden gelenler: Nur",
    );
    expect(await say(member, group, "/attendance 25")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    await say(admin, "private", "/export 25");
    const document = scenario.emulator.botMessagesIn(admin.id).at(-1)!.document!;
    const csv = scenario.emulator.file(document.file_id)!.toString("utf8");
    expect(csv).toContain(";Ayşe Yılmaz;yes;1;2026-11-24T12:00:00+03:00;yes;;;;;;;;\r\n");
    expect(csv).toContain(";Derya;yes;1;2026-11-24T12:00:00+03:00;no;;;;;;;;\r\n");

    // An hour after the end the check-in closes.
    moveClockTo("2027-03-17T13:00:01Z");
    const before = await countRows();
    const late = scenario.emulator.createUser({ first_name: "Geç", language_code: "tr" });
    scenario.emulator.setMember(group, late, "member");
    expect(await scenario.emulator.pressButton(late, group.id, card.message_id, data)).toEqual({
      text: "25. toplantının yoklaması kapandı; yoklama toplantı bitiminden bir saat sonra kapanır.",
      show_alert: true,
    });
    expect(await countRows()).toEqual(before);
    expect(await say(member, group, "/checkin 25")).toBe("25. toplantının yoklaması kapandı; yoklama toplantı bitiminden bir saat sonra kapanır.");
    expect(await say(admin, group, "/attendance yirmi")).toBe("Kullanım: /attendance <numara>, örneğin /attendance 25");
    expect(await say(admin, group, "/checkin 99")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
  });
});
