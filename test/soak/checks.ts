import type { StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import type { Database } from "../../src/db/client.ts";
import { Members, type Said } from "./members.ts";
import type { SentByProcess, Watch } from "./watch.ts";
import type { SoakMeeting } from "./world.ts";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** A few examples of what failed, for the reader to start from. */
  examples?: string[];
}

/** Every member's stored answer is what they said last; no stored answer nobody gave. */
export async function checkAnswers(db: Database, ledger: Map<string, Said>, meetings: SoakMeeting[]): Promise<Check> {
  const rows = await db.prisma.rsvp.findMany({
    where: { meetingId: { in: meetings.map((m) => m.id) } },
    select: { meetingId: true, status: true, partySize: true, waitlistedAt: true, member: { select: { userId: true } } },
  });
  const stored = new Map(rows.map((r) => [Members.key(r.meetingId, Number(r.member?.userId ?? 0)), r]));
  const examples: string[] = [];
  let lost = 0;
  for (const [key, said] of ledger) {
    const row = stored.get(key);
    const same = row && row.status === said.status && row.partySize === said.party && row.waitlistedAt === null;
    if (same) continue;
    lost++;
    if (examples.length < 5) examples.push(`meeting:user ${key}: said ${said.status}/${said.party}, stored ${row ? `${row.status}/${row.partySize}` : "nothing"}`);
  }
  const unsaid = [...stored.keys()].filter((key) => !ledger.has(key));
  for (const key of unsaid.slice(0, 5 - Math.min(5, examples.length))) examples.push(`meeting:user ${key}: stored, never said`);
  return {
    name: "lost answers",
    ok: lost === 0 && unsaid.length === 0,
    detail: `${lost} of ${ledger.size} member-meeting answers${unsaid.length > 0 ? `; ${unsaid.length} stored that nobody gave` : ""}`,
    ...(examples.length > 0 ? { examples } : {}),
  };
}

interface TallyShape {
  organisations: Map<string, { yes: number; people: number; maybe: number }>;
  people: number;
  maybe: number;
  no: number;
}

const canonical = (t: TallyShape) =>
  [...t.organisations.entries()]
    .filter(([, o]) => o.yes + o.maybe > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, o]) => `${name}:${o.yes}/${o.people}/${o.maybe}`)
    .concat(`total:${t.people}/${t.maybe}/${t.no}`)
    .join(" ");

/** The counts a card shows (Turkish or English), read from its text. */
export function shownTally(text: string): string | undefined {
  const tally: TallyShape = { organisations: new Map(), people: 0, maybe: 0, no: 0 };
  const people = "(?:kişi|person|people)";
  let total = false;
  for (const line of text.split("\n")) {
    const totals = new RegExp(`^(?:Toplam|Total): (\\d+) ${people} (?:katılıyor|attending) · (\\d+) ${people} (?:belki katılacak|may attend) · (\\d+) ${people} (?:katılamıyor|can't attend)$`).exec(line);
    if (totals) {
      [tally.people, tally.maybe, tally.no] = [Number(totals[1]), Number(totals[2]), Number(totals[3])];
      total = true;
      continue;
    }
    const org = /^• ([^:]+): (.*)$/.exec(line);
    if (!org) continue;
    const entry = { yes: 0, people: 0, maybe: 0 };
    let counted = false;
    for (const part of org[2]!.split(" · ")) {
      const yes = new RegExp(`^(\\d+) ${people} (?:katılıyor|attending) \\((\\d+) (?:yanıt|answers?)\\)$`).exec(part);
      const maybe = new RegExp(`^(\\d+) ${people} (?:belki katılacak|may attend)$`).exec(part);
      if (yes) [entry.people, entry.yes, counted] = [Number(yes[1]), Number(yes[2]), true];
      if (maybe) [entry.maybe, counted] = [Number(maybe[1]), true];
    }
    if (counted) tally.organisations.set(org[1]!, entry);
  }
  return total ? canonical(tally) : undefined;
}

/** The counts the database holds for each meeting, as a card would show them. */
async function storedTallies(db: Database, meetingIds: number[]): Promise<Map<number, string>> {
  const rows = await db.prisma.rsvp.findMany({
    where: { meetingId: { in: meetingIds }, waitlistedAt: null },
    select: { meetingId: true, status: true, partySize: true, member: { select: { organisation: { select: { shortName: true } } } } },
  });
  const tallies = new Map<number, TallyShape>(meetingIds.map((id) => [id, { organisations: new Map(), people: 0, maybe: 0, no: 0 }]));
  for (const row of rows) {
    const tally = tallies.get(row.meetingId)!;
    const name = row.member?.organisation?.shortName ?? "?";
    const org = tally.organisations.get(name) ?? { yes: 0, people: 0, maybe: 0 };
    tally.organisations.set(name, org);
    if (row.status === "yes") {
      org.yes++;
      org.people += row.partySize;
      tally.people += row.partySize;
    } else if (row.status === "maybe") {
      org.maybe++;
      tally.maybe++;
    } else tally.no++;
  }
  return new Map([...tallies].map(([id, t]) => [id, canonical(t)]));
}

/** Every live card (group and private) shows the counts the database holds now. */
export async function checkCards(db: Database, emulator: TelegramEmulator, meetings: SoakMeeting[]): Promise<Check> {
  const ids = meetings.map((m) => m.id);
  const [cards, tallies] = await Promise.all([db.prisma.postedCard.findMany({ where: { meetingId: { in: ids } } }), storedTallies(db, ids)]);
  const examples: string[] = [];
  let wrong = 0;
  let dead = 0;
  for (const card of cards) {
    if (card.deadAt) {
      dead++;
      continue;
    }
    const message = emulator.chats.get(Number(card.telegramChatId))?.messages.get(card.messageId);
    const shown = message?.text === undefined ? undefined : shownTally(message.text);
    const expected = tallies.get(card.meetingId)!;
    if (shown === expected) continue;
    wrong++;
    if (examples.length < 5) examples.push(`${card.kind} card ${card.telegramChatId}/${card.messageId} (meeting ${card.meetingId}): shows ${shown ?? "no counts"}, database ${expected}`);
  }
  return {
    name: "cards equal to the database",
    ok: wrong === 0 && dead === 0,
    detail: `${cards.length - wrong - dead} of ${cards.length} (${cards.filter((c) => c.kind === "group").length} group, ${cards.filter((c) => c.kind === "direct").length} private)${dead > 0 ? `; ${dead} marked dead` : ""}`,
    ...(examples.length > 0 ? { examples } : {}),
  };
}

/** Kinds whose rows send no message of their own (or edit one): not counted as messages. */
const NO_NEW_MESSAGE = new Set(["card-refresh", "host-expiry", "card-edit"]);
const CARD_KINDS = new Set(["card-post", "card-dm"]);

export interface KilledWorker {
  name: string;
  at: number;
}

export interface DeliveryFigures {
  rows: number;
  missing: number;
  duplicatesInWindow: number;
  duplicatesAfterLostAnswer: number;
  unexplained: number;
}

/**
 * Every message the outbox marked sent arrived once. Per chat, the messages the worker processes
 * sent (tagged at the emulator) are counted against the rows sent there; cards are matched one by
 * one with the cards ortak recorded. A message more than its rows is a duplicate, explained by the
 * README's window when a killed worker sent it in its last moments (at most one per kill), by a
 * lost answer when the emulator cut the connection after sending it (Telegram sent it, ortak saw
 * a failure and sent it again); anything else is unexplained.
 */
export async function checkDelivery(db: Database, emulator: TelegramEmulator, watch: Watch, killed: KilledWorker[]): Promise<{ check: Check; figures: DeliveryFigures }> {
  const [rows, members, cards] = await Promise.all([
    db.prisma.outboxMessage.findMany({ where: { status: "sent" }, select: { kind: true, audience: true } }),
    db.prisma.member.findMany({ select: { id: true, userId: true } }),
    db.prisma.postedCard.findMany({ select: { telegramChatId: true, messageId: true } }),
  ]);
  const userOf = new Map(members.map((m) => [m.id, Number(m.userId)]));
  const chatOf = (audience: string) => {
    const [kind, id] = audience.split(":");
    return kind === "member" ? userOf.get(Number(id))! : Number(id);
  };
  const expected = new Map<number, number>();
  let cardRows = 0;
  for (const row of rows) {
    if (NO_NEW_MESSAGE.has(row.kind)) continue;
    if (CARD_KINDS.has(row.kind)) cardRows++;
    else expected.set(chatOf(row.audience), (expected.get(chatOf(row.audience)) ?? 0) + 1);
  }
  const recordedCards = new Set(cards.map((c) => `${c.telegramChatId}:${c.messageId}`));
  const workerSends = watch.sends.filter((s) => s.via.startsWith("worker"));
  const firstVersion = (s: SentByProcess): StoredMessage | undefined => emulator.chats.get(s.chatId)?.messages.get(s.messageId);
  const isCardSend = (s: SentByProcess) => firstVersion(s)?.versions[0]?.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith("rsvp:")) === true;

  const inWindow = (s: SentByProcess) => killed.some((k) => k.name === s.via && s.at >= k.at - 2_000 && s.at <= k.at);
  let windowLeft = killed.length;
  const figures: DeliveryFigures = { rows: 0, missing: 0, duplicatesInWindow: 0, duplicatesAfterLostAnswer: 0, unexplained: 0 };
  const examples: string[] = [];

  // Cards, one by one: a card message ortak did not record is a second copy.
  const sentCards = workerSends.filter(isCardSend);
  for (const send of sentCards) {
    if (recordedCards.has(`${send.chatId}:${send.messageId}`)) continue;
    if (inWindow(send) && windowLeft > 0) {
      windowLeft--;
      figures.duplicatesInWindow++;
    } else if (send.answerLost) figures.duplicatesAfterLostAnswer++;
    else {
      figures.unexplained++;
      if (examples.length < 5) examples.push(`card ${send.chatId}/${send.messageId} sent by ${send.via}, not recorded`);
    }
  }
  const sentCardKeys = new Set(sentCards.map((s) => `${s.chatId}:${s.messageId}`));
  const missingCards = [...recordedCards].filter((key) => !sentCardKeys.has(key));
  figures.missing += missingCards.length;
  for (const key of missingCards.slice(0, 3)) examples.push(`card ${key} recorded as sent, never arrived`);

  // Other messages, counted per chat against the rows sent there.
  const delivered = new Map<number, SentByProcess[]>();
  for (const send of workerSends) if (!isCardSend(send)) delivered.set(send.chatId, [...(delivered.get(send.chatId) ?? []), send]);
  for (const chatId of new Set([...expected.keys(), ...delivered.keys()])) {
    const want = expected.get(chatId) ?? 0;
    const got = delivered.get(chatId) ?? [];
    if (got.length < want) {
      figures.missing += want - got.length;
      if (examples.length < 5) examples.push(`chat ${chatId}: ${want} rows sent, ${got.length} messages arrived`);
      continue;
    }
    let extra = got.length - want;
    const fromWindow = Math.min(extra, got.filter(inWindow).length, windowLeft);
    windowLeft -= fromWindow;
    figures.duplicatesInWindow += fromWindow;
    extra -= fromWindow;
    const afterLost = Math.min(extra, got.filter((s) => s.answerLost).length);
    figures.duplicatesAfterLostAnswer += afterLost;
    extra -= afterLost;
    if (extra > 0) {
      figures.unexplained += extra;
      if (examples.length < 5) examples.push(`chat ${chatId}: ${want} rows sent, ${got.length} messages arrived`);
    }
  }
  figures.rows = cardRows + [...expected.values()].reduce((a, b) => a + b, 0);
  const ok = figures.missing === 0 && figures.unexplained === 0 && figures.duplicatesInWindow <= killed.length;
  return {
    figures,
    check: {
      name: "outbox messages arrived exactly once",
      ok,
      detail:
        `${figures.rows} rows sent (${cardRows} cards); missing ${figures.missing}; duplicates: ${figures.duplicatesInWindow} in the README's window (≤ ${killed.length} allowed), ` +
        `${figures.duplicatesAfterLostAnswer} after a lost answer, ${figures.unexplained} unexplained`,
      ...(examples.length > 0 ? { examples } : {}),
    },
  };
}

/** No row left claimed or overdue, none failed for good. */
export async function checkRows(db: Database): Promise<{ stuck: Check; failed: Check; byStatus: Record<string, number> }> {
  const now = Date.now();
  const [groups, sending, overdue, failed] = await Promise.all([
    db.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.prisma.outboxMessage.count({ where: { status: "sending" } }),
    db.prisma.outboxMessage.count({ where: { status: "scheduled", notBefore: { lt: new Date(now - 60_000) } } }),
    db.prisma.outboxMessage.findMany({ where: { status: "failed" }, select: { kind: true, reason: true } }),
  ]);
  const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  const reasons = new Map<string, number>();
  for (const row of failed) reasons.set(`${row.kind}: ${row.reason ?? ""}`.slice(0, 100), (reasons.get(`${row.kind}: ${row.reason ?? ""}`.slice(0, 100)) ?? 0) + 1);
  return {
    byStatus,
    stuck: { name: "rows stuck", ok: sending + overdue === 0, detail: `${sending} still claimed, ${overdue} scheduled and overdue by over a minute` },
    failed: {
      name: "rows failed for good",
      ok: failed.length === 0,
      detail: `${failed.length}`,
      ...(reasons.size > 0 ? { examples: [...reasons].map(([reason, count]) => `${count} × ${reason}`) } : {}),
    },
  };
}

export interface ReminderFigures {
  sent: Record<string, number>;
  skipped: Record<string, number>;
  /** Per kind, seconds from the planned time to sending. */
  latenessSeconds: Record<string, number[]>;
}

/** Reminders that fell inside the run: sent, and how late. */
export async function checkReminders(db: Database, meetings: SoakMeeting[]): Promise<{ check: Check; figures: ReminderFigures }> {
  const early = meetings.filter((m) => m.early);
  const rows = await db.prisma.outboxMessage.findMany({
    where: { meetingId: { in: early.map((m) => m.id) }, kind: { in: ["before", "checkin-card", "organiser-summary"] } },
    select: { kind: true, status: true, sentAt: true, offsetMinutes: true, meetingId: true },
  });
  const figures: ReminderFigures = { sent: {}, skipped: {}, latenessSeconds: {} };
  const byId = new Map(early.map((m) => [m.id, m]));
  for (const row of rows) {
    const bucket = row.status === "sent" ? figures.sent : row.status === "skipped" ? figures.skipped : undefined;
    if (bucket) bucket[row.kind] = (bucket[row.kind] ?? 0) + 1;
    if (row.status !== "sent" || !row.sentAt) continue;
    const meeting = byId.get(row.meetingId!)!;
    const planned = row.kind === "organiser-summary" ? meeting.deadline!.getTime() : meeting.startsAt.getTime() - row.offsetMinutes * 60_000;
    const kind = row.kind === "before" ? `before (${row.offsetMinutes} min)` : row.kind;
    (figures.latenessSeconds[kind] ??= []).push((row.sentAt.getTime() - planned) / 1000);
  }
  const everyMeeting = early.every((m) => rows.some((r) => r.meetingId === m.id && r.kind === "checkin-card" && r.status === "sent") && rows.some((r) => r.meetingId === m.id && r.kind === "before" && r.status === "sent"));
  return {
    figures,
    check: {
      name: "reminders fired in the run",
      ok: everyMeeting,
      detail: `each of the ${early.length} meetings starting in the run sent reminders and its check-in card: ${everyMeeting ? "yes" : "no"}`,
    },
  };
}
