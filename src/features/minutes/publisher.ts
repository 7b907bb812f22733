import { localeOr, type Translator } from "../../bot/i18n.ts";
import type { Network } from "../../db/client.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { minutesMarkdown } from "../../domain/minutes-document.ts";
import { chatAudience, memberAudience } from "../../outbox/audience.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import type { OutboxEntry } from "../../outbox/types.ts";
import type { ActionService } from "../actions/service.ts";
import type { DecisionService } from "../decisions/service.ts";
import type { AttendanceService } from "../attendance/service.ts";
import { refreshCards } from "../invitations/refresh.ts";
import type { MeetingWithHost } from "../meetings/service.ts";
import { firstPart } from "./renderers.ts";
import { isTaken, MINUTES_COPY_PREFIX, type MinutesService } from "./service.ts";
import { minutesDocument, writeSnapshot, type MinutesSnapshot } from "./view.ts";

export interface PublisherDeps {
  minutes: MinutesService;
  attendance: AttendanceService;
  actions: ActionService;
  /** The copies are outbox rows, written with the version. */
  outbox: Outbox;
  /** Decisions get their register numbers with the publication. */
  decisions: DecisionService;
  translator: Translator;
}

export type PublishOutcome = { kind: "published"; chats: number; organisers: number } | { kind: "taken" };

/** The dedupe key of one copy: a version reaches each audience once. */
export const minutesCopyKey = (meetingId: number, version: number, audience: string) => `${MINUTES_COPY_PREFIX}${meetingId}:${version}:${audience}`;

/**
 * Publishes a version of the minutes: the version and one outbox row per copy — each linked chat
 * (attendance as counts, names withheld) and each organiser by DM (with names) — in one
 * transaction. The copies go out afterwards, one part at a time (see renderers.ts).
 */
export class MinutesPublisher {
  constructor(private readonly deps: PublisherDeps) {}

  async publish(meeting: MeetingWithHost, network: Network, actorId: bigint, version: number): Promise<PublishOutcome> {
    const { actions } = this.deps;
    const around: Omit<MinutesSnapshot, "entries"> = {
      attendance: await this.deps.attendance.report(meeting.id),
      carriedOver: await actions.followUp(network.id, meeting.number),
    };
    // Published action items become open items on the cards of upcoming meetings.
    const cardsToRefresh = await actions.meetingsShowingOpenItems(network.id);
    let reached: { chats: number; organisers: number };
    try {
      reached = await this.deps.outbox.transaction(async (out) => {
        // Every writer of entries takes the minutes' row first: from here to the commit none lands,
        // so the entries read now are the ones the version shows and the ones marked published.
        const entries = await this.deps.minutes.entriesLocked(out.tx, meeting.id);
        // Decisions published for the first time get their numbers, which the version then shows.
        const numbers = await this.deps.decisions.numberDecisions(out.tx, meeting.id);
        const numbered: MinutesSnapshot = { ...around, entries: entries.map((e) => ({ ...e, decisionNumber: numbers.get(e.id) ?? null })) };
        // Stored before the copies: two publishers at once fail on the version's key, and only one commits.
        await this.deps.minutes.recordVersion(out.tx, meeting, actorId, version, { markdown: "", content: writeSnapshot(numbered) });
        // The organisers' Markdown ends with the register, which now holds this version's decisions.
        const register = await this.deps.decisions.register(network.id, { upTo: meeting.number, db: out.tx });
        const reader = this.deps.translator.reader(localeOr(network.locale));
        const markdown = minutesMarkdown(minutesDocument(reader, { ...numbered, meeting, network, version, withNames: true, seesPlace: true, decisions: register }));
        await this.deps.minutes.storeMarkdown(out.tx, meeting.id, version, markdown);
        const chats = await out.tx.chat.findMany({ where: { networkId: network.id }, orderBy: { id: "asc" } });
        const organisers = await out.tx.member.findMany({ where: { networkId: network.id, role: "organiser", ...ACTIVE_MEMBER, user: { dmReachable: true } }, select: { id: true }, orderBy: { id: "asc" } });
        const copy = (audience: string): OutboxEntry => ({
          dedupeKey: minutesCopyKey(meeting.id, version, audience),
          kind: "minutes-copy",
          networkId: network.id,
          meetingId: meeting.id,
          audience,
          payload: firstPart(version),
        });
        await out.write([...chats.map((chat) => copy(chatAudience(chat))), ...organisers.map((organiser) => copy(memberAudience(organiser.id)))]);
        for (const ahead of cardsToRefresh) await refreshCards(out, ahead);
        // Published action items are live: their owners' reminders come with the publication.
        await actions.planRemindersIn(out, meeting.id);
        return { chats: chats.length, organisers: organisers.length };
      });
    } catch (error) {
      if (isTaken(error)) return { kind: "taken" };
      throw error;
    }
    return { kind: "published", ...reached };
  }
}
