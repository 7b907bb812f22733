/**
 * Updates the bot asks Telegram for. chat_member must be named to be delivered at all; it tells
 * the bot (where it is an administrator) that someone left or was removed.
 */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"] as const;
