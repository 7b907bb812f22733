import type { PrismaClient } from "../../db/client.ts";
import { REMINDER_PREFIX } from "../reminders/service.ts";
import { displayName } from "../../domain/names.ts";
import { totalsOfMeetings } from "../needs/service.ts";
import { readRegister } from "../decisions/service.ts";
import { formatDecisionNumber } from "../../domain/decisions.ts";

/**
 * The whole network for its organisers, as a backup or to move elsewhere: settings,
 * organisations, members with names, meetings with answers, attendance, hosting, minutes,
 * reminders, date polls with their votes, and the audit log. Nothing in it is beyond what
 * organisers already may see: support needs are there as totals per meeting, never per person.
 */
export async function collectNetwork(prisma: PrismaClient, networkId: number, now: Date) {
  const network = await prisma.network.findUniqueOrThrow({ where: { id: networkId } });
  const [chats, organisations, members, meetings, polls, audit] = await Promise.all([
    prisma.chat.findMany({ where: { networkId }, orderBy: { id: "asc" } }),
    prisma.organisation.findMany({ where: { networkId }, orderBy: { rotationPosition: "asc" } }),
    prisma.member.findMany({ where: { networkId }, include: { user: true }, orderBy: { id: "asc" } }),
    prisma.meeting.findMany({
      where: { networkId },
      orderBy: { number: "asc" },
      include: {
        rsvps: { orderBy: { id: "asc" } },
        attendance: { orderBy: { id: "asc" } },
        turns: { orderBy: { id: "asc" } },
        checklist: { orderBy: { item: "asc" } },
        outbox: { where: { dedupeKey: { startsWith: REMINDER_PREFIX } }, orderBy: { id: "asc" } },
        minutes: {
          include: {
            entries: { orderBy: { number: "asc" } },
            versions: { orderBy: { version: "asc" } },
            objections: { orderBy: { number: "asc" } },
          },
        },
      },
    }),
    prisma.datePoll.findMany({
      where: { networkId },
      orderBy: { number: "asc" },
      include: { candidates: { orderBy: { position: "asc" }, include: { votes: { orderBy: { memberId: "asc" } } } } },
    }),
    prisma.auditEntry.findMany({ where: { networkId }, orderBy: { id: "asc" } }),
  ]);
  const needTotals = await totalsOfMeetings(prisma, meetings.map((m) => m.id));
  const { id: _id, ...settings } = network;
  return {
    format: "ortak-network-export",
    version: 1,
    exportedAt: now,
    network: { id: network.id, ...settings },
    chats: chats.map((c) => ({ telegramChatId: c.telegramChatId, topicId: c.topicId, title: c.title, linkedAt: c.linkedAt })),
    organisations: organisations.map(({ networkId: _n, nameKey: _k, shortNameKey: _s, ...org }) => org),
    members: members.map((m) => ({
      memberId: m.id,
      telegramId: m.userId,
      name: displayName(m.user),
      username: m.user.username,
      language: m.user.locale ?? m.user.languageCode,
      reachableByDirectMessage: m.user.dmReachable,
      organisationId: m.organisationId,
      role: m.role,
      hostingContact: m.isHostContact,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
    })),
    meetings: meetings.map(({ networkId: _n, needTotals: _kept, rsvps, attendance, turns, checklist, outbox, minutes, ...meeting }) => ({
      ...meeting,
      // Kept on the meeting once the needs were deleted, counted from them before.
      supportNeedTotals: needTotals.get(meeting.id) ?? null,
      // memberId null: an anonymous answer (forgotten person, retention) that counts for organisationId.
      answers: rsvps.map(({ meetingId: _m, ...r }) => r),
      attendance: attendance.map(({ meetingId: _m, ...a }) => a),
      hostTurns: turns.map(({ meetingId: _m, ...t }) => t),
      hostChecklist: checklist.map(({ meetingId: _m, ...c }) => c),
      reminders: outbox.map(({ meetingId: _m, networkId: _n, ...r }) => r),
      minutes: minutes && {
        takerId: minutes.takerId,
        approvedAt: minutes.approvedAt,
        approvedBy: minutes.approvedBy,
        createdAt: minutes.createdAt,
        entries: minutes.entries.map(({ meetingId: _m, ...e }) => e),
        versions: minutes.versions.map(({ meetingId: _m, ...v }) => v),
        // memberId: the objector (whose name is under members); null once they were forgotten.
        objections: minutes.objections.map(({ meetingId: _m, ...o }) => o),
      },
    })),
    // The series' decisions as the latest published minutes say them, with what replaced what.
    decisionRegister: (await readRegister(prisma, networkId)).map((d) => ({
      number: formatDecisionNumber(d.number),
      meetingNumber: d.number.meeting,
      entryId: d.entryId,
      text: d.text,
      replacedBy: d.replacedBy ? formatDecisionNumber(d.replacedBy) : null,
      replaces: d.replaces.map(formatDecisionNumber),
    })),
    polls: polls.map(({ networkId: _n, candidates, ...poll }) => ({
      ...poll,
      candidates: candidates.map(({ pollId: _p, votes, ...candidate }) => ({
        ...candidate,
        counts: { yes: countOf(votes, "yes"), maybe: countOf(votes, "maybe"), no: countOf(votes, "no") },
        // As the meetings' answers: member ids, whose names are under members.
        votes: votes.map(({ candidateId: _c, ...v }) => v),
      })),
    })),
    audit: audit.map(({ networkId: _n, ...a }) => a),
  };
}

const countOf = (votes: readonly { answer: string }[], answer: string) => votes.filter((v) => v.answer === answer).length;
