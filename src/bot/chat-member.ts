import type { ChatMember } from "grammy/types";

/** Telegram's answer to "is this person in the chat?": restricted members count while they are members. */
export function isInChat(member: ChatMember | undefined): boolean {
  if (!member) return false;
  return member.status === "creator" || member.status === "administrator" || member.status === "member" || (member.status === "restricted" && member.is_member);
}
