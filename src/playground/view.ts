import type { EmulatedChat, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";
import type { MessageEntity } from "../../emulator/html.ts";
import { DEMO_PEOPLE } from "./people.ts";

/** A message as the page shows it (playground/public/app.js renders it; see the protocol there). */
export interface PageMessage {
  chatId: number;
  id: number;
  from: { bot: true } | { bot: false; userId: number; name: string };
  date: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  captionEntities?: MessageEntity[];
  document?: { fileId: string; fileName: string; mimeType: string; size: number };
  service?: string;
  replyTo?: { id: number; preview: string };
  buttons?: { text: string; data?: string; url?: string }[][];
  /**
   * The bot asks for an answer by reply (Telegram's force_reply): the people whose composer opens
   * in reply to it, as Telegram's apps do — everyone in the chat, or, when selective, the person
   * the message answers and those it mentions.
   */
  forceReplyFor?: number[] | "everyone";
  /** Shown in the empty composer while a forced reply is open. */
  placeholder?: string;
  reactions: string[];
  edited: boolean;
  deleted: boolean;
}

export interface PagePerson {
  id: number;
  name: string;
  username: string;
  language: "tr" | "en";
  role: "coordinator" | "member";
  organisation: string;
}

export interface WorldView {
  bot: { id: number; name: string; username: string };
  group: { id: number; title: string };
  people: PagePerson[];
  chats: Record<string, PageMessage[]>;
  pinned: Record<string, number[]>;
}

const PREVIEW_LENGTH = 80;

export function fullName(user: { first_name: string; last_name?: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}

/** The demo people as the emulator knows them, in the order of the demo. */
export function peopleOf(emulator: TelegramEmulator): PagePerson[] {
  return DEMO_PEOPLE.flatMap((person) => {
    const user = [...emulator.users.values()].find((candidate) => candidate.username === person.username);
    return user ? [{ id: user.id, name: fullName(user), username: person.username, language: person.language, role: person.role, organisation: person.organisation }] : [];
  });
}

export function pageMessage(emulator: TelegramEmulator, message: StoredMessage): PageMessage {
  const chat = emulator.chats.get(message.chatId);
  const sender = message.fromUserId !== undefined ? emulator.users.get(message.fromUserId) : undefined;
  const replied = message.replyToMessageId !== undefined ? chat?.messages.get(message.replyToMessageId) : undefined;
  const file = message.document;
  return {
    chatId: message.chatId,
    id: message.message_id,
    from: message.fromBot || !sender ? { bot: true } : { bot: false, userId: sender.id, name: fullName(sender) },
    date: message.date,
    ...(message.text !== undefined ? { text: message.text, entities: message.entities ?? [] } : {}),
    ...(message.caption !== undefined ? { caption: message.caption, captionEntities: message.caption_entities ?? [] } : {}),
    ...(file ? { document: { fileId: file.file_id, fileName: file.file_name ?? "file", mimeType: file.mime_type ?? "application/octet-stream", size: file.file_size } } : {}),
    ...(message.service ? { service: serviceLine(emulator, message) } : {}),
    ...(replied && !replied.deleted ? { replyTo: { id: replied.message_id, preview: previewOf(replied) } } : {}),
    ...(message.reply_markup?.inline_keyboard?.length
      ? {
          buttons: message.reply_markup.inline_keyboard.map((row) =>
            row.map((button) => ({ text: button.text, ...(button.callback_data !== undefined ? { data: button.callback_data } : {}), ...(button.url !== undefined ? { url: button.url } : {}) })),
          ),
        }
      : {}),
    ...forcedReply(emulator, message, replied),
    reactions: [...message.reactions],
    edited: message.edit_date !== undefined,
    deleted: message.deleted,
  };
}

function forcedReply(emulator: TelegramEmulator, message: StoredMessage, replied: StoredMessage | undefined): Pick<PageMessage, "forceReplyFor" | "placeholder"> {
  const asked = message.forceReply;
  if (!asked) return {};
  const placeholder = asked.placeholder !== undefined ? { placeholder: asked.placeholder } : {};
  if (!asked.selective) return { forceReplyFor: "everyone", ...placeholder };
  const mentioned = (message.entities ?? [])
    .filter((entity) => entity.type === "mention")
    .map((entity) => message.text!.slice(entity.offset + 1, entity.offset + entity.length).toLowerCase());
  const people = [...emulator.users.values()].filter((user) => user.username && mentioned.includes(user.username.toLowerCase())).map((user) => user.id);
  if (replied?.fromUserId !== undefined) people.push(replied.fromUserId);
  // In a private chat, its one person.
  const chat = emulator.chats.get(message.chatId);
  if (chat?.type === "private") people.push(chat.id);
  return { forceReplyFor: [...new Set(people)], ...placeholder };
}

function previewOf(message: StoredMessage): string {
  const text = message.text ?? message.caption ?? message.document?.file_name ?? "";
  const firstLine = text.split("\n")[0] ?? "";
  return firstLine.length > PREVIEW_LENGTH ? `${firstLine.slice(0, PREVIEW_LENGTH - 1)}…` : firstLine;
}

// Worded without a language: the page's chrome is translated, but these are names and signs.
function serviceLine(emulator: TelegramEmulator, message: StoredMessage): string {
  const service = message.service!;
  const nameOf = (id: number) => {
    const user = emulator.users.get(id);
    return user ? fullName(user) : String(id);
  };
  switch (service.kind) {
    case "new_chat_members":
      return `➕ ${service.userIds.map(nameOf).join(", ")}`;
    case "left_chat_member":
      return `➖ ${nameOf(service.userId)}`;
    case "forum_topic_created":
      return `# ${service.name}`;
  }
}

/** A chat's pinned messages, the most recent last, as the page reads them (the emulator keeps the newest first, as getChat shows it). */
export function pinnedInOrder(chat: EmulatedChat): number[] {
  return [...chat.pinned].reverse();
}

/** The whole world as the page needs it: the group and every demo person's private chat. */
export function worldView(emulator: TelegramEmulator, groupId: number): WorldView {
  const group = emulator.chats.get(groupId);
  const people = peopleOf(emulator);
  const chats: Record<string, PageMessage[]> = {};
  const pinned: Record<string, number[]> = {};
  for (const chatId of [groupId, ...people.map((person) => person.id)]) {
    const chat = emulator.chats.get(chatId);
    chats[chatId] = chat ? emulator.messagesIn(chatId).map((message) => pageMessage(emulator, message)) : [];
    pinned[chatId] = chat ? pinnedInOrder(chat) : [];
  }
  return {
    bot: { id: emulator.bot.id, name: emulator.bot.first_name, username: emulator.bot.username },
    group: { id: groupId, title: group?.title ?? "" },
    people,
    chats,
    pinned,
  };
}
