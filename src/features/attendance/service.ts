import type { PrismaClient } from "../../db/client.ts";

/** Check-in opens this long before the start and closes this long after the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
export const CHECKIN_CLOSES_AFTER_MS = 60 * 60_000;

export type CheckInResult =
  | { kind: "checked-in"; meetingNumber: number }
  | { kind: "already"; meetingNumber: number }
  | { kind: "not-open"; meetingNumber: number }
  | { kind: "cancelled" }
  | { kind: "unknown-meeting" }
  | { kind: "not-member" };

export interface AttendanceGroup {
  organisation: string | null;
  checkedIn: string[];
  /** Said yes, did not check in. */
  missing: string[];
  /** Checked in without having answered yes. */
  unannounced: string[];
}

const nameOf = (user: { firstName: string; lastName: string | null }) => [user.firstName, user.lastName].filter(Boolean).join(" ");

/** Who was at a meeting. */
export class AttendanceService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  private isOpen(meeting: { startsAt: Date; endsAt: Date }): boolean {
    const now = this.clock().getTime();
    return now >= meeting.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS && now <= meeting.endsAt.getTime() + CHECKIN_CLOSES_AFTER_MS;
  }

  /** The meeting of the network whose check-in is open now, if any. */
  async current(networkId: number) {
    const now = this.clock().getTime();
    return this.prisma.meeting.findFirst({
      where: {
        networkId,
        status: { not: "cancelled" },
        startsAt: { lte: new Date(now + CHECKIN_OPENS_BEFORE_MS) },
        endsAt: { gte: new Date(now - CHECKIN_CLOSES_AFTER_MS) },
      },
      orderBy: { startsAt: "asc" },
    });
  }

  async checkIn(meetingId: number, userId: bigint): Promise<CheckInResult> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) return { kind: "unknown-meeting" };
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    if (!this.isOpen(meeting)) return { kind: "not-open", meetingNumber: meeting.number };
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId } } });
    if (!member) return { kind: "not-member" };
    const existing = await this.prisma.attendance.findUnique({ where: { meetingId_memberId: { meetingId, memberId: member.id } } });
    if (existing) return { kind: "already", meetingNumber: meeting.number };
    await this.prisma.attendance.upsert({
      where: { meetingId_memberId: { meetingId, memberId: member.id } },
      create: { meetingId, memberId: member.id, checkedInAt: this.clock() },
      update: {},
    });
    return { kind: "checked-in", meetingNumber: meeting.number };
  }

  async checkedInMemberIds(meetingId: number): Promise<Set<number>> {
    const rows = await this.prisma.attendance.findMany({ where: { meetingId }, select: { memberId: true } });
    return new Set(rows.flatMap((r) => (r.memberId === null ? [] : [r.memberId])));
  }

  /** Per organisation (rotation order): who checked in, who said yes but did not come, who came unannounced. */
  async report(meetingId: number): Promise<AttendanceGroup[]> {
    const meeting = await this.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const members = await this.prisma.member.findMany({
      where: { networkId: meeting.networkId },
      include: { user: true, organisation: true, rsvps: { where: { meetingId } }, attendance: { where: { meetingId } } },
    });
    const groups = new Map<string, AttendanceGroup & { position: number }>();
    for (const m of members) {
      const key = m.organisation?.name ?? "";
      const group = groups.get(key) ?? { organisation: m.organisation?.name ?? null, position: m.organisation?.rotationPosition ?? Infinity, checkedIn: [], missing: [], unannounced: [] };
      groups.set(key, group);
      const came = m.attendance.length > 0;
      const saidYes = m.rsvps.some((r) => r.status === "yes" && r.waitlistedAt === null);
      if (came) group.checkedIn.push(nameOf(m.user));
      if (saidYes && !came) group.missing.push(nameOf(m.user));
      if (came && !saidYes) group.unannounced.push(nameOf(m.user));
    }
    return [...groups.values()]
      .filter((g) => g.checkedIn.length + g.missing.length > 0)
      .sort((a, b) => a.position - b.position)
      .map(({ position: _position, ...g }) => g);
  }
}
