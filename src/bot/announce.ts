import type { Api } from "grammy";
import type { Logger } from "../logger.ts";

/**
 * Sends one message to each linked chat (into its forum topic where it has one). A chat that
 * refuses (the bot was removed, say) is logged and skipped; the others still get it. Returns
 * how many chats received it.
 */
export async function announceToChats(
  api: Api,
  chats: readonly { telegramChatId: bigint; topicId: number }[],
  html: string,
  logger: Logger,
): Promise<number> {
  let delivered = 0;
  for (const chat of chats) {
    try {
      await api.sendMessage(Number(chat.telegramChatId), html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(chat.topicId ? { message_thread_id: chat.topicId } : {}),
      });
      delivered++;
    } catch (error) {
      logger.warn({ err: error, chatId: String(chat.telegramChatId) }, "announcement not delivered to a linked chat");
    }
  }
  return delivered;
}
