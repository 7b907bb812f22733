import { GrammyError, type Api } from "grammy";
import { localeOr, negotiateLocale, type Translator } from "../../bot/i18n.ts";
import type { OutgoingBudget } from "../../bot/outgoing-budget.ts";
import type { Logger } from "../../logger.ts";
import type { NetworkService } from "../networks/service.ts";
import type { CardRefresher } from "./card-refresher.ts";
import type { InvitationService } from "./service.ts";
import { renderCard } from "./view.ts";

const FANOUT_RETRY_MS = 30_000;

export interface PosterDeps {
  api: Api;
  invitations: InvitationService;
  networks: NetworkService;
  refresher: CardRefresher;
  budget: OutgoingBudget;
  translator: Translator;
  logger: Logger;
  clock: () => Date;
}

export interface GroupPostResult {
  posted: number;
  pinned: number;
}

/**
 * Puts invitation cards in front of people: one per linked chat (pinned where the bot may),
 * and one by DM to each member who has started the bot. DMs go out in the background at a
 * pace Telegram accepts; a restart resumes them where they stopped, and nobody gets two.
 */
export class CardPoster {
  private readonly fanouts = new Map<number, Promise<void>>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly deps: PosterDeps) {}

  async postToGroups(meetingId: number): Promise<GroupPostResult> {
    const data = await this.deps.invitations.cardData(meetingId);
    if (!data) return { posted: 0, pinned: 0 };
    const locale = localeOr(data.network.locale);
    const card = renderCard(this.deps.translator.reader(locale), data, this.deps.clock(), data.texts.group);
    let posted = 0;
    let pinned = 0;
    for (const chat of await this.deps.networks.linkedChats(data.network.id)) {
      const chatId = Number(chat.telegramChatId);
      try {
        const message = await this.deps.api.sendMessage(chatId, card.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(card.keyboard ? { reply_markup: card.keyboard } : {}),
          ...(chat.topicId ? { message_thread_id: chat.topicId } : {}),
        });
        await this.deps.invitations.recordCard({
          meetingId,
          kind: "group",
          telegramChatId: chat.telegramChatId,
          messageId: message.message_id,
          topicId: chat.topicId,
          locale,
          shown: card.digest,
        });
        posted++;
        if (await this.pin(chatId, message.message_id)) pinned++;
      } catch (error) {
        this.deps.logger.warn({ err: error, chatId: String(chat.telegramChatId) }, "invitation card not posted to a linked chat");
      }
    }
    return { posted, pinned };
  }

  /** Pinning needs admin rights the bot may not have; the card works unpinned too. */
  private async pin(chatId: number, messageId: number): Promise<boolean> {
    try {
      await this.deps.api.pinChatMessage(chatId, messageId, { disable_notification: true });
      return true;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 400) return false;
      this.deps.logger.warn({ err: error, chatId }, "could not pin the invitation card");
      return false;
    }
  }

  /** How many members a DM fan-out will reach; the sending goes on in the background. */
  async startDirectFanout(meetingId: number, networkId: number): Promise<number> {
    if (this.stopped) return 0;
    const recipients = await this.deps.invitations.directRecipients(meetingId, networkId);
    if (!this.fanouts.has(meetingId)) {
      const run = this.fanout(meetingId, networkId)
        .catch((error: unknown) => {
          // Telegram kept refusing (or the database hiccuped): the rest goes out a little later.
          this.deps.logger.error({ err: error, meetingId }, "invitation DMs interrupted; retrying in 30 s");
          const retry = setTimeout(() => void this.startDirectFanout(meetingId, networkId).catch(() => undefined), FANOUT_RETRY_MS);
          this.retries.add(retry);
          retry.unref();
        })
        .finally(() => this.fanouts.delete(meetingId));
      this.fanouts.set(meetingId, run);
    }
    return recipients.length;
  }

  private async fanout(meetingId: number, networkId: number): Promise<void> {
    const data = await this.deps.invitations.cardData(meetingId);
    if (!data) return;
    for (const recipient of await this.deps.invitations.directRecipients(meetingId, networkId)) {
      if (this.stopped) return;
      const chatId = Number(recipient.userId);
      const wait = this.deps.budget.waitFor(chatId);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const locale = negotiateLocale(recipient.locale, recipient.languageCode ?? undefined);
      // Rendered from the data read once; answers meanwhile reach these cards with the refresh below.
      const card = renderCard(this.deps.translator.reader(locale), data, this.deps.clock(), data.texts.person(recipient.userId));
      try {
        const message = await this.deps.api.sendMessage(chatId, card.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(card.keyboard ? { reply_markup: card.keyboard } : {}),
        });
        await this.deps.invitations.recordCard({ meetingId, kind: "direct", telegramChatId: recipient.userId, messageId: message.message_id, topicId: 0, locale, shown: card.digest });
      } catch (error) {
        // 403: the person blocked the bot; the API transformer has marked them unreachable.
        if (error instanceof GrammyError && error.error_code === 403) continue;
        throw error;
      }
    }
    await this.deps.invitations.finishFanout(meetingId);
    this.deps.refresher.touch(meetingId);
  }

  /** After a start: finishes interrupted DM fan-outs and brings every live card up to date. */
  async resume(): Promise<void> {
    const { fanout, live } = await this.deps.invitations.unfinished();
    for (const meeting of fanout) await this.startDirectFanout(meeting.id, meeting.networkId);
    for (const meetingId of live) this.deps.refresher.touch(meetingId);
  }

  /** Resolves when every fan-out in progress has finished (tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.fanouts.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const retry of this.retries) clearTimeout(retry);
    await this.settle();
  }
}
