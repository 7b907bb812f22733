import { describe, expect, it } from "vitest";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { tooManyRequests } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
let now = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => now });
const { say, network, countRows } = scenario;

/** A network with two organisations, a member of Buca who has started the bot, and meeting 25. */
async function plannedMeeting(name: string) {
  const fixture = await network(name);
  const { admin, member, group } = fixture;
  await say(admin, group, "/network_set next_number 25");
  await say(admin, group, "/org_add Buca Belediyesi KDM | Buca");
  await say(admin, group, "/org_add Karşıyaka Belediyesi KDM | Karşıyaka");
  await say(admin, group, `/member_set_org @${member.username} Buca`);
  await say(member, "private", "/start");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Buca1923 Mevlana Kafe | Mevzuat ve Strateji; Güç İlişkileri");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: fixture.code }, number: 25 } });
  return { ...fixture, meeting };
}

/** The organiser's /invite, resolved with the bot's report (which follows the card). */
async function invite(admin: EmulatedUser, group: EmulatedChat): Promise<string> {
  const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
  const report = await scenario.emulator.waitFor(() =>
    scenario.emulator.botMessagesIn(group.id).find((m) => m.message_id > message.message_id && !m.text?.startsWith("25. Toplantı")),
  );
  await scenario.settle();
  return report.text ?? "";
}

async function invited(name: string) {
  const fixture = await plannedMeeting(name);
  const report = await invite(fixture.admin, fixture.group);
  const card = groupCard(fixture.group);
  return { ...fixture, card, report };
}

function groupCard(group: EmulatedChat): StoredMessage {
  const card = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("25. Toplantı"));
  if (!card) throw new Error("no card in the group");
  return card;
}

const press = (user: EmulatedUser, chat: { id: number }, message: StoredMessage, data: string) =>
  scenario.emulator.pressButton(user, chat.id, message.message_id, data);

/** Every update handled (a toast arrives before its handler ends) and every card edit made. */
const settled = () => scenario.settle();

async function rsvpsOf(meetingId: number) {
  const rows = await scenario.db.prisma.rsvp.findMany({ where: { meetingId }, include: { member: { include: { user: true } } }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ name: r.member!.user.firstName, status: r.status, partySize: r.partySize, waitlisted: r.waitlistedAt !== null, source: r.source }));
}

describe("/invite", () => {
  it("posts the card to the group and by DM, with the meeting, the tally and the buttons", async () => {
    const { admin, member, group, meeting, card, report } = await invited("Davet Ağı");
    // The organiser is answered at once; the cards follow from the outbox.
    expect(report).toBe(
      "25. toplantının davet kartı 1 sohbete gönderiliyor (0 tanesinde sabitlenecek). Kart, botu başlatmış 1 üyeye de özel mesajla gönderiliyor. Kartı sabitleyebilmem için beni grupta “Mesajları sabitleme” yetkisiyle yönetici yapmanız gerekir.",
    );
    expect(card.message_id).toBeGreaterThan(scenario.emulator.botMessagesIn(group.id).find((m) => m.text === report)!.message_id);
    expect(card.text).toContain("25. Toplantı: Davet Ağı\nTarih: 17 Mart 2027 Çarşamba, 10:00–15:00\nYer: Buca1923 Mevlana Kafe");
    expect(card.text).toContain("Gündem\n1. Mevzuat ve Strateji\n2. Güç İlişkileri");
    expect(card.text).toContain("Yanıtlar\nHenüz yanıt yok.\nToplam: 0 kişi katılıyor · 0 kişi belki katılacak · 0 kişi katılamıyor");
    const buttons = card.reply_markup!.inline_keyboard!.map((row) => row.map((b) => b.text));
    expect(buttons).toEqual([["✅ Katılıyorum", "🤔 Belki", "❌ Katılamıyorum"], ["👥 2 kişiyiz", "👥 3 kişiyiz", "👥 4 kişiyiz", "👥 5 kişiyiz"], ["📅 Takviminize ekleyin"]]);
    // The member started the bot: the card reached them privately too; the admin never did.
    const direct = scenario.emulator.botMessagesIn(member.id).filter((m) => m.text?.startsWith("25. Toplantı"));
    expect(direct).toHaveLength(1);
    expect(scenario.emulator.botMessagesIn(admin.id).filter((m) => m.text?.startsWith("25. Toplantı"))).toHaveLength(0);
    const stored = await scenario.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { cards: true } });
    expect(stored.status).toBe("invited");
    expect(stored.cards.map((c) => c.kind).sort()).toEqual(["direct", "group"]);
    const rows = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: { in: ["card-post", "card-dm"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ["card-post", "sent"],
      ["card-dm", "sent"],
    ]);
  });

  it("pins the card where the bot is allowed to", async () => {
    const fixture = await plannedMeeting("Sabitleme Ağı");
    scenario.emulator.setBotStatus(fixture.group, "administrator", { can_pin_messages: true });
    expect(await invite(fixture.admin, fixture.group)).toBe(
      "25. toplantının davet kartı 1 sohbete gönderiliyor (1 tanesinde sabitlenecek). Kart, botu başlatmış 1 üyeye de özel mesajla gönderiliyor.",
    );
    expect(fixture.group.pinned[0]).toBe(groupCard(fixture.group).message_id);
    // Cancelled, the card says so and no longer stays on top of the group; its DM copy had no pin.
    const card = groupCard(fixture.group);
    await scenario.cancelMeeting(fixture.admin, fixture.group, "25");
    await settled();
    expect(scenario.emulator.botMessagesIn(fixture.group.id).find((m) => m.message_id === card.message_id)!.text).toMatch(/^❌ İPTAL EDİLDİ/);
    expect(fixture.group.pinned).toEqual([]);
    const rows = await scenario.db.prisma.outboxMessage.findMany({ where: { kind: "card-edit", network: { name: "Sabitleme Ağı" } }, select: { status: true, reason: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === "sent" && r.reason === null)).toBe(true);
  });

  it("a cancelled card stays pinned, and its edit done, where the bot may no longer unpin", async () => {
    const fixture = await plannedMeeting("Hak Kaybı Ağı");
    scenario.emulator.setBotStatus(fixture.group, "administrator", { can_pin_messages: true });
    await invite(fixture.admin, fixture.group);
    const card = groupCard(fixture.group);
    scenario.emulator.setBotStatus(fixture.group, "member");
    await scenario.cancelMeeting(fixture.admin, fixture.group, "25");
    await settled();
    expect(fixture.group.pinned).toEqual([card.message_id]);
    const edit = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "card-edit", audience: { startsWith: "chat:" }, network: { name: "Hak Kaybı Ağı" } } });
    expect(edit).toMatchObject({ status: "sent", reason: "not unpinned: Bad Request: not enough rights to manage pinned messages in the chat" });
  });

  it("a second /invite explains and offers to post again; only organisers may", async () => {
    const { admin, member, group, meeting } = await invited("Tekrar Ağı");
    const before = await countRows();
    const reply = await say(admin, group, "/invite 25");
    expect(reply).toMatch(/^25\. toplantının daveti daha önce gönderildi \(24 Kasım 2026 Salı, 12:00\)/);
    expect(await countRows()).toEqual(before);
    const offer = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    expect(await press(member, group, offer, `repost:${meeting.id}`)).toEqual({ text: "Bu komutu yalnızca ağın koordinatörleri kullanabilir.", show_alert: true });
    expect(await countRows()).toEqual(before);
    await press(admin, group, offer, `repost:${meeting.id}`);
    await scenario.emulator.waitFor(() =>
      scenario.emulator.botMessagesIn(group.id).find((m) => m.text === "25. toplantının davet kartı 1 sohbete yeniden gönderiliyor. Kartı henüz özel mesajla almamış 0 üyeye de gönderiliyor."),
    );
    await scenario.settle();
    const cards = scenario.emulator.botMessagesIn(group.id).filter((m) => m.text?.startsWith("25. Toplantı"));
    expect(cards).toHaveLength(2);
    // The member had the DM already: nobody gets a second one.
    expect(scenario.emulator.botMessagesIn(member.id).filter((m) => m.text?.startsWith("25. Toplantı"))).toHaveLength(1);
  });

  it("a re-post that reaches the database after a /cancel or after the meeting changes nothing", async () => {
    const { admin, group, meeting } = await invited("Geç Tekrar Ağı");
    const { prisma } = scenario.db;
    const { invitations } = scenario.running.services;
    const net = await prisma.network.findUniqueOrThrow({ where: { id: meeting.networkId } });
    // The button was checked before the /cancel committed; the re-post itself must see it.
    await scenario.cancelMeeting(admin, group, "25");
    await settled();
    const before = await countRows();
    const messages = scenario.emulator.botMessagesIn(group.id).length;
    const outcome = await invitations.repost(net, BigInt(admin.id), meeting.id);
    await settled();
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("cancelled");
    expect(await countRows()).toEqual(before);
    expect(scenario.emulator.botMessagesIn(group.id)).toHaveLength(messages);
    expect(outcome).toEqual({ kind: "closed", cancelled: true });

    // The same for a meeting that is over by the time the re-post runs.
    const other = await invited("Geç Biten Ağı");
    const otherNet = await prisma.network.findUniqueOrThrow({ where: { id: other.meeting.networkId } });
    const saved = now;
    now = new Date("2027-03-17T13:00:00Z");
    try {
      const unchanged = await countRows();
      const late = await invitations.repost(otherNet, BigInt(other.admin.id), other.meeting.id);
      expect(await countRows()).toEqual(unchanged);
      expect(late).toEqual({ kind: "closed", cancelled: false });
    } finally {
      now = saved;
    }
  });

  it.each([
    ["/invite", "Kullanım: /invite <numara>, örneğin /invite 25"],
    ["/invite 99", "Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın."],
    ["/invite yirmi", "Kullanım: /invite <numara>, örneğin /invite 25"],
  ])("%s → %s, nothing sent", async (command, expected) => {
    const { admin, group } = await plannedMeeting(`Hatalı Davet ${command}`);
    const before = await countRows();
    expect(await say(admin, group, command)).toBe(expected);
    expect(await countRows()).toEqual(before);
  });

  it("refuses a cancelled meeting and a member", async () => {
    const { admin, member, group } = await plannedMeeting("İptal Davet Ağı");
    expect(await say(member, group, "/invite 25")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
    await scenario.cancelMeeting(admin, group, "25");
    const before = await countRows();
    expect(await say(admin, group, "/invite 25")).toBe("25. toplantı iptal edildi; iptal edilen bir toplantıya davet gönderilemez.");
    expect(await countRows()).toEqual(before);
  });
});

describe("invitation DMs are never lost and never doubled", () => {
  const directCards = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("25. Toplantı"));

  it("waits out a 429, skips someone who blocked the bot, and finishes", async () => {
    const fixture = await plannedMeeting("Kesintisiz Davet Ağı");
    const blocker = scenario.emulator.createUser({ first_name: "Selin", language_code: "tr" });
    scenario.emulator.setMember(fixture.group, blocker, "member");
    await say(blocker, fixture.group, "/whoami");
    await say(blocker, "private", "/start");
    scenario.emulator.blockBot(blocker);
    scenario.emulator.failNext("sendMessage", tooManyRequests(1), fixture.member.id);
    expect(await invite(fixture.admin, fixture.group)).toContain("Kart, botu başlatmış 2 üyeye de özel mesajla gönderiliyor.");
    expect(directCards(fixture.member)).toHaveLength(1);
    expect(directCards(blocker)).toHaveLength(0);
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(blocker.id) } })).dmReachable).toBe(false);
    const dms = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: fixture.meeting.id, kind: "card-dm" }, include: { meeting: false }, orderBy: { id: "asc" } });
    expect(dms.map((r) => [r.status, r.reason])).toEqual([
      ["sent", null],
      ["skipped", "unreachable"],
    ]);
  });

  it("a restart before the DMs went out: each member gets the card once, in their language", async () => {
    const fixture = await plannedMeeting("Yeniden Başlayan Ağ");
    const english = scenario.emulator.createUser({ first_name: "Nur", language_code: "en" });
    scenario.emulator.setMember(fixture.group, english, "member");
    await say(english, fixture.group, "/whoami");
    await say(english, "private", "/start");
    // The answer comes at once; the process stops before anything is delivered.
    const { message } = scenario.emulator.sendText(fixture.admin, fixture.group, "/invite 25");
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(fixture.group.id).find((m) => m.message_id > message.message_id));
    await scenario.running.ortak.inFlight.drain();
    await scenario.restart();
    await scenario.settle();
    expect(directCards(fixture.member)).toHaveLength(1);
    const [card, ...more] = scenario.emulator.botMessagesIn(english.id).filter((m) => m.text?.startsWith("Meeting 25"));
    expect(more).toEqual([]);
    expect(card?.reply_markup?.inline_keyboard?.[0]?.[0]?.text).toBe("✅ I'll attend");
    // Delivering again sends nothing more.
    await scenario.running.reconciler.reconcile();
    await scenario.settle();
    expect(directCards(fixture.member)).toHaveLength(1);
    expect(scenario.emulator.botMessagesIn(fixture.group.id).filter((m) => m.text?.startsWith("25. Toplantı"))).toHaveLength(1);
  });

  it("a member who starts the bot later gets the card with the next re-post, once", async () => {
    const fixture = await invited("Sonradan Gelen Ağ");
    const late = scenario.emulator.createUser({ first_name: "Elif", language_code: "tr" });
    scenario.emulator.setMember(fixture.group, late, "member");
    await say(late, fixture.group, "/whoami");
    await say(late, "private", "/start");
    await settled();
    expect(directCards(late)).toHaveLength(0);
    await say(fixture.admin, fixture.group, "/invite 25");
    const offer = scenario.emulator.botMessagesIn(fixture.group.id).at(-1)!;
    await press(fixture.admin, fixture.group, offer, `repost:${fixture.meeting.id}`);
    await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(fixture.group.id).find((m) => m.text?.endsWith("Kartı henüz özel mesajla almamış 1 üyeye de gönderiliyor.")));
    await settled();
    expect(directCards(late)).toHaveLength(1);
    expect(directCards(fixture.member)).toHaveLength(1);
  });
  it("a re-post reaches members whose card went nowhere at /invite, once; nobody gets a second one", async () => {
    const fixture = await plannedMeeting("Kaçırılan Davet Ağı");
    const { prisma } = scenario.db;
    const joined = async (first_name: string) => {
      const user = scenario.emulator.createUser({ first_name, language_code: "tr" });
      scenario.emulator.setMember(fixture.group, user, "member");
      await say(user, fixture.group, "/whoami");
      return user;
    };
    // Selin had started the bot but blocks it before her card goes out; Elif never started it.
    const blocker = await joined("Selin");
    await say(blocker, "private", "/start");
    scenario.emulator.blockBot(blocker);
    const late = await joined("Elif");
    expect(await invite(fixture.admin, fixture.group)).toContain("Kart, botu başlatmış 2 üyeye de özel mesajla gönderiliyor.");
    expect(directCards(blocker)).toHaveLength(0);
    expect(directCards(late)).toHaveLength(0);
    // Both can be written to now.
    await say(blocker, "private", "/start");
    await say(late, "private", "/start");

    const repost = async (expected: string) => {
      await say(fixture.admin, fixture.group, "/invite 25");
      const offer = scenario.emulator.botMessagesIn(fixture.group.id).at(-1)!;
      await press(fixture.admin, fixture.group, offer, `repost:${fixture.meeting.id}`);
      await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(fixture.group.id).find((m) => m.message_id > offer.message_id && m.text?.endsWith(expected)));
      await settled();
    };
    await repost("Kartı henüz özel mesajla almamış 2 üyeye de gönderiliyor.");
    expect(directCards(blocker)).toHaveLength(1);
    expect(directCards(late)).toHaveLength(1);
    expect(directCards(fixture.member)).toHaveLength(1);
    // Still one row per member and meeting, each sent once.
    const dms = await prisma.outboxMessage.findMany({ where: { meetingId: fixture.meeting.id, kind: "card-dm" } });
    expect(dms.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);

    // Everyone has a live card now: the next re-post sends none by DM.
    await repost("Kartı henüz özel mesajla almamış 0 üyeye de gönderiliyor.");
    for (const user of [blocker, late, fixture.member]) expect(directCards(user)).toHaveLength(1);
  });
});

describe("answering", () => {
  it("records a press, confirms it in the presser's language and updates the card's tally per organisation", async () => {
    const { admin, member, group, meeting, card } = await invited("Yanıt Ağı");
    expect(await press(member, group, card, `rsvp:${meeting.id}:y`)).toEqual({ text: "Kaydedildi: katılıyorsunuz.", show_alert: false });
    await say(admin, "private", "/lang en");
    expect(await press(admin, group, card, `rsvp:${meeting.id}:3`)).toEqual({ text: "Saved: 3 of you are attending.", show_alert: false });
    await settled();
    const text = groupCard(group).text!;
    expect(text).toContain("Yanıtlar\n• Buca: 1 kişi katılıyor (1 yanıt)\n• Kurumu belirtilmemiş: 3 kişi katılıyor (1 yanıt)\nToplam: 4 kişi katılıyor · 0 kişi belki katılacak · 0 kişi katılamıyor");
    expect(text).not.toContain(member.first_name);
    // The member changes their mind: still one answer per member.
    expect(await press(member, group, card, `rsvp:${meeting.id}:n`)).toEqual({ text: "Kaydedildi: katılamıyorsunuz. Haber verdiğiniz için teşekkür ederiz.", show_alert: false });
    expect(await rsvpsOf(meeting.id)).toEqual([
      { name: "Ayşe", status: "no", partySize: 1, waitlisted: false, source: "button" },
      { name: "Derya", status: "yes", partySize: 3, waitlisted: false, source: "button" },
    ]);
    await settled();
    expect(groupCard(group).text).toContain("Toplam: 3 kişi katılıyor · 0 kişi belki katılacak · 1 kişi katılamıyor");
    expect(await say(member, group, "/meeting 25")).toContain("Durum: davet gönderildi\nToplam: 3 kişi katılıyor · 0 kişi belki katılacak · 1 kişi katılamıyor\n\nGündem");
  });

  it("counts a group member who was not yet known, as writing there would", async () => {
    const { group, meeting, card } = await invited("Yeni Üye Ağı");
    const newcomer = scenario.emulator.createUser({ first_name: "Elif", language_code: "tr" });
    scenario.emulator.setMember(group, newcomer, "member");
    expect(await press(newcomer, group, card, `rsvp:${meeting.id}:m`)).toEqual({ text: "Kaydedildi: belki katılacaksınız.", show_alert: false });
    expect(await rsvpsOf(meeting.id)).toEqual([{ name: "Elif", status: "maybe", partySize: 1, waitlisted: false, source: "button" }]);
  });

  it("refuses forged and stale buttons: a press cannot answer for another meeting", async () => {
    const { admin, member, group, meeting, card } = await invited("Sahte Düğme Ağı");
    await say(admin, group, "/meeting_new 21 Nisan 2027 10:00 | Karşıyaka | Gündem");
    const other = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { networkId: meeting.networkId, number: 26 } });
    const before = await countRows();
    const forged = (data: string) => scenario.emulator.pressButton(member, group.id, card.message_id, data, { forged: true });
    expect(await forged(`rsvp:${other.id}:y`)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await forged(`rsvp:${meeting.id}:9`)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    expect(await forged(`rsvp:${meeting.id}:y;DROP`)).toEqual({ text: "Bu düğme artık geçerli değil.", show_alert: false });
    // A bot message that is not a card carries no valid answer either.
    const notCard = scenario.emulator.botMessagesIn(group.id).at(-1)!;
    expect(await scenario.emulator.pressButton(member, group.id, notCard.message_id, `rsvp:${meeting.id}:y`, { forged: true })).toEqual({
      text: "Bu düğme artık geçerli değil.",
      show_alert: false,
    });
    expect(await countRows()).toEqual(before);
  });

  it("after the deadline a press changes nothing and says why", async () => {
    const { admin, member, group, meeting, card } = await invited("Son Gün Ağı");
    await say(admin, group, "/meeting_edit 25 deadline 01.12.2026 18:00");
    await press(member, group, card, `rsvp:${meeting.id}:y`);
    const saved = now;
    now = new Date("2026-12-02T09:00:00Z");
    try {
      expect(await press(member, group, card, `rsvp:${meeting.id}:n`)).toEqual({
        text: "Bu toplantı için yanıtlar kapandı; artık yanıt verilemez ve verilen yanıtlar değiştirilemez.",
        show_alert: true,
      });
      expect(await say(member, group, "/rsvp 25 hayır")).toBe("Bu toplantı için yanıtlar kapandı; artık yanıt verilemez ve verilen yanıtlar değiştirilemez.");
    } finally {
      now = saved;
    }
    expect(await rsvpsOf(meeting.id)).toEqual([{ name: "Ayşe", status: "yes", partySize: 1, waitlisted: false, source: "button" }]);
  });

  it("reads plain-language replies to the card, acknowledges with a reaction, and hints when unsure", async () => {
    const { member, group, meeting, card } = await invited("Düz Yanıt Ağı");
    const { message } = scenario.emulator.sendText(member, group, "katılıyoruz, 2 kişi", { replyTo: card.message_id });
    await scenario.emulator.waitFor(() => message.reactions.length > 0 || undefined);
    expect(message.reactions).toEqual(["👍"]);
    expect(await rsvpsOf(meeting.id)).toEqual([{ name: "Ayşe", status: "yes", partySize: 2, waitlisted: false, source: "reply" }]);
    // No new message in the group for a recorded reply.
    expect(scenario.emulator.botMessagesIn(group.id).filter((m) => m.message_id > message.message_id)).toEqual([]);
    expect(await say(member, group, "toplantı kaçta başlıyor?", { replyTo: card.message_id })).toBe(
      "Yanıtınızı anlayamadım, bu yüzden kaydetmedim. “katılıyorum”, “2 kişiyiz”, “belki” ya da “gelemiyorum” gibi yazın veya karttaki düğmeleri kullanın.",
    );
    expect(await rsvpsOf(meeting.id)).toEqual([{ name: "Ayşe", status: "yes", partySize: 2, waitlisted: false, source: "reply" }]);
    // In DM, replying to the private card works the same.
    const directCard = scenario.emulator.botMessagesIn(member.id).find((m) => m.text?.startsWith("25. Toplantı"))!;
    const dm = scenario.emulator.sendText(member, "private", "maalesef katılamayacağım", { replyTo: directCard.message_id });
    await scenario.emulator.waitFor(() => dm.message.reactions.length > 0 || undefined);
    expect(dm.message.reactions).toEqual(["🙏"]);
    expect((await rsvpsOf(meeting.id))[0]!.status).toBe("no");
  });

  it("/rsvp answers by command and refuses what it cannot read", async () => {
    const { member, group, meeting } = await invited("Komut Yanıt Ağı");
    expect(await say(member, group, "/rsvp 25 evet 2")).toBe("Kaydedildi: 2 kişi katılıyorsunuz.");
    const before = await countRows();
    expect(await say(member, group, "/rsvp 25 belki 2")).toMatch(/^Kullanım: \/rsvp/);
    expect(await say(member, group, "/rsvp 25 tabii")).toMatch(/^Kullanım: \/rsvp/);
    expect(await say(member, group, "/rsvp 25 evet 40")).toBe("Kişi sayısı 1 ile 20 arasında olmalıdır.");
    expect(await say(member, group, "/rsvp 99 evet")).toBe("Bu ağda 99 numaralı bir toplantı yok. Liste için /meetings yazın.");
    expect(await countRows()).toEqual(before);
    expect(await rsvpsOf(meeting.id)).toEqual([{ name: "Ayşe", status: "yes", partySize: 2, waitlisted: false, source: "command" }]);
  });
});

describe("capacity and waitlist", () => {
  it("queues 'yes' answers beyond capacity in order and promotes the first when a place frees, by DM", async () => {
    const { admin, member, group, meeting, card } = await invited("Kontenjan Ağı");
    await say(admin, group, "/meeting_edit 25 capacity 3");
    const [elif, selin] = ["Elif", "Selin"].map((first_name) => {
      const user = scenario.emulator.createUser({ first_name, language_code: "tr" });
      scenario.emulator.setMember(group, user, "member");
      return user;
    });
    expect((await press(admin, group, card, `rsvp:${meeting.id}:2`)).text).toBe("Kaydedildi: 2 kişi katılıyorsunuz.");
    expect(await press(member, group, card, `rsvp:${meeting.id}:2`)).toEqual({
      text: "Kontenjan dolu; bekleme listesine alındınız (1. sıradasınız). Yer açılınca size özel mesajla haber vereceğim.",
      show_alert: true,
    });
    // One place is left, but Elif queues behind the member who waits already.
    expect((await press(elif!, group, card, `rsvp:${meeting.id}:y`)).text).toContain("(2. sıradasınız)");
    // A confirmed answer that asks for more than is left keeps its earlier places.
    expect(await press(admin, group, card, `rsvp:${meeting.id}:5`)).toEqual({ text: "Yeterli yer yok: en fazla 3 kişilik yer kaldı. Önceki yanıtınız geçerli.", show_alert: true });
    await settled();
    expect(groupCard(group).text).toContain("Kalan yer: 1\nBekleme listesi: 2");
    expect((await press(admin, group, card, `rsvp:${meeting.id}:n`)).text).toBe("Kaydedildi: katılamıyorsunuz. Haber verdiğiniz için teşekkür ederiz.");
    await settled();
    const promotion = await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(member.id).find((m) => m.text?.startsWith("🎉")));
    expect(promotion.text).toBe("🎉 Yer açıldı! 25. toplantıya katılımınız onaylandı (2 kişi).");
    expect(await rsvpsOf(meeting.id)).toEqual([
      { name: "Derya", status: "no", partySize: 1, waitlisted: false, source: "button" },
      { name: "Ayşe", status: "yes", partySize: 2, waitlisted: false, source: "button" },
      { name: "Elif", status: "yes", partySize: 1, waitlisted: false, source: "button" },
    ]);
    // Full again: Selin waits; raising the capacity lets her in.
    expect((await press(selin!, group, card, `rsvp:${meeting.id}:y`)).text).toContain("(1. sıradasınız)");
    await say(admin, group, "/meeting_edit 25 capacity 4");
    await settled();
    expect((await rsvpsOf(meeting.id)).find((r) => r.name === "Selin")!.waitlisted).toBe(false);
  });
});

describe("capacity after someone was forgotten", () => {
  it("a forgotten person's yes still takes its seats: the next yes beyond the capacity waits", async () => {
    const { admin, member, group, meeting, card } = await invited("Unutulan Kontenjan Ağı");
    await say(admin, group, "/meeting_edit 25 capacity 2");
    expect((await press(member, group, card, `rsvp:${meeting.id}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    const question = await scenario.emulator.nextBotMessage(member.id, scenario.emulator.sendText(member, "private", "/forgetme").message.message_id);
    await scenario.emulator.pressButton(member, member.id, question.message_id, question.reply_markup!.inline_keyboard!.flat()[0]!.callback_data!);
    await scenario.running.ortak.inFlight.drain();
    expect(await scenario.db.prisma.rsvp.findMany({ where: { meetingId: meeting.id }, select: { memberId: true, status: true, partySize: true } })).toEqual([{ memberId: null, status: "yes", partySize: 1 }]);
    // One seat is left: the organiser takes it, and the next yes waits.
    expect((await press(admin, group, card, `rsvp:${meeting.id}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    const elif = scenario.emulator.createUser({ first_name: "Elif", language_code: "tr" });
    scenario.emulator.setMember(group, elif, "member");
    expect(await press(elif, group, card, `rsvp:${meeting.id}:y`)).toEqual({
      text: "Kontenjan dolu; bekleme listesine alındınız (1. sıradasınız). Yer açılınca size özel mesajla haber vereceğim.",
      show_alert: true,
    });
    await settled();
    expect(groupCard(group).text).toContain("Kalan yer: 0\nBekleme listesi: 1");
  });
});

describe("a forgotten person's place in line", () => {
  it("holds nobody back: with a seat free, the next yes takes it", async () => {
    const { admin, member, group, meeting, card } = await invited("Unutulan Sıra Ağı");
    await say(admin, group, "/meeting_edit 25 capacity 1");
    expect((await press(admin, group, card, `rsvp:${meeting.id}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    expect((await press(member, group, card, `rsvp:${meeting.id}:y`)).text).toContain("(1. sıradasınız)");
    const question = await scenario.emulator.nextBotMessage(member.id, scenario.emulator.sendText(member, "private", "/forgetme").message.message_id);
    await scenario.emulator.pressButton(member, member.id, question.message_id, question.reply_markup!.inline_keyboard!.flat()[0]!.callback_data!);
    await scenario.running.ortak.inFlight.drain();
    // The seat frees; the forgotten answer waits on but is never promoted.
    await press(admin, group, card, `rsvp:${meeting.id}:n`);
    const elif = scenario.emulator.createUser({ first_name: "Elif", language_code: "tr" });
    scenario.emulator.setMember(group, elif, "member");
    expect((await press(elif, group, card, `rsvp:${meeting.id}:y`)).text).toBe("Kaydedildi: katılıyorsunuz.");
    // Taken directly, not queued and promoted at once: no "a place opened" message is owed to her.
    expect(await scenario.db.prisma.outboxMessage.count({ where: { meetingId: meeting.id, kind: "waitlist-promotion" } })).toBe(0);
  });
});

describe("the card's calendar button and names on the card", () => {
  it("sends the .ics privately, or says to start the bot first", async () => {
    const { admin, member, group, meeting, card } = await invited("Takvim Düğmesi Ağı");
    expect(await press(member, group, card, `ics:${meeting.id}`)).toEqual({ text: "Takvim dosyasını size özel mesajla gönderdim.", show_alert: false });
    const document = scenario.emulator.botMessagesIn(member.id).at(-1)!.document!;
    expect(document.file_name).toBe("ortak-25.ics");
    expect(scenario.emulator.file(document.file_id)!.toString("utf8")).toContain("BEGIN:VEVENT");
    expect(await press(admin, group, card, `ics:${meeting.id}`)).toEqual({
      text: `Takvim dosyasını size özel mesajla gönderebilmem için önce @${scenario.emulator.bot.username} ile sohbeti açıp Başlat’a basın.`,
      show_alert: true,
    });
  });

  it("shows organisation names with HTML and ampersands as typed", async () => {
    const { admin, member, group, meeting, card } = await invited("İşaretli Ad Ağı");
    await say(admin, group, "/org_edit Buca short_name <b>Buca</b> & Co");
    await press(member, group, card, `rsvp:${meeting.id}:y`);
    await settled();
    expect(groupCard(group).text).toContain("• <b>Buca</b> & Co: 1 kişi katılıyor (1 yanıt)");
  });
});

describe("organisers' views", () => {
  it("/rsvps lists names per organisation privately, with the silent organisations and totals", async () => {
    const { admin, member, group, meeting, card } = await invited("Liste Yanıt Ağı");
    await press(member, group, card, `rsvp:${meeting.id}:3`);
    await say(admin, "private", "/start");
    expect(await say(admin, group, "/rsvps 25")).toBe("Size özel mesajla gönderdim; isimler yalnızca koordinatörlere gösterilir.");
    const list = scenario.emulator.botMessagesIn(admin.id).at(-1)!.text!;
    expect(list).toMatch(/^25\. Toplantı: yanıtlar\n\nBuca Belediyesi KDM\n• Ayşe Yılmaz \(@ayse_\d+\): katılıyor \(3 kişi\) · 24 Kasım 2026 Salı, 12:00\n\n/);
    expect(list).toContain("Henüz yanıt vermeyen kurumlar: Karşıyaka Belediyesi KDM\nToplam: 3 kişi katılıyor · 0 kişi belki katılacak · 0 kişi katılamıyor");
    expect(await say(member, group, "/rsvps 25")).toBe("Bu komutu yalnızca ağın koordinatörleri kullanabilir.");
  });

  it("/export sends a CSV with a byte order mark, escaped cells and every column, separated by semicolons for a Turkish reader (Excel's list separator in Turkey)", async () => {
    const { admin, member, group, meeting, card } = await invited("Dışa Aktarım Ağı");
    await press(member, group, card, `rsvp:${meeting.id}:2`);
    await scenario.db.prisma.telegramUser.update({ where: { id: BigInt(member.id) }, data: { lastName: "Yılmaz, =Şahin" } });
    expect(await say(admin, "private", "/export 25")).toBe("");
    const document = scenario.emulator.botMessagesIn(admin.id).at(-1)!.document!;
    expect(document.file_name).toBe("ortak-25-rsvps.csv");
    const csv = scenario.emulator.file(document.file_id)!.toString("utf8");
    expect(csv).toBe(
      "\uFEFFmeeting_number;organisation;member;status;party_size;answered_at;checked_in;" +
        "need_childcare;need_transport;need_interpretation_tid;need_interpretation_kurdish;need_interpretation_arabic;need_interpretation_other;need_accessibility;need_diet\r\n" +
        '25;Buca Belediyesi KDM;"Ayşe Yılmaz, =Şahin";yes;2;2026-11-24T12:00:00+03:00;no;;;;;;;;\r\n' +
        "25;;(destek ihtiyaçları: isimler olmadan toplam);;;;;;;;;;;;\r\n",
    );
    await say(admin, "private", "/lang en");
    await say(admin, "private", "/export 25");
    const english = scenario.emulator.file(scenario.emulator.botMessagesIn(admin.id).at(-1)!.document!.file_id)!.toString("utf8");
    expect(english.split("\r\n").slice(1, 3)).toEqual(['25,Buca Belediyesi KDM,"Ayşe Yılmaz, =Şahin",yes,2,2026-11-24T12:00:00+03:00,no,,,,,,,,', "25,,(support needs: unnamed totals),,,,,,,,,,,,"]);
  });
});

describe("changes to an invited meeting", () => {
  it("reschedule and cancel edit every posted card, in the group and in DMs", async () => {
    const { admin, member, group, meeting } = await invited("Değişiklik Ağı");
    await say(admin, group, "/reschedule 25 24 Mart 2027 10:00");
    await settled();
    const directCard = () => scenario.emulator.botMessagesIn(member.id).find((m) => m.text?.startsWith("25. Toplantı") || m.text?.startsWith("❌"))!;
    expect(groupCard(group).text).toContain("Tarih: 24 Mart 2027 Çarşamba, 10:00–15:00");
    expect(directCard().text).toContain("Tarih: 24 Mart 2027 Çarşamba, 10:00–15:00");
    await scenario.cancelMeeting(admin, group, "25 Salon kullanılamıyor");
    await settled();
    const cancelled = scenario.emulator.botMessagesIn(group.id).find((m) => m.text?.startsWith("❌ İPTAL EDİLDİ\nGerekçe: Salon kullanılamıyor\n25. Toplantı"));
    expect(cancelled?.reply_markup).toBeUndefined();
    expect(directCard().text).toMatch(/^❌ İPTAL EDİLDİ/);
    // The cancelled card has no buttons left: a press made up for it is refused before anything is read.
    expect(await scenario.emulator.pressButton(member, group.id, cancelled!.message_id, `rsvp:${meeting.id}:y`, { forged: true })).toEqual({
      text: "Bu düğme artık geçerli değil.",
      show_alert: false,
    });
    // A direct card pressed through an old copy of the keyboard meets the rule itself: cancelled, nothing recorded.
    expect((await scenario.running.services.rsvps.answer({ meetingId: meeting.id, userId: BigInt(member.id), status: "yes", partySize: undefined, source: "button" })).kind).toBe("cancelled");
    expect(await rsvpsOf(meeting.id)).toEqual([]);
  });
});
