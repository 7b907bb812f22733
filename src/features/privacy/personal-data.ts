import type { PrismaClient } from "../../db/client.ts";
import { auditSubjects, memberAudiences } from "./records.ts";

/** Everything ortak holds about one person, across networks (KVKK art. 11, GDPR art. 15). */
export interface PersonalData {
  format: "ortak-personal-data";
  version: 1;
  generatedAt: Date;
  user: Record<string, unknown> | null;
  memberships: Record<string, unknown>[];
  answers: Record<string, unknown>[];
  checkIns: Record<string, unknown>[];
  minutesEntriesWritten: Record<string, unknown>[];
  actionItemsOwned: Record<string, unknown>[];
  auditEntries: Record<string, unknown>[];
  /** Messages to the person still waiting to go out (reminders, cards, copies), with their kind and time. */
  pendingMessages: Record<string, unknown>[];
  hostingAnswers: Record<string, unknown>[];
  checklistStepsDone: Record<string, unknown>[];
  minutesRoles: Record<string, unknown>[];
  invitationsByDirectMessage: Record<string, unknown>[];
  conversationsInProgress: Record<string, unknown>[];
  /** Their answers in date polls: the poll, the candidate date and the answer. */
  pollVotes: Record<string, unknown>[];
  /** Date polls they started as an organiser. */
  pollsCreated: Record<string, unknown>[];
  /** What they stated they need to attend a meeting (kept until 30 days after it). */
  supportNeeds: Record<string, unknown>[];
  /** Confidential venues told to them privately: when, or that it could not be delivered. */
  venueReveals: Record<string, unknown>[];
  /** Their objections to published minutes: the entry named, the text, and the organisers' answer. */
  minutesObjections: Record<string, unknown>[];
  /** The personal calendar feed (/calendar), if there is one: since when, and when a calendar app last fetched it. Never its token (only a hash is kept). */
  calendarFeed: { createdAt: Date; lastFetchedAt: Date | null } | null;
}

const MEETING = { select: { number: true, title: true, startsAt: true, networkId: true, network: { select: { name: true } } } } as const;

type MeetingRef = { number: number; title: string; startsAt: Date; networkId: number; network: { name: string } };
const POLL = { select: { number: true, title: true, networkId: true, network: { select: { name: true } } } } as const;
type PollRef = { number: number; title: string; networkId: number; network: { name: string } };
const pollOf = (p: PollRef) => ({ networkId: p.networkId, network: p.network.name, pollNumber: p.number, pollTitle: p.title });

const meetingOf = (m: MeetingRef) => ({ networkId: m.networkId, network: m.network.name, meetingNumber: m.number, meetingTitle: m.title, meetingStartsAt: m.startsAt });

/** Reads the person's records; every query is limited to their own rows. */
export async function collectPersonalData(prisma: PrismaClient, userId: bigint, now: Date): Promise<PersonalData> {
  const user = await prisma.telegramUser.findUnique({
    where: { id: userId },
    include: { memberships: { include: { network: { select: { name: true } }, organisation: { select: { name: true, shortName: true } } }, orderBy: { id: "asc" } } },
  });
  const memberships = user?.memberships ?? [];
  const memberIds = memberships.map((m) => m.id);
  const networkIds = memberships.map((m) => m.networkId);
  const inMeetings = { minutes: { meeting: { networkId: { in: networkIds } } } };

  const objections = await prisma.minutesObjection.findMany({
    where: { memberId: { in: memberIds } },
    include: { entry: { select: { number: true } }, minutes: { include: { meeting: MEETING } } },
    orderBy: { id: "asc" },
  });
  const [answers, checkIns, written, owned, audit, reminders, turns, checklist, minutes, cards, dialogues, calendarFeed, pollVotes, pollsCreated, needs, reveals] = await Promise.all([
    prisma.rsvp.findMany({ where: { memberId: { in: memberIds } }, include: { meeting: MEETING }, orderBy: { id: "asc" } }),
    prisma.attendance.findMany({ where: { memberId: { in: memberIds } }, include: { meeting: MEETING }, orderBy: { id: "asc" } }),
    prisma.minutesEntry.findMany({ where: { authorId: userId }, include: { minutes: { include: { meeting: MEETING } } }, orderBy: { id: "asc" } }),
    prisma.minutesEntry.findMany({
      where: {
        kind: "action",
        OR: [{ ownerMemberId: { in: memberIds } }, ...(user?.username ? [{ ownerUsername: { equals: user.username, mode: "insensitive" as const }, ...inMeetings }] : [])],
      },
      include: { minutes: { include: { meeting: MEETING } }, ownerOrganisation: { select: { shortName: true } } },
      orderBy: { id: "asc" },
    }),
    prisma.auditEntry.findMany({
      where: { OR: [{ actorId: userId }, { subjectUserId: userId }, ...(user ? [{ networkId: { in: networkIds }, subject: { in: auditSubjects(user) } }] : [])] },
      include: { network: { select: { name: true } } },
      orderBy: { id: "asc" },
    }),
    memberIds.length === 0
      ? Promise.resolve([])
      : prisma.outboxMessage.findMany({ where: { status: { in: ["scheduled", "sending"] }, ...memberAudiences(memberIds) }, include: { meeting: MEETING }, orderBy: { notBefore: "asc" } }),
    prisma.hostTurn.findMany({ where: { respondedBy: userId }, include: { meeting: MEETING, organisation: { select: { shortName: true } } }, orderBy: { id: "asc" } }),
    prisma.hostChecklistItem.findMany({ where: { doneBy: userId }, include: { meeting: MEETING } }),
    prisma.minutes.findMany({ where: { OR: [{ takerId: userId }, { approvedBy: userId }] }, include: { meeting: MEETING } }),
    prisma.postedCard.findMany({ where: { kind: "direct", telegramChatId: userId }, include: { meeting: MEETING }, orderBy: { id: "asc" } }),
    prisma.dialogue.findMany({ where: { OR: [{ userId }, { telegramChatId: userId }] } }),
    prisma.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true, fetchedAt: true } }),
    prisma.datePollVote.findMany({
      where: { memberId: { in: memberIds } },
      include: { candidate: { select: { position: true, startsAt: true, poll: POLL } } },
      orderBy: [{ candidate: { pollId: "asc" } }, { candidate: { position: "asc" } }],
    }),
    prisma.datePoll.findMany({ where: { createdBy: userId }, select: { ...POLL.select, createdAt: true, status: true }, orderBy: { id: "asc" } }),
    prisma.supportNeed.findMany({ where: { memberId: { in: memberIds } }, include: { meeting: MEETING }, orderBy: { id: "asc" } }),
    prisma.venueReveal.findMany({ where: { memberId: { in: memberIds } }, include: { meeting: MEETING }, orderBy: [{ meetingId: "asc" }] }),
  ]);

  return {
    format: "ortak-personal-data",
    version: 1,
    generatedAt: now,
    user: user && {
      telegramId: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      username: user.username,
      telegramLanguage: user.languageCode,
      chosenLanguage: user.locale,
      reachableByDirectMessage: user.dmReachable,
      directMessageStateChangedAt: user.dmChangedAt,
      networkChosenInPrivate: user.privateNetworkId,
      networkChosenAt: user.privateNetworkAt,
      firstSeenAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    memberships: memberships.map((m) => ({
      networkId: m.networkId,
      network: m.network.name,
      organisation: m.organisation?.name ?? null,
      organisationShortName: m.organisation?.shortName ?? null,
      role: m.role,
      hostingContact: m.isHostContact,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
    })),
    answers: answers.map((r) => ({
      ...meetingOf(r.meeting),
      answer: r.status,
      partySize: r.partySize,
      waitlisted: r.waitlistedAt !== null,
      via: r.source,
      answeredAt: r.answeredAt,
      changedAt: r.updatedAt,
    })),
    checkIns: checkIns.map((a) => ({ ...meetingOf(a.meeting), checkedInAt: a.checkedInAt })),
    minutesEntriesWritten: written.map((e) => ({
      ...meetingOf(e.minutes.meeting),
      entry: e.number,
      kind: e.kind,
      text: e.text,
      writtenAt: e.createdAt,
      changedAt: e.updatedAt,
      deletedAt: e.deletedAt,
    })),
    actionItemsOwned: owned.map((e) => ({
      ...meetingOf(e.minutes.meeting),
      actionItem: e.id,
      text: e.text,
      ownerUsername: e.ownerUsername,
      dueDate: e.dueDate,
      publishedAt: e.publishedAt,
      doneAt: e.doneAt,
      deletedAt: e.deletedAt,
    })),
    auditEntries: audit.map((a) => ({
      networkId: a.networkId,
      network: a.network.name,
      at: a.at,
      action: a.action,
      you: a.actorId === userId ? "actor" : "subject",
      subject: a.subject,
      before: a.before,
      after: a.after,
    })),
    pendingMessages: reminders.map((r) => ({ ...(r.meeting ? meetingOf(r.meeting) : {}), kind: r.kind, notBefore: r.notBefore })),
    hostingAnswers: turns.map((t) => ({ ...meetingOf(t.meeting), organisation: t.organisation.shortName, status: t.status, reason: t.reason, answeredAt: t.respondedAt })),
    checklistStepsDone: checklist.map((c) => ({ ...meetingOf(c.meeting), step: c.item, doneAt: c.doneAt })),
    minutesRoles: minutes.map((m) => ({ ...meetingOf(m.meeting), minuteTaker: m.takerId === userId, approvedAt: m.approvedBy === userId ? m.approvedAt : null })),
    invitationsByDirectMessage: cards.map((c) => ({ ...meetingOf(c.meeting), sentAt: c.postedAt })),
    conversationsInProgress: dialogues.map((d) => ({ kind: d.kind, step: d.step, data: d.data, updatedAt: d.updatedAt })),
    pollVotes: pollVotes.map((v) => ({ ...pollOf(v.candidate.poll), candidate: v.candidate.position, candidateStartsAt: v.candidate.startsAt, answer: v.answer, changedAt: v.updatedAt })),
    pollsCreated: pollsCreated.map((p) => ({ ...pollOf(p), createdAt: p.createdAt, status: p.status })),
    supportNeeds: needs.map((n) => ({ ...meetingOf(n.meeting), need: n.kind, text: n.detail, statedAt: n.createdAt })),
    venueReveals: reveals.map((v) => ({ ...meetingOf(v.meeting), placeDigest: v.place, sentAt: v.sentAt, undeliveredAt: v.undeliveredAt })),
    minutesObjections: objections.map((o) => ({
      ...meetingOf(o.minutes.meeting),
      objection: o.number,
      version: o.version,
      entry: o.entry?.number ?? null,
      text: o.text,
      objectedAt: o.createdAt,
      answer: o.resolution,
      answeredAt: o.resolvedAt,
    })),
    calendarFeed: calendarFeed && { createdAt: calendarFeed.createdAt, lastFetchedAt: calendarFeed.fetchedAt },
  };
}
