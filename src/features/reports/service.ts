import type { PrismaClient } from "../../db/client.ts";

export interface OrganisationStats {
  organisation: string;
  /** Meetings, of the ones counted, at which at least one of its members checked in. */
  attended: number;
  /** Meetings it has hosted, ever. */
  hosted: number;
  /** Open action items it owns, or one of its members owns. */
  openActions: number;
}

export interface NetworkStats {
  /** Held meetings counted (the last N). */
  meetings: number;
  organisations: OrganisationStats[];
}

export const DEFAULT_STATS_MEETINGS = 6;
export const MAX_STATS_MEETINGS = 50;

/** Figures per organisation for organisers: attendance, hosting and open action items. */
export class ReportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async stats(networkId: number, lastMeetings: number): Promise<NetworkStats> {
    const now = this.clock();
    const held = await this.prisma.meeting.findMany({
      where: { networkId, status: { not: "cancelled" }, startsAt: { lte: now } },
      orderBy: { number: "desc" },
      take: lastMeetings,
      select: { id: true },
    });
    const heldIds = held.map((m) => m.id);
    const organisations = await this.prisma.organisation.findMany({
      where: { networkId },
      orderBy: { rotationPosition: "asc" },
      include: {
        members: { select: { id: true, attendance: { where: { meetingId: { in: heldIds } }, select: { meetingId: true } } } },
        hosted: { where: { status: { not: "cancelled" }, startsAt: { lte: now } }, select: { id: true } },
      },
    });
    // Anonymous check-ins (forgotten people, retention) still count for their organisation.
    const anonymous = await this.prisma.attendance.findMany({
      where: { meetingId: { in: heldIds }, memberId: null, organisationId: { not: null } },
      select: { meetingId: true, organisationId: true },
    });
    const open = await this.prisma.minutesEntry.findMany({
      where: { kind: "action", deletedAt: null, doneAt: null, publishedAt: { not: null }, minutes: { meeting: { networkId } } },
      select: { ownerOrganisationId: true, ownerMemberId: true },
    });
    return {
      meetings: held.length,
      organisations: organisations.map((org) => {
        const memberIds = new Set(org.members.map((m) => m.id));
        return {
          organisation: org.shortName,
          attended: new Set([
            ...org.members.flatMap((m) => m.attendance.map((a) => a.meetingId)),
            ...anonymous.filter((a) => a.organisationId === org.id).map((a) => a.meetingId),
          ]).size,
          hosted: org.hosted.length,
          openActions: open.filter((a) => a.ownerOrganisationId === org.id || (a.ownerMemberId !== null && memberIds.has(a.ownerMemberId))).length,
        };
      }),
    };
  }
}
