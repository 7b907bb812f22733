import type { PrismaClient } from "../../db/client.ts";
import type { Reader } from "../../bot/i18n.ts";
import { displayName } from "../../domain/names.ts";

/** Check-in opens this long before the start and closes this long after the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;
export const CHECKIN_CLOSES_AFTER_MS = 60 * 60_000;

export type CheckInResult =
  | { kind: "checked-in"; meetingNumber: number }
  | { kind: "already"; meetingNumber: number }
  | { kind: "not-open"; meetingNumber: number }
  /** More than an hour after the end: check-in has closed for good. */
  | { kind: "closed"; meetingNumber: number }
  | { kind: "cancelled" }
  | { kind: "unknown-meeting" }
  | { kind: "not-member" }
  /** A card pressed in a chat that does not belong to the meeting's network. */
  | { kind: "elsewhere" };

export interface AttendanceGroup {
  organisation: string | null;
  checkedIn: string[];
  /** Said yes, did not check in. */
  missing: string[];
  /** Checked in without having answered yes. */
  unannounced: string[];
  /** Check-ins that no longer name anyone (a forgotten person, retention): counted, never named. */
  anonymous?: number;
}

/** Everyone who came, the ones no longer named included. */
export const cameCount = (group: AttendanceGroup): number => group.checkedIn.length + (group.anonymous ?? 0);

/** The names of who came, and "2 people (name erased)" for those no longer named. */
export function cameNames(reader: Pick<Reader, "t">, group: AttendanceGroup): string[] {
  return group.anonymous ? [...group.checkedIn, reader.t("privacy-anonymous-people", { count: group.anonymous })] : group.checkedIn;
}


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

  /** `chatNetworkId`: pressed in a group, the network that chat belongs to (none: undefined). */
  async checkIn(meetingId: number, userId: bigint, place: { chatNetworkId?: number; inGroup: boolean } = { inGroup: false }): Promise<CheckInResult> {
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting) return { kind: "unknown-meeting" };
    if (place.inGroup && place.chatNetworkId !== meeting.networkId) return { kind: "elsewhere" };
    if (meeting.status === "cancelled") return { kind: "cancelled" };
    if (!this.isOpen(meeting)) {
      const over = this.clock().getTime() > meeting.endsAt.getTime() + CHECKIN_CLOSES_AFTER_MS;
      return { kind: over ? "closed" : "not-open", meetingNumber: meeting.number };
    }
    const member = await this.prisma.member.findUnique({ where: { networkId_userId: { networkId: meeting.networkId, userId } } });
    if (!member || member.leftAt !== null) return { kind: "not-member" };
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
    const groupOf = (organisation: { name: string; rotationPosition: number } | null | undefined) => {
      const key = organisation?.name ?? "";
      const group = groups.get(key) ?? { organisation: organisation?.name ?? null, position: organisation?.rotationPosition ?? Infinity, checkedIn: [], missing: [], unannounced: [] };
      groups.set(key, group);
      return group;
    };
    for (const m of members) {
      const group = groupOf(m.organisation);
      const came = m.attendance.length > 0;
      const saidYes = m.rsvps.some((r) => r.status === "yes" && r.waitlistedAt === null);
      if (came) group.checkedIn.push(displayName(m.user));
      if (saidYes && !came) group.missing.push(displayName(m.user));
      // "Came without answering" means exactly that: someone who said maybe or no and came answered.
      if (came && m.rsvps.length === 0) group.unannounced.push(displayName(m.user));
    }
    const anonymous = await this.prisma.attendance.findMany({ where: { meetingId, memberId: null }, select: { organisationId: true } });
    const organisations = await this.prisma.organisation.findMany({ where: { id: { in: anonymous.flatMap((a) => (a.organisationId === null ? [] : [a.organisationId])) } } });
    for (const a of anonymous) {
      const group = groupOf(organisations.find((o) => o.id === a.organisationId));
      group.anonymous = (group.anonymous ?? 0) + 1;
    }
    return [...groups.values()]
      .filter((g) => g.checkedIn.length + g.missing.length + (g.anonymous ?? 0) > 0)
      .sort((a, b) => a.position - b.position)
      .map(({ position: _position, ...g }) => g);
  }
}
