import type { Meeting, MinutesEntry, Organisation, Prisma, PrismaClient } from "../../db/client.ts";
import { nameKey } from "../../domain/names.ts";
import type { Owner } from "../../domain/minutes-entry.ts";
import type { AuditService } from "../audit/service.ts";
import { ACTIVE_MEMBER, currentOrganiserIds, uniqueMemberByUsername } from "../../db/active-member.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";

/** Minutes can be written from shortly before the start (the same moment check-in opens). */
export const MINUTES_OPEN_BEFORE_MS = 30 * 60_000;

/** What a reply or DM adds, after parsing: an incomplete action never gets this far unconfirmed. */
export type EntryInput =
  | { kind: "note" | "decision"; text: string }
  | { kind: "action"; text: string; owner: Owner; dueDate: string };

export type StoredEntry = MinutesEntry & { ownerOrganisation: Organisation | null };

/** Why minutes cannot be written now; undefined when they can. */
export type Closed = "cancelled" | "not-started" | "approved";

export type EntryChange =
  | { kind: "done"; number: number; published: number }
  | { kind: "closed"; reason: Closed }
  | { kind: "unknown-entry"; number: number };

export type PublishCheck =
  | { kind: "ready"; version: number }
  | { kind: "closed"; reason: Closed }
  | { kind: "empty" }
  | { kind: "unchanged"; version: number };

/** The outbox rows of one version's copies, by where they are. */
export interface CopyState {
  sent: number;
  /** Still going out (a copy of several parts stays here until its last part is sent). */
  waiting: number;
  /** Skipped (left, blocked the bot, unlinked chat), withdrawn, or failed for good. */
  notSent: number;
}

/** Copies of minutes are named `minutes:<meeting>:<version>:<audience>` in the outbox. */
export const MINUTES_COPY_PREFIX = "minutes:";

/**
 * True when a publication failed because another one stored the same version first: a unique
 * violation, as Prisma reports it (P2002) or as the driver adapter does (PGlite's passes
 * PostgreSQL's 23505 through; node-postgres's names the kind).
 */
export function isTaken(error: unknown): boolean {
  const { code, cause } = error as { code?: unknown; cause?: { kind?: unknown; code?: unknown } };
  return code === "P2002" || cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
}

export type ApproveResult =
  /** `objections`: how many there were; `unresolved`: approved over that many unanswered ones. */
  | { kind: "approved"; version: number; objections: number; unresolved: number }
  | { kind: "already" }
  | { kind: "not-published" }
  | { kind: "changed"; version: number }
  | { kind: "cancelled" }
  /** Unanswered objections: the organiser confirms with a button valid for this version and these objections. */
  | { kind: "confirm"; version: number; nextObjection: number; unresolved: number[] }
  /** The confirmation no longer matches: a new version or a new objection came meanwhile. */
  | { kind: "stale" };

/** What an organiser confirmed when approving over unresolved objections. */
export interface ApproveConfirmation {
  version: number;
  nextObjection: number;
}

/** The approved minutes go to each organiser as files: `minutes-approved:<meeting>:<audience>`. */
export const approvedCopyKey = (meetingId: number, audience: string) => `minutes-approved:${meetingId}:${audience}`;

/** The record of each meeting: entries, the minute-taker, published versions and approval. */
export class MinutesService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    private readonly outbox: Outbox,
  ) {}

  private async ensure(meetingId: number) {
    return this.prisma.minutes.upsert({ where: { meetingId }, create: { meetingId }, update: {} });
  }

  async state(meeting: Meeting) {
    const minutes = await this.prisma.minutes.findUnique({ where: { meetingId: meeting.id }, include: { versions: { select: { version: true }, orderBy: { version: "desc" }, take: 1 } } });
    return { minutes, published: minutes?.versions[0]?.version ?? 0 };
  }

  /** Why entries cannot be written now, if they cannot. */
  async closed(meeting: Meeting): Promise<Closed | undefined> {
    if (meeting.status === "cancelled") return "cancelled";
    if (meeting.startsAt.getTime() - MINUTES_OPEN_BEFORE_MS > this.clock().getTime()) return "not-started";
    const minutes = await this.prisma.minutes.findUnique({ where: { meetingId: meeting.id }, select: { approvedAt: true } });
    return minutes?.approvedAt ? "approved" : undefined;
  }

  /** Organisers may always write; others only if designated for this meeting. */
  async isTaker(meetingId: number, userId: bigint): Promise<boolean> {
    const minutes = await this.prisma.minutes.findUnique({ where: { meetingId }, select: { takerId: true } });
    return minutes?.takerId === userId;
  }

  async designateTaker(meeting: Meeting, actorId: bigint, takerId: bigint): Promise<void> {
    await this.ensure(meeting.id);
    await this.prisma.$transaction(async (tx) => {
      const before = await tx.minutes.findUniqueOrThrow({ where: { meetingId: meeting.id } });
      await tx.minutes.update({ where: { meetingId: meeting.id }, data: { takerId } });
      await this.audit.record(tx, {
        networkId: meeting.networkId,
        actorId,
        action: "minutes.taker",
        subject: String(meeting.number),
        subjectUserId: takerId,
        before: { taker: before.takerId?.toString() ?? null },
        after: { taker: takerId.toString() },
      });
    });
  }

  async recordCard(meetingId: number, chatId: number, messageId: number): Promise<void> {
    await this.ensure(meetingId);
    await this.prisma.minutesCard.create({ data: { meetingId, telegramChatId: BigInt(chatId), messageId } });
  }

  async meetingOfCard(chatId: number, messageId: number): Promise<number | undefined> {
    const card = await this.prisma.minutesCard.findUnique({ where: { telegramChatId_messageId: { telegramChatId: BigInt(chatId), messageId } } });
    return card?.meetingId;
  }

  /** The entries not deleted, in order. */
  entries(meetingId: number, db: Prisma.TransactionClient | PrismaClient = this.prisma): Promise<StoredEntry[]> {
    return db.minutesEntry.findMany({ where: { meetingId, deletedAt: null }, orderBy: { number: "asc" }, include: { ownerOrganisation: true } });
  }

  /**
   * The entries, read once the minutes' row is locked for the rest of the caller's transaction:
   * adding, editing and deleting an entry update that row first, so none lands meanwhile.
   */
  async entriesLocked(tx: Prisma.TransactionClient, meetingId: number): Promise<StoredEntry[]> {
    await tx.$queryRaw`SELECT "meetingId" FROM "Minutes" WHERE "meetingId" = ${meetingId} FOR UPDATE`;
    return this.entries(meetingId, tx);
  }

  private async ownerFields(networkId: number, input: EntryInput) {
    if (input.kind !== "action") return { ownerUsername: null, ownerOrganisationId: null, ownerMemberId: null, dueDate: null };
    const { owner } = input;
    if (owner.kind === "organisation") {
      const organisation = await this.prisma.organisation.findFirst({ where: { networkId, shortNameKey: nameKey(owner.shortName) } });
      return { ownerUsername: null, ownerOrganisationId: organisation?.id ?? null, ownerMemberId: null, dueDate: input.dueDate };
    }
    const member = await uniqueMemberByUsername(this.prisma, networkId, owner.username);
    return { ownerUsername: owner.username, ownerOrganisationId: null, ownerMemberId: member?.id ?? null, dueDate: input.dueDate };
  }

  async add(meeting: Meeting, authorId: bigint, input: EntryInput): Promise<EntryChange> {
    const closed = await this.closed(meeting);
    if (closed) return { kind: "closed", reason: closed };
    await this.ensure(meeting.id);
    const owner = await this.ownerFields(meeting.networkId, input);
    const number = await this.prisma.$transaction(async (tx) => {
      // Taking the number and marking the minutes changed is one row update: concurrent writers queue on it.
      const minutes = await tx.minutes.update({ where: { meetingId: meeting.id }, data: { nextEntryNumber: { increment: 1 }, changed: true } });
      const taken = minutes.nextEntryNumber - 1;
      const now = this.clock();
      await tx.minutesEntry.create({ data: { meetingId: meeting.id, number: taken, kind: input.kind, text: input.text, authorId, ...owner, createdAt: now, updatedAt: now } });
      return taken;
    });
    return { kind: "done", number, published: (await this.state(meeting)).published };
  }

  async edit(meeting: Meeting, actorId: bigint, number: number, input: EntryInput): Promise<EntryChange> {
    const closed = await this.closed(meeting);
    if (closed) return { kind: "closed", reason: closed };
    const entry = await this.prisma.minutesEntry.findUnique({ where: { meetingId_number: { meetingId: meeting.id, number } } });
    if (!entry || entry.deletedAt) return { kind: "unknown-entry", number };
    const owner = await this.ownerFields(meeting.networkId, input);
    await this.prisma.$transaction(async (tx) => {
      // The minutes' row first, as every writer of entries and a publication take it (no deadlock).
      await tx.minutes.update({ where: { meetingId: meeting.id }, data: { changed: true } });
      await tx.minutesEntry.update({ where: { id: entry.id }, data: { kind: input.kind, text: input.text, ...owner, updatedAt: this.clock() } });
      await this.audit.record(tx, {
        networkId: meeting.networkId,
        actorId,
        action: "minutes.edit",
        subject: `${meeting.number}/${number}`,
        before: { kind: entry.kind, text: entry.text, due: entry.dueDate },
        after: { kind: input.kind, text: input.text, due: owner.dueDate },
      });
    });
    return { kind: "done", number, published: (await this.state(meeting)).published };
  }

  async remove(meeting: Meeting, actorId: bigint, number: number): Promise<EntryChange> {
    const closed = await this.closed(meeting);
    if (closed) return { kind: "closed", reason: closed };
    const entry = await this.prisma.minutesEntry.findUnique({ where: { meetingId_number: { meetingId: meeting.id, number } } });
    if (!entry || entry.deletedAt) return { kind: "unknown-entry", number };
    await this.prisma.$transaction(async (tx) => {
      // The minutes' row first, as every writer of entries and a publication take it (no deadlock).
      await tx.minutes.update({ where: { meetingId: meeting.id }, data: { changed: true } });
      await tx.minutesEntry.update({ where: { id: entry.id }, data: { deletedAt: this.clock() } });
      await this.audit.record(tx, { networkId: meeting.networkId, actorId, action: "minutes.delete", subject: `${meeting.number}/${number}`, before: { kind: entry.kind, text: entry.text } });
    });
    return { kind: "done", number, published: (await this.state(meeting)).published };
  }

  /** Whether there is something new to publish, and which version it would be. */
  async checkPublish(meeting: Meeting): Promise<PublishCheck> {
    const closed = await this.closed(meeting);
    if (closed) return { kind: "closed", reason: closed };
    const { minutes, published } = await this.state(meeting);
    const entries = await this.entries(meeting.id);
    if (entries.length === 0) return { kind: "empty" };
    if (published > 0 && !minutes?.changed) return { kind: "unchanged", version: published };
    return { kind: "ready", version: published + 1 };
  }

  /**
   * Stores a published version in the caller's transaction (the one that writes its copies to the
   * outbox). A second publication of the same version fails on the version's key: see `isTaken`.
   */
  async recordVersion(tx: Prisma.TransactionClient, meeting: Meeting, actorId: bigint, version: number, record: { markdown: string; content: Prisma.InputJsonObject }): Promise<void> {
    const now = this.clock();
    // First, so a publication that lost the race stops before it writes anything else.
    await tx.minutesVersion.create({ data: { meetingId: meeting.id, version, publishedAt: now, publishedBy: actorId, markdown: record.markdown, content: record.content } });
    await tx.minutesEntry.updateMany({ where: { meetingId: meeting.id, deletedAt: null, publishedAt: null }, data: { publishedAt: now } });
    await tx.minutes.update({ where: { meetingId: meeting.id }, data: { changed: false } });
    await this.audit.record(tx, { networkId: meeting.networkId, actorId, action: "minutes.publish", subject: String(meeting.number), after: { version } });
  }

  /** Where the copies of a version are: read from the outbox rows that carry them. */
  async copies(meetingId: number, version: number): Promise<CopyState> {
    const rows = await this.prisma.outboxMessage.groupBy({
      by: ["status"],
      where: { meetingId, kind: "minutes-copy", dedupeKey: { startsWith: `${MINUTES_COPY_PREFIX}${meetingId}:${version}:` } },
      _count: { _all: true },
    });
    const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r._count._all, 0);
    return { sent: count("sent"), waiting: count("scheduled", "sending"), notSent: count("failed", "skipped", "cancelled") };
  }

  /**
   * Approves the published minutes. With objections nobody answered, only as `confirmed` by the
   * organiser for this very version and these objections. The approved minutes, with how each
   * objection was answered, go to the organisers as files (outbox, same transaction).
   */
  async approve(meeting: Meeting, actorId: bigint, confirmed?: ApproveConfirmation): Promise<ApproveResult> {
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    const { minutes, published } = await this.state(meeting);
    if (!minutes || published === 0) return { kind: "not-published" };
    if (minutes.approvedAt) return { kind: "already" };
    if (minutes.changed) return { kind: "changed", version: published };
    const objections = await this.prisma.minutesObjection.findMany({ where: { meetingId: meeting.id }, select: { number: true, resolvedAt: true }, orderBy: { number: "asc" } });
    const unresolved = objections.filter((o) => o.resolvedAt === null).map((o) => o.number);
    if (confirmed && (confirmed.version !== published || confirmed.nextObjection !== minutes.nextObjectionNumber)) return { kind: "stale" };
    if (unresolved.length > 0 && !confirmed) return { kind: "confirm", version: published, nextObjection: minutes.nextObjectionNumber, unresolved };
    const approved = await this.outbox.transaction(async (out) => {
      // Only if nothing changed since it was read: a second approval, a new version or objection meanwhile.
      if ((await out.tx.minutesVersion.count({ where: { meetingId: meeting.id, version: { gt: published } } })) > 0) return false;
      const { count } = await out.tx.minutes.updateMany({
        where: { meetingId: meeting.id, approvedAt: null, changed: false, nextObjectionNumber: minutes.nextObjectionNumber },
        data: { approvedAt: this.clock(), approvedBy: actorId },
      });
      if (count === 0) return false;
      await this.audit.record(out.tx, {
        networkId: meeting.networkId,
        actorId,
        action: "minutes.approve",
        subject: String(meeting.number),
        after: { version: published, objections: objections.length, unresolved: unresolved.length },
      });
      const organisers = await currentOrganiserIds(out.tx, meeting.networkId);
      await out.write(
        organisers.map((id) => ({
          dedupeKey: approvedCopyKey(meeting.id, memberAudience(id)),
          kind: "minutes-approved" as const,
          networkId: meeting.networkId,
          meetingId: meeting.id,
          audience: memberAudience(id),
          payload: { version: published, part: 0 },
        })),
      );
      return true;
    });
    if (!approved) return confirmed ? { kind: "stale" } : { kind: "already" };
    return { kind: "approved", version: published, objections: objections.length, unresolved: unresolved.length };
  }

  /** Stores the organisers' Markdown of a version recorded in this transaction (it holds the register, read after the version). */
  async storeMarkdown(tx: Prisma.TransactionClient, meetingId: number, version: number, markdown: string): Promise<void> {
    await tx.minutesVersion.update({ where: { meetingId_version: { meetingId, version } }, data: { markdown } });
  }
}
