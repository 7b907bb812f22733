import type { Api } from "grammy";

/**
 * In how many of these chats the bot may pin its card: it is the chat's creator, or an
 * administrator with the right to pin. A chat that cannot be asked counts as one where it may not.
 */
export async function pinnableChats(api: Api, botId: number, chats: readonly { telegramChatId: bigint }[]): Promise<number> {
  const rights = await Promise.all(
    chats.map(async (chat) => {
      try {
        const me = await api.getChatMember(Number(chat.telegramChatId), botId);
        return me.status === "creator" || (me.status === "administrator" && me.can_pin_messages === true);
      } catch {
        return false;
      }
    }),
  );
  return rights.filter(Boolean).length;
}
