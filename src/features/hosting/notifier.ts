import type { Api } from "grammy";
import { announceToChats } from "../../bot/announce.ts";
import { reachableOrganisers, sendToEach } from "../../bot/direct.ts";
import { escapeHtml } from "../../bot/html.ts";
import { localeOr, type Translator } from "../../bot/i18n.ts";
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

  private async zoneAndLocale(networkId: number) {
    const network = await this.deps.prisma.network.findUniqueOrThrow({ where: { id: networkId } });
    return { zone: network.timeZone, locale: localeOr(network.locale) };
  }

  /** DMs each contact; returns how many it reached. */
  private toContacts(api: Api, contacts: Contact[], text: (r: Reader) => string, keyboard?: (r: Reader) => { text: string; callback_data: string }[][]): Promise<number> {
    return sendToEach({ api, translator: this.deps.translator, logger: this.deps.logger }, contacts, text, keyboard);
  }

  async toGroups(api: Api, networkId: number, text: (r: Reader) => string): Promise<void> {
    const { locale } = await this.zoneAndLocale(networkId);
    await announceToChats(api, await this.deps.networks.linkedChats(networkId), text(this.deps.translator.reader(locale)), this.deps.logger);
  }

  /** The proposal to the organisation's contacts, and a line to the groups. Returns contacts reached. */
  async announceProposal(api: Api, proposal: Proposal): Promise<number> {
    const { meeting, organisation, turn } = proposal;
    const { zone } = await this.zoneAndLocale(meeting.networkId);
    const args = (r: Reader) => ({
      number: meeting.number,
      org: escapeHtml(organisation.name),
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt, zone, r.locale),
      // A proposal's deadline is never after the meeting starts, so the start stands in for a missing one.
      deadline: formatInstant(turn.deadline ?? meeting.startsAt, zone, r.locale),
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
    await this.toContacts(api, await reachableOrganisers(this.deps.prisma, networkId), text);
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
