import { GrammyError, type Api } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { PrismaClient } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { negotiateLocale, type Reader, type Translator } from "./i18n.ts";
import { ACTIVE_MEMBER } from "../db/active-member.ts";

export type DirectOutcome = { sent: true; messageId: number } | { sent: false; reason: "unreachable" };

/**
 * Sends a private message. A 403 (never started the bot, blocked it, deactivated) is an
 * expected outcome, not an error: the API transformer has already marked the person
 * unreachable, and the caller decides what to do instead.
 */
export async function sendDirectMessage(
  api: Api,
  userId: number,
  text: string,
  other?: Parameters<Api["sendMessage"]>[2],
): Promise<DirectOutcome> {
  try {
    const message = await api.sendMessage(userId, text, other);
    return { sent: true, messageId: message.message_id };
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return { sent: false, reason: "unreachable" };
    throw error;
  }
}

/** Someone the bot writes to privately, in their own language. */
export interface DirectRecipient {
  userId: bigint;
  locale: string | null;
  languageCode: string | null;
}

export interface SendToEachDeps {
  api: Api;
  translator: Translator;
  logger: Logger;
}

/**
 * DMs each person in their language (HTML). Someone who cannot be reached is skipped; any other
 * failure is logged and the rest still get theirs. Returns how many it reached.
 */
export async function sendToEach(
  deps: SendToEachDeps,
  recipients: readonly DirectRecipient[],
  text: (reader: Reader) => string,
  keyboard?: (reader: Reader) => InlineKeyboardButton[][],
): Promise<number> {
  let reached = 0;
  for (const recipient of recipients) {
    const reader = deps.translator.reader(negotiateLocale(recipient.locale, recipient.languageCode ?? undefined));
    try {
      const outcome = await sendDirectMessage(deps.api, Number(recipient.userId), text(reader), {
        parse_mode: "HTML",
        ...(keyboard ? { reply_markup: { inline_keyboard: keyboard(reader) } } : {}),
      });
      if (outcome.sent) reached++;
    } catch (error) {
      deps.logger.warn({ err: error }, "private message not delivered");
    }
  }
  return reached;
}

/** The network's organisers the bot may write to privately (leaving out `exceptUserId`). */
export async function reachableOrganisers(prisma: PrismaClient, networkId: number, exceptUserId?: bigint): Promise<DirectRecipient[]> {
  const organisers = await prisma.member.findMany({
    where: { networkId, role: "organiser", ...ACTIVE_MEMBER, user: { dmReachable: true }, ...(exceptUserId !== undefined ? { userId: { not: exceptUserId } } : {}) },
    include: { user: true },
    orderBy: { id: "asc" },
  });
  return organisers.map((o) => ({ userId: o.userId, locale: o.user.locale, languageCode: o.user.languageCode }));
}
