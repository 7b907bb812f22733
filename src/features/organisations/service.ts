import type { Organisation, PrismaClient } from "../../db/client.ts";
import { checkName, NAME_LIMITS, nameKey, normaliseName, type NameProblem } from "../../domain/names.ts";
import type { AuditService } from "../audit/service.ts";

export const ORG_FIELDS = ["name", "short_name", "kind", "can_host", "venue", "address", "accessibility"] as const;
export type OrgField = (typeof ORG_FIELDS)[number];
const KINDS = ["municipality", "association", "other"] as const;

export type AddResult =
  | { kind: "added"; organisation: Organisation }
  | { kind: "bad-name"; which: "name" | "short"; problem: NameProblem }
  | { kind: "duplicate-name"; existing: Organisation }
  | { kind: "duplicate-short"; existing: Organisation };
export type EditResult =
  | { kind: "edited"; organisation: Organisation }
  | { kind: "not-found" }
  | { kind: "bad-kind" }
  | { kind: "bad-yes-no" }
  | { kind: "bad-name"; which: "name" | "short"; problem: NameProblem }
  | { kind: "duplicate-name"; existing: Organisation }
  | { kind: "duplicate-short"; existing: Organisation };
export type RemoveResult = { kind: "removed"; organisation: Organisation } | { kind: "not-found" } | { kind: "has-members"; count: number };

const YES = new Set(["yes", "evet", "true", "1", "e", "y"]);
const NO = new Set(["no", "hayır", "hayir", "false", "0", "h", "n"]);

/** Member organisations of a network: unique names (Turkish-insensitive), rotation order. */
export class OrganisationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  list(networkId: number): Promise<Organisation[]> {
    return this.prisma.organisation.findMany({ where: { networkId }, orderBy: { rotationPosition: "asc" } });
  }

  findByShortName(networkId: number, shortName: string): Promise<Organisation | null> {
    return this.prisma.organisation.findUnique({ where: { networkId_shortNameKey: { networkId, shortNameKey: nameKey(shortName) } } });
  }

  async add(networkId: number, actorId: bigint, rawName: string, rawShort: string): Promise<AddResult> {
    const nameProblem = checkName(rawName, NAME_LIMITS.organisation);
    if (nameProblem) return { kind: "bad-name", which: "name", problem: nameProblem };
    const shortProblem = checkName(rawShort, NAME_LIMITS.shortName);
    if (shortProblem) return { kind: "bad-name", which: "short", problem: shortProblem };
    const name = normaliseName(rawName);
    const shortName = normaliseName(rawShort);
    const clash = await this.clash(networkId, name, shortName, undefined);
    if (clash) return clash;
    const organisation = await this.prisma.$transaction(async (tx) => {
      const last = await tx.organisation.aggregate({ where: { networkId }, _max: { rotationPosition: true } });
      const created = await tx.organisation.create({
        data: { networkId, name, shortName, nameKey: nameKey(name), shortNameKey: nameKey(shortName), rotationPosition: (last._max.rotationPosition ?? 0) + 1 },
      });
      await this.audit.record(tx, { networkId, actorId, action: "organisation.add", subject: shortName, after: { name, shortName } });
      return created;
    });
    return { kind: "added", organisation };
  }

  private async clash(networkId: number, name: string | undefined, shortName: string | undefined, exceptId: number | undefined) {
    const others = await this.prisma.organisation.findMany({
      where: {
        networkId,
        id: exceptId === undefined ? undefined : { not: exceptId },
        OR: [...(name ? [{ nameKey: nameKey(name) }] : []), ...(shortName ? [{ shortNameKey: nameKey(shortName) }] : [])],
      },
    });
    const byName = name ? others.find((o) => o.nameKey === nameKey(name)) : undefined;
    if (byName) return { kind: "duplicate-name" as const, existing: byName };
    const byShort = shortName ? others.find((o) => o.shortNameKey === nameKey(shortName)) : undefined;
    if (byShort) return { kind: "duplicate-short" as const, existing: byShort };
    return undefined;
  }

  async edit(networkId: number, actorId: bigint, shortName: string, field: OrgField, raw: string): Promise<EditResult> {
    const organisation = await this.findByShortName(networkId, shortName);
    if (!organisation) return { kind: "not-found" };
    const value = normaliseName(raw);
    let data: Partial<Organisation>;
    switch (field) {
      case "name":
      case "short_name": {
        const which = field === "name" ? "name" : "short";
        const problem = checkName(value, field === "name" ? NAME_LIMITS.organisation : NAME_LIMITS.shortName);
        if (problem) return { kind: "bad-name", which, problem };
        const clash = await this.clash(networkId, field === "name" ? value : undefined, field === "short_name" ? value : undefined, organisation.id);
        if (clash) return clash;
        data = field === "name" ? { name: value, nameKey: nameKey(value) } : { shortName: value, shortNameKey: nameKey(value) };
        break;
      }
      case "kind": {
        const kind = value.toLowerCase();
        if (!(KINDS as readonly string[]).includes(kind)) return { kind: "bad-kind" };
        data = { kind: kind as Organisation["kind"] };
        break;
      }
      case "can_host": {
        const answer = value.toLocaleLowerCase("tr-TR");
        if (!YES.has(answer) && !NO.has(answer)) return { kind: "bad-yes-no" };
        data = { canHost: YES.has(answer) };
        break;
      }
      case "venue":
      case "address":
      case "accessibility": {
        const problem = checkName(value, field === "accessibility" ? NAME_LIMITS.notes : NAME_LIMITS.venue);
        if (problem) return { kind: "bad-name", which: "name", problem };
        data = field === "venue" ? { venueName: value } : field === "address" ? { venueAddress: value } : { accessibilityNotes: value };
        break;
      }
    }
    const key = Object.keys(data)[0] as keyof Organisation;
    const updated = await this.prisma.$transaction(async (tx) => {
      const result = await tx.organisation.update({ where: { id: organisation.id }, data });
      await this.audit.record(tx, {
        networkId,
        actorId,
        action: `organisation.edit.${field}`,
        subject: organisation.shortName,
        before: { [field]: organisation[key] as string | boolean | null },
        after: { [field]: result[key] as string | boolean | null },
      });
      return result;
    });
    return { kind: "edited", organisation: updated };
  }

  async remove(networkId: number, actorId: bigint, shortName: string): Promise<RemoveResult> {
    const organisation = await this.findByShortName(networkId, shortName);
    if (!organisation) return { kind: "not-found" };
    const count = await this.prisma.member.count({ where: { organisationId: organisation.id } });
    if (count > 0) return { kind: "has-members", count };
    await this.prisma.$transaction(async (tx) => {
      await tx.organisation.delete({ where: { id: organisation.id } });
      await this.audit.record(tx, { networkId, actorId, action: "organisation.remove", subject: organisation.shortName, before: { name: organisation.name, shortName: organisation.shortName } });
    });
    return { kind: "removed", organisation };
  }
}

/** Splits "<short name> <field> <value>": the short name may contain spaces, the field may not. */
export function parseOrgEdit(text: string): { shortName: string; field: OrgField; value: string } | undefined {
  const words = text.trim().split(/\s+/);
  const at = words.findIndex((word, i) => i > 0 && (ORG_FIELDS as readonly string[]).includes(word.toLowerCase()));
  if (at < 1 || at === words.length - 1) return undefined;
  return { shortName: words.slice(0, at).join(" "), field: words[at]!.toLowerCase() as OrgField, value: words.slice(at + 1).join(" ") };
}
