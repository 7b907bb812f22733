import { DateTime } from "luxon";
import type { Meeting, Network, PrismaClient } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { displayName } from "../../domain/names.ts";
import { memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import type { AuditService } from "../audit/service.ts";

/** Whether members may object to a meeting's minutes now, and to which version. */
export type ObjectionWindow =
  | { kind: "open"; version: number; closesAt: Date }
  | { kind: "closed"; version: number; closedAt: Date }
  | { kind: "not-published" }
  | { kind: "approved" }
  | { kind: "cancelled" };

export type RecordOutcome =
  | { kind: "recorded"; number: number; version: number; entry?: number }
  | { kind: "unknown-entry"; entry: number }
  | { kind: "window"; window: Exclude<ObjectionWindow, { kind: "open" }> };

export type ResolveOutcome =
  | { kind: "resolved"; number: number }
  | { kind: "unknown"; number: number }
  | { kind: "already"; number: number }
  | { kind: "approved" };

/** An objection as the organisers read it. */
export interface ObjectionView {
  id: number;
  number: number;
  version: number;
  /** The entry it names, by its number in the minutes. */
  entry: number | null;
  text: string;
  createdAt: Date;
  /** Who objected (name and organisation), or null once they were forgotten. */
  objector: { name: string; organisation: string | null } | null;
  resolvedAt: Date | null;
  resolution: string | null;
}

/** Objections are numbered per meeting: `objection:<id>:<audience>` names one notice. */
const noticeKey = (objectionId: number, audience: string) => `objection:${objectionId}:${audience}`;
const answerKey = (objectionId: number) => `objection-answer:${objectionId}`;

/**
 * "İtirazım var": for the network's objection period after a version is published, a member may
 * object to the minutes (optionally naming an entry). The organisers and the minute-taker hear
 * of it privately; an organiser answers it, and the objector hears the answer privately.
 */
export class ObjectionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  /** The period runs from the latest version's publication; approval or a cancellation closes it. */
  async window(meeting: Meeting, network: Pick<Network, "objectionDays" | "timeZone">): Promise<ObjectionWindow> {
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    const minutes = await this.prisma.minutes.findUnique({
      where: { meetingId: meeting.id },
      select: { approvedAt: true, versions: { select: { version: true, publishedAt: true }, orderBy: { version: "desc" }, take: 1 } },
    });
    const latest = minutes?.versions[0];
    if (!minutes || !latest) return { kind: "not-published" };
    if (minutes.approvedAt) return { kind: "approved" };
    // Days in the network's zone, so the period ends at the same local hour it began.
    const ends = DateTime.fromJSDate(latest.publishedAt, { zone: network.timeZone }).plus({ days: network.objectionDays }).toJSDate();
    if (this.clock().getTime() >= ends.getTime()) return { kind: "closed", version: latest.version, closedAt: ends };
    return { kind: "open", version: latest.version, closesAt: ends };
  }

  /**
   * Records one objection from a member against the latest version, with the notices to the
   * organisers and the minute-taker in the same transaction. `entry`: a number of the version's
   * entries.
   */
  async record(meeting: Meeting, network: Network, memberId: number, input: { entry?: number; text: string }): Promise<RecordOutcome> {
    const window = await this.window(meeting, network);
    if (window.kind !== "open") return { kind: "window", window };
    let entryId: number | null = null;
    if (input.entry !== undefined) {
      const stored = await this.prisma.minutesVersion.findUniqueOrThrow({ where: { meetingId_version: { meetingId: meeting.id, version: window.version } }, select: { content: true } });
      const entries = ((stored.content as { entries?: { id?: unknown; number?: unknown }[] } | null)?.entries ?? []).filter((e) => e.number === input.entry);
      const id = entries[0]?.id;
      if (typeof id !== "number") return { kind: "unknown-entry", entry: input.entry };
      entryId = id;
    }
    const now = this.clock();
    const number = await this.outbox.transaction(async (out) => {
      // Taking the number is one row update: objections at the same moment queue on it, and an
      // approval that committed first (it locks the same row) leaves nothing to object to.
      const [minutes] = await out.tx.minutes.updateManyAndReturn({ where: { meetingId: meeting.id, approvedAt: null }, data: { nextObjectionNumber: { increment: 1 } }, select: { nextObjectionNumber: true, takerId: true } });
      if (!minutes) return undefined;
      const taken = minutes.nextObjectionNumber - 1;
      const objection = await out.tx.minutesObjection.create({ data: { meetingId: meeting.id, number: taken, version: window.version, memberId, entryId, text: input.text, createdAt: now } });
      const readers = await out.tx.member.findMany({
        where: { networkId: network.id, ...ACTIVE_MEMBER, OR: [{ role: "organiser" }, ...(minutes.takerId !== null ? [{ userId: minutes.takerId }] : [])] },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      await out.write(
        readers.map((reader) => ({
          dedupeKey: noticeKey(objection.id, memberAudience(reader.id)),
          kind: "objection-notice" as const,
          networkId: network.id,
          meetingId: meeting.id,
          audience: memberAudience(reader.id),
          payload: { objectionId: objection.id },
        })),
      );
      return taken;
    });
    if (number === undefined) return { kind: "window", window: { kind: "approved" } };
    return { kind: "recorded", number, version: window.version, ...(input.entry !== undefined ? { entry: input.entry } : {}) };
  }

  /** The meeting's objections in the order they came, as organisers and the minute-taker read them. */
  async list(meetingId: number): Promise<ObjectionView[]> {
    const rows = await this.prisma.minutesObjection.findMany({
      where: { meetingId },
      orderBy: { number: "asc" },
      include: { entry: { select: { number: true } }, member: { include: { user: true, organisation: { select: { shortName: true } } } } },
    });
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      version: row.version,
      entry: row.entry?.number ?? null,
      text: row.text,
      createdAt: row.createdAt,
      objector: row.member ? { name: displayName(row.member.user), organisation: row.member.organisation?.shortName ?? null } : null,
      resolvedAt: row.resolvedAt,
      resolution: row.resolution,
    }));
  }

  /** An organiser's answer to one objection; the objector is told privately (outbox). Closed once the minutes are approved. */
  async resolve(meeting: Meeting, actorId: bigint, number: number, text: string): Promise<ResolveOutcome> {
    const minutes = await this.prisma.minutes.findUnique({ where: { meetingId: meeting.id }, select: { approvedAt: true } });
    if (minutes?.approvedAt) return { kind: "approved" };
    const objection = await this.prisma.minutesObjection.findUnique({ where: { meetingId_number: { meetingId: meeting.id, number } } });
    if (!objection) return { kind: "unknown", number };
    if (objection.resolvedAt) return { kind: "already", number };
    const now = this.clock();
    const done = await this.outbox.transaction(async (out) => {
      // Only if still open: two organisers answering at once answer once.
      const { count } = await out.tx.minutesObjection.updateMany({ where: { id: objection.id, resolvedAt: null }, data: { resolvedAt: now, resolvedBy: actorId, resolution: text } });
      if (count === 0) return false;
      await this.audit.record(out.tx, { networkId: meeting.networkId, actorId, action: "objection.resolve", subject: `${meeting.number}#${number}`, after: { resolution: text } });
      if (objection.memberId !== null) {
        await out.write([{ dedupeKey: answerKey(objection.id), kind: "objection-answer", networkId: meeting.networkId, meetingId: meeting.id, audience: memberAudience(objection.memberId), payload: { objectionId: objection.id } }]);
      }
      return true;
    });
    return done ? { kind: "resolved", number } : { kind: "already", number };
  }
}
