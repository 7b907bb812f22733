import type { Prisma, PrismaClient } from "../../db/client.ts";
import { compareDecisionNumbers, formatDecisionNumber, type DecisionNumber } from "../../domain/decisions.ts";
import type { AuditService } from "../audit/service.ts";

type Db = Pick<PrismaClient, "minutesVersion" | "minutesEntry">;

/** One decision of the series' register, as the latest published version of its minutes says it. */
export interface Decision {
  entryId: number;
  meetingId: number;
  number: DecisionNumber;
  text: string;
  /** Who wrote it (their own text is shown to them as written). */
  authorId: bigint | null;
  /** The decision that replaced it (/decision_supersede). */
  replacedBy?: DecisionNumber;
  /** The decisions it replaced. */
  replaces: DecisionNumber[];
}

export type SupersedeResult =
  | { kind: "done"; old: DecisionNumber; replacement: DecisionNumber }
  | { kind: "unknown"; number: DecisionNumber }
  | { kind: "same" }
  | { kind: "older"; old: DecisionNumber; replacement: DecisionNumber }
  | { kind: "already"; old: DecisionNumber; by: DecisionNumber }
  | { kind: "replacement-replaced"; replacement: DecisionNumber; by: DecisionNumber };

/** The fields of a published version's stored entry that the register reads (see writeSnapshot). */
interface StoredDecision {
  id: number;
  kind: string;
  text: string;
}

/**
 * The series' decision register: each decision in published minutes has a number `<meeting>/<n>`
 * from its first publication on, never given again (also when the entry is deleted later); an
 * organiser may mark one as replaced by a later one.
 */
export class DecisionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  /**
   * Gives the meeting's decisions that have none their numbers, in entry order after the highest
   * number the meeting ever gave (deleted entries keep theirs): in the publication's transaction.
   * Returns every numbered entry of the meeting, by entry id.
   */
  async numberDecisions(tx: Prisma.TransactionClient, meetingId: number): Promise<Map<number, number>> {
    await tx.$executeRaw`
      UPDATE "MinutesEntry" AS e SET "decisionNumber" = base.taken + fresh.n
      FROM (
        SELECT id, row_number() OVER (ORDER BY number) AS n FROM "MinutesEntry"
        WHERE "meetingId" = ${meetingId} AND kind = 'decision' AND "deletedAt" IS NULL AND "decisionNumber" IS NULL
      ) AS fresh,
      (SELECT COALESCE(MAX("decisionNumber"), 0) AS taken FROM "MinutesEntry" WHERE "meetingId" = ${meetingId}) AS base
      WHERE e.id = fresh.id`;
    const numbered = await tx.minutesEntry.findMany({ where: { meetingId, decisionNumber: { not: null } }, select: { id: true, decisionNumber: true } });
    return new Map(numbered.map((e) => [e.id, e.decisionNumber!]));
  }

  /** The register in number order (see readRegister). */
  register(networkId: number, options: { upTo?: number; db?: Db } = {}): Promise<Decision[]> {
    return readRegister(options.db ?? this.prisma, networkId, options.upTo);
  }

  /** Marks `old` as replaced by `replacement`, which must be a later decision of the register. */
  async supersede(networkId: number, actorId: bigint, old: DecisionNumber, replacement: DecisionNumber): Promise<SupersedeResult> {
    if (compareDecisionNumbers(old, replacement) === 0) return { kind: "same" };
    const register = await this.register(networkId);
    const find = (n: DecisionNumber) => register.find((d) => compareDecisionNumbers(d.number, n) === 0);
    const before = find(old);
    if (!before) return { kind: "unknown", number: old };
    const after = find(replacement);
    if (!after) return { kind: "unknown", number: replacement };
    if (compareDecisionNumbers(old, replacement) > 0) return { kind: "older", old, replacement };
    if (before.replacedBy) return { kind: "already", old, by: before.replacedBy };
    if (after.replacedBy) return { kind: "replacement-replaced", replacement, by: after.replacedBy };
    const done = await this.prisma.$transaction(async (tx) => {
      // Only if nobody replaced it meanwhile: two organisers at once change it once.
      const { count } = await tx.minutesEntry.updateMany({ where: { id: before.entryId, supersededById: null }, data: { supersededById: after.entryId } });
      if (count === 0) return false;
      await this.audit.record(tx, {
        networkId,
        actorId,
        action: "decision.supersede",
        subject: formatDecisionNumber(old),
        after: { replacedBy: formatDecisionNumber(replacement) },
      });
      return true;
    });
    if (!done) {
      const meanwhile = (await this.register(networkId)).find((d) => compareDecisionNumbers(d.number, old) === 0);
      return { kind: "already", old, by: meanwhile?.replacedBy ?? replacement };
    }
    return { kind: "done", old, replacement };
  }
}

/**
 * The register in number order: every decision the latest published version of each meeting's
 * minutes holds (an edit not yet published does not count), with what replaced what.
 * `upTo`: only meetings up to this number. `db`: a transaction's client inside one.
 */
export async function readRegister(db: Db, networkId: number, upTo?: number): Promise<Decision[]> {
  const meeting = { networkId, ...(upTo !== undefined ? { number: { lte: upTo } } : {}) };
  const latest = await db.minutesVersion.findMany({
    where: { minutes: { meeting } },
    orderBy: [{ meetingId: "asc" }, { version: "desc" }],
    distinct: ["meetingId"],
    select: { meetingId: true, content: true },
  });
  const stored = new Map<number, StoredDecision>();
  for (const version of latest) for (const entry of decisionsIn(version.content)) stored.set(entry.id, entry);
  if (stored.size === 0) return [];
  const rows = await db.minutesEntry.findMany({
    where: { id: { in: [...stored.keys()] }, decisionNumber: { not: null } },
    select: {
      id: true,
      meetingId: true,
      decisionNumber: true,
      authorId: true,
      minutes: { select: { meeting: { select: { number: true } } } },
      supersededBy: { select: { decisionNumber: true, minutes: { select: { meeting: { select: { number: true } } } } } },
    },
  });
  const decisions = rows.map((row): Decision => {
    const by = row.supersededBy;
    return {
      entryId: row.id,
      meetingId: row.meetingId,
      number: { meeting: row.minutes.meeting.number, decision: row.decisionNumber! },
      text: stored.get(row.id)!.text,
      authorId: row.authorId,
      ...(by?.decisionNumber ? { replacedBy: { meeting: by.minutes.meeting.number, decision: by.decisionNumber } } : {}),
      replaces: [],
    };
  });
  const byNumber = new Map(decisions.map((d) => [formatDecisionNumber(d.number), d]));
  for (const d of decisions) if (d.replacedBy) byNumber.get(formatDecisionNumber(d.replacedBy))?.replaces.push(d.number);
  for (const d of decisions) d.replaces.sort(compareDecisionNumbers);
  return decisions.sort((a, b) => compareDecisionNumbers(a.number, b.number));
}

/** The decisions a published version's stored content holds. */
function decisionsIn(content: Prisma.JsonValue): StoredDecision[] {
  const entries = (content as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return [];
  return entries.filter((e): e is StoredDecision => typeof e === "object" && e !== null && (e as StoredDecision).kind === "decision" && typeof (e as StoredDecision).id === "number" && typeof (e as StoredDecision).text === "string");
}
