import type { Api, Context } from "grammy";
import type { ChatMember } from "grammy/types";

/** Telegram's answer to "is this person in the chat?": restricted members count while they are members. */
export function isInChat(member: ChatMember | undefined): boolean {
  if (!member) return false;
  return member.status === "creator" || member.status === "administrator" || member.status === "member" || (member.status === "restricted" && member.is_member);
}

/**
 * "X joined / left / was removed": the bot learns of people it may never have met. Nothing about
 * them is stored for it; the membership feature only updates people already known.
 */
export function isMembershipNotice(ctx: Context): boolean {
  return ctx.chatMember !== undefined || ctx.myChatMember !== undefined || ctx.message?.left_chat_member !== undefined || ctx.message?.new_chat_members !== undefined;
}

/** Asks Telegram whether the person is in that chat now; false when the bot cannot tell (it cannot vouch). */
export async function isInChatNow(api: Api, chatId: number, userId: number): Promise<boolean> {
  try {
    return isInChat(await api.getChatMember(chatId, userId));
  } catch {
    return false;
  }
}
