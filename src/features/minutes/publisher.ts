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
import { minutesPdf } from "./pdf.ts";
import type { MinutesService, StoredEntry } from "./service.ts";
import { minutesDocument, minutesHtmlBlocks, readSnapshot, writeSnapshot, type MinutesContent, type MinutesSnapshot } from "./view.ts";
import { ACTIVE_MEMBER } from "../../db/active-member.ts";
import type { NameWithholder } from "../members/name-withholder.ts";

export interface PublisherDeps {
  prisma: PrismaClient;
  minutes: MinutesService;
  attendance: AttendanceService;
  actions: ActionService;
  refresher: CardRefresher;
  /** The groups' copy withholds members' names written into entries. */
  withholder: NameWithholder;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
}

export type PublishOutcome = { kind: "published"; chats: number; organisers: number } | { kind: "taken" };

type Target = { chatId: number; topicId: number; locale: Locale; withNames: boolean };

const chatTarget = (chatId: bigint, topicId: number) => `chat:${chatId}:${topicId}`;
const memberTarget = (memberId: number) => `member:${memberId}`;

/**
 * Posts a version of the minutes: to each linked chat (attendance as counts) and to each
 * organiser by DM (with names), each as messages split between entries, a Markdown file and a PDF.
 * Every copy is a row that stays pending until sent, so a stop in the middle is finished at the
 * next start, from the version's stored content.
 */
export class MinutesPublisher {
  constructor(private readonly deps: PublisherDeps) {}

  async publish(api: Api, meeting: MeetingWithHost, network: Network, actorId: bigint, version: number, entries: StoredEntry[]): Promise<PublishOutcome> {
    const { prisma, actions } = this.deps;
    const snapshot: MinutesSnapshot = {
      entries,
      attendance: await this.deps.attendance.report(meeting.id),
      carriedOver: await actions.open(network.id, { beforeNumber: meeting.number }),
    };
    const record = minutesMarkdown(minutesDocument(this.deps.translator.reader(localeOr(network.locale)), { ...snapshot, meeting, network, version, withNames: true }));
    const chats = await prisma.chat.findMany({ where: { networkId: network.id }, orderBy: { id: "asc" } });
    const organisers = await prisma.member.findMany({ where: { networkId: network.id, role: "organiser", ...ACTIVE_MEMBER, user: { dmReachable: true } }, select: { id: true } });
    const targets = [...chats.map((c) => chatTarget(c.telegramChatId, c.topicId)), ...organisers.map((o) => memberTarget(o.id))];
    // Stored before anything is sent: two publishers at once post it only once.
    if (!(await this.deps.minutes.recordVersion(meeting, actorId, version, { markdown: record, content: writeSnapshot(snapshot), targets }))) return { kind: "taken" };
    const reached = await this.sendPending(api, meeting.id, version);
    await actions.planReminders(meeting.id);
    for (const meetingId of await actions.meetingsShowingOpenItems(network.id)) this.deps.refresher.touch(meetingId);
    return { kind: "published", ...reached };
  }

  /** After a start: copies a stop cut off go out now (not those of a publication running meanwhile). */
  async resume(api: Api): Promise<void> {
    const startedAt = this.deps.clock();
    for (const { meetingId, version } of await this.deps.minutes.versionsWithPendingCopies(startedAt)) await this.sendPending(api, meetingId, version);
  }

  /** Sends the version's pending copies; a copy that fails for a reason other than a block stays pending. */
  private async sendPending(api: Api, meetingId: number, version: number): Promise<{ chats: number; organisers: number }> {
    const { prisma, minutes } = this.deps;
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { hostOrganisation: true, network: true } });
    const { network, ...rest } = meeting;
    const pending = await minutes.pendingCopies(meetingId, version);
    const content = { ...readSnapshot(pending.content), meeting: rest, network, version };
    const reached = { chats: 0, organisers: 0 };
    const texts = await this.deps.withholder.forNetwork(network.id);
    for (const key of pending.targets) {
      const target = await this.resolve(key, network);
      if (!target) {
        await minutes.copyDelivered(meetingId, version, key, "unreachable");
        continue;
      }
      try {
        const replacement = this.deps.translator.t(target.locale, "minutes-name-withheld");
        const withhold = target.withNames ? undefined : (text: string) => texts.group(text, replacement);
        await this.send(api, target, { ...content, withNames: target.withNames, withhold });
        await minutes.copyDelivered(meetingId, version, key, "sent");
        if (target.withNames) reached.organisers++;
        else reached.chats++;
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 403) await minutes.copyDelivered(meetingId, version, key, "unreachable");
        else this.deps.logger.warn({ err: error, target: key }, "minutes copy not delivered; it stays pending until the next start");
      }
    }
    return reached;
  }

  private async resolve(key: string, network: Network): Promise<Target | undefined> {
    const chat = /^chat:(-?\d+):(\d+)$/.exec(key);
    if (chat) return { chatId: Number(chat[1]), topicId: Number(chat[2]), locale: localeOr(network.locale), withNames: false };
    const member = await this.deps.prisma.member.findUnique({ where: { id: Number(key.slice("member:".length)) }, include: { user: true } });
    if (!member || member.role !== "organiser" || member.leftAt) return undefined;
    return { chatId: Number(member.userId), topicId: 0, locale: negotiateLocale(member.user.locale, member.user.languageCode ?? undefined), withNames: true };
  }

  private async send(api: Api, target: Target, content: MinutesContent): Promise<void> {
    const reader = this.deps.translator.reader(target.locale);
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
