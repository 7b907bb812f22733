import type { MessageEntity } from "./html.ts";

export type ChatType = "private" | "group" | "supergroup";
export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface EmulatedUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  /** Pressed Start in a private chat with the bot. */
  startedBot: boolean;
  blockedBot: boolean;
}

export interface BotRights {
  can_pin_messages: boolean;
  can_delete_messages: boolean;
}

export interface EmulatedChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  isForum: boolean;
  topics: Map<number, string>;
  members: Map<number, MemberStatus>;
  bot: { status: MemberStatus; rights: BotRights };
  messages: Map<number, StoredMessage>;
  nextMessageId: number;
  pinned: number[];
  /** A group upgraded to a supergroup: everything sent to it since is refused with the new id. */
  migratedTo?: number;
}

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  [key: string]: unknown;
}

export interface ReplyMarkup {
  inline_keyboard?: InlineButton[][];
  [key: string]: unknown;
}

/** An uploaded file's bytes, as the bot sent them. */
export interface StoredFile {
  data: Buffer;
  name: string;
  type: string;
}

export interface BotCommand {
  command: string;
  description: string;
}

export interface StoredDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
}

export interface StoredPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export type ServiceEvent =
  | { kind: "forum_topic_created"; name: string; iconColor: number }
  | { kind: "new_chat_members"; userIds: number[] }
  | { kind: "left_chat_member"; userId: number };

export interface StoredMessage {
  message_id: number;
  chatId: number;
  fromBot: boolean;
  fromUserId?: number;
  date: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  document?: StoredDocument;
  photo?: StoredPhotoSize[];
  /** Service messages: what happened instead of text. */
  service?: ServiceEvent;
  reply_markup?: ReplyMarkup;
  /** Sent with protect_content: the apps let nobody forward or save it (Bot API: has_protected_content). */
  has_protected_content?: boolean;
  /**
   * The bot asked for an answer by reply (force_reply). Telegram's apps open the reply for the
   * people it targets; the Bot API's message object never shows it.
   */
  forceReply?: { selective: boolean; placeholder?: string };
  replyToMessageId?: number;
  threadId?: number;
  edit_date?: number;
  /** Every text/markup the message had, oldest first; edits append. */
  versions: { at: number; text?: string; reply_markup?: ReplyMarkup }[];
  reactions: string[];
  deleted: boolean;
}

/** What the bot did, in order: tests read this to see what a user would have seen. */
export type BotAction =
  | { kind: "send"; at: number; chatId: number; messageId: number }
  | { kind: "edit"; at: number; chatId: number; messageId: number }
  | { kind: "delete"; at: number; chatId: number; messageId: number }
  | { kind: "pin"; at: number; chatId: number; messageId: number }
  | { kind: "unpin"; at: number; chatId: number; messageId: number }
  | { kind: "react"; at: number; chatId: number; messageId: number; emoji: string[] }
  | { kind: "chat_action"; at: number; chatId: number; action: string }
  | { kind: "answer_callback"; at: number; queryId: string; text?: string; showAlert: boolean };

export interface CallbackQueryRecord {
  id: string;
  userId: number;
  chatId: number;
  messageId: number;
  data: string;
  createdAt: number;
  answered: boolean;
  answer?: { text?: string; show_alert: boolean };
  resolve: (answer: { text?: string; show_alert: boolean }) => void;
}

/**
 * Everything the emulated Telegram knows: people, chats with their messages, files, the bot's
 * command menus, and open callback queries. Parts of the emulator share one World.
 */
export class World {
  readonly users = new Map<number, EmulatedUser>();
  readonly chats = new Map<number, EmulatedChat>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly files = new Map<string, StoredFile>();
  /** Keyed by scope JSON and language code, as setMyCommands stores them. */
  readonly commands = new Map<string, BotCommand[]>();
  nextUserId = 700_000_001;
  nextGroupId = 4_000_000_001;

  /** A user's chat with the bot, made on first use as Telegram has it always. */
  privateChat(user: EmulatedUser): EmulatedChat {
    let chat = this.chats.get(user.id);
    if (!chat) {
      chat = newChat(user.id, "private");
      this.chats.set(user.id, chat);
    }
    return chat;
  }

  chatCreator(chat: EmulatedChat): EmulatedUser {
    for (const [userId, status] of chat.members) if (status === "creator") return this.users.get(userId)!;
    throw new Error(`chat ${chat.id} has no creator; pass the topic's creator`);
  }

  /** Messages in a chat as a user sees them now (deleted ones left out), oldest first. */
  messagesIn(chatId: number): StoredMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].filter((message) => !message.deleted);
  }

  /** Open queries can no longer be answered, as when the server goes away: each press ends without a toast. */
  expireCallbackQueries(): void {
    for (const query of this.callbackQueries.values()) {
      if (query.answered) continue;
      query.answered = true;
      query.resolve({ show_alert: false });
    }
  }
}

export function newChat(id: number, type: ChatType): EmulatedChat {
  return {
    id,
    type,
    isForum: false,
    topics: new Map(),
    members: new Map(),
    bot: { status: "member", rights: { can_pin_messages: false, can_delete_messages: false } },
    messages: new Map(),
    nextMessageId: 1,
    pinned: [],
  };
}

export function isPresent(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator" || status === "member";
}

export function isAdmin(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator";
}
