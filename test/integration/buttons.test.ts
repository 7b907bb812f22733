import type { CallbackQuery } from "grammy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPress } from "../../src/bot/button-guard.ts";
import { Translator } from "../../src/bot/i18n.ts";
import type { EmulatedChat, EmulatedUser, StoredMessage } from "../../emulator/index.ts";
import { useJobsByHand } from "../support/jobs-by-hand.ts";

// Tuesday 24 November 2026, 12:00 in İzmir; meeting 25 on Wednesday 17 March 2027, 10:00–15:00.
const START = "2026-11-24T09:00:00Z";
const CHECK_IN_OPEN = "2027-03-17T07:00:01Z";
const { scenario, moveClockTo, runDueJobs } = useJobsByHand(START);
const { say, network, countRows } = scenario;

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load();
});
const tr = (id: string, args?: Record<string, string | number>) => translator.t("tr", id, args);
const STALE = () => ({ text: tr("callback-stale"), show_alert: false });

const press = (user: EmulatedUser, message: StoredMessage, data: string, forged = false) =>
  scenario.emulator.pressButton(user, message.chatId, message.message_id, data, { forged });
const dataOf = (message: StoredMessage) => (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data!);
const lastBotMessage = (chatId: number) => scenario.emulator.botMessagesIn(chatId).at(-1)!;
/** Messages the bot sent anywhere: a refused press must send none. */
const sent = () => scenario.emulator.actions.filter((a) => a.kind === "send").length;

/** What a press may change in each button family, beyond the shared row counts. */
async function familyRows() {
  const { prisma } = scenario.db;
  const [turns, attendance, entries, members] = await Promise.all([
    prisma.hostTurn.findMany({ select: { id: true, status: true, swapWithId: true, organisationId: true }, orderBy: { id: "asc" } }),
    prisma.attendance.findMany({ select: { meetingId: true, memberId: true }, orderBy: { id: "asc" } }),
    prisma.minutesEntry.findMany({ select: { id: true, text: true, doneAt: true, deletedAt: true }, orderBy: { id: "asc" } }),
    prisma.member.findMany({ select: { id: true, organisationId: true, leftAt: true }, orderBy: { id: "asc" } }),
  ]);
  const hostChecklist = await prisma.hostChecklistItem.findMany({ select: { item: true, doneAt: true } });
  return { turns, attendance, entries, members, hostChecklist };
}

/** Everything a refused press must leave as it was. */
async function snapshot() {
  return { rows: await countRows(), family: await familyRows(), sent: sent() };
}

/**
 * Network A: Buca, Karşıyaka and Konak; Ayşe speaks for Buca, Elif for Karşıyaka; meeting 25
 * proposed to Buca. Network B elsewhere, whose group Ayşe is also in. People are assigned to
 * organisations privately, so no group message names anyone.
 */
async function twoNetworks(name: string) {
  moveClockTo(START);
  const a = await network(name);
  const { admin, member: ayse, group } = a;
  const elif = scenario.emulator.createUser({ first_name: "Elif", username: `elif_${scenario.emulator.users.size}`, language_code: "tr" });
  scenario.emulator.setMember(group, elif, "member");
  await say(elif, group, "/whoami");
  await say(admin, group, "/network_set next_number 25");
  for (const org of ["Buca KDM | Buca", "Karşıyaka KDM | Karşıyaka", "Konak KDM | Konak"]) await say(admin, group, `/org_add ${org}`);
  for (const user of [admin, ayse, elif]) await say(user, "private", "/start");
  await say(admin, "private", `/member_set_org @${ayse.username} Buca`);
  await say(admin, "private", `/member_set_org @${elif.username} Karşıyaka`);
  // A plain bot message in each DM, with no buttons: where a modified client would send made-up data.
  const plainDm = { ayse: lastBotMessage(ayse.id), elif: lastBotMessage(elif.id) };
  await say(admin, group, "/meeting_new 17 Mart 2027 10:00 | Salon | Gündem");
  const meeting = await scenario.db.prisma.meeting.findFirstOrThrow({ where: { network: { joinCode: a.code }, number: 25 } });
  const organisations = await scenario.db.prisma.organisation.findMany({ where: { networkId: meeting.networkId } });
  const org = (short: string) => organisations.find((o) => o.shortName === short)!;

  const b = await network(`${name} (öteki)`);
  scenario.emulator.setMember(b.group, ayse, "member");
  await say(ayse, b.group, "/whoami");
  const plainInB = lastBotMessage(b.group.id);
  return { ...a, ayse, elif, meeting, org, b, plainDm, plainInB };
}

type Fixture = Awaited<ReturnType<typeof twoNetworks>>;

const proposalTo = (user: EmulatedUser) => scenario.emulator.botMessagesIn(user.id).filter((m) => m.text?.startsWith("🏠")).at(-1)!;

/** The invitation: the group card, and the DM card Ayşe received. */
async function invite(f: Fixture) {
  const { message } = scenario.emulator.sendText(f.admin, f.group, "/invite 25");
  // The organiser is answered at once; the cards follow from the outbox.
  await scenario.emulator.waitFor(() => scenario.emulator.botMessagesIn(f.group.id).find((m) => m.message_id > message.message_id && dataOf(m).length === 0));
  await scenario.settle();
  const isCard = (m: StoredMessage) => dataOf(m).includes(`ics:${f.meeting.id}`);
  return { groupCard: scenario.emulator.botMessagesIn(f.group.id).find(isCard)!, dmCard: scenario.emulator.botMessagesIn(f.ayse.id).find(isCard)! };
}

describe("the button guard", () => {
  it("accepts only a press on a button the bot itself put on that very message", () => {
    const botId = 42;
    const message = { message_id: 7, date: 1_800_000_000, chat: { id: -100, type: "supergroup", title: "g" }, from: { id: botId, is_bot: true, first_name: "ortak" } };
    const keyboard = { inline_keyboard: [[{ text: "Geldim", callback_data: "in:5" }]] };
    const query = (fields: Record<string, unknown>, data = "in:5") => ({ id: "1", from: { id: 9, is_bot: false, first_name: "Ayşe" }, chat_instance: "c", data, ...fields }) as CallbackQuery;
    expect(checkPress(query({ message: { ...message, reply_markup: keyboard } }), botId)).toBeUndefined();
    expect(checkPress(query({ message: { ...message, reply_markup: keyboard } }, "in:6"), botId)).toBe("not-on-message");
    expect(checkPress(query({ message }), botId)).toBe("not-on-message");
    expect(checkPress(query({ message: { ...message, from: { id: 9, is_bot: false, first_name: "Ayşe" }, reply_markup: keyboard } }), botId)).toBe("not-ours");
    const copy = { ...message, reply_markup: keyboard, forward_origin: { type: "user", date: 1_800_000_000, sender_user: { id: 9, is_bot: false, first_name: "Ayşe" } } };
    expect(checkPress(query({ message: copy }), botId)).toBe("forwarded");
    expect(checkPress(query({ message: { message_id: 7, date: 0, chat: message.chat } }), botId)).toBe("inaccessible");
    expect(checkPress(query({ inline_message_id: "abc" }), botId)).toBe("no-message");
    expect(checkPress(query({ message: { ...message, reply_markup: keyboard }, data: undefined, game_short_name: "g" }), botId)).toBe("not-on-message");
  });
});

describe("hosting buttons", () => {
  it("a forged host:s: lists no organisations in another network's chat, and forged answers change no turn", async () => {
    const f = await twoNetworks("Ev Sahibi Düğme Ağı");
    const turn = await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: f.meeting.id } });
    const before = await snapshot();
    // Ayşe is Buca's contact: only the guard stands between this data and an answer.
    expect(await press(f.ayse, f.plainInB, `host:s:${turn.id}`, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainDm.ayse, `host:s:${turn.id}`, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainDm.ayse, `host:a:${turn.id}`, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainInB, `host:w:${turn.id}:${f.org("Konak").id}`, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect(scenario.emulator.botMessagesIn(f.b.group.id).some((m) => m.text === tr("host-swap-choose"))).toBe(false);
  });

  it("only the proposed organisation's contacts see the swap list; a list acts only for its own turn", async () => {
    const f = await twoNetworks("Takas Düğme Ağı");
    const proposal = proposalTo(f.ayse);
    const [accept, decline, swap] = dataOf(proposal);
    expect(swap).toMatch(/^host:s:/);
    let before = await snapshot();
    // Elif (Karşıyaka) presses Buca's genuine buttons: refused, and no list of organisations appears.
    expect(await press(f.elif, proposal, swap!)).toEqual({ text: tr("host-not-contact-toast"), show_alert: true });
    expect(await press(f.elif, proposal, accept!)).toEqual({ text: tr("host-not-contact-toast"), show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);

    expect(await press(f.ayse, proposal, swap!)).toEqual({ show_alert: false });
    await scenario.running.ortak.inFlight.drain();
    const list = lastBotMessage(f.ayse.id);
    expect(list.text).toBe(tr("host-swap-choose"));
    const toKonak = dataOf(list).find((d) => d.endsWith(`:${f.org("Konak").id}`))!;
    before = await snapshot();
    expect(await press(f.elif, list, toKonak)).toEqual({ text: tr("host-not-contact-toast"), show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);

    // Buca declines: the turn passes to Karşıyaka, whose contact is Elif.
    await press(f.ayse, proposal, decline!);
    await scenario.running.ortak.inFlight.drain();
    const next = await scenario.db.prisma.hostTurn.findFirstOrThrow({ where: { meetingId: f.meeting.id, status: "proposed" } });
    expect(next.organisationId).toBe(f.org("Karşıyaka").id);
    before = await snapshot();
    // Buca's old list is about the closed turn; it cannot be turned into a swap of Karşıyaka's.
    expect(await press(f.ayse, list, toKonak)).toEqual({ text: tr("host-closed-toast"), show_alert: true });
    expect(await press(f.elif, list, `host:w:${next.id}:${f.org("Konak").id}`, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
  });
});

describe("check-in buttons", () => {
  it("a forged check-in counts nowhere: not in another network's group, not from a private chat", async () => {
    const f = await twoNetworks("Yoklama Düğme Ağı");
    await invite(f);
    moveClockTo(CHECK_IN_OPEN);
    await runDueJobs();
    const card = scenario.emulator.botMessagesIn(f.group.id).find((m) => dataOf(m).includes(`in:${f.meeting.id}`))!;
    expect(card).toBeDefined();
    const before = await snapshot();
    // Ayşe belongs to the meeting's network and check-in is open: made-up data is all that is wrong.
    expect(await press(f.ayse, f.plainInB, `in:${f.meeting.id}`, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainDm.ayse, `in:${f.meeting.id}`, true)).toEqual(STALE());
    // A real card's message with another meeting's data is refused too.
    expect(await press(f.ayse, card, `in:${f.meeting.id + 1000}`, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect((await press(f.ayse, card, `in:${f.meeting.id}`)).text).toBe(tr("checkin-checked-in", { number: 25 }));
    expect((await familyRows()).attendance).toHaveLength(1);
  });

  it("a genuine card counts only while its chat belongs to the meeting's network", async () => {
    const f = await twoNetworks("Bağsız Yoklama Ağı");
    await invite(f);
    moveClockTo(CHECK_IN_OPEN);
    await runDueJobs();
    const card = scenario.emulator.botMessagesIn(f.group.id).find((m) => dataOf(m).includes(`in:${f.meeting.id}`))!;
    // The group is no longer linked (as after an unlink): its old card checks nobody in.
    await scenario.db.prisma.chat.deleteMany({ where: { telegramChatId: BigInt(f.group.id) } });
    // Someone new in the group; writing in an unlinked group makes nobody a member.
    const walkIn = scenario.emulator.createUser({ first_name: "Nur", language_code: "tr" });
    scenario.emulator.setMember(f.group, walkIn, "member");
    await say(walkIn, f.group, "/whoami");
    const before = await snapshot();
    expect(await press(f.ayse, card, `in:${f.meeting.id}`)).toEqual(STALE());
    expect(await press(walkIn, card, `in:${f.meeting.id}`)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
  });
});

/** Meeting 25 held, its minutes published with one action item owned by Buca. */
async function withActionItem(name: string) {
  const f = await twoNetworks(name);
  moveClockTo(CHECK_IN_OPEN);
  await say(f.admin, "private", "/minutes 25");
  await say(f.admin, "private", "eylem: Broşür taslağı Buca 15 Nisan");
  await say(f.admin, "private", "/minutes_publish 25");
  await scenario.running.ortak.inFlight.drain();
  const item = await scenario.db.prisma.minutesEntry.findFirstOrThrow({ where: { meetingId: f.meeting.id, kind: "action" } });
  expect(item.publishedAt).not.toBeNull();
  return { ...f, item };
}

describe("action item buttons", () => {
  it("a forged Done closes nothing, even for the item's owner", async () => {
    const f = await withActionItem("Görev Düğme Ağı");
    const before = await snapshot();
    expect(await press(f.ayse, f.plainDm.ayse, `done:${f.item.id}`, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainInB, `done:${f.item.id}`, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
  });

  it("a genuine Done closes the item only for its owner's organisation or an organiser", async () => {
    const f = await withActionItem("Görev Yetki Ağı");
    await say(f.admin, f.group, "/actions");
    const list = scenario.emulator.botMessagesIn(f.group.id).findLast((m) => dataOf(m).includes(`done:${f.item.id}`))!;
    const before = await snapshot();
    expect(await press(f.elif, list, `done:${f.item.id}`)).toEqual({ text: tr("action-not-allowed", { id: String(f.item.id) }), show_alert: true });
    // Someone of another network, in whatever chat, is no one here.
    expect(await press(f.b.member, list, `done:${f.item.id}`)).toEqual({ text: tr("action-unknown", { id: String(f.item.id) }), show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect((await press(f.ayse, list, `done:${f.item.id}`)).show_alert).toBe(true);
    await scenario.running.ortak.inFlight.drain();
    expect((await scenario.db.prisma.minutesEntry.findUniqueOrThrow({ where: { id: f.item.id } })).doneAt).not.toBeNull();
  });
});

describe("the minutes' keep-as-note button", () => {
  it("keeps only the text of the person who wrote it; forged data keeps nothing", async () => {
    const f = await twoNetworks("Not Düğme Ağı");
    moveClockTo(CHECK_IN_OPEN);
    // A second organiser, named privately, so both may write the minutes.
    await say(f.admin, "private", `/organiser_add @${f.elif.username}`);
    await say(f.admin, f.group, "/minutes 25");
    const minutesCard = scenario.emulator.botMessagesIn(f.group.id).filter((m) => m.text?.startsWith("📝")).at(-1)!;
    await say(f.admin, f.group, "eylem: Rapor hazırlanacak Buca", { replyTo: minutesCard.message_id });
    const adminsHint = lastBotMessage(f.group.id);
    const keep = dataOf(adminsHint)[0]!;
    expect(keep).toBe(`mkeep:${f.meeting.id}`);
    await say(f.elif, f.group, "eylem: Afiş basılacak Konak", { replyTo: minutesCard.message_id });
    const elifsHint = lastBotMessage(f.group.id);
    const before = await snapshot();
    // Elif has a pending text of her own, but the button under the organiser's text is not hers.
    expect(await press(f.elif, adminsHint, keep)).toEqual({ text: tr("buttons-not-yours"), show_alert: true });
    expect(await press(f.admin, elifsHint, keep)).toEqual({ text: tr("buttons-not-yours"), show_alert: true });
    // Made-up data on a message that carries no such button.
    expect(await press(f.admin, minutesCard, keep, true)).toEqual(STALE());
    expect(await press(f.admin, f.plainInB, keep, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect(await press(f.elif, elifsHint, keep)).toEqual({ show_alert: false });
    await scenario.running.ortak.inFlight.drain();
    const texts = (await familyRows()).entries.filter((e) => e.deletedAt === null).map((e) => e.text);
    expect(texts).toContain("eylem: Afiş basılacak Konak");
    expect(texts).not.toContain("eylem: Rapor hazırlanacak Buca");
  });
});

describe("join buttons", () => {
  it("a forged organisation choice changes nobody's organisation; a stranger cannot use someone else's", async () => {
    const f = await twoNetworks("Katılım Düğme Ağı");
    const toBuca = `join:${f.meeting.networkId}:${f.org("Buca").id}`;
    let before = await snapshot();
    // Elif belongs to network A (Karşıyaka): only the guard stops this from moving her to Buca.
    expect(await press(f.elif, f.plainDm.elif, toBuca, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainInB, `join:${f.meeting.networkId}:${f.org("Konak").id}`, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);

    // A genuine organisation keyboard of network A (from the join link), pressed by someone of network B only.
    await say(f.elif, "private", `/start join_${f.code}`);
    const keyboard = lastBotMessage(f.elif.id);
    expect(dataOf(keyboard)).toContain(toBuca);
    // In the group, the card of another network's chat cannot be replayed: it is not on that message.
    await say(f.elif, f.group, "/join");
    expect(dataOf(lastBotMessage(f.group.id))).toContain(toBuca);
    before = await snapshot();
    expect(await press(f.b.member, keyboard, toBuca)).toEqual(STALE());
    expect(await press(f.ayse, f.plainInB, toBuca, true)).toEqual(STALE());
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect(await press(f.elif, keyboard, toBuca)).toEqual({ text: tr("join-chosen", { organisation: "Buca" }), show_alert: false });
  });
});

describe("calendar buttons", () => {
  it("the .ics (venue and address) goes to members of the meeting's network only; forged data sends nothing", async () => {
    const f = await twoNetworks("Takvim Düğme Ağı");
    const { groupCard, dmCard } = await invite(f);
    expect(dmCard).toBeDefined();
    const ics = `ics:${f.meeting.id}`;
    const before = await snapshot();
    expect(await press(f.ayse, f.plainInB, ics, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainDm.ayse, ics, true)).toEqual(STALE());
    // Someone of network B only, pressing Ayşe's own card: not a member, no file.
    expect(await press(f.b.member, dmCard, ics)).toEqual({ text: tr("buttons-members-only"), show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
    expect(scenario.emulator.botMessagesIn(f.b.member.id).some((m) => m.document)).toBe(false);
    expect(await press(f.ayse, groupCard, ics)).toEqual({ text: tr("ics-sent-private"), show_alert: false });
    expect(scenario.emulator.botMessagesIn(f.ayse.id).at(-1)!.document?.file_name).toBe("ortak-25.ics");
  });
});

describe("RSVP buttons", () => {
  it("stay bound to their card: forged data and strangers answer nothing", async () => {
    const f = await twoNetworks("Yanıt Düğme Ağı");
    const { dmCard } = await invite(f);
    const yes = `rsvp:${f.meeting.id}:y`;
    expect(dataOf(dmCard)).toContain(yes);
    const before = await snapshot();
    expect(await press(f.ayse, f.plainInB, yes, true)).toEqual(STALE());
    expect(await press(f.ayse, f.plainDm.ayse, yes, true)).toEqual(STALE());
    expect(await press(f.b.member, dmCard, yes)).toEqual({ text: tr("rsvp-not-member"), show_alert: true });
    await scenario.running.ortak.inFlight.drain();
    expect(await snapshot()).toEqual(before);
  });
});
