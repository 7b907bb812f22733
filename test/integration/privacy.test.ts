import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { RETENTION_PATTERN, RETENTION_ZONE, scheduleRetention } from "../../jobs/housekeeping.ts";
import { deliveryJobId, type OutboxTransport } from "../../jobs/outbox.ts";
import { cameCount } from "../../src/features/attendance/service.ts";
import { readSnapshot } from "../../src/features/minutes/view.ts";
import { PrivacyService } from "../../src/features/privacy/service.ts";
import { createLogger } from "../../src/logger.ts";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { refreshCards } from "../../src/features/invitations/refresh.ts";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say, countRows } = scenario;
const prisma = () => scenario.db.prisma;
const services = () => scenario.running.services;

let admin: EmulatedUser;
let member: EmulatedUser;
let group: EmulatedChat;
let meetingId = 0;
let memberId = 0;
let bucaId = 0;
let hostTurnIds: number[] = [];

const lastIn = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)!;
const groupCard = (): StoredMessage => scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
const buttonsOf = (message: StoredMessage) => message.reply_markup!.inline_keyboard!.flat().map((b) => b.callback_data!);

const settled = () => scenario.settle();

/** The document the bot sent last in a chat, parsed as JSON. */
function lastJson(chatId: number): { name: string; value: Record<string, unknown> & Record<string, Record<string, unknown>[]> } {
  const document = scenario.emulator.botMessagesIn(chatId).at(-1)!.document!;
  return { name: document.file_name!, value: JSON.parse(scenario.emulator.file(document.file_id)!.toString("utf8")) };
}

/** Sends a private command whose answer is a file, and waits for the file. */
async function askForFile(user: EmulatedUser, text: string): Promise<void> {
  const before = scenario.emulator.botMessagesIn(user.id).length;
  scenario.emulator.sendText(user, "private", text);
  await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(user.id).slice(before).find((m) => m.document !== undefined), 5_000, `a file after ${text}`);
  await scenario.running.ortak.inFlight.drain();
}


/** As any change the cards show would: the meeting's cards are compared with the database again. */
async function refreshCardsOf(meetingId: number): Promise<void> {
  const meeting = await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await scenario.running.services.outbox.transaction((out) => refreshCards(out, meeting));
}

describe("personal data: /mydata, /forgetme, /export_network", () => {
  it("sets up meeting 25: Ayşe of Buca answers, checks in, writes an entry and owns an action item", async () => {
    const fixture = await scenario.network("Veri Ağı");
    ({ admin, member, group } = fixture);
    await say(admin, "private", "/start");
    await say(member, "private", "/start");
    await say(admin, group, "/network_set next_number 25");
    await say(admin, group, "/org_add Buca KDM | Buca");
    await say(admin, group, `/member_set_org @${member.username} Buca`);
    await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Açılış");
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && !m.text?.startsWith("25. Toplantı")));
    await scenario.settle();
    const card = groupCard();
    const yes = buttonsOf(card).find((d) => d.endsWith(":y"))!;
    expect((await scenario.emulator.pressButton(member, group.id, card.message_id, yes)).text).toBeDefined();
    await say(admin, group, "/rsvp 25 evet");

    now = new Date("2027-03-17T07:00:01Z");
    expect(await say(member, group, "/checkin 25")).toContain("katılımınız kaydedildi");
    const { message: volunteer } = scenario.emulator.sendText(member, group, "Tutanağı ben tutarım.");
    await say(admin, group, "/minutes_taker 25", { replyTo: volunteer.message_id });
    await say(member, group, "/minutes 25");
    const minutesCard = scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("📝")).at(-1)!.message_id;
    expect(await say(member, group, "Açılış konuşması yapıldı.", { replyTo: minutesCard })).toBe("✍️ 1 numaralı kayıt eklendi.");
    expect(await say(member, group, `eylem: Broşür taslağı @${member.username} 15 Nisan`, { replyTo: minutesCard })).toBe("✍️ 2 numaralı kayıt eklendi.");
    await say(admin, group, "/minutes_publish 25");
    await settled();

    const meeting = await prisma().meeting.findFirstOrThrow({ where: { number: 25, network: { joinCode: fixture.code } } });
    meetingId = meeting.id;
    const row = await prisma().member.findFirstOrThrow({ where: { networkId: meeting.networkId, userId: BigInt(member.id) } });
    memberId = row.id;
    bucaId = row.organisationId!;
    expect(await prisma().rsvp.count({ where: { meetingId, memberId } })).toBe(1);
    expect(await prisma().outboxMessage.count({ where: { status: "scheduled", kind: { in: ["action-soon", "action-due"] }, audience: `member:${memberId}` } })).toBeGreaterThan(0);
  });

  it("/mydata sends the member a JSON file of everything held about them", async () => {
    await askForFile(member, "/mydata");
    const { name, value } = lastJson(member.id);
    expect(name).toBe("ortak-verilerim.json");
    expect(value.user).toMatchObject({ telegramId: String(member.id), firstName: "Ayşe", lastName: "Yılmaz", username: member.username });
    expect(value.memberships).toEqual([expect.objectContaining({ network: "Veri Ağı", organisation: "Buca KDM", role: "member", leftAt: null })]);
    expect(value.answers).toEqual([expect.objectContaining({ network: "Veri Ağı", meetingNumber: 25, answer: "yes", partySize: 1 })]);
    expect(value.checkIns).toEqual([expect.objectContaining({ meetingNumber: 25, checkedInAt: "2027-03-17T07:00:01.000Z" })]);
    expect(value.minutesEntriesWritten!.map((e) => e.text)).toEqual(["Açılış konuşması yapıldı.", "Broşür taslağı"]);
    expect(value.actionItemsOwned).toEqual([expect.objectContaining({ meetingNumber: 25, text: "Broşür taslağı", dueDate: "2027-04-15" })]);
    expect(value.auditEntries!.map((a) => [a.action, a.you])).toEqual(expect.arrayContaining([["member.organisation", "subject"]]));
    expect(value.pendingMessages!.map((r) => r.kind)).toEqual(expect.arrayContaining(["action-soon", "action-due"]));
    expect(value.minutesRoles).toEqual([expect.objectContaining({ meetingNumber: 25, minuteTaker: true })]);
    // Nothing of the organiser's: their answer is not in the member's file.
    expect(JSON.stringify(value)).not.toContain("Derya");
  });

  it("/mydata and /forgetme are private: in a group they only point there; wrong arguments get the usage line", async () => {
    const before = await countRows();
    const sentBefore = scenario.emulator.botMessagesIn(member.id).length;
    expect(await say(member, group, "/mydata")).toBe("Kişisel verilerinizle ilgili bu komutu yalnızca benimle özel mesajla kullanabilirsiniz. Lütfen https://t.me/ortak_test_bot bağlantısını açın ve komutu orada yazın.");
    expect(await say(member, group, "/forgetme")).toContain("yalnızca benimle özel mesajla");
    expect(scenario.emulator.botMessagesIn(member.id)).toHaveLength(sentBefore);
    expect(await say(member, "private", "/mydata hepsi")).toMatch(/^Kullanım: \/mydata/);
    expect(await say(member, "private", "/forgetme şimdi")).toMatch(/^Kullanım: \/forgetme/);
    expect(await countRows()).toEqual(before);
  });

  it("/forgetme needs the asker's own confirmation: asking, cancelling, someone else's press, a forged or lapsed button change nothing", async () => {
    const before = await countRows();
    const question = await say(member, "private", "/forgetme");
    expect(question).toContain("Verilerinizin silinmesi");
    const confirmation = lastIn(member.id);
    const [yes, no] = buttonsOf(confirmation);
    expect(await countRows()).toEqual(before);

    expect(await scenario.emulator.pressButton(admin, member.id, confirmation.message_id, yes!)).toEqual({ text: "Bu düğme size ait değil; hiçbir şey değişmedi.", show_alert: true });
    const forged = `fgt:y:${member.id}:9999999999`;
    expect((await scenario.emulator.pressButton(member, member.id, confirmation.message_id, forged, { forged: true })).text).toBe("Bu düğme artık geçerli değil.");
    const theirs = `fgt:y:${admin.id}:${yes!.split(":")[3]}`;
    expect((await scenario.emulator.pressButton(member, member.id, confirmation.message_id, theirs, { forged: true })).text).toBe("Bu düğme artık geçerli değil.");
    await settled();
    expect(await countRows()).toEqual(before);

    const later = now;
    now = new Date(now.getTime() + 11 * 60_000);
    expect((await scenario.emulator.pressButton(member, member.id, confirmation.message_id, yes!)).text).toMatch(/^Bu onayın süresi doldu/);
    now = later;
    await settled();
    expect(await countRows()).toEqual(before);

    await say(member, "private", "/forgetme");
    const second = lastIn(member.id);
    expect((await scenario.emulator.pressButton(member, member.id, second.message_id, buttonsOf(second)[1]!)).text).toBe("Vazgeçtiniz; hiçbir şey silinmedi.");
    await settled();
    expect(lastIn(member.id).text).toBe("Vazgeçtiniz; hiçbir şey silinmedi.");
    expect(no).toMatch(/^fgt:n:/);
    expect(await countRows()).toEqual(before);
  });

  it("the last organiser of a network is told to hand over first, and nothing changes", async () => {
    const before = await countRows();
    expect(await say(admin, "private", "/forgetme")).toBe(
      "Veri Ağı ağının son koordinatörüsünüz. Verilerinizi silebilmem için lütfen önce koordinatörlüğü başka birine devredin (/organiser_add), sonra yeniden /forgetme yazın. Hiçbir şey silinmedi.",
    );
    expect(lastIn(admin.id).reply_markup).toBeUndefined();
    // The same rule holds inside the erasure itself, for a confirmation pressed after things changed.
    expect(await services().privacy.forget(BigInt(admin.id))).toEqual({ kind: "last-organiser", networks: ["Veri Ağı"] });
    expect(await countRows()).toEqual(before);
  });

  it("an organiser who has already left a network does not hold up their erasure there", async () => {
    const fixture = await scenario.network("Ayrılık Ağı");
    expect(await services().privacy.forgetBlockers(BigInt(fixture.admin.id))).toEqual(["Ayrılık Ağı"]);
    await prisma().member.updateMany({ where: { userId: BigInt(fixture.admin.id) }, data: { leftAt: now } });
    expect(await services().privacy.forgetBlockers(BigInt(fixture.admin.id))).toEqual([]);
  });

  it("after publication an organiser names her in a new entry, and her organisation's answer to a hosting proposal carries her reason", async () => {
    await say(admin, "private", "/minutes 25");
    expect(await say(admin, "private", "Ayşe Yılmaz açılış konuşmasını yaptı; özgür irade ve deniz kenarı konuşuldu.")).toMatch(/^✍️ 3 numaralı kayıt eklendi\./);
    expect((await prisma().minutes.findUniqueOrThrow({ where: { meetingId } })).changed).toBe(true);
    const answer = (status: "declined" | "accepted", by: EmulatedUser, reason: string) =>
      prisma().hostTurn.create({ data: { meetingId, organisationId: bucaId, status, respondedBy: BigInt(by.id), respondedAt: now, reason } });
    hostTurnIds = [(await answer("declined", member, "Ayşe Yılmaz o hafta izinde.")).id, (await answer("accepted", admin, "Salon hazır.")).id];
  });

  it("after /forgetme the person is gone everywhere, while the card's totals per organisation stay the same", async () => {
    await refreshCardsOf(meetingId);
    await settled();
    const cardBefore = groupCard().text;
    const tallyBefore = await services().rsvps.tally(meetingId);
    const pending = await prisma().outboxMessage.findMany({ where: { status: "scheduled", audience: `member:${memberId}` } });
    expect(pending.length).toBeGreaterThan(0);
    // As they would be once due soon (rows months ahead get their jobs from the reconcile later).
    await services().outbox.transport.carry(pending);
    for (const r of pending) expect(await scenario.queue.getJob(deliveryJobId(r))).toBeDefined();
    const subjectBefore = await prisma().auditEntry.count({ where: { OR: [{ subject: "Ayşe Yılmaz" }, { subjectUserId: BigInt(member.id) }] } });
    expect(subjectBefore).toBeGreaterThan(0);

    await say(member, "private", "/forgetme");
    const confirmation = lastIn(member.id);
    expect(await scenario.emulator.pressButton(member, member.id, confirmation.message_id, buttonsOf(confirmation)[0]!)).toEqual({ text: "Verileriniz silindi.", show_alert: false });
    await settled();
    expect(lastIn(member.id).text).toMatch(/^✅ Hakkınızdaki veriler silindi\./);

    // Counts: the anonymous answer still counts for Buca; the card would not change.
    expect(await services().rsvps.tally(meetingId)).toEqual(tallyBefore);
    await refreshCardsOf(meetingId);
    await settled();
    expect(groupCard().text).toBe(cardBefore);
    expect(await prisma().rsvp.findMany({ where: { meetingId, memberId: null }, select: { organisationId: true, status: true } })).toEqual([{ organisationId: bucaId, status: "yes" }]);
    expect(await prisma().attendance.findMany({ where: { meetingId, memberId: null }, select: { organisationId: true } })).toEqual([{ organisationId: bucaId }]);

    // The person's rows are gone.
    expect(await prisma().telegramUser.findUnique({ where: { id: BigInt(member.id) } })).toBeNull();
    expect(await prisma().member.count({ where: { userId: BigInt(member.id) } })).toBe(0);
    const entries = await prisma().minutesEntry.findMany({ where: { meetingId }, orderBy: { number: "asc" } });
    expect(entries.map((e) => [e.text, e.authorId])).toEqual([
      ["Açılış konuşması yapıldı.", null],
      ["Broşür taslağı", null],
      // Someone else's entry keeps its author and every word but her name.
      ["(silinmiş kişi) açılış konuşmasını yaptı; özgür irade ve deniz kenarı konuşuldu.", BigInt(admin.id)],
    ]);
    expect(entries[1]).toMatchObject({ ownerOrganisationId: bucaId, ownerMemberId: null, ownerUsername: null });
    expect((await prisma().minutes.findUniqueOrThrow({ where: { meetingId } })).takerId).toBeNull();
    // Her answer to the hosting proposal no longer says who gave it, nor why; the organiser's keeps both.
    expect(await prisma().hostTurn.findMany({ where: { id: { in: hostTurnIds } }, select: { status: true, respondedBy: true, reason: true }, orderBy: { id: "asc" } })).toEqual([
      { status: "declined", respondedBy: null, reason: null },
      { status: "accepted", respondedBy: BigInt(admin.id), reason: "Salon hazır." },
    ]);

    // Reminders to them are withdrawn, their jobs removed from the queue.
    expect(await prisma().outboxMessage.count({ where: { audience: `member:${memberId}` } })).toBe(0);
    for (const r of pending) expect(await scenario.queue.getJob(deliveryJobId(r))).toBeUndefined();

    // Stored minutes versions and the audit log no longer carry the name.
    const version = await prisma().minutesVersion.findFirstOrThrow({ where: { meetingId } });
    const stored = version.markdown + JSON.stringify(version.content);
    expect(stored).not.toMatch(/Ayşe|Yılmaz/);
    expect(stored).not.toContain(member.username!);
    expect(version.markdown).toContain("(silinmiş kişi)");
    const audit = await prisma().auditEntry.findMany({ where: { network: { meetings: { some: { id: meetingId } } } } });
    const auditText = JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(auditText).not.toMatch(/Ayşe|Yılmaz/);
    expect(auditText).not.toContain(member.username!);
    expect(audit.some((a) => a.actorId === BigInt(member.id) || a.subjectUserId === BigInt(member.id))).toBe(false);
    const anonymous = audit.filter((a) => a.subject?.startsWith("(silinmiş kişi #"));
    expect(anonymous.length).toBeGreaterThanOrEqual(subjectBefore);
    expect(new Set(anonymous.map((a) => /#(\d+)\)/.exec(a.subject!)![1])).size).toBe(1);
  });

  it("nothing of the forgotten person reappears in /export, /rsvps, /attendance or /members", async () => {
    await askForFile(admin, "/export 25");
    const csv = scenario.emulator.file(lastIn(admin.id).document!.file_id)!.toString("utf8");
    expect(csv).not.toMatch(/Ayşe|Yılmaz/);
    expect(csv).toContain(";Derya;yes;1;");
    for (const command of ["/rsvps 25", "/attendance 25", "/members"]) {
      const text = await say(admin, "private", command);
      expect(text, command).not.toMatch(/Ayşe|Yılmaz/);
      expect(text, command).not.toContain(member.username!);
    }
    expect(await say(admin, "private", "/attendance 25")).toContain("Gelenler (1): 1 kişi (adı silinmiş)");
    // The organiser's list still adds up: the answer is there, counted for its organisation, without a name.
    expect(await say(admin, "private", "/rsvps 25")).toMatch(/İsimsiz yanıtlar .*\n• Buca[^:\n]*: 1 yanıt, katılıyor \(\d+ kişi\)/);
    // Coming back is a fresh start: a new user with nothing from before.
    await askForFile(member, "/mydata");
    const { value } = lastJson(member.id);
    expect(value.memberships).toEqual([]);
    expect(value.answers).toEqual([]);
  });

  it("the next /minutes_publish names the forgotten person nowhere: not in the group's copy, not in the organisers'", async () => {
    const adminBefore = scenario.emulator.botMessagesIn(admin.id).length;
    const { message } = scenario.emulator.sendText(admin, group, "/minutes_publish 25");
    const confirmation = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && m.text?.startsWith("📣")));
    await settled();
    expect(confirmation.text).toMatch(/^📣 25\. toplantının tutanağı 2\. sürüm olarak yayımlandı; kopyaları 1 sohbete ve 1 koordinatöre gönderiliyor\.$/);
    const said = "(silinmiş kişi) açılış konuşmasını yaptı; özgür irade ve deniz kenarı konuşuldu.";
    const groupCopy = scenario.emulator.botMessagesIn(group.id).filter((m) => m.message_id > message.message_id);
    const groupText = groupCopy.map((m) => m.text ?? "").join("\n");
    expect(groupText).toContain(said);
    const organiserCopy = scenario.emulator.botMessagesIn(admin.id).slice(adminBefore);
    const organiserText = organiserCopy.map((m) => m.text ?? "").join("\n");
    expect(organiserText).toContain("Veri Ağı");
    expect(organiserText).toContain(said);
    // The files say the same.
    for (const chatId of [group.id, admin.id]) {
      const markdown = scenario.emulator.botMessagesIn(chatId).find((m) => m.document?.file_name === "tutanak-25-surum-2.md")!.document!;
      const text = scenario.emulator.file(markdown.file_id)!.toString("utf8");
      expect(text).toContain("(silinmiş kişi) açılış konuşmasını yaptı");
      expect(text).not.toMatch(/Ayşe|Yılmaz/);
      expect(text).not.toContain(member.username!);
    }
    for (const text of [groupText, organiserText]) {
      expect(text).not.toMatch(/Ayşe|Yılmaz/);
      expect(text).not.toContain(member.username!);
    }
    const version = await prisma().minutesVersion.findUniqueOrThrow({ where: { meetingId_version: { meetingId, version: 2 } } });
    expect(version.markdown + JSON.stringify(version.content)).not.toMatch(/Ayşe|Yılmaz/);
  });

  it("/export_network: members are refused and nothing changes; organisers get the whole network as JSON, privately", async () => {
    const fixture = await scenario.network("Yedek Ağı");
    const before = await countRows();
    expect(await say(fixture.member, fixture.group, "/export_network")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    expect(await countRows()).toEqual(before);
    expect(await say(fixture.admin, fixture.group, "/export_network hepsi")).toMatch(/^Kullanım: \/export_network/);
    expect(await countRows()).toEqual(before);

    await say(fixture.admin, "private", "/start");
    const reply = await say(fixture.admin, fixture.group, "/export_network");
    expect(reply).not.toMatch(/Derya|Ayşe/);
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(fixture.admin.id).find((m) => m.document !== undefined));
    const { name, value } = lastJson(fixture.admin.id);
    expect(name).toMatch(/^ortak-ag-\d+-\d{4}-\d{2}-\d{2}\.json$/);
    expect(value).toMatchObject({ format: "ortak-network-export", network: { name: "Yedek Ağı" } });
    expect(value.members!.map((m) => [m.name, m.role])).toEqual([["Derya", "organiser"], ["Ayşe Yılmaz", "member"]]);
    expect(value.audit!.map((a) => a.action)).toContain("network.export");

    // The first network, with its meeting, answers and minutes, in full.
    await askForFile(admin, "/export_network");
    const full = lastJson(admin.id).value;
    const meeting = full.meetings![0] as Record<string, unknown> & { answers: Record<string, unknown>[]; minutes: { entries: unknown[]; versions: unknown[] } };
    expect(meeting).toMatchObject({ number: 25, title: expect.any(String) });
    expect(meeting.answers.map((a) => a.memberId === null)).toEqual(expect.arrayContaining([true, false]));
    expect(meeting.minutes.entries).toHaveLength(3);
    expect(meeting.minutes.versions).toHaveLength(2);
  });

  it("retention: answers, check-ins, DM records and the names in stored minutes of meetings past the period become anonymous; counts stay; recent ones are untouched", async () => {
    const storedContent = {
      entries: [{ id: 1, meetingId: 0, number: 1, kind: "note", text: "Açılış konuşmasını Derya yaptı; deniz kenarı önerildi.", ownerUsername: null, ownerOrganisation: null, dueDate: null, doneAt: null }],
      attendance: [
        { organisation: "Bornova KDM", checkedIn: ["Ayşe Yılmaz", "Derya"], missing: [], unannounced: ["Derya"] },
        { organisation: null, checkedIn: [], missing: ["Nur"], unannounced: [], anonymous: 1 },
      ],
      carriedOver: [],
    };
    const storedMarkdown = [
      "# Saklama Ağı — 1. toplantı tutanağı",
      "",
      "## Katılım",
      "",
      "- Bornova KDM (2): Ayşe Yılmaz, Derya",
      "- Kurumu belirtilmemiş (1): 1 kişi (adı silinmiş)",
      "- Toplam: 1 kurumdan 3 kişi",
      "",
      "## Notlar",
      "",
      "- Açılış konuşmasını Derya yaptı; deniz kenarı önerildi.",
      "",
    ].join("\n");
    const fixture = await scenario.network("Saklama Ağı");
    await say(fixture.admin, fixture.group, "/org_add Bornova KDM | Bornova");
    await say(fixture.admin, fixture.group, `/member_set_org @${fixture.member.username} Bornova`);
    const network = await prisma().network.findUniqueOrThrow({ where: { joinCode: fixture.code }, include: { members: { orderBy: { id: "asc" } }, organisations: true } });
    const [organiser, person] = network.members;
    const bornova = network.organisations[0]!.id;
    const meeting = (number: number, ends: string) =>
      prisma().meeting.create({ data: { networkId: network.id, number, title: `${number}`, startsAt: new Date(new Date(ends).getTime() - 5 * 3_600_000), endsAt: new Date(ends), status: "held" } });
    const old = await meeting(1, "2024-10-01T12:00:00Z");
    const recent = await meeting(2, "2026-10-01T12:00:00Z");
    for (const m of [old, recent]) {
      for (const who of [organiser!, person!]) {
        await prisma().rsvp.create({ data: { meetingId: m.id, memberId: who.id, status: "yes", source: "button" } });
        await prisma().attendance.create({ data: { meetingId: m.id, memberId: who.id, checkedInAt: m.startsAt } });
        await prisma().outboxMessage.create({ data: { dedupeKey: `reminder:${m.id}:nudge:0:member:${who.id}`, kind: "nudge", networkId: network.id, meetingId: m.id, audience: `member:${who.id}`, notBefore: m.startsAt, status: "sent" } });
      }
      await prisma().postedCard.create({ data: { meetingId: m.id, kind: "direct", telegramChatId: BigInt(fixture.member.id), messageId: 9000 + m.number, locale: "tr", shown: "x" } });
      await prisma().minutes.create({ data: { meetingId: m.id } });
      // The organisers' copy as the publisher stores it: names in the attendance and in an entry.
      await prisma().minutesVersion.create({ data: { meetingId: m.id, version: 1, publishedAt: m.endsAt, publishedBy: BigInt(fixture.admin.id), markdown: storedMarkdown, content: storedContent } });
      // The copies of the minutes, sent: to the organiser (a record about a person) and to the group.
      for (const audience of [`member:${organiser!.id}`, `chat:${fixture.group.id}:0`]) {
        await prisma().outboxMessage.create({ data: { dedupeKey: `minutes:${m.id}:1:${audience}`, kind: "minutes-copy", networkId: network.id, meetingId: m.id, audience, notBefore: m.endsAt, status: "sent", payload: { version: 1, part: 4 } } });
      }
    }
    const versionOf = (meeting: { id: number }) => prisma().minutesVersion.findUniqueOrThrow({ where: { meetingId_version: { meetingId: meeting.id, version: 1 } } });
    const tallies = async () => [await services().rsvps.tally(old.id), await services().rsvps.tally(recent.id)];
    const talliesBefore = await tallies();
    const statsBefore = await services().reports.stats(network.id, 10);

    // 24 months (the default) before 24 November 2026 (the clock the nightly job reads): meeting 1
    // (October 2024) is past it, meeting 2 is not.
    const clockBefore = now;
    now = new Date("2026-11-24T09:00:00Z");
    const result = await services().privacy.applyRetention();
    now = clockBefore;
    expect(result).toMatchObject({ meetings: 1, answers: 2, checkIns: 2, directCards: 1, messages: 3, minutesVersions: 1 });
    expect(await prisma().rsvp.findMany({ where: { meetingId: old.id }, select: { memberId: true, organisationId: true }, orderBy: { id: "asc" } })).toEqual([
      { memberId: null, organisationId: null },
      { memberId: null, organisationId: bornova },
    ]);
    expect(await prisma().attendance.count({ where: { meetingId: old.id, memberId: null } })).toBe(2);
    expect(await prisma().postedCard.count({ where: { meetingId: old.id } })).toBe(0);
    // Only the group's copy is left: it is about no one.
    expect(await prisma().outboxMessage.findMany({ where: { meetingId: old.id }, select: { audience: true } })).toEqual([{ audience: `chat:${fixture.group.id}:0` }]);
    // The organisers' stored version of meeting 1 still counts who came per organisation, naming nobody.
    const retired = await versionOf(old);
    const { attendance } = readSnapshot(retired.content);
    expect(attendance).toEqual([
      { organisation: "Bornova KDM", checkedIn: [], missing: [], unannounced: [], anonymous: 2 },
      { organisation: null, checkedIn: [], missing: [], unannounced: [], anonymous: 1 },
    ]);
    expect(attendance.map(cameCount)).toEqual([2, 1]);
    expect(retired.markdown).toBe(storedMarkdown.replaceAll("Ayşe Yılmaz", "(adı silinmiş)").replaceAll("Derya", "(adı silinmiş)"));
    expect(retired.markdown + JSON.stringify(retired.content)).not.toMatch(/Ayşe|Yılmaz|Derya/);
    expect(retired.markdown).toContain("Toplam: 1 kurumdan 3 kişi");
    expect(retired.markdown).toContain("deniz kenarı");
    // The recent meeting keeps its names.
    expect(await versionOf(recent)).toMatchObject({ markdown: storedMarkdown, content: storedContent });
    expect(await prisma().rsvp.count({ where: { meetingId: recent.id, memberId: { not: null } } })).toBe(2);
    expect(await prisma().attendance.count({ where: { meetingId: recent.id, memberId: { not: null } } })).toBe(2);
    expect(await prisma().postedCard.count({ where: { meetingId: recent.id } })).toBe(1);
    expect(await prisma().outboxMessage.count({ where: { meetingId: recent.id } })).toBe(4);
    // Counts are unchanged.
    expect(await tallies()).toEqual(talliesBefore);
    expect(await services().reports.stats(network.id, 10)).toEqual(statsBefore);
    expect((await services().rsvps.list(old.id)).length).toBe(0);

    // Running again changes nothing; a shorter period reaches the recent meeting too.
    expect(await services().privacy.applyRetention(new Date("2026-11-24T09:00:00Z"))).toMatchObject({ answers: 0, checkIns: 0, directCards: 0, messages: 0, minutesVersions: 0 });
    expect(await versionOf(old)).toEqual(retired);
    await prisma().network.update({ where: { id: network.id }, data: { retentionMonths: 1 } });
    expect(await services().privacy.applyRetention(new Date("2026-11-24T09:00:00Z"))).toMatchObject({ answers: 2, checkIns: 2, minutesVersions: 1 });
    expect((await versionOf(recent)).markdown).not.toMatch(/Ayşe|Derya/);
    expect(await tallies()).toEqual(talliesBefore);
  });

  it.each(["/mydata", "/forgetme"])("%s in a linked or an unlinked group only points to the private chat, changing nothing", async (command) => {
    const fixture = await scenario.network("Matris Ağı");
    const loner = scenario.emulator.createUser({ first_name: "Elif", username: "elif_matris", language_code: "tr" });
    const unlinked = scenario.emulator.createGroup({ title: "Bağsız", members: [{ user: loner, status: "creator" }] });
    await say(loner, unlinked, "/help");
    const before = await countRows();
    for (const [user, chat] of [[fixture.member, fixture.group], [fixture.admin, fixture.group], [loner, unlinked]] as const) {
      expect(await say(user, chat, command)).toMatch(/^Kişisel verilerinizle ilgili bu komutu yalnızca benimle özel mesajla/);
      expect(scenario.emulator.botMessagesIn(user.id).filter((m) => m.document)).toEqual([]);
    }
    expect(await countRows()).toEqual(before);
  });

  it("someone who belongs to no network may still see and erase what is held about them", async () => {
    const loner = scenario.emulator.createUser({ first_name: "Nur", username: "nur_yalniz", language_code: "en" });
    await askForFile(loner, "/mydata");
    const { name, value } = lastJson(loner.id);
    expect(name).toBe("ortak-my-data.json");
    expect(value).toMatchObject({ user: { firstName: "Nur", username: "nur_yalniz" }, memberships: [], answers: [] });
    expect(await say(loner, "private", "/forgetme")).toContain("Erasing your data");
    const confirmation = lastIn(loner.id);
    expect((await scenario.emulator.pressButton(loner, loner.id, confirmation.message_id, buttonsOf(confirmation)[0]!)).text).toBe("Your data has been erased.");
    await settled();
    expect(await prisma().telegramUser.findUnique({ where: { id: BigInt(loner.id) } })).toBeNull();
  });

  it("after the erasure is committed, a job the queue fails to remove is logged by its id only, and the re-plans still run", async () => {
    const fixture = await scenario.network("Kuyruk Ağı");
    const colleague = scenario.emulator.createUser({ first_name: "Sevgi", last_name: "Tekin", username: "sevgi_tekin", language_code: "tr" });
    scenario.emulator.setMember(fixture.group, colleague, "member");
    await say(colleague, fixture.group, "/whoami");
    await say(fixture.admin, fixture.group, "/org_add Konak KDM | Konak");
    for (const who of [fixture.member, colleague]) await say(fixture.admin, fixture.group, `/member_set_org @${who.username} Konak`);
    const network = await prisma().network.findUniqueOrThrow({ where: { joinCode: fixture.code }, include: { members: true, organisations: true } });
    const leaving = network.members.find((m) => m.userId === BigInt(fixture.member.id))!;
    const staying = network.members.find((m) => m.userId === BigInt(colleague.id))!;
    const meeting = await prisma().meeting.create({ data: { networkId: network.id, number: 1, title: "1", startsAt: new Date(now.getTime() - 86_400_000), endsAt: new Date(now.getTime() - 82_800_000), status: "held" } });
    await prisma().minutes.create({ data: { meetingId: meeting.id } });
    const entry = await prisma().minutesEntry.create({
      data: { meetingId: meeting.id, number: 1, kind: "action", text: "Rapor", ownerMemberId: leaving.id, ownerUsername: fixture.member.username, dueDate: "2027-05-20", publishedAt: now },
    });
    await services().actions.planReminders(meeting.id);
    const theirs = await prisma().outboxMessage.findMany({ where: { status: "scheduled", audience: `member:${leaving.id}` }, orderBy: { id: "asc" } });
    expect(theirs.length).toBeGreaterThan(1);
    // With their jobs, as once they are due soon.
    await services().outbox.transport.carry(theirs);

    // A queue that loses its connection after the first removal was asked for.
    const queue = services().outbox.transport;
    const failed: string[] = [];
    const transport: OutboxTransport = {
      carry: (rows) => queue.carry(rows),
      repair: (rows) => queue.repair(rows),
      remove: async (row) => {
        if (failed.length === 0) {
          failed.push(deliveryJobId(row));
          throw new Error("Connection is closed.");
        }
        await queue.remove(row);
      },
    };
    const planned: number[] = [];
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", secrets: [], destination: new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }) });
    const privacy = new PrivacyService({
      prisma: prisma(),
      transport,
      actions: { planReminders: async (id) => (planned.push(id), services().actions.planReminders(id)) },
      audit: services().audit,
      users: services().users,
      clock: () => now,
      logger,
    });

    expect(await privacy.forget(BigInt(fixture.member.id))).toMatchObject({ kind: "forgotten", actionMeetings: [meeting.id] });
    expect(planned).toEqual([meeting.id]);
    // The item passed to Konak: its reminders now go to the colleague.
    expect(await prisma().minutesEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ ownerMemberId: null, ownerOrganisationId: network.organisations[0]!.id });
    expect(await prisma().outboxMessage.count({ where: { status: "scheduled", dedupeKey: { contains: `:action:${entry.id}:member:` }, audience: `member:${staying.id}` } })).toBe(theirs.length);
    // The one job left behind belongs to a row that is gone; the others left the queue.
    expect(await prisma().outboxMessage.count({ where: { id: { in: theirs.map((r) => r.id) } } })).toBe(0);
    for (const r of theirs) expect(await scenario.queue.getJob(deliveryJobId(r)), deliveryJobId(r)).toEqual(deliveryJobId(r) === failed[0] ? expect.anything() : undefined);
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string; outboxId?: number });
    expect(logged.filter((l) => l.level >= 40).map((l) => [l.msg, `o${l.outboxId}`])).toEqual([[expect.stringMatching(/^could not remove a withdrawn message's job/), expect.stringMatching(new RegExp(`^o${theirs[0]!.id}`))]]);
    expect(logged.at(-1)).toMatchObject({ level: 30, msg: "a person was forgotten", messages: theirs.length, jobsLeft: 1 });
    const everything = lines.join("");
    for (const trace of ["Ayşe", "Yılmaz", fixture.member.username!, String(fixture.member.id)]) expect(everything).not.toContain(trace);
    await scenario.queue.remove(failed[0]!);
  });

  it("someone erased through the service alone is stored afresh on their next message: the user service keeps no copy", async () => {
    const loner = scenario.emulator.createUser({ first_name: "Sibel", last_name: "Önbellek", username: "sibel_onbellek", language_code: "tr" });
    const row = () => prisma().telegramUser.findUnique({ where: { id: BigInt(loner.id) } });
    await say(loner, "private", "/start");
    // /start itself refreshes the copy; an ordinary message after it is answered from the cache.
    await say(loner, "private", "/help");
    expect(await row()).toMatchObject({ firstName: "Sibel" });
    expect((await services().privacy.forget(BigInt(loner.id))).kind).toBe("forgotten");
    expect(await row()).toBeNull();
    await say(loner, "private", "/help");
    expect(await row()).toMatchObject({ firstName: "Sibel", lastName: "Önbellek", dmReachable: false });
  });

  it("retention runs every night through a BullMQ job scheduler", async () => {
    await scheduleRetention(scenario.queue);
    await scheduleRetention(scenario.queue);
    const schedulers = (await scenario.queue.getJobSchedulers()).filter((s) => s.key === "retention");
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: RETENTION_PATTERN, tz: RETENTION_ZONE });
    await scenario.queue.removeJobScheduler("retention");
  });
});
