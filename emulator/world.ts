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
