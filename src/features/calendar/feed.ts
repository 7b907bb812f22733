import type { Locale, Translator } from "../../bot/i18n.ts";
import { meetingEvent, stableCalendar, type IcsEvent } from "../../domain/ics.ts";
import type { NameWithholder } from "../members/name-withholder.ts";
import type { CalendarService, FeedMeeting, FeedState, NetworkFeedSource, PersonalFeedSource } from "./service.ts";

/** Calendar apps are asked to look again after this long (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_MINUTES = 60;

/** A feed ready to serve: its text, its ETag (a digest of the text) and when it last changed. */
export interface ServedFeed {
  body: string;
  etag: string;
  lastModified: Date;
  /** A personal feed may be kept by the person's own client only; a network's by any cache. */
  audience: "private" | "public";
}

export interface CalendarFeedsDeps {
  calendar: CalendarService;
  translator: Translator;
  /** Members' names in typed texts (agenda, cancellation reason) are withheld from a network's public feed. */
  withholder: NameWithholder;
  clock: () => Date;
}

/** How one feed's meetings are told: the reader's language; what a public feed leaves out. */
interface Telling {
  locale: Locale;
  /** A personal feed: the reader's own answer, the facilitators and the online link are in it. */
  personal: boolean;
  /** Typed texts as this feed's readers may see them. */
  shown: (text: string) => string;
}

/**
 * The feeds as calendar apps receive them. A personal feed is in its reader's language and holds
 * their own answer; a network's public feed is in the network's language and holds no answers,
 * no names (facilitators are left out, members' names withheld from typed texts) and no online
 * link (a public address must not let anyone into an online meeting).
 */
export class CalendarFeeds {
  constructor(private readonly deps: CalendarFeedsDeps) {}

  /** Undefined for a token that opens nothing (unknown, reset, forgotten, malformed): the caller answers 404. */
  async personal(token: string): Promise<ServedFeed | undefined> {
    const source = await this.deps.calendar.personalSource(token);
    if (!source) return undefined;
    const telling: Telling = { locale: source.locale, personal: true, shown: (text) => text };
    const name = source.networks.length > 0 ? source.networks.join(" · ") : "ortak";
    const [served] = await Promise.all([this.serve(source, name, telling, "private"), this.deps.calendar.noteFetched(source)]);
    return served;
  }

  async network(token: string): Promise<ServedFeed | undefined> {
    const source = await this.deps.calendar.networkSource(token);
    if (!source) return undefined;
    const { locale } = source.network;
    const withheld = this.deps.translator.t(locale, "minutes-name-withheld");
    const readers = await this.deps.withholder.forNetwork(source.network.id);
    const telling: Telling = { locale, personal: false, shown: (text) => readers.group(text, withheld) };
    return this.serve(source, source.network.name, telling, "public");
  }

  private async serve(source: PersonalFeedSource | NetworkFeedSource, name: string, telling: Telling, audience: ServedFeed["audience"]): Promise<ServedFeed> {
    const now = this.deps.clock();
    // Oldest first, as a calendar file usually reads; the source kept the newest when it had to cut.
    const events = [...source.meetings].reverse().map((meeting) => this.event(meeting, telling, now));
    const calendar = stableCalendar({ name, refreshMinutes: REFRESH_MINUTES, events });
    const state: FeedState = await this.deps.calendar.settle(source.key, calendar.digest, source.state);
    return { body: calendar.stampedAt(state.modifiedAt), etag: `"${calendar.digest}"`, lastModified: state.modifiedAt, audience };
  }

  private event(meeting: FeedMeeting, telling: Telling, now: Date): Omit<IcsEvent, "stamp"> {
    const t = (id: string, args?: Record<string, string | number>) => this.deps.translator.t(telling.locale, id, args);
    const answer = telling.personal ? answerLine(meeting, now, t) : undefined;
    // A confidential place only in the feed of someone who may read it; a network's feed never holds it.
    const seesPlace = telling.personal && meeting.seesPlace;
    return meetingEvent(meeting, meeting.timeZone, { t, personal: telling.personal, shown: telling.shown, seesPlace }, answer ? [answer] : []);
  }
}

/**
 * The reader's answer. Without one on record, "not answered yet" only while it can still be
 * given: after a meeting (or its cancellation) no record may also mean an answer that became
 * anonymous at the end of the retention period.
 */
function answerLine(meeting: FeedMeeting, now: Date, t: (id: string, args?: Record<string, string | number>) => string): string | undefined {
  if (meeting.answer === null) return meeting.status !== "cancelled" && meeting.endsAt > now ? t("calendar-answer-none") : undefined;
  const answer =
    meeting.answer === "yes"
      ? meeting.waitlisted
        ? t("calendar-answer-waitlisted")
        : (meeting.partySize ?? 1) > 1
          ? t("calendar-answer-yes-party", { people: meeting.partySize ?? 1 })
          : t("calendar-answer-yes")
      : t(`calendar-answer-${meeting.answer}`);
  return t("calendar-answer", { answer });
}
