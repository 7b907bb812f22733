import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "../../db/client.ts";
import { auditSubjects, memberAudiences } from "./records.ts";
import type { ArmedRow, QueuedRow } from "../../../jobs/outbox.ts";
import { displayName } from "../../domain/names.ts";
import { ERASED_PERSON, scrubMinutesContent } from "./scrub.ts";
import { scrubStructured, traceScrubber, type Traces } from "../../domain/name-scrub.ts";
import { personalFeedKey } from "../calendar/tokens.ts";
import { refreshCardsOfVotersPolls } from "../polls/service.ts";

export type ForgetResult =
  /**
   * `withdrawn`: outbox rows to them that were waiting, whose jobs go; `actionMeetings`: meetings
   * whose action items changed owner; `armed`: the card refreshes of the open polls they had voted
   * in, whose jobs are due now (the periodic reconcile gives them their jobs if the caller does not).
   */
  | { kind: "forgotten"; anonymousId: bigint; withdrawn: QueuedRow[]; actionMeetings: number[]; armed: ArmedRow[] }
  | { kind: "last-organiser"; networks: string[] }
  | { kind: "unknown" };

type Tx = Prisma.TransactionClient;
type Membership = { id: number; networkId: number; organisationId: number | null; role: "organiser" | "member"; network: { name: string } };

/**
 * The networks the person organises (and has not left) where no other organiser remains: they
 * must hand over first. Someone who already left a network does not hold it up.
 */
export async function networksLeftWithoutOrganiser(db: Tx | PrismaClient, userId: bigint): Promise<string[]> {
  const organising = await db.member.findMany({ where: { userId, role: "organiser", leftAt: null }, include: { network: { select: { name: true } } }, orderBy: { id: "asc" } });
  const orphaned: string[] = [];
  for (const m of organising) {
    const others = await db.member.count({ where: { networkId: m.networkId, role: "organiser", leftAt: null, userId: { not: userId } } });
    if (others === 0) orphaned.push(m.network.name);
  }
  return orphaned;
}

/** A random negative id for the audit log: the same for all of the person's entries, unrelated to their Telegram id. */
async function anonymousId(tx: Tx): Promise<bigint> {
  for (;;) {
    const id = -BigInt(randomInt(100_000_000, 1_000_000_000));
    if ((await tx.auditEntry.count({ where: { actorId: id } })) === 0) return id;
  }
}

/**
 * Erases a person in one transaction (KVKK art. 7, GDPR art. 17): their answers and check-ins
 * stay as anonymous counts of their organisation, entries keep their text without an author,
 * action items pass to their organisation, the audit log names an anonymous id, minutes (the
 * draft entries and the stored versions) lose their name, their hosting answers lose their
 * reason, their calendar feed, support needs and venue reveals go, and their user and member rows go. Their outbox rows' jobs are removed by the caller after the
 * commit (the processor re-reads the database, so one firing meanwhile finds nothing). Their date
 * poll votes go with their member rows (a vote has no anonymous form), and in the same
 * transaction the cards of the open polls they voted in are refreshed, so no card keeps counting
 * them; the polls they created name the anonymous id. `now`: when those refreshes are due.
 */
export async function forgetPerson(prisma: PrismaClient, userId: bigint, now: Date = new Date()): Promise<ForgetResult> {
  return prisma.$transaction(
    async (tx) => {
      const user = await tx.telegramUser.findUnique({ where: { id: userId }, include: { memberships: { include: { network: { select: { name: true } } } } } });
      if (!user) return { kind: "unknown" } as const;
      // Two organisers forgetting themselves at once must not both pass the check: the second waits here.
      await tx.$queryRaw`
        SELECT id FROM "Member" WHERE role = 'organiser'
          AND "networkId" IN (SELECT "networkId" FROM "Member" WHERE "userId" = ${userId})
        FOR UPDATE`;
      const orphaned = await networksLeftWithoutOrganiser(tx, userId);
      if (orphaned.length > 0) return { kind: "last-organiser", networks: orphaned } as const;

      const anon = await anonymousId(tx);
      const label = `(silinmiş kişi #${-anon})`;
      const traces: Traces = { names: [displayName(user)], usernames: user.username ? [user.username] : [] };
      const networkIds = user.memberships.map((m) => m.networkId);
      const memberIds = user.memberships.map((m) => m.id);

      const actionMeetings = new Set<number>();
      for (const m of user.memberships) for (const meetingId of await anonymiseMembership(tx, m, user.username)) actionMeetings.add(meetingId);
      const withdrawn = await withdrawOutbox(tx, memberIds);
      // Before the member rows (and with them the votes) go: afterwards nothing says which polls they voted in.
      const armed = await refreshCardsOfVotersPolls(tx, memberIds, now);

      await tx.minutesEntry.updateMany({ where: { authorId: userId }, data: { authorId: null } });
      await tx.minutesEntry.updateMany({ where: { doneBy: userId }, data: { doneBy: null } });
      await tx.minutesEntry.updateMany({ where: { progressBy: userId }, data: { progressBy: null } });
      await tx.minutes.updateMany({ where: { takerId: userId }, data: { takerId: null } });
      await tx.minutes.updateMany({ where: { approvedBy: userId }, data: { approvedBy: null } });
      // Their objections keep their text without them (the member row's deletion unlinks them); answers they gave lose their author.
      await tx.minutesObjection.updateMany({ where: { resolvedBy: userId }, data: { resolvedBy: null } });
      // The reason is what they wrote when answering for their organisation: it goes with them.
      await tx.hostTurn.updateMany({ where: { respondedBy: userId }, data: { respondedBy: null, reason: null } });
      await tx.hostChecklistItem.updateMany({ where: { doneBy: userId }, data: { doneBy: null } });
      await tx.minutesVersion.updateMany({ where: { publishedBy: userId }, data: { publishedBy: anon } });
      await tx.datePoll.updateMany({ where: { createdBy: userId }, data: { createdBy: anon } });

      await anonymiseAudit(tx, user, anon, label, networkIds, traces);
      await rewriteMinutesVersions(tx, networkIds, traces);
      await rewriteEntries(tx, networkIds, traces);
      await rewriteObjections(tx, networkIds, traces);

      await tx.dialogue.deleteMany({ where: { OR: [{ userId }, { telegramChatId: userId }] } });
      await tx.postedCard.deleteMany({ where: { kind: "direct", telegramChatId: userId } });
      await tx.minutesCard.deleteMany({ where: { telegramChatId: userId } });
      for (const networkId of networkIds) {
        await tx.auditEntry.create({ data: { networkId, actorId: anon, action: "privacy.forget", subject: label } });
      }
      // Their calendar feed answers 404 from now on; its state goes too, as its key is their Telegram id.
      await tx.calendarFeed.deleteMany({ where: { userId } });
      await tx.calendarFeedState.deleteMany({ where: { feedKey: personalFeedKey(userId) } });
      // What they need to attend, and which confidential venues they were told, have no anonymous form.
      await tx.supportNeed.deleteMany({ where: { memberId: { in: memberIds } } });
      await tx.venueReveal.deleteMany({ where: { memberId: { in: memberIds } } });
      await tx.member.deleteMany({ where: { id: { in: memberIds } } });
      await tx.telegramUser.delete({ where: { id: userId } });
      return { kind: "forgotten", anonymousId: anon, withdrawn, actionMeetings: [...actionMeetings], armed } as const;
    },
    // Someone with years of answers touches many rows; the default 5 s is meant for small changes.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Answers and check-ins count for the member's organisation from now on; their action items pass to it. */
async function anonymiseMembership(tx: Tx, m: Membership, username: string | null): Promise<number[]> {
  await tx.rsvp.updateMany({ where: { memberId: m.id }, data: { memberId: null, organisationId: m.organisationId } });
  await tx.attendance.updateMany({ where: { memberId: m.id }, data: { memberId: null, organisationId: m.organisationId } });
  const owned = {
    kind: "action" as const,
    OR: [
      { ownerMemberId: m.id },
      ...(username ? [{ ownerUsername: { equals: username, mode: "insensitive" as const }, minutes: { meeting: { networkId: m.networkId } } }] : []),
    ],
  };
  const entries = await tx.minutesEntry.findMany({ where: owned, select: { meetingId: true } });
  await tx.minutesEntry.updateMany({ where: owned, data: { ownerOrganisationId: m.organisationId, ownerMemberId: null, ownerUsername: null } });
  return [...new Set(entries.map((e) => e.meetingId))];
}

/** Deletes the outbox rows addressed to the person; returns those still waiting, whose jobs go from the queue. */
async function withdrawOutbox(tx: Tx, memberIds: number[]): Promise<QueuedRow[]> {
  if (memberIds.length === 0) return [];
  const theirs = memberAudiences(memberIds);
  const pending = await tx.outboxMessage.findMany({ where: { ...theirs, status: "scheduled" }, select: { id: true, notBefore: true } });
  // One being sent right now keeps its row until the sender records the outcome (it finds no member then).
  await tx.outboxMessage.deleteMany({ where: { ...theirs, status: { not: "sending" } } });
  return pending;
}

/** Keys of audit values that hold text someone typed (an entry, a cancellation reason, the facilitators, a title): searched for the name. */
const AUDIT_FREE_TEXT = new Set(["text", "reason", "facilitators", "agenda", "title"]);

async function anonymiseAudit(tx: Tx, user: { id: bigint; firstName: string; lastName: string | null; username: string | null }, anon: bigint, label: string, networkIds: number[], traces: Traces) {
  await tx.auditEntry.updateMany({ where: { actorId: user.id }, data: { actorId: anon } });
  // Entries about the person: the subject names them (older entries carry no user id), or the
  // before/after values hold their id (a minute-taker) or name. Subjects and values are replaced
  // only when they are exactly the person; only typed texts are searched, so a network, chat or
  // organisation that happens to share a word with their name keeps it.
  const exact = new Set([...auditSubjects(user), user.id.toString()]);
  const names = traceScrubber(traces, label);
  const scrub = (value: unknown) => scrubStructured(value, exact, label, names, (key) => AUDIT_FREE_TEXT.has(key));
  const entries = await tx.auditEntry.findMany({ where: { OR: [{ networkId: { in: networkIds } }, { subjectUserId: user.id }] }, select: { id: true, subject: true, subjectUserId: true, before: true, after: true } });
  for (const entry of entries) {
    const subject = entry.subject !== null && exact.has(entry.subject) ? label : entry.subject;
    const before = scrub(entry.before);
    const after = scrub(entry.after);
    const about = entry.subjectUserId === user.id;
    if (!about && subject === entry.subject && same(before, entry.before) && same(after, entry.after)) continue;
    await tx.auditEntry.update({
      where: { id: entry.id },
      // An entry about them whose subject is something else (a meeting number) keeps it and names the anonymous id.
      data: { subject: about && subject === entry.subject ? (subject ? `${subject} — ${label}` : label) : subject, subjectUserId: about ? null : entry.subjectUserId, before: json(before), after: json(after) },
    });
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A JSON column value; SQL NULL stays NULL. */
const json = (value: unknown) => (value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/** Published versions keep what they said, with "(silinmiş kişi)" where the person was named. */
async function rewriteMinutesVersions(tx: Tx, networkIds: number[], traces: Traces) {
  const scrub = traceScrubber(traces, ERASED_PERSON);
  const versions = await tx.minutesVersion.findMany({ where: { minutes: { meeting: { networkId: { in: networkIds } } } }, select: { meetingId: true, version: true, markdown: true, content: true } });
  for (const v of versions) {
    const markdown = scrub(v.markdown);
    const content = scrubMinutesContent(v.content, traces, ERASED_PERSON);
    if (markdown === v.markdown && same(content, v.content)) continue;
    await tx.minutesVersion.update({ where: { meetingId_version: { meetingId: v.meetingId, version: v.version } }, data: { markdown, content: content as Prisma.InputJsonValue } });
  }
}

/** Objections and their answers keep what they say, with "(silinmiş kişi)" where the person is named. */
async function rewriteObjections(tx: Tx, networkIds: number[], traces: Traces) {
  const scrub = traceScrubber(traces, ERASED_PERSON);
  const objections = await tx.minutesObjection.findMany({ where: { minutes: { meeting: { networkId: { in: networkIds } } } }, select: { id: true, text: true, resolution: true } });
  for (const o of objections) {
    const text = scrub(o.text);
    const resolution = o.resolution === null ? null : scrub(o.resolution);
    if (text !== o.text || resolution !== o.resolution) await tx.minutesObjection.update({ where: { id: o.id }, data: { text, resolution } });
  }
}

/**
 * Draft entries keep what they say with "(silinmiş kişi)" where the person is named: the next
 * publication is made from them and goes to the groups and organisers. Only their networks.
 */
async function rewriteEntries(tx: Tx, networkIds: number[], traces: Traces) {
  const scrub = traceScrubber(traces, ERASED_PERSON);
  const entries = await tx.minutesEntry.findMany({ where: { minutes: { meeting: { networkId: { in: networkIds } } } }, select: { id: true, text: true, blockedReason: true } });
  for (const entry of entries) {
    // A task's blocked reason is free text too (a check-in's "Engel var").
    const text = scrub(entry.text);
    const blockedReason = entry.blockedReason === null ? null : scrub(entry.blockedReason);
    if (text !== entry.text || blockedReason !== entry.blockedReason) await tx.minutesEntry.update({ where: { id: entry.id }, data: { text, blockedReason } });
  }
}
