import type { BotApi } from "./bot-api.ts";
import type { ServiceEvent, StoredMessage, World } from "./world.ts";

/** How the Bot API shows people, chats and memberships; BotApi builds these. */
export type ApiObjects = Pick<BotApi, "userObject" | "botUserObject" | "chatObject" | "memberObject">;

/** A stored message as the Bot API's Message object, the way the bot receives it. */
export function apiMessage(world: World, objects: ApiObjects, message: StoredMessage, depth = 0): Record<string, unknown> {
  const chat = world.chats.get(message.chatId)!;
  const from = message.fromBot ? objects.botUserObject() : objects.userObject(world.users.get(message.fromUserId!)!);
  const replyTo = message.replyToMessageId !== undefined ? chat.messages.get(message.replyToMessageId) : undefined;
  // In a forum only messages in a created topic are topic messages; General (1) has no thread.
  const inTopic = message.threadId !== undefined && chat.isForum && chat.topics.has(message.threadId);
  return {
    message_id: message.message_id,
    from,
    chat: objects.chatObject(chat),
    date: message.date,
    ...(inTopic ? { message_thread_id: message.threadId, is_topic_message: true } : message.threadId !== undefined && !chat.isForum ? { message_thread_id: message.threadId } : {}),
    ...(replyTo && depth === 0 ? { reply_to_message: apiMessage(world, objects, replyTo, 1) } : {}),
    ...(message.service ? serviceFields(world, objects, message.service) : {}),
    ...(message.edit_date ? { edit_date: message.edit_date } : {}),
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.entities ? { entities: message.entities } : {}),
    ...(message.document ? { document: message.document } : {}),
    ...(message.photo ? { photo: message.photo } : {}),
    ...(message.caption !== undefined ? { caption: message.caption } : {}),
    ...(message.caption_entities ? { caption_entities: message.caption_entities } : {}),
    ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    ...(message.has_protected_content ? { has_protected_content: true } : {}),
  };
}

function serviceFields(world: World, objects: ApiObjects, service: ServiceEvent): Record<string, unknown> {
  switch (service.kind) {
    case "forum_topic_created":
      return { forum_topic_created: { name: service.name, icon_color: service.iconColor } };
    case "new_chat_members":
      return { new_chat_members: service.userIds.map((id) => objects.userObject(world.users.get(id)!)) };
    case "left_chat_member":
      return { left_chat_member: objects.userObject(world.users.get(service.userId)!) };
  }
}
