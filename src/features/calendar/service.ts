import { DateTime } from "luxon";
import type { PrismaClient } from "../../db/client.ts";
import { negotiateLocale, type Locale, localeOr } from "../../bot/i18n.ts";
import type { PublicCalendarLinks } from "../networks/service.ts";
import { feedPath, hashFeedToken, networkFeedKey, newFeedToken, personalFeedKey } from "./tokens.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import { isHostContact, seesPlace, type PlaceReader } from "../../domain/venue-privacy.ts";

/**
 * The most events one feed holds: the newest are kept. Each event is at most a few kilobytes
 * (an agenda is bounded at 2,500 characters), so a feed stays under about 2 MB.
 */
export const FEED_EVENT_LIMIT = 500;
/** Meetings that started longer ago than this are left out of the feeds. */
export const FEED_HISTORY_MONTHS = 12;
/** A feed's fetchedAt is written at most this often: apps fetch every few minutes, and each would be a write. */
const FETCHED_AT_RESOLUTION_MS = 60_000;

export type FeedAnswer = "yes" | "maybe" | "no";

/** One meeting as a feed shows it, with the reader's answer in a personal feed. */
export interface FeedMeeting {
  networkId: number;
  number: number;
  title: string;
  agenda: string[];
  facilitators: string[];
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  status: "planned" | "invited" | "cancelled" | "held";
  cancelReason: string | null;
  icsSequence: number;
  onlineLink: string | null;
  timeZone: string;
  /** The reader's answer (personal feeds only); null when none is on record. */
  answer: FeedAnswer | null;
  partySize: number | null;
  waitlisted: boolean;
  /** A confidential venue: its place is in the feed only where `seesPlace` (else the district). */
  venuePrivate: boolean;
  district: string | null;
  /** The feed's reader may read a confidential place (src/domain/venue-privacy.ts); never in a network's feed. */
  seesPlace: boolean;
}

/** What a feed served last: its digest (the ETag) and since when it has been the same. */
export interface FeedState {
  digest: string;
  modifiedAt: Date;
}

export interface PersonalFeedSource {
  key: string;
  userId: bigint;
  locale: Locale;
  /** The networks the person belongs to (and has not left), by name. */
  networks: string[];
  /** Newest first, at most FEED_EVENT_LIMIT. */
  meetings: FeedMeeting[];
  state: FeedState | undefined;
  fetchedAt: Date | null;
}

export interface NetworkFeedSource {
  key: string;
  network: { id: number; name: string; locale: Locale };
  /** Newest first, at most FEED_EVENT_LIMIT; no answers. */
  meetings: FeedMeeting[];
  state: FeedState | undefined;
}

export type OpenedFeed =
  /** A new token: its link is to be shown now (and only now: only its hash is kept). */
  | { kind: "new"; token: string }
  /** The person has a feed whose link was shown in this message. */
  | { kind: "exists"; messageId: number };

type MeetingRow = Omit<FeedMeeting, "answer" | "status" | "agenda" | "facilitators" | "seesPlace"> & {
  status: string;
  answer: string | null;
  agenda: string[] | null;
  facilitators: string[] | null;
  /** For a confidential venue: who reads and when the place is told (personal feeds). */
  hostOrganisationId: number | null;
  memberId: number | null;
  organiserReads: boolean;
  venueRevealHours: number;
  quietFrom: number;
  quietUntil: number;
};

/**
 * Personal and network calendar feeds (/calendar, public_calendar). Every look-up goes by the
 * SHA-256 of the token presented: a token is never compared as it is, so no answer depends on
 * how much of a valid one an attacker guessed. A request costs two queries (three for a
 * network's feed), plus a write when the feed changed and at most one a minute for fetchedAt.
 */
export class CalendarService implements PublicCalendarLinks {
  private publicUrl: string | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  /** Where the HTTP server is reached from outside (PUBLIC_URL); undefined: this ortak serves no feeds. */
  serveAt(publicUrl: string | undefined): void {
    this.publicUrl = publicUrl?.replace(/\/+$/, "");
  }

  /** Whether this ortak has an address to give (it has no HTTP server only as the playground without PORT). */
  servesFeeds(): boolean {
    return this.publicUrl !== undefined;
  }

  personalFeedUrl(token: string): string | undefined {
    return this.publicUrl === undefined ? undefined : `${this.publicUrl}${feedPath(token, false)}`;
  }

  networkFeedUrl(token: string): string | undefined {
    return this.publicUrl === undefined ? undefined : `${this.publicUrl}${feedPath(token, true)}`;
  }

  /**
   * The person's feed: made now if there is none. A feed whose link was never shown (the message
   * carrying it did not go out), or was shown under another PUBLIC_URL, gets a new token: nobody
   * can know the old one, or it points where the server no longer is.
   */
  async openFeed(userId: bigint): Promise<OpenedFeed> {
    const existing = await this.prisma.calendarFeed.findUnique({ where: { userId }, select: { messageId: true, baseUrl: true } });
    // A link shown under another address (PUBLIC_URL changed since) may lead nowhere: a new one.
    if (existing?.messageId != null && existing.baseUrl === this.publicUrl) return { kind: "exists", messageId: existing.messageId };
    return { kind: "new", token: await this.resetFeed(userId) };
  }

  /** A new token for the person; the old one answers 404 from now on. */
  async resetFeed(userId: bigint): Promise<string> {
    const token = newFeedToken();
    const tokenHash = hashFeedToken(token);
    await this.prisma.calendarFeed.upsert({
      where: { userId },
      create: { userId, tokenHash },
      update: { tokenHash, messageId: null, fetchedAt: null },
    });
    return token;
  }

  /** The message that showed this token's link, so a later /calendar can point at it. */
  async rememberLinkMessage(userId: bigint, token: string, messageId: number): Promise<void> {
    await this.prisma.calendarFeed.updateMany({ where: { userId, tokenHash: hashFeedToken(token) }, data: { messageId, baseUrl: this.publicUrl ?? null } });
  }

  /** The personal feed of this token, or undefined (unknown, reset, forgotten). */
  async personalSource(token: string): Promise<PersonalFeedSource | undefined> {
    const hash = hashFeedToken(token);
    const [feed] = await this.prisma.$queryRaw<{ userId: bigint; fetchedAt: Date | null; locale: string | null; languageCode: string | null; digest: string | null; modifiedAt: Date | null; networks: string[] }[]>`
      SELECT f."userId", f."fetchedAt", u.locale, u."languageCode", s.digest, s."modifiedAt",
        ARRAY(SELECT n.name FROM "Member" m JOIN "Network" n ON n.id = m."networkId"
              WHERE m."userId" = f."userId" AND m."leftAt" IS NULL ORDER BY n.name, n.id) AS networks
      FROM "CalendarFeed" f
      JOIN "TelegramUser" u ON u.id = f."userId"
      LEFT JOIN "CalendarFeedState" s ON s."feedKey" = 'user:' || f."userId"::text
      WHERE f."tokenHash" = ${hash}`;
    if (!feed) return undefined;
    // Announced meetings (invited, or cancelled after the invitation) and held ones: a planned
    // meeting nobody was told of is in no calendar, its date may still change freely.
    const since = this.historyStart();
    const rows = await this.prisma.$queryRaw<MeetingRow[]>`
      SELECT mt."networkId", mt.number, mt.title, mt.agenda, mt.facilitators, mt."startsAt", mt."endsAt", mt."venueName", mt."venueAddress",
        mt.status::text AS status, mt."cancelReason", mt."icsSequence", mt."onlineLink", n."timeZone",
        r.status::text AS answer, r."partySize", (r."waitlistedAt" IS NOT NULL) AS waitlisted,
        mt."venuePrivate", mt.district, mt."hostOrganisationId", m.id AS "memberId", (m.role = 'organiser') AS "organiserReads",
        n."venueRevealHours", n."quietFrom", n."quietUntil"
      FROM "Member" m
      JOIN "Network" n ON n.id = m."networkId"
      JOIN "Meeting" mt ON mt."networkId" = m."networkId"
      LEFT JOIN "Rsvp" r ON r."meetingId" = mt.id AND r."memberId" = m.id
      WHERE m."userId" = ${feed.userId} AND m."leftAt" IS NULL AND mt."startsAt" >= ${since}
        AND (mt."invitedAt" IS NOT NULL OR mt.status = 'held')
      ORDER BY mt."startsAt" DESC, mt.id DESC
      LIMIT ${FEED_EVENT_LIMIT}`;
    return {
      key: personalFeedKey(feed.userId),
      userId: feed.userId,
      locale: negotiateLocale(feed.locale, feed.languageCode ?? undefined),
      networks: feed.networks,
      meetings: await this.withPlacesSeen(rows),
      state: stateOf(feed),
      fetchedAt: feed.fetchedAt,
    };
  }

  /**
   * The public feed of the network whose token this is, or undefined. The token is kept as it is
   * (organisers see it again), so it is compared by its hash here too; networks are few.
   */
  async networkSource(token: string): Promise<NetworkFeedSource | undefined> {
    const hash = hashFeedToken(token);
    const [network] = await this.prisma.$queryRaw<{ id: number; name: string; locale: string; digest: string | null; modifiedAt: Date | null }[]>`
      SELECT n.id, n.name, n.locale, s.digest, s."modifiedAt"
      FROM "Network" n
      LEFT JOIN "CalendarFeedState" s ON s."feedKey" = 'network:' || n.id::text
      WHERE n."publicCalendarToken" IS NOT NULL
        AND encode(sha256(convert_to(n."publicCalendarToken", 'UTF8')), 'hex') = ${hash}`;
    if (!network) return undefined;
    // The same meetings as in the members' feeds (personalSource).
    const since = this.historyStart();
    const rows = await this.prisma.$queryRaw<MeetingRow[]>`
      SELECT mt."networkId", mt.number, mt.title, mt.agenda, mt.facilitators, mt."startsAt", mt."endsAt", mt."venueName", mt."venueAddress",
        mt.status::text AS status, mt."cancelReason", mt."icsSequence", mt."onlineLink", n."timeZone",
        NULL::text AS answer, NULL::int AS "partySize", false AS waitlisted,
        mt."venuePrivate", mt.district, mt."hostOrganisationId", NULL::int AS "memberId", false AS "organiserReads",
        n."venueRevealHours", n."quietFrom", n."quietUntil"
      FROM "Meeting" mt
      JOIN "Network" n ON n.id = mt."networkId"
      WHERE mt."networkId" = ${network.id} AND mt."startsAt" >= ${since}
        AND (mt."invitedAt" IS NOT NULL OR mt.status = 'held')
      ORDER BY mt."startsAt" DESC, mt.id DESC
      LIMIT ${FEED_EVENT_LIMIT}`;
    return {
      key: networkFeedKey(network.id),
      network: { id: network.id, name: network.name, locale: localeOr(network.locale) },
      // Anyone may hold a network's public feed: a confidential place is never in it.
      meetings: rows.map((row) => toFeedMeeting(row, false)),
      state: stateOf(network),
    };
  }

  /**
   * The feed's state for what it holds now: unchanged, or changed at this moment. Last-Modified
   * has whole seconds, so a change is always dated at least a second after the one before, or a
   * client asking If-Modified-Since would miss it.
   */
  async settle(key: string, digest: string, previous: FeedState | undefined): Promise<FeedState> {
    if (previous?.digest === digest) return previous;
    const now = Math.floor(this.clock().getTime() / 1000) * 1000;
    const modifiedAt = new Date(previous ? Math.max(now, Math.floor(previous.modifiedAt.getTime() / 1000) * 1000 + 1000) : now);
    // Two processes serving the same change at once: the first dates it, the second reads its date.
    const [written] = await this.prisma.$queryRaw<{ modifiedAt: Date }[]>`
      INSERT INTO "CalendarFeedState" ("feedKey", digest, "modifiedAt") VALUES (${key}, ${digest}, ${modifiedAt})
      ON CONFLICT ("feedKey") DO UPDATE SET digest = EXCLUDED.digest, "modifiedAt" = EXCLUDED."modifiedAt"
        WHERE "CalendarFeedState".digest <> EXCLUDED.digest
      RETURNING "modifiedAt"`;
    if (written) return { digest, modifiedAt: written.modifiedAt };
    const current = await this.prisma.calendarFeedState.findUniqueOrThrow({ where: { feedKey: key } });
    return { digest: current.digest, modifiedAt: current.modifiedAt };
  }

  /** Records that a calendar app fetched the person's feed; at most one write a minute. */
  async noteFetched(source: PersonalFeedSource): Promise<void> {
    const now = this.clock();
    if (source.fetchedAt && now.getTime() - source.fetchedAt.getTime() < FETCHED_AT_RESOLUTION_MS) return;
    await this.prisma.calendarFeed.updateMany({
      where: { userId: source.userId, OR: [{ fetchedAt: null }, { fetchedAt: { lt: new Date(now.getTime() - FETCHED_AT_RESOLUTION_MS) } }] },
      data: { fetchedAt: now },
    });
  }

  /**
   * A personal feed's meetings, each with whether its reader may read a confidential place: an
   * organiser, the host's contact, a confirmed answer after the reveal time. The host
   * organisations' members are read once for every confidential meeting in the feed.
   */
  private async withPlacesSeen(rows: MeetingRow[]): Promise<FeedMeeting[]> {
    const hosts = [...new Set(rows.filter((r) => r.venuePrivate && r.hostOrganisationId !== null).map((r) => r.hostOrganisationId!))];
    const hostMembers = hosts.length === 0 ? [] : await this.prisma.member.findMany({ where: { organisationId: { in: hosts }, ...ACTIVE_MEMBER }, select: { id: true, organisationId: true, isHostContact: true }, orderBy: { id: "asc" } });
    const now = this.clock();
    return rows.map((row) => {
      if (!row.venuePrivate) return toFeedMeeting(row, true);
      const reader: PlaceReader = {
        organiser: Boolean(row.organiserReads),
        hostContact: row.memberId !== null && row.hostOrganisationId !== null && isHostContact(row.memberId, hostMembers.filter((m) => m.organisationId === row.hostOrganisationId)),
        answer: row.answer === null ? null : { status: row.answer as FeedAnswer, waitlisted: Boolean(row.waitlisted) },
      };
      return toFeedMeeting(row, seesPlace(row, reader, { venueRevealHours: row.venueRevealHours, timeZone: row.timeZone, quietFrom: row.quietFrom, quietUntil: row.quietUntil }, now));
    });
  }

  private historyStart(): Date {
    return DateTime.fromJSDate(this.clock(), { zone: "utc" }).minus({ months: FEED_HISTORY_MONTHS }).toJSDate();
  }
}

function toFeedMeeting(row: MeetingRow, placeSeen: boolean): FeedMeeting {
  const { hostOrganisationId: _host, memberId: _member, organiserReads: _organiser, venueRevealHours: _hours, quietFrom: _from, quietUntil: _until, ...meeting } = row;
  return {
    ...meeting,
    venuePrivate: Boolean(row.venuePrivate),
    seesPlace: placeSeen,
    // An empty text[] comes back from raw queries as null through the embedded database's adapter.
    agenda: row.agenda ?? [],
    facilitators: row.facilitators ?? [],
    status: row.status as FeedMeeting["status"],
    answer: row.answer as FeedAnswer | null,
    waitlisted: Boolean(row.waitlisted),
  };
}

function stateOf(row: { digest: string | null; modifiedAt: Date | null }): FeedState | undefined {
  return row.digest !== null && row.modifiedAt !== null ? { digest: row.digest, modifiedAt: row.modifiedAt } : undefined;
}
