import type { BotContext } from "../../bot/context.ts";
import { escapeHtml } from "../../bot/html.ts";
import { localeOr, type Reader } from "../../bot/i18n.ts";
import type { Meeting, Network } from "../../db/client.ts";
import type { DateProblem } from "../../domain/datetime.ts";
import { formatInstant, formatMeetingTime } from "../../domain/datetime.ts";
import { shortenText } from "../../domain/split.ts";
import type { EventTelling } from "../../domain/ics.ts";
import type { AgendaProblem, MeetingField, MeetingWithHost } from "./service.ts";
import { offsetText } from "../reminders/view.ts";

export type { Reader };

function when(ctx: Reader, meeting: Meeting, network: Network): string {
  return formatMeetingTime(meeting.startsAt, meeting.endsAt, network.timeZone, ctx.locale);
}

/** What a confidential place shows to those not entitled to it: the district and how the address will come. */
type PlaceShown = Pick<Meeting, "venueName" | "venuePrivate" | "district">;

/**
 * The venue as typed, or "not decided yet" (a meeting created with "-" takes the host's venue
 * later). A confidential venue shows only its district unless `revealed` says this text's
 * readers are entitled to it (src/domain/venue-privacy.ts): by default it is hidden.
 */
export function venueText(ctx: Reader, meeting: PlaceShown, revealed = false): string {
  if (meeting.venuePrivate && !revealed) return confidentialVenueText(ctx, meeting);
  return meeting.venueName ? escapeHtml(meeting.venueName) : ctx.t("meeting-venue-none");
}

/** "Buca · Adres, katılımı onaylananlara özel mesajla bildirilecek": one line, for texts that show the venue inline. */
export function confidentialVenueText(ctx: Reader, meeting: Pick<Meeting, "district">): string {
  return meeting.district ? ctx.t("venue-confidential", { district: escapeHtml(meeting.district) }) : ctx.t("venue-confidential-no-district");
}

export function meetingLine(ctx: Reader, meeting: Meeting, network: Network, revealed = false): string {
  return ctx.t("meeting-line", {
    number: meeting.number,
    when: when(ctx, meeting, network),
    venue: venueText(ctx, meeting, revealed),
    status: ctx.t(`meeting-status-${meeting.status}`),
  });
}

/** /meetings: one line per meeting, to be split between lines into messages. `revealed`: the meetings whose place this reader may read. */
export function overviewLines(ctx: Reader, network: Network, upcoming: Meeting[], past: Meeting[], revealed: ReadonlySet<number> = new Set()): string[] {
  if (upcoming.length === 0 && past.length === 0) return [ctx.t("meetings-empty")];
  const line = (m: Meeting) => meetingLine(ctx, m, network, revealed.has(m.id));
  const lines = [`<b>${escapeHtml(network.seriesTitle)}</b>`];
  if (upcoming.length > 0) lines.push("", ctx.t("meetings-upcoming"), ...upcoming.map(line));
  if (past.length > 0) lines.push("", ctx.t("meetings-past"), ...past.map(line));
  return lines;
}

/**
 * Date, place, host, deadline and capacity: shared by /meeting and the invitation card.
 * `nameLimit`: typed names (venue, address, host, facilitators) shortened to this many characters,
 * for a card that would not fit Telegram's limit otherwise. The online link is never cut.
 */
export function factLines(ctx: Reader, meeting: MeetingWithHost, network: Network, nameLimit = Infinity, revealed = false): string[] {
  const name = (text: string) => escapeHtml(shortenText(text, nameLimit));
  const lines = [ctx.t("meeting-when", { when: when(ctx, meeting, network) })];
  if (meeting.venuePrivate && !revealed) {
    // Every card (one render serves many readers) and every group: the district, never the place.
    lines.push(ctx.t("meeting-venue", { venue: meeting.district ? name(meeting.district) : ctx.t("meeting-venue-hidden") }), ctx.t("meeting-venue-confidential"));
  } else {
    lines.push(ctx.t("meeting-venue", { venue: meeting.venueName ? name(meeting.venueName) : ctx.t("meeting-venue-none") }));
    if (meeting.venueAddress) lines.push(ctx.t("meeting-address", { address: name(meeting.venueAddress) }));
    if (meeting.venuePrivate) lines.push(ctx.t("meeting-venue-private-revealed"));
  }
  if (meeting.onlineLink) lines.push(ctx.t("meeting-online", { link: escapeHtml(meeting.onlineLink) }));
  lines.push(ctx.t("meeting-host", { host: meeting.hostOrganisation ? name(meeting.hostOrganisation.name) : ctx.t("meeting-host-none") }));
  if (meeting.facilitators.length > 0) lines.push(ctx.t("meeting-facilitators", { names: name(meeting.facilitators.join(", ")) }));
  if (meeting.rsvpDeadline) {
    lines.push(ctx.t("meeting-deadline", { when: formatInstant(meeting.rsvpDeadline, network.timeZone, ctx.locale) }));
  }
  if (meeting.capacity !== null) lines.push(ctx.t("meeting-capacity", { capacity: meeting.capacity }));
  return lines;
}

/** The agenda; a card short of room shows the first `items`, each cut to `text` characters, and how many more there are. */
export function agendaLines(ctx: Reader, meeting: Meeting, limits: { items?: number; text?: number } = {}): string[] {
  // Made from a date poll, a meeting may have no agenda yet: said so, not shown as a bare heading.
  if (meeting.agenda.length === 0) return [ctx.t("meeting-agenda-none")];
  const shown = meeting.agenda.slice(0, limits.items ?? meeting.agenda.length);
  const lines = [ctx.t("meeting-agenda"), ...shown.map((item, i) => `${i + 1}. ${escapeHtml(shortenText(item, limits.text ?? Infinity))}`)];
  if (shown.length < meeting.agenda.length) lines.push(ctx.t("meeting-agenda-more", { count: meeting.agenda.length - shown.length, number: meeting.number }));
  return lines;
}

export function headingLine(ctx: Reader, meeting: Meeting, titleLimit = Infinity): string {
  return ctx.t("meeting-heading", { number: meeting.number, title: escapeHtml(shortenText(meeting.title, titleLimit)) });
}

/** /meeting: the lines of one meeting, to be split between lines into messages. */
export function detailsLines(ctx: Reader, meeting: MeetingWithHost, network: Network, rsvpSummary?: string, revealed = false): string[] {
  const lines = [headingLine(ctx, meeting), ...factLines(ctx, meeting, network, Infinity, revealed)];
  lines.push(ctx.t("meeting-status", { status: ctx.t(`meeting-status-${meeting.status}`) }));
  if (rsvpSummary) lines.push(rsvpSummary);
  lines.push("", ...agendaLines(ctx, meeting));
  return lines;
}

/**
 * The answer to /meeting_new (and the step-by-step dialogue): number, date and time, venue and
 * agenda as understood, so an organiser sees a typo at once.
 */
export function createdText(ctx: Reader, meeting: Meeting, network: Network, revealed = false): string {
  return [
    ctx.t("meeting-created", { number: meeting.number }),
    ctx.t("meeting-when", { when: when(ctx, meeting, network) }),
    ctx.t("meeting-venue", { venue: venueText(ctx, meeting, revealed) }),
    "",
    ...agendaLines(ctx, meeting),
    "",
    ctx.t("meeting-created-check", { number: meeting.number }),
  ].join("\n");
}

/** One field of a meeting as the reader sees it (HTML), for the old → new answer of /meeting_edit. */
export function fieldValue(ctx: Reader, field: MeetingField, meeting: Meeting, network: Network, revealed = false): string {
  const none = ctx.t("meeting-value-none");
  const text = (value: string | null) => (value ? escapeHtml(value) : none);
  // A confidential place is not repeated to readers who may not read it (an answer in a group).
  const place = (value: string | null) => (meeting.venuePrivate && !revealed && value ? ctx.t("meeting-value-hidden") : text(value));
  switch (field) {
    case "title":
      return text(meeting.title);
    case "venue":
      return place(meeting.venueName);
    case "address":
      return place(meeting.venueAddress);
    case "district":
      return text(meeting.district);
    case "venue_private":
      return ctx.t(meeting.venuePrivate ? "meeting-value-yes" : "meeting-value-no");
    case "agenda":
      return text(meeting.agenda.join("; "));
    case "facilitators":
      return text(meeting.facilitators.join("; "));
    case "duration":
      return offsetText(ctx, Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000));
    case "capacity":
      return meeting.capacity === null ? none : ctx.t("meeting-value-people", { count: meeting.capacity });
    case "deadline":
      return meeting.rsvpDeadline ? formatInstant(meeting.rsvpDeadline, network.timeZone, ctx.locale) : none;
    case "online_link":
      return text(meeting.onlineLink);
  }
}

/** The answer to /meeting_edit: which field changed, from what to what. */
export function editedText(ctx: Reader, network: Network, field: MeetingField, before: Meeting, after: Meeting, revealed = false): string {
  const text = ctx.t("meeting-edited", {
    number: after.number,
    field: ctx.t(`meeting-field-${field.replace("_", "-")}`),
    before: fieldValue(ctx, field, before, network, revealed),
    after: fieldValue(ctx, field, after, network, revealed),
  });
  // The organiser typed a confidential place where others read: said once, kindly.
  const typedPlace = (field === "venue" || field === "address") && after.venuePrivate && !revealed;
  return typedPlace ? `${text}\n${ctx.t("meeting-edit-place-in-group", { number: after.number })}` : text;
}

export function dateProblemText(ctx: BotContext, problem: DateProblem): string {
  return ctx.t(`date-${problem}`);
}

export function agendaProblemText(ctx: BotContext, problem: AgendaProblem): string {
  return ctx.t(`agenda-${problem.kind}`, "max" in problem ? { max: problem.max } : undefined);
}

/** How the calendar file tells a meeting: in the network's language, as the person's own calendar. */
export function calendarTelling(ctx: BotContext, network: Network, seesPlace = false): EventTelling {
  const locale = localeOr(network.locale);
  return { t: (id, args) => ctx.tIn(locale, id, args), personal: true, shown: (text) => text, seesPlace };
}

/** The /cancel question: which meeting, who would hear of it, and that it cannot be undone. */
export function cancelConfirmText(ctx: BotContext, network: Network, check: { meeting: Meeting; announce: boolean; coming: number }, reason: string): string {
  const { meeting } = check;
  const lines = [
    ctx.t("cancel-confirm", { number: meeting.number, title: escapeHtml(shortenText(meeting.title, 120)), when: when(ctx, meeting, network) }),
    ctx.t(check.announce ? "cancel-confirm-announce" : "cancel-confirm-quiet", { coming: check.coming }),
  ];
  if (reason !== "") lines.push(ctx.t("cancel-confirm-reason", { reason: escapeHtml(reason) }));
  lines.push(ctx.t("cancel-confirm-final", { number: meeting.number }));
  return lines.join("\n\n");
}
