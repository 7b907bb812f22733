import { randomBytes } from "node:crypto";
import { ApiError, badRequest, forbidden, notModified } from "./errors.ts";
import {
  formattedText,
  MAX_CALLBACK_ANSWER,
  MAX_CAPTION,
  MAX_TEXT,
  readReplyMarkup,
  sameEntities,
  sameMarkup,
} from "./messages.ts";
import type { Params } from "./params.ts";
import type { PrivacyGuard } from "./privacy.ts";
import type { RateLimiter } from "./rate-limits.ts";
import type { BotAction, CallbackQueryRecord, EmulatedChat, EmulatedUser, ReplyMarkup, StoredMessage } from "./world.ts";

export interface BotIdentity {
  id: number;
  first_name: string;
  username: string;
  privacyMode: boolean;
}

/** What the Bot API methods need from the emulator around them. */
export interface BotApiHost {
  readonly bot: BotIdentity;
  readonly users: Map<number, EmulatedUser>;
  readonly chats: Map<number, EmulatedChat>;
  readonly callbackQueries: Map<string, CallbackQueryRecord>;
  readonly files: Map<string, { data: Buffer; name: string; type: string }>;
  readonly commands: Map<string, { command: string; description: string }[]>;
  readonly limiter: RateLimiter;
  readonly callbackAnswerWindowMs: number;
  readonly privacy: PrivacyGuard;
  now(): number;
  privateChat(user: EmulatedUser): EmulatedChat;
  record(action: BotAction): void;
  apiMessage(message: StoredMessage): Record<string, unknown>;
}

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

// The reactions a bot may set without Premium, as listed in the Bot API's ReactionTypeEmoji.
const REACTIONS = new Set(
  "👍 👎 ❤ 🔥 🥰 👏 😁 🤔 🤯 😱 🤬 😢 🎉 🤩 🤮 💩 🙏 👌 🕊 🤡 🥱 🥴 😍 🐳 ❤‍🔥 🌚 🌭 💯 🤣 ⚡ 🍌 🏆 💔 🤨 😐 🍓 🍾 💋 🖕 😈 😴 😭 🤓 👻 👨‍💻 👀 🎃 🙈 😇 😨 🤝 ✍ 🤗 🫡 🎅 🎄 ☃ 💅 🤪 🗿 🆒 💘 🙉 🦄 😘 💊 🙊 😎 👾 🤷‍♂ 🤷 🤷‍♀ 😡".split(" "),
);

const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The Bot API methods the emulator serves, each validating as Telegram does. */
export class BotApi {
  constructor(private readonly host: BotApiHost) {}

  readonly methods: Record<string, (params: Params) => unknown> = {
    getMe: () => ({
      id: this.host.bot.id,
      is_bot: true,
      first_name: this.host.bot.first_name,
      username: this.host.bot.username,
      can_join_groups: true,
      can_read_all_group_messages: !this.host.bot.privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    }),
    sendMessage: (params) => this.sendMessage(params),
    sendDocument: (params) => this.sendDocument(params),
    sendPhoto: (params) => this.sendPhoto(params),
    editMessageText: (params) => this.editMessageText(params),
    editMessageCaption: (params) => this.editMessageCaption(params),
    editMessageReplyMarkup: (params) => this.editMessageReplyMarkup(params),
    deleteMessage: (params) => this.deleteMessage(params),
    answerCallbackQuery: (params) => this.answerCallbackQuery(params),
    pinChatMessage: (params) => this.pinChatMessage(params),
    unpinChatMessage: (params) => this.unpinChatMessage(params),
    setMessageReaction: (params) => this.setMessageReaction(params),
    sendChatAction: (params) => this.sendChatAction(params),
    getChat: (params) => this.getChat(params),
    getChatMember: (params) => this.getChatMember(params),
    getChatAdministrators: (params) => this.getChatAdministrators(params),
    setMyCommands: (params) => this.setMyCommands(params),
    getMyCommands: (params) => this.host.commands.get(commandsKey(params)) ?? [],
    deleteMyCommands: (params) => this.host.commands.delete(commandsKey(params)) || true,
  };

  /** The chat a bot may write to, or the error Telegram gives for it. */
  writableChat(params: Params): EmulatedChat {
    const chat = this.findChat(params);
    if (chat.type === "private") {
      const user = this.host.users.get(chat.id)!;
      if (user.blockedBot) throw forbidden("bot was blocked by the user");
      if (!user.startedBot) throw forbidden("bot can't initiate conversation with a user");
    } else if (chat.bot.status === "kicked") {
      throw forbidden(`bot was kicked from the ${chat.type === "group" ? "group" : "supergroup"} chat`);
    } else if (chat.bot.status === "left") {
      throw forbidden(`bot is not a member of the ${chat.type === "group" ? "group" : "supergroup"} chat`);
    }
    return chat;
  }

  findChat(params: Params): EmulatedChat {
    const id = params.chatId();
    if (typeof id === "string") {
      const byName = [...this.host.chats.values()].find((chat) => chat.username && `@${chat.username}` === id);
      if (!byName) throw badRequest("chat not found");
      return byName;
    }
    const chat = this.host.chats.get(id);
    if (chat?.migratedTo !== undefined) throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: chat.migratedTo });
    if (chat) return chat;
    const user = this.host.users.get(id);
    if (user) return this.host.privateChat(user);
    throw badRequest("chat not found");
  }

  private message(chat: EmulatedChat, params: Params, notFound: string): StoredMessage {
    const messageId = params.integer("message_id");
    const message = chat.messages.get(messageId);
    if (!message || message.deleted) throw badRequest(notFound);
    return message;
  }

  /**
   * Thread and reply of a new message, as Telegram files them in a forum: a reply goes to the
   * topic of the message it answers, and a topic message without a reply answers the topic's
   * creation message.
   */
  private commonSendChecks(chat: EmulatedChat, params: Params): { threadId?: number; replyTo?: number } {
    let threadId = params.optionalInteger("message_thread_id");
    if (threadId !== undefined && chat.isForum && threadId !== 1 && !chat.topics.has(threadId)) {
      throw badRequest("message thread not found");
    }
    const replyParameters = params.json<{ message_id?: number; allow_sending_without_reply?: boolean }>("reply_parameters");
    let replyTo = replyParameters?.message_id ?? params.optionalInteger("reply_to_message_id");
    const allowWithout = replyParameters?.allow_sending_without_reply ?? params.boolean("allow_sending_without_reply");
    if (replyTo !== undefined) {
      const target = chat.messages.get(replyTo);
      if ((!target || target.deleted) && !allowWithout) throw badRequest("message to be replied not found");
      if (!target || target.deleted) replyTo = undefined;
      else if (threadId === undefined && chat.isForum) threadId = target.threadId;
    }
    if (replyTo === undefined && threadId !== undefined && chat.topics.has(threadId)) replyTo = threadId;
    return { threadId, replyTo };
  }

  private store(chat: EmulatedChat, fields: Partial<StoredMessage>): StoredMessage {
    const now = this.host.now();
    const message: StoredMessage = {
      message_id: chat.nextMessageId++,
      chatId: chat.id,
      fromBot: true,
      date: Math.floor(now / 1000),
      versions: [{ at: now, text: fields.text ?? fields.caption, reply_markup: fields.reply_markup }],
      reactions: [],
      deleted: false,
      ...fields,
    };
    chat.messages.set(message.message_id, message);
    this.host.record({ kind: "send", at: now, chatId: chat.id, messageId: message.message_id });
    return message;
  }

  private sendMessage(params: Params) {
    const chat = this.writableChat(params);
    const formatted = formattedText(params, "text", MAX_TEXT)!;
    const markup = readReplyMarkup(params);
    const protection = protectedContent(params);
    const { threadId, replyTo } = this.commonSendChecks(chat, params);
    this.host.limiter.take(chat.id, chat.type !== "private", true);
    const message = this.store(chat, {
      text: formatted.text,
      entities: formatted.entities.length > 0 ? formatted.entities : undefined,
      ...storedMarkup(markup),
      ...protection,
      replyToMessageId: replyTo,
      threadId,
    });
    this.host.privacy.inspect(chat, "sendMessage", message.text);
    this.host.privacy.inspectMarkup(chat, "sendMessage", message.reply_markup);
    return this.host.apiMessage(message);
  }

  private sendDocument(params: Params) {
    const chat = this.writableChat(params);
    const caption = formattedText(params, "caption", MAX_CAPTION);
    const markup = readReplyMarkup(params);
    const protection = protectedContent(params);
    const { threadId, replyTo } = this.commonSendChecks(chat, params);
    let file: { data: Buffer; name: string; type: string };
    let fileId: string;
    const upload = this.uploadedFile(params, "document");
    if (upload) {
      if (upload.data.length === 0) throw badRequest("file must be non-empty");
      if (upload.data.length > MAX_DOCUMENT_BYTES) throw new ApiError(413, "Request Entity Too Large");
      fileId = `BQAC${randomBytes(12).toString("hex")}`;
      file = upload;
      this.host.files.set(fileId, file);
    } else {
      const reference = params.optionalString("document");
      if (!reference) throw badRequest("there is no document in the request");
      if (/^https?:/i.test(reference)) throw badRequest("failed to get HTTP URL content");
      const known = this.host.files.get(reference);
      if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
      fileId = reference;
      file = known;
    }
    this.host.limiter.take(chat.id, chat.type !== "private", true);
    const message = this.store(chat, {
      document: {
        file_id: fileId,
        file_unique_id: fileId.slice(4, 20),
        file_name: file.name,
        mime_type: file.type,
        file_size: file.data.length,
      },
      caption: caption?.text,
      caption_entities: caption && caption.entities.length > 0 ? caption.entities : undefined,
      ...storedMarkup(markup),
      ...protection,
      replyToMessageId: replyTo,
      threadId,
    });
    this.host.privacy.inspect(chat, "sendDocument", message.caption);
    this.host.privacy.inspect(chat, "sendDocument (file name)", file.name);
    this.host.privacy.inspectDocument(chat, "sendDocument (file content)", file.data);
    this.host.privacy.inspectMarkup(chat, "sendDocument", message.reply_markup);
    return this.host.apiMessage(message);
  }

  private sendPhoto(params: Params) {
    const chat = this.writableChat(params);
    const caption = formattedText(params, "caption", MAX_CAPTION);
    const markup = readReplyMarkup(params);
    const protection = protectedContent(params);
    const { threadId, replyTo } = this.commonSendChecks(chat, params);
    let fileId: string;
    let size: number;
    const upload = this.uploadedFile(params, "photo");
    if (upload) {
      if (upload.data.length === 0) throw badRequest("file must be non-empty");
      if (upload.data.length > MAX_PHOTO_BYTES) throw badRequest("PHOTO_INVALID_DIMENSIONS");
      fileId = `AgAC${randomBytes(12).toString("hex")}`;
      this.host.files.set(fileId, upload);
      size = upload.data.length;
    } else {
      const reference = params.optionalString("photo");
      if (!reference) throw badRequest("there is no photo in the request");
      if (/^https?:/i.test(reference)) throw badRequest("failed to get HTTP URL content");
      const known = this.host.files.get(reference);
      if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
      fileId = reference;
      size = known.data.length;
    }
    this.host.limiter.take(chat.id, chat.type !== "private", true);
    const message = this.store(chat, {
      // The emulator does not decode images: one size stands for Telegram's several thumbnails.
      photo: [{ file_id: fileId, file_unique_id: fileId.slice(4, 20), width: 1280, height: 720, file_size: size }],
      caption: caption?.text,
      caption_entities: caption && caption.entities.length > 0 ? caption.entities : undefined,
      ...storedMarkup(markup),
      ...protection,
      replyToMessageId: replyTo,
      threadId,
    });
    this.host.privacy.inspect(chat, "sendPhoto", message.caption);
    this.host.privacy.inspectMarkup(chat, "sendPhoto", message.reply_markup);
    return this.host.apiMessage(message);
  }

  /** A multipart field, or attach://name pointing at one. */
  private uploadedFile(params: Params, field: string) {
    const direct = params.files.get(field);
    if (direct) return direct;
    const value = params.optionalString(field);
    if (value?.startsWith("attach://")) {
      const attached = params.files.get(value.slice("attach://".length));
      if (!attached) throw badRequest("wrong file identifier/HTTP URL specified");
      return attached;
    }
    return undefined;
  }

  private editable(params: Params): { chat: EmulatedChat; message: StoredMessage } {
    if (params.has("inline_message_id")) throw badRequest("the emulator does not host inline messages");
    const chat = this.findChat(params);
    const message = this.message(chat, params, "message to edit not found");
    if (!message.fromBot) throw badRequest("message can't be edited");
    return { chat, message };
  }

  private editMessageText(params: Params) {
    const { chat, message } = this.editable(params);
    if (message.text === undefined) throw badRequest("there is no text in the message to edit");
    const formatted = formattedText(params, "text", MAX_TEXT)!;
    // As in Telegram, an edit that does not pass reply_markup removes the inline keyboard.
    const markup = readReplyMarkup(params);
    const keyboard = markup?.inline_keyboard ? markup : undefined;
    if (
      formatted.text === message.text &&
      sameEntities(formatted.entities, message.entities) &&
      sameMarkup(keyboard, message.reply_markup)
    ) {
      throw notModified();
    }
    this.host.limiter.take(chat.id, chat.type !== "private", false);
    message.text = formatted.text;
    message.entities = formatted.entities.length > 0 ? formatted.entities : undefined;
    message.reply_markup = keyboard;
    this.host.privacy.inspect(chat, "editMessageText", message.text);
    this.host.privacy.inspectMarkup(chat, "editMessageText", message.reply_markup);
    return this.recordEdit(chat, message);
  }

  private editMessageCaption(params: Params) {
    const { chat, message } = this.editable(params);
    if (!message.document && !message.photo) throw badRequest("there is no caption in the message to edit");
    const caption = formattedText(params, "caption", MAX_CAPTION);
    const markup = readReplyMarkup(params);
    const keyboard = markup?.inline_keyboard ? markup : undefined;
    if (
      caption?.text === message.caption &&
      sameEntities(caption?.entities, message.caption_entities) &&
      sameMarkup(keyboard, message.reply_markup)
    ) {
      throw notModified();
    }
    this.host.limiter.take(chat.id, chat.type !== "private", false);
    message.caption = caption?.text;
    message.caption_entities = caption && caption.entities.length > 0 ? caption.entities : undefined;
    message.reply_markup = keyboard;
    this.host.privacy.inspect(chat, "editMessageCaption", message.caption);
    this.host.privacy.inspectMarkup(chat, "editMessageCaption", message.reply_markup);
    return this.recordEdit(chat, message);
  }

  private editMessageReplyMarkup(params: Params) {
    const { chat, message } = this.editable(params);
    const markup = readReplyMarkup(params);
    const keyboard = markup?.inline_keyboard ? markup : undefined;
    if (sameMarkup(keyboard, message.reply_markup)) throw notModified();
    this.host.limiter.take(chat.id, chat.type !== "private", false);
    message.reply_markup = keyboard;
    this.host.privacy.inspectMarkup(chat, "editMessageReplyMarkup", message.reply_markup);
    return this.recordEdit(chat, message);
  }

  private recordEdit(chat: EmulatedChat, message: StoredMessage) {
    const now = this.host.now();
    message.edit_date = Math.floor(now / 1000);
    message.versions.push({ at: now, text: message.text ?? message.caption, reply_markup: message.reply_markup });
    this.host.record({ kind: "edit", at: now, chatId: chat.id, messageId: message.message_id });
    return this.host.apiMessage(message);
  }

  private deleteMessage(params: Params) {
    const chat = this.findChat(params);
    const message = this.message(chat, params, "message to delete not found");
    const botIsAdmin = chat.bot.status === "administrator" && chat.bot.rights.can_delete_messages;
    if (!message.fromBot && chat.type !== "private" && !botIsAdmin) throw badRequest("message can't be deleted");
    message.deleted = true;
    this.host.record({ kind: "delete", at: this.host.now(), chatId: chat.id, messageId: message.message_id });
    return true;
  }

  private answerCallbackQuery(params: Params) {
    const id = params.string("callback_query_id");
    const query = this.host.callbackQueries.get(id);
    const tooOld = !query || query.answered || this.host.now() - query.createdAt > this.host.callbackAnswerWindowMs;
    if (tooOld) throw badRequest("query is too old and response timeout expired or query ID is invalid");
    const text = params.optionalString("text");
    if (text !== undefined && text.length > MAX_CALLBACK_ANSWER) throw badRequest("MESSAGE_TOO_LONG");
    query.answered = true;
    query.answer = { text, show_alert: params.boolean("show_alert") };
    this.host.record({ kind: "answer_callback", at: this.host.now(), queryId: id, text, showAlert: query.answer.show_alert });
    query.resolve(query.answer);
    return true;
  }

  private pinChatMessage(params: Params) {
    const chat = this.writableChat(params);
    const message = this.message(chat, params, "message to pin not found");
    if (chat.type !== "private" && !(chat.bot.status === "administrator" && chat.bot.rights.can_pin_messages)) {
      throw badRequest("not enough rights to manage pinned messages in the chat");
    }
    chat.pinned = [message.message_id, ...chat.pinned.filter((id) => id !== message.message_id)];
    this.host.record({ kind: "pin", at: this.host.now(), chatId: chat.id, messageId: message.message_id });
    return true;
  }

  /** Without message_id Telegram unpins the most recent pinned message; ortak always names one. */
  private unpinChatMessage(params: Params) {
    const chat = this.writableChat(params);
    if (chat.type !== "private" && !(chat.bot.status === "administrator" && chat.bot.rights.can_pin_messages)) {
      throw badRequest("not enough rights to manage pinned messages in the chat");
    }
    const messageId = params.optionalInteger("message_id") ?? chat.pinned[0];
    if (messageId === undefined || !chat.messages.has(messageId)) throw badRequest("message to unpin not found");
    chat.pinned = chat.pinned.filter((id) => id !== messageId);
    this.host.record({ kind: "unpin", at: this.host.now(), chatId: chat.id, messageId });
    return true;
  }

  private setMessageReaction(params: Params) {
    const chat = this.findChat(params);
    const message = this.message(chat, params, "message to react not found");
    const reaction = params.json<{ type: string; emoji?: string }[]>("reaction") ?? [];
    if (!Array.isArray(reaction)) throw badRequest("REACTION_INVALID");
    if (reaction.length > 1) throw badRequest("REACTIONS_TOO_MANY");
    for (const item of reaction) {
      if (item.type !== "emoji" || !item.emoji || !REACTIONS.has(item.emoji)) throw badRequest("REACTION_INVALID");
    }
    message.reactions = reaction.map((item) => item.emoji!);
    this.host.record({ kind: "react", at: this.host.now(), chatId: chat.id, messageId: message.message_id, emoji: message.reactions });
    return true;
  }

  private sendChatAction(params: Params) {
    const chat = this.writableChat(params);
    const action = params.string("action");
    if (!CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
    this.host.record({ kind: "chat_action", at: this.host.now(), chatId: chat.id, action });
    return true;
  }

  private getChat(params: Params) {
    const chat = this.findChat(params);
    const pinned = chat.pinned[0] !== undefined ? chat.messages.get(chat.pinned[0]) : undefined;
    return {
      ...this.chatObject(chat),
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false },
      ...(pinned ? { pinned_message: this.host.apiMessage(pinned) } : {}),
    };
  }

  chatObject(chat: EmulatedChat): Record<string, unknown> {
    if (chat.type === "private") {
      const user = this.host.users.get(chat.id)!;
      return { id: chat.id, type: "private", first_name: user.first_name, last_name: user.last_name, username: user.username };
    }
    return {
      id: chat.id,
      type: chat.type,
      title: chat.title,
      ...(chat.username ? { username: chat.username } : {}),
      ...(chat.isForum ? { is_forum: true } : {}),
    };
  }

  userObject(user: EmulatedUser): Record<string, unknown> {
    return {
      id: user.id,
      is_bot: false,
      first_name: user.first_name,
      ...(user.last_name ? { last_name: user.last_name } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.language_code ? { language_code: user.language_code } : {}),
    };
  }

  botUserObject(): Record<string, unknown> {
    return { id: this.host.bot.id, is_bot: true, first_name: this.host.bot.first_name, username: this.host.bot.username };
  }

  private getChatMember(params: Params) {
    const chat = this.findChat(params);
    const userId = params.integer("user_id");
    if (userId === this.host.bot.id) return this.memberObject(chat, this.botUserObject(), chat.bot.status);
    const user = this.host.users.get(userId);
    if (!user) throw badRequest("user not found");
    const status = chat.type === "private" ? (userId === chat.id ? "member" : "left") : (chat.members.get(userId) ?? "left");
    return this.memberObject(chat, this.userObject(user), status);
  }

  private getChatAdministrators(params: Params) {
    const chat = this.findChat(params);
    if (chat.type === "private") throw badRequest("there are no administrators in the private chat");
    const admins: Record<string, unknown>[] = [];
    for (const [userId, status] of chat.members) {
      if (status === "creator" || status === "administrator") {
        admins.push(this.memberObject(chat, this.userObject(this.host.users.get(userId)!), status));
      }
    }
    if (chat.bot.status === "administrator") admins.push(this.memberObject(chat, this.botUserObject(), "administrator"));
    return admins;
  }

  memberObject(chat: EmulatedChat, user: Record<string, unknown>, status: string): Record<string, unknown> {
    if (status === "creator") return { status, user, is_anonymous: false };
    if (status === "administrator") {
      const isBot = user.is_bot === true;
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: isBot ? chat.bot.rights.can_delete_messages : true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: isBot ? chat.bot.rights.can_pin_messages : true,
        can_manage_topics: chat.isForum,
      };
    }
    if (status === "kicked") return { status, user, until_date: 0 };
    return { status, user };
  }

  private setMyCommands(params: Params) {
    const commands = params.json<{ command: string; description: string }[]>("commands");
    if (!Array.isArray(commands)) throw badRequest("commands must be an Array");
    if (commands.length > 100) throw badRequest("too many commands");
    for (const entry of commands) {
      if (typeof entry?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(entry.command)) throw badRequest("BOT_COMMAND_INVALID");
      if (typeof entry.description !== "string" || entry.description.length < 1 || entry.description.length > 256) {
        throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    const language = params.optionalString("language_code") ?? "";
    if (language !== "" && !/^[a-z]{2}$/.test(language)) throw badRequest("LANG_CODE_INVALID");
    this.host.commands.set(commandsKey(params), commands.map(({ command, description }) => ({ command, description })));
    return true;
  }
}

function commandsKey(params: Params): string {
  const scope = params.json<{ type: string }>("scope") ?? { type: "default" };
  return `${JSON.stringify(scope)}|${params.optionalString("language_code") ?? ""}`;
}

/** protect_content, type-checked as Telegram does; kept on the message only when set. */
function protectedContent(params: Params): Pick<StoredMessage, "has_protected_content"> {
  return params.optionalBoolean("protect_content") ? { has_protected_content: true } : {};
}

/** What a sent message keeps of its markup: an inline keyboard (part of the message) or a request to reply (for the apps). */
function storedMarkup(markup: ReplyMarkup | undefined): Pick<StoredMessage, "reply_markup" | "forceReply"> {
  if (markup?.inline_keyboard) return { reply_markup: markup };
  if (markup?.force_reply === true) {
    const placeholder = typeof markup.input_field_placeholder === "string" ? markup.input_field_placeholder : undefined;
    return { forceReply: { selective: markup.selective === true, ...(placeholder !== undefined ? { placeholder } : {}) } };
  }
  return {};
}
