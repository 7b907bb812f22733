import { Worker } from "bullmq";
import { describe, expect, it } from "vitest";
import { MAIN_QUEUE } from "../../jobs/definitions.ts";
import { badRequest, forbidden, tooManyRequests, type EmulatedChat, type EmulatedUser, type StoredMessage } from "../../emulator/index.ts";
import { useScenario } from "../support/scenario.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { cardEditKey, invitationRenderers } from "../../src/features/invitations/renderers.ts";
import { CARD_EDIT_INTERVAL_MS } from "../../src/outbox/card-edits.ts";
import { refreshKey } from "../../src/features/invitations/refresh.ts";
import type { InvitationService } from "../../src/features/invitations/service.ts";

// Tuesday 24 November 2026, 12:00 in İzmir.
const NOW = new Date("2026-11-24T09:00:00Z");
const scenario = useScenario({ clock: () => NOW });
const { say } = scenario;

const isCard = (m: StoredMessage) => m.text?.startsWith("25. Toplantı") === true;
const cardsIn = (chatId: number) => scenario.emulator.botMessagesIn(chatId).filter(isCard);

/** An organiser, a member of Buca who has started the bot, both in `group`, and meeting 25 not yet invited to. */
async function meetingIn(group: EmulatedChat, admin: EmulatedUser, member: EmulatedUser, name: string) {
  await say(admin, group, `/setup ${name}`);
  await say(member, group, "/whoami");
  await say(admin, group, "/network_set next_number 25");
  await say(admin, group, "/org_add Buca KDM | Buca");
  await say(admin, group, `/member_set_org @${member.username} Buca`);
  await say(member, "private", "/start");
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
  return scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { chats: { some: { telegramChatId: BigInt(group.id) } } }, number: 25 } });
}

function people(name: string) {
  const n = scenario.emulator.users.size;
  const admin = scenario.emulator.createUser({ first_name: "Derya", username: `derya_${n}`, language_code: "tr" });
  const member = scenario.emulator.createUser({ first_name: "Ayşe", username: `ayse_${n}`, language_code: "tr" });
  return { admin, member, name };
}

/** /invite answered, and every card delivered. */
async function invite(admin: EmulatedUser, group: EmulatedChat): Promise<string> {
  const reply = await say(admin, group, "/invite 25");
  await scenario.settle();
  return reply;
}

const editTimes = (card: StoredMessage) => card.versions.slice(1).map((v) => v.at);

describe("card edits through the outbox", () => {
  it("a card whose edit is refused for good (message deleted) is marked dead; the meeting's other cards are still edited", async () => {
    const { admin, member, name } = people("Silinen Kart Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await invite(admin, group);
    const [groupCard] = cardsIn(group.id);
    const [directCard] = cardsIn(member.id);
    expect(groupCard && directCard).toBeTruthy();

    scenario.emulator.failNext("editMessageText", badRequest("message to edit not found"), group.id);
    await scenario.emulator.pressButton(member, member.id, directCard!.message_id, `rsvp:${meeting.id}:y`);
    await scenario.settle();

    const cards = await scenario.db.prisma.postedCard.findMany({ where: { meetingId: meeting.id }, orderBy: { id: "asc" } });
    expect(cards.map((c) => [c.kind, c.deadAt !== null])).toEqual([
      ["group", true],
      ["direct", false],
    ]);
    expect(directCard!.text).toContain("Toplam: 1 kişi katılıyor");
    const edits = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "card-edit" }, orderBy: { id: "asc" } });
    expect(edits.map((r) => [r.dedupeKey, r.status, r.reason])).toEqual([
      [`card-edit:${cards[0]!.id}`, "skipped", "gone"],
      [`card-edit:${cards[1]!.id}`, "sent", null],
    ]);

    // The next answer edits the live card again; the dead one is not tried any more.
    const refused = scenario.emulator.servedErrors.length;
    await say(member, "private", "/rsvp 25 hayır");
    await scenario.settle();
    expect(directCard!.text).toContain("Toplam: 0 kişi katılıyor · 0 kişi belki katılacak · 1 kişi katılamıyor");
    expect(groupCard!.versions).toHaveLength(1);
    expect(scenario.emulator.servedErrors.slice(refused)).toEqual([]);
  });

  it("a burst of 60 presses while deliveries run: every card ends exact, edited at most once per 3 s", async () => {
    const { admin, member, name } = people("Yoğun Kart Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await invite(admin, group);
    const [groupCard] = cardsIn(group.id);
    const [directCard] = cardsIn(member.id);
    const pressers = Array.from({ length: 59 }, (_, i) => {
      const user = scenario.emulator.createUser({ first_name: `Üye ${i}`, language_code: "tr" });
      scenario.emulator.setMember(group, user, "member");
      return user;
    });

    // Deliveries go on while people press, as the queue's worker would.
    let pressing = true;
    const worker = (async () => {
      while (pressing) {
        await scenario.deliver();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const buttons = ["y", "m", "n", "2", "3"];
    const toasts: Promise<unknown>[] = [];
    for (const [i, user] of [member, ...pressers].entries()) {
      toasts.push(scenario.emulator.pressButton(user, group.id, groupCard!.message_id, `rsvp:${meeting.id}:${buttons[i % buttons.length]}`));
      // Spread over about four seconds, so edits fall due while presses still arrive.
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 700));
    }
    await Promise.all(toasts);
    pressing = false;
    await worker;
    await scenario.settle();

    const rows = await scenario.db.prisma.rsvp.findMany({ where: { meetingId: meeting.id } });
    expect(rows).toHaveLength(60);
    const attending = rows.filter((r) => r.status === "yes").reduce((sum, r) => sum + r.partySize, 0);
    const total = `Toplam: ${attending} kişi katılıyor · ${rows.filter((r) => r.status === "maybe").length} kişi belki katılacak · ${rows.filter((r) => r.status === "no").length} kişi katılamıyor`;
    for (const card of [groupCard!, directCard!]) {
      expect(card.text).toContain(total);
      const times = editTimes(card);
      expect(times.length).toBeGreaterThan(1);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3000);
    }
    // One pending edit per card, never more.
    const edits = await scenario.db.prisma.outboxMessage.groupBy({ by: ["dedupeKey"], where: { meetingId: meeting.id, kind: "card-edit" }, _count: { _all: true } });
    expect(edits.map((e) => e._count._all)).toEqual([1, 1]);
  });
});

describe("card edit pacing", () => {
  it("an edit that finishes while a refresh lists the cards paces the refresh's next edit", async () => {
    const { admin, member, name } = people("Araya Giren Düzenleme Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await invite(admin, group);
    const { prisma } = scenario.db;
    const { services } = scenario.running;
    const answer = (status: "yes" | "no") => services.rsvps.answer({ meetingId: meeting.id, userId: BigInt(member.id), status, partySize: undefined, source: "button" });
    await answer("yes");
    const refresh = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: refreshKey(meeting.id) } });

    // This refresh lists the cards; before it looks at their edits, another delivery runs the
    // same refresh and edits every card, and the member changes her answer.
    const interleaved: InvitationService = Object.create(services.invitations);
    interleaved.liveCards = async (meetingId) => {
      const listed = await services.invitations.liveCards(meetingId);
      await scenario.settle();
      await answer("no");
      return listed;
    };
    const renderers = invitationRenderers({ prisma, invitations: interleaved, outbox: services.outbox, translator: await Translator.load(), clock: services.clock });
    const payload = refresh.payload as Record<string, string | number | boolean | null>;
    expect(await renderers["card-refresh"]({ row: { ...refresh, payload }, now: NOW })).toEqual({ kind: "done" });

    const cards = await prisma.postedCard.findMany({ where: { meetingId: meeting.id }, orderBy: { id: "asc" } });
    expect(cards.map((c) => c.editedAt)).toEqual([NOW, NOW]);
    const edits = await prisma.outboxMessage.findMany({ where: { dedupeKey: { in: cards.map((c) => cardEditKey(c.id)) } }, orderBy: { id: "asc" } });
    // Each card's next edit waits three seconds from the edit just made, not from the one listed.
    expect(edits.map((r) => [r.status, r.notBefore])).toEqual(cards.map(() => ["scheduled", new Date(NOW.getTime() + CARD_EDIT_INTERVAL_MS)]));
    await scenario.settle();
    for (const card of [...cardsIn(group.id), ...cardsIn(member.id)]) expect(card.text).toContain("Toplam: 0 kişi katılıyor · 0 kişi belki katılacak · 1 kişi katılamıyor");
  });
});

describe("invitation DMs through the outbox", () => {
  it("a DM refused with 403 is skipped and its member marked unreachable; the others get theirs", async () => {
    const { admin, member, name } = people("Engelli Üye Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await say(admin, "private", "/start");
    scenario.emulator.failNext("sendMessage", forbidden("bot was blocked by the user"), member.id);
    expect(await invite(admin, group)).toContain("Kart, botu başlatmış 2 üyeye de özel mesajla gönderiliyor.");
    expect(cardsIn(member.id)).toEqual([]);
    expect(cardsIn(admin.id)).toHaveLength(1);
    expect((await scenario.db.prisma.telegramUser.findUniqueOrThrow({ where: { id: BigInt(member.id) } })).dmReachable).toBe(false);
    const dms = await scenario.db.prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: "card-dm" }, include: { meeting: false }, orderBy: { id: "asc" } });
    const memberRow = await scenario.db.prisma.member.findFirstOrThrow({ where: { networkId: meeting.networkId, userId: BigInt(member.id) } });
    expect(dms.map((r) => [r.audience === `member:${memberRow.id}`, r.status, r.reason])).toEqual([
      [false, "sent", null],
      [true, "skipped", "unreachable"],
    ]);
    // Not retried: delivering again sends nothing.
    await scenario.running.reconciler.reconcile();
    await scenario.settle();
    expect(cardsIn(member.id)).toEqual([]);
  });
});

describe("a group upgraded to a supergroup", () => {
  it("the card follows to the new chat id, and is edited there from then on", async () => {
    const { admin, member, name } = people("Büyüyen Grup Ağı");
    const group = scenario.emulator.createGroup({ title: name, type: "group", members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await invite(admin, group);
    expect(cardsIn(group.id)).toHaveLength(1);
    const [directCard] = cardsIn(member.id);

    const supergroup = scenario.emulator.upgradeToSupergroup(group);
    // An answer changes the cards: the edit of the old group's card learns where the group went.
    await scenario.emulator.pressButton(member, member.id, directCard!.message_id, `rsvp:${meeting.id}:y`);
    await scenario.settle();

    const moved = cardsIn(supergroup.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.text).toContain("Toplam: 1 kişi katılıyor");
    expect((await scenario.db.prisma.chat.findFirstOrThrow({ where: { networkId: meeting.networkId } })).telegramChatId).toBe(BigInt(supergroup.id));
    const cards = await scenario.db.prisma.postedCard.findMany({ where: { meetingId: meeting.id, kind: "group" }, orderBy: { id: "asc" } });
    expect(cards.map((c) => [Number(c.telegramChatId), c.deadAt !== null])).toEqual([
      [group.id, true],
      [supergroup.id, false],
    ]);

    // From then on the new card is the one kept up to date, and it is the only one there.
    await say(member, "private", "/rsvp 25 hayır");
    await scenario.settle();
    expect(cardsIn(supergroup.id)).toHaveLength(1);
    expect(moved[0]!.text).toContain("Toplam: 0 kişi katılıyor · 0 kişi belki katılacak · 1 kişi katılamıyor");
  });
});

describe("the card's pin, the second part of its row", () => {
  it("a pin Telegram answers with 429 is pinned after retry_after; the row ends sent", async () => {
    const { admin, member, name } = people("Sabitleme Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }], botStatus: "administrator", botRights: { can_pin_messages: true } });
    const meeting = await meetingIn(group, admin, member, name);
    scenario.emulator.failNext("pinChatMessage", tooManyRequests(1), group.id);
    await invite(admin, group);
    const [card] = cardsIn(group.id);
    expect(group.pinned).toEqual([card!.message_id]);
    const row = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "card-post" } });
    expect([row.status, row.payload]).toEqual(["sent", { part: "pin" }]);
  });

  it("where the bot may not pin, the card stays unpinned, the row ends sent with the reason, and nobody is told of a failure", async () => {
    const { admin, member, name } = people("Sabitlenmeyen Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    await invite(admin, group);
    expect(cardsIn(group.id)).toHaveLength(1);
    expect(group.pinned).toEqual([]);
    const row = await scenario.db.prisma.outboxMessage.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "card-post" } });
    expect(row.status).toBe("sent");
    expect(row.reason).toMatch(/^not pinned: .*not enough rights/);
    expect(await scenario.db.prisma.outboxMessage.count({ where: { networkId: meeting.networkId, kind: "delivery-failed" } })).toBe(0);
  });

  it("a process that died after posting the card but before pinning it: the pin is owed, and made once the claim expires", async () => {
    const { admin, member, name } = people("Yarım Kalan Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }], botStatus: "administrator", botRights: { can_pin_messages: true } });
    const meeting = await meetingIn(group, admin, member, name);
    // The pin is refused this once; the row is then put back as a crash between the card and its pin leaves it.
    scenario.emulator.failNext("pinChatMessage", badRequest("not enough rights to manage pinned messages in the chat"), group.id);
    const { prisma } = scenario.db;
    await invite(admin, group);
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { meetingId: meeting.id, kind: "card-post" } });
    // As a crash leaves it: the card recorded, the row claimed at its pin part long ago.
    await prisma.outboxMessage.update({ where: { id: row.id }, data: { status: "sending", reason: null, payload: { part: "pin" }, claimedAt: new Date(NOW.getTime() - 120_000) } });
    expect(group.pinned).toEqual([]);
    expect((await scenario.running.reconciler.reconcile()).repaired).toBeGreaterThanOrEqual(1);
    await scenario.settle();
    const [card] = cardsIn(group.id);
    expect(cardsIn(group.id)).toHaveLength(1);
    expect(group.pinned).toEqual([card!.message_id]);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
  });
});

describe("after a worker died holding its jobs", () => {
  it("rows it had claimed go out as soon as the claim expires, though its jobs still sit in Redis as active", async () => {
    const { admin, member, name } = people("Düşen İşçi Ağı");
    const group = scenario.emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    const meeting = await meetingIn(group, admin, member, name);
    const { prisma } = scenario.db;
    // /invite answered, its rows handed to the queue, and nothing delivered yet.
    const { message } = scenario.emulator.sendText(admin, group, "/invite 25");
    await scenario.emulator.nextBotMessage(group.id, message.message_id);
    await scenario.running.ortak.inFlight.drain();
    await scenario.running.services.outbox.handedOver();
    // A worker takes every job and claims the rows, then dies: its jobs stay active, unfinished.
    const dead = new Worker(MAIN_QUEUE, null, { connection: { path: scenario.redisPath, maxRetriesPerRequest: null }, autorun: false });
    let taken = 0;
    while (await dead.getNextJob("dead-worker", { block: false })) taken++;
    const rows = await prisma.outboxMessage.findMany({ where: { meetingId: meeting.id, kind: { in: ["card-post", "card-dm"] } } });
    expect(taken).toBeGreaterThanOrEqual(rows.length);
    await prisma.outboxMessage.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: "sending", claimedAt: new Date(NOW.getTime() - 120_000) } });
    await dead.close(true);

    expect((await scenario.running.reconciler.reconcile()).reclaimed).toBe(rows.length);
    await scenario.settle();
    expect(cardsIn(group.id)).toHaveLength(1);
    expect(cardsIn(member.id)).toHaveLength(1);
    expect((await prisma.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((r) => r.status)).toEqual(rows.map(() => "sent"));
  });
});
