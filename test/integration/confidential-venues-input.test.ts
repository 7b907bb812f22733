import { describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";
import { invitedMeeting } from "../support/invited-meeting.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00 (07:00 UTC), at "Buca1923".
const START = "2026-11-24T09:00:00Z";
const { scenario, moveClockTo, runDueJobs } = useJobsByHand(START);
const { say } = scenario;

const meetingOf = (code: string, number = 25) => scenario.db.prisma.meeting.findFirstOrThrow({ where: { number, network: { joinCode: code } } });
const dms = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id);
const reveals = (user: EmulatedUser) => dms(user).filter((m) => (m.text ?? "").startsWith("🔒 25. toplantının yeri"));

/** What a refused command must leave as it was: every counted row, the meeting's place fields, the network's hours. */
async function state(code: string) {
  const m = await meetingOf(code);
  const network = await scenario.db.prisma.network.findFirstOrThrow({ where: { joinCode: code } });
  return {
    rows: await scenario.countRows(),
    reveals: await scenario.db.prisma.venueReveal.count(),
    meeting: { venuePrivate: m.venuePrivate, district: m.district, icsSequence: m.icsSequence },
    hours: network.venueRevealHours,
  };
}

describe("bad input changes nothing and says why", () => {
  it("a member, a bad value, an unknown, a cancelled and a past meeting, a district too long, reveal hours out of range", async () => {
    moveClockTo(START);
    const { admin, member, group, code } = await invitedMeeting(scenario, "Yanlış Girdi Ağı");
    await say(admin, group, "/meeting_new 18 Mart 2027 10:00 | Salon | Gündem");
    await scenario.cancelMeeting(admin, group, "26");
    await say(admin, group, "/meeting_new 1 Aralık 2026 10:00 | Salon | Gündem");
    const before = await state(code);
    const refused: [EmulatedUser, string, string][] = [
      [member, "/meeting_edit 25 venue_private evet", "Bu komutu yalnızca ağın koordinatörleri kullanabilir."],
      [member, "/meeting_edit 25 district Buca", "Bu komutu yalnızca ağın koordinatörleri kullanabilir."],
      [admin, "/meeting_edit 25 venue_private belki", "venue_private için evet ya da hayır yazın, örneğin: /meeting_edit 25 venue_private evet"],
      [admin, "/meeting_edit 25 venue_private açık", "venue_private için evet ya da hayır yazın, örneğin: /meeting_edit 25 venue_private evet"],
      [admin, "/meeting_edit 99 venue_private evet", "Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın."],
      [admin, "/meeting_edit 26 venue_private evet", "Bu toplantı iptal edildi; iptal edilen bir toplantı değiştirilemez."],
      [admin, "/meeting_edit 26 district Buca", "Bu toplantı iptal edildi; iptal edilen bir toplantı değiştirilemez."],
      [admin, `/meeting_edit 25 district ${"Ç".repeat(61)}`, "Bu metin en fazla 60 karakter olabilir; yazdığınız metin 61 karakter."],
      [admin, "/meeting_edit 25 venue_private hayır", "25. toplantının yeri zaten gizli değil."],
      [admin, "/network_set venue_reveal_hours 0", "Bildirim süresi 1 ile 336 arasında bir tam sayı (saat) olmalıdır, örneğin: /network_set venue_reveal_hours 48"],
      [admin, "/network_set venue_reveal_hours 337", "Bildirim süresi 1 ile 336 arasında bir tam sayı (saat) olmalıdır, örneğin: /network_set venue_reveal_hours 48"],
      [admin, "/network_set venue_reveal_hours kırk", "Bildirim süresi 1 ile 336 arasında bir tam sayı (saat) olmalıdır, örneğin: /network_set venue_reveal_hours 48"],
      [member, "/network_set venue_reveal_hours 24", "Bu komutu yalnızca ağın koordinatörleri kullanabilir."],
    ];
    for (const [who, command, answer] of refused) {
      expect(await say(who, group, command), command).toBe(answer);
      expect(await state(code), command).toEqual(before);
    }
    // Meeting 27 (1 December 2026) is over: its venue's confidentiality is history.
    moveClockTo("2026-12-02T09:00:00Z");
    const past = await state(code);
    expect(await say(admin, group, "/meeting_edit 27 venue_private evet")).toBe("Bu toplantının zamanı geçti; yerinin gizliliği artık değiştirilemez.");
    expect(await state(code)).toEqual(past);
    expect((await meetingOf(code, 27)).venuePrivate).toBe(false);
  });

  it("a district with markup is kept as typed and shown escaped, on the card and in the answer", async () => {
    moveClockTo(START);
    const { admin, group, code } = await invitedMeeting(scenario, "İşaretli İlçe Ağı");
    const answer = await say(admin, group, "/meeting_edit 25 district <b>Buca</b> & Karşıyaka");
    expect(answer).toContain("Yeni: <b>Buca</b> & Karşıyaka");
    await say(admin, group, "/meeting_edit 25 venue_private evet");
    moveClockTo("2026-11-24T09:01:00Z");
    await runDueJobs();
    const m = await meetingOf(code);
    expect(m.district).toBe("<b>Buca</b> & Karşıyaka");
    const card = await scenario.db.prisma.postedCard.findFirstOrThrow({ where: { meetingId: m.id, kind: "group" } });
    const shown = scenario.emulator.messagesIn(group.id).find((x) => x.message_id === card.messageId)!;
    expect(shown.text).toContain("Yer: <b>Buca</b> & Karşıyaka");
    expect(shown.text).not.toContain("Buca1923");
    // Read back as typed: markup that were not escaped would have become bold text without its tags.
    expect(shown.entities ?? []).not.toContainEqual(expect.objectContaining({ type: "bold", offset: shown.text!.indexOf("Buca</b>") }));
  });
});

describe("making a confidential venue public again", () => {
  it("asks for a confirmation that only an organiser's press of a current button carries out", async () => {
    moveClockTo(START);
    const { admin, member, outsider, group, code, meeting } = await invitedMeeting(scenario, "Açılan Yer Ağı");
    await say(admin, group, "/meeting_edit 25 venue_private evet");
    await say(member, group, "/rsvp 25 evet");
    const revealRows = () => scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "venue-reveal" } });
    expect((await revealRows()).filter((r) => r.status === "scheduled").length).toBeGreaterThan(0);

    const question = await say(admin, group, "/meeting_edit 25 venue_private hayır");
    expect(question).toBe("25. toplantının yerini herkese açmak istediğinizden emin misiniz? Yer ve adres grupta, davet kartlarında ve takvimlerde görünecek. Onaylamak için aşağıdaki düğmeye basın.");
    const asked = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    const data = asked.reply_markup!.inline_keyboard![0]![0]!.callback_data!;
    const unchanged = await state(code);
    expect(unchanged.meeting.venuePrivate).toBe(true);

    // A member's press, an outsider's press, the same data forged onto the card: nothing changes.
    expect((await scenario.emulator.pressButton(member, group.id, asked.message_id, data)).text).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect((await scenario.emulator.pressButton(outsider, group.id, asked.message_id, data)).text).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    const card = await scenario.db.prisma.postedCard.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "group" } });
    expect((await scenario.emulator.pressButton(admin, group.id, card.messageId, data, { forged: true })).text).toBe("Bu düğme artık geçerli değil.");
    // Another meeting's id in the data, forged onto the question itself.
    expect((await scenario.emulator.pressButton(admin, group.id, asked.message_id, data.replace(/^vpub:\d+/, "vpub:999999"), { forged: true })).text).toBe("Bu düğme artık geçerli değil.");
    await scenario.deliver();
    expect(await state(code)).toEqual(unchanged);

    // A question asked before the meeting changed (its SEQUENCE moved on) is stale.
    await say(admin, group, "/meeting_edit 25 district Buca");
    expect((await scenario.emulator.pressButton(admin, group.id, asked.message_id, data)).text).toBe("Bu düğme artık geçerli değil.");
    expect((await meetingOf(code)).venuePrivate).toBe(true);

    await say(admin, group, "/meeting_edit 25 venue_private hayır");
    const fresh = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    const toast = await scenario.emulator.pressButton(admin, group.id, fresh.message_id, fresh.reply_markup!.inline_keyboard![0]![0]!.callback_data!);
    expect(toast.text).toBe("Toplantı yeri herkese açıldı.");
    await scenario.emulator.waitFor(() => scenario.emulator.messagesIn(group.id).find((m) => m.message_id === fresh.message_id)?.text?.startsWith("🔓"));
    expect(scenario.emulator.messagesIn(group.id).find((m) => m.message_id === fresh.message_id)!.reply_markup).toBeUndefined();
    const m = await meetingOf(code);
    expect(m.venuePrivate).toBe(false);
    expect(await scenario.db.prisma.auditEntry.count({ where: { action: "meeting.edit.venue_private", network: { joinCode: code } } })).toBe(2);
    // The reveals still to go out are withdrawn, and the cards show the place again.
    expect((await revealRows()).filter((r) => r.status === "scheduled")).toEqual([]);
    moveClockTo("2026-11-24T09:02:00Z");
    await runDueJobs();
    expect(scenario.emulator.messagesIn(group.id).find((x) => x.message_id === card.messageId)!.text).toContain("Yer: Buca1923");
  });
});

describe("/network_set venue_reveal_hours", () => {
  it("is shown in /network, moves the planned reveals, and tells at once those whose new reveal time has passed", async () => {
    moveClockTo(START);
    const { admin, member, group, code, meeting } = await invitedMeeting(scenario, "Saat Ağı");
    expect(await say(admin, group, "/network")).toContain("Gizli toplantı yerinin bildirilmesi: toplantıdan 48 saat önce");
    await say(admin, group, "/meeting_edit 25 venue_private evet");
    await say(member, group, "/rsvp 25 evet");
    expect(await say(admin, group, "/network_set venue_reveal_hours 72")).toBe("venue_reveal_hours güncellendi: 48 → 72");
    const planned = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "venue-reveal", status: "scheduled" } });
    expect(new Set(planned.map((r) => r.notBefore.toISOString()))).toEqual(new Set(["2027-03-14T07:00:00.000Z"]));
    expect(await say(admin, group, "/network")).toContain("toplantıdan 72 saat önce");

    // On 13 March at 12:00 the reveal (three days before) is still ahead; four days before has passed.
    moveClockTo("2027-03-13T09:00:00Z");
    await runDueJobs();
    expect(reveals(member)).toHaveLength(0);
    await say(admin, group, "/network_set venue_reveal_hours 96");
    await scenario.deliver();
    expect(reveals(member)).toHaveLength(1);
    expect(reveals(member)[0]!.has_protected_content).toBe(true);
    // The planned one, due now, is no longer wanted: nobody is told twice.
    moveClockTo("2027-03-14T07:00:01Z");
    await runDueJobs();
    expect(reveals(member)).toHaveLength(1);
    expect((await meetingOf(code)).venuePrivate).toBe(true);
  });
});

describe("the emulator and protect_content", () => {
  it("keeps it on the message as Telegram does, and refuses a value that is not a Boolean", async () => {
    moveClockTo(START);
    const { member } = await scenario.network("Koruma Ağı");
    await say(member, "private", "/start");
    const api = scenario.running.ortak.bot.api;
    const sent = await api.sendMessage(member.id, "korumalı", { protect_content: true });
    expect(sent.has_protected_content).toBe(true);
    expect((await api.sendMessage(member.id, "korumasız")).has_protected_content).toBeUndefined();
    await expect(api.raw.sendMessage({ chat_id: member.id, text: "x", protect_content: "belki" as unknown as boolean })).rejects.toThrow('field "protect_content" must be of type Boolean');
  });
});

describe("reveals that no later change may lose", () => {
  // Meeting 25 starts on 17 March 2027, 10:00 in İzmir: 48 hours before is 15 March, 10:00 (07:00 UTC).
  it("a member who joined after the meeting was planned, and says yes before the reveal time, is told at the reveal time", async () => {
    moveClockTo(START);
    const { admin, group } = await invitedMeeting(scenario, "Sonradan Katılan Ağı");
    await say(admin, group, "/meeting_edit 25 venue_private evet");
    const newcomer = scenario.emulator.createUser({ first_name: "Gülsüm", username: "gulsum_sonra", language_code: "tr" });
    scenario.emulator.joinChat(group, newcomer);
    await say(newcomer, "private", "/start");
    await say(newcomer, group, "/rsvp 25 evet");
    await scenario.deliver();
    expect(reveals(newcomer)).toEqual([]);
    moveClockTo("2027-03-15T06:59:00Z");
    await runDueJobs();
    expect(reveals(newcomer)).toEqual([]);
    moveClockTo("2027-03-15T07:00:01Z");
    await runDueJobs();
    expect(reveals(newcomer)).toHaveLength(1);
    expect(reveals(newcomer)[0]!.has_protected_content).toBe(true);
    moveClockTo("2027-03-15T08:00:00Z");
    await runDueJobs();
    expect(reveals(newcomer)).toHaveLength(1);
  });

  it("quiet hours changed after planning move the reveal; it is sent at the new time, once", async () => {
    moveClockTo(START);
    const { admin, member, group } = await invitedMeeting(scenario, "Sessiz Saat Ağı");
    await say(admin, group, "/meeting_edit 25 venue_private evet");
    await say(member, group, "/rsvp 25 evet");
    // 10:00 now falls in the quiet hours: the reveal moves to their end, 12:00 (09:00 UTC).
    await say(admin, group, "/network_set quiet_hours 21:00-12:00");
    moveClockTo("2027-03-15T07:00:01Z");
    await runDueJobs();
    expect(reveals(member)).toEqual([]);
    moveClockTo("2027-03-15T09:00:01Z");
    await runDueJobs();
    expect(reveals(member)).toHaveLength(1);
    moveClockTo("2027-03-15T10:00:00Z");
    await runDueJobs();
    expect(reveals(member)).toHaveLength(1);
  });
});
