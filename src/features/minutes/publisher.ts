import { GrammyError, InputFile, type Api } from "grammy";
import { localeOr, negotiateLocale, type Locale, type Translator } from "../../bot/i18n.ts";
import type { Network, PrismaClient } from "../../db/client.ts";
import { minutesMarkdown } from "../../domain/minutes-document.ts";
import { splitIntoMessages } from "../../domain/split.ts";
import type { Logger } from "../../logger.ts";
import type { ActionService } from "../actions/service.ts";
import type { AttendanceService } from "../attendance/service.ts";
import type { CardRefresher } from "../invitations/card-refresher.ts";
import type { MeetingWithHost } from "../meetings/service.ts";
import type { Reader } from "../meetings/view.ts";
import { minutesPdf } from "./pdf.ts";
import type { MinutesService, StoredEntry } from "./service.ts";
import { minutesDocument, minutesHtmlBlocks, type MinutesContent } from "./view.ts";

export interface PublisherDeps {
  prisma: PrismaClient;
  minutes: MinutesService;
  attendance: AttendanceService;
  actions: ActionService;
  refresher: CardRefresher;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
}

export type PublishOutcome = { kind: "published"; chats: number; organisers: number } | { kind: "taken" };

type Target = { chatId: number; topicId: number; locale: Locale; withNames: boolean };

/**
 * Posts a version of the minutes: to each linked chat (attendance as counts) and to each
 * organiser by DM (with names), each as messages split between entries, a Markdown file and a PDF.
 */
export class MinutesPublisher {
  constructor(private readonly deps: PublisherDeps) {}

  private reader(locale: Locale): Reader {
    return { locale, t: (id, args) => this.deps.translator.t(locale, id, args) };
  }

  async publish(api: Api, meeting: MeetingWithHost, network: Network, actorId: bigint, version: number, entries: StoredEntry[]): Promise<PublishOutcome> {
    const { prisma, minutes, actions } = this.deps;
    const base = {
      meeting,
      network,
      version,
      entries,
      attendance: await this.deps.attendance.report(meeting.id),
      carriedOver: await actions.open(network.id, { beforeNumber: meeting.number }),
    };
    const networkLocale = localeOr(network.locale);
    const record = minutesMarkdown(minutesDocument(this.reader(networkLocale), { ...base, withNames: true }));
    // The version is stored before anything is sent: two publishers at once post it only once.
    if (!(await minutes.recordVersion(meeting, actorId, version, record))) return { kind: "taken" };

    const chats = await prisma.chat.findMany({ where: { networkId: network.id }, orderBy: { id: "asc" } });
    const organisers = await prisma.member.findMany({ where: { networkId: network.id, role: "organiser", user: { dmReachable: true } }, include: { user: true } });
    const targets: Target[] = [
      ...chats.map((c) => ({ chatId: Number(c.telegramChatId), topicId: c.topicId, locale: networkLocale, withNames: false })),
      ...organisers.map((o) => ({ chatId: Number(o.userId), topicId: 0, locale: negotiateLocale(o.user.locale, o.user.languageCode ?? undefined), withNames: true })),
    ];
    let reachedChats = 0;
    let reachedOrganisers = 0;
    for (const target of targets) {
      try {
        await this.send(api, target, { ...base, withNames: target.withNames });
        if (target.withNames) reachedOrganisers++;
        else reachedChats++;
      } catch (error) {
        if (!(error instanceof GrammyError && error.error_code === 403)) this.deps.logger.warn({ err: error, chatId: target.chatId }, "minutes not delivered");
      }
    }
    await actions.planReminders(meeting.id);
    for (const meetingId of await actions.meetingsShowingOpenItems(network.id)) this.deps.refresher.touch(meetingId);
    return { kind: "published", chats: reachedChats, organisers: reachedOrganisers };
  }

  private async send(api: Api, target: Target, content: MinutesContent): Promise<void> {
    const reader = this.reader(target.locale);
    const doc = minutesDocument(reader, content);
    const where = target.topicId ? { message_thread_id: target.topicId } : {};
    for (const text of splitIntoMessages(minutesHtmlBlocks(doc))) {
      await api.sendMessage(target.chatId, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...where });
    }
    const name = reader.t("minutes-file-name", { number: content.meeting.number, version: content.version });
    const caption = reader.t("minutes-file-caption", { number: content.meeting.number, version: content.version });
    await api.sendDocument(target.chatId, new InputFile(Buffer.from(minutesMarkdown(doc), "utf8"), `${name}.md`), { caption, ...where });
    await api.sendDocument(target.chatId, new InputFile(await minutesPdf(doc, this.deps.clock()), `${name}.pdf`), { caption, ...where });
  }
}
