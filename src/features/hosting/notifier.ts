import { GrammyError, type Api } from "grammy";
import { announceToChats } from "../../bot/announce.ts";
import { escapeHtml } from "../../bot/html.ts";
import { localeOr, negotiateLocale, type Locale, type Translator } from "../../bot/i18n.ts";
import type { Meeting, Organisation, PrismaClient } from "../../db/client.ts";
import { formatInstant, formatMeetingTime } from "../../domain/datetime.ts";
import type { Logger } from "../../logger.ts";
import type { CardRefresher } from "../invitations/card-refresher.ts";
import type { Reader } from "../meetings/view.ts";
import type { NetworkService } from "../networks/service.ts";
import type { Contact, HostService, Proposal, ProposeResult } from "./service.ts";

export interface NotifierDeps {
  prisma: PrismaClient;
  hosting: HostService;
  networks: NetworkService;
  refresher: CardRefresher;
  translator: Translator;
  logger: Logger;
}

/**
 * Tells people about hosting: the proposed organisation's contacts by DM (with the answer
 * buttons), the linked groups in the network's language, organisers when a deadline passes.
 */
export class HostNotifier {
  constructor(private readonly deps: NotifierDeps) {}

  private reader(locale: Locale): Reader {
    return { locale, t: (id, args) => this.deps.translator.t(locale, id, args) };
  }

  private async zoneAndLocale(networkId: number) {
    const network = await this.deps.prisma.network.findUniqueOrThrow({ where: { id: networkId } });
    return { zone: network.timeZone, locale: localeOr(network.locale) };
  }

  /** DMs each contact; returns how many it reached. */
  private async toContacts(api: Api, contacts: Contact[], text: (r: Reader) => string, keyboard?: (r: Reader) => { text: string; callback_data: string }[][]): Promise<number> {
    let reached = 0;
    for (const contact of contacts) {
      const reader = this.reader(negotiateLocale(contact.locale, contact.languageCode ?? undefined));
      try {
        await api.sendMessage(Number(contact.userId), text(reader), { parse_mode: "HTML", ...(keyboard ? { reply_markup: { inline_keyboard: keyboard(reader) } } : {}) });
        reached++;
      } catch (error) {
        if (!(error instanceof GrammyError && error.error_code === 403)) this.deps.logger.warn({ err: error }, "host message not delivered");
      }
    }
    return reached;
  }

  async toGroups(api: Api, networkId: number, text: (r: Reader) => string): Promise<void> {
    const { locale } = await this.zoneAndLocale(networkId);
    await announceToChats(api, await this.deps.networks.linkedChats(networkId), text(this.reader(locale)), this.deps.logger);
  }

  /** The proposal to the organisation's contacts, and a line to the groups. Returns contacts reached. */
  async announceProposal(api: Api, proposal: Proposal): Promise<number> {
    const { meeting, organisation, turn } = proposal;
    const { zone } = await this.zoneAndLocale(meeting.networkId);
    const args = (r: Reader) => ({
      number: meeting.number,
      org: escapeHtml(organisation.name),
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, zone, r.locale),
      deadline: turn.deadline ? formatInstant(turn.deadline, zone, r.locale) : "—",
    });
    const reached = await this.toContacts(api, proposal.contacts, (r) => r.t("host-proposal-dm", args(r)), (r) => [
      [{ text: r.t("host-accept-button"), callback_data: `host:a:${turn.id}` }],
      [{ text: r.t("host-decline-button"), callback_data: `host:d:${turn.id}` }],
      [{ text: r.t("host-swap-button"), callback_data: `host:s:${turn.id}` }],
    ]);
    await this.toGroups(api, meeting.networkId, (r) => r.t("host-proposed-group", args(r)));
    return reached;
  }

  /** After a decline, an expiry or a skip: the next organisation, or the organisers told nobody is left. */
  async proposeNext(api: Api, meetingId: number): Promise<ProposeResult> {
    const result = await this.deps.hosting.propose(meetingId);
    if (result.kind === "proposed") await this.announceProposal(api, result.proposal);
    if (result.kind === "nobody") {
      const meeting = await this.deps.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
      await this.toOrganisers(api, meeting.networkId, (r) => r.t("host-nobody", { number: meeting.number }));
    }
    return result;
  }

  async toOrganisers(api: Api, networkId: number, text: (r: Reader) => string): Promise<void> {
    const organisers = await this.deps.prisma.member.findMany({ where: { networkId, role: "organiser" }, include: { user: true } });
    await this.toContacts(api, organisers.map((o) => ({ userId: o.userId, locale: o.user.locale, languageCode: o.user.languageCode })), text);
  }

  async announceHost(api: Api, meeting: Meeting, host: Organisation, swappedFrom?: Organisation): Promise<void> {
    this.deps.refresher.touch(meeting.id);
    await this.toGroups(api, meeting.networkId, (r) =>
      swappedFrom
        ? r.t("host-swapped-group", { number: meeting.number, to: escapeHtml(host.name), from: escapeHtml(swappedFrom.name) })
        : r.t("host-accepted-group", { number: meeting.number, org: escapeHtml(host.name) }),
    );
  }

  /** A proposal's deadline passed (from the reminder ledger): expire, tell organisers, move on. */
  async deadlinePassed(api: Api, turnId: number): Promise<void> {
    const expired = await this.deps.hosting.expire(turnId);
    if (!expired) return;
    const { meeting, organisation } = expired;
    await this.toOrganisers(api, meeting.networkId, (r) => r.t("host-expired-organisers", { number: meeting.number, org: escapeHtml(organisation.name) }));
    await this.proposeNext(api, meeting.id);
  }

  async askSwap(api: Api, contacts: Contact[], meeting: Meeting, from: Organisation, to: Organisation, turnId: number): Promise<void> {
    const { zone } = await this.zoneAndLocale(meeting.networkId);
    await this.toContacts(
      api,
      contacts,
      (r) => r.t("host-swap-dm", { number: meeting.number, when: formatMeetingTime(meeting.startsAt, meeting.endsAt, zone, r.locale), from: escapeHtml(from.name), to: escapeHtml(to.name) }),
      (r) => [[{ text: r.t("host-swap-accept-button"), callback_data: `host:y:${turnId}` }, { text: r.t("host-swap-refuse-button"), callback_data: `host:n:${turnId}` }]],
    );
  }

  async swapRefused(api: Api, organisation: Organisation, other: Organisation, meeting: Meeting): Promise<void> {
    await this.toContacts(api, await this.deps.hosting.contacts(organisation.id), (r) => r.t("host-swap-refused", { number: meeting.number, org: escapeHtml(other.name) }));
  }
}
