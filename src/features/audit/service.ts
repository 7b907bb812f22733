import type { Prisma, PrismaClient } from "../../db/client.ts";

export interface AuditRecord {
  networkId: number;
  actorId: bigint;
  action: string;
  subject?: string;
  /** The person the entry is about, so their entries can be found (and anonymised by /forgetme). */
  subjectUserId?: bigint;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Who changed what: written in the same transaction as the change itself. */
export class AuditService {
  constructor(private readonly prisma: PrismaClient) {}

  record(db: Db, entry: AuditRecord) {
    return db.auditEntry.create({ data: entry });
  }

  latest(networkId: number, count: number) {
    return this.prisma.auditEntry.findMany({ where: { networkId }, orderBy: { id: "desc" }, take: count });
  }
}
