import { badRequest } from "./errors.ts";
import { autoEntities } from "./html.ts";
import { MAX_TEXT, TEXT_EMPTY, TEXT_TOO_LONG } from "./messages.ts";
import type { EmulatorParts } from "./parts.ts";
import { isPresent, newChat, type BotRights, type ChatType, type EmulatedChat, type EmulatedUser, type MemberStatus, type StoredMessage } from "./world.ts";

/** A forum's General topic, which Telegram addresses as thread 1 but never marks on messages. */
const GENERAL_TOPIC = 1;

export interface NewUser {
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  id?: number;
  public?: boolean;
}

export interface NewGroup {
  title: string;
  type?: Exclude<ChatType, "private">;
  members?: { user: EmulatedUser; status?: MemberStatus }[];
  botStatus?: MemberStatus;
  botRights?: Partial<BotRights>;
  isForum?: boolean;
  username?: string;
}

export type ButtonAnswer = { text?: string; show_alert: boolean };

/** What people do: appear, make groups, write, press buttons, block the bot. */
export class UserActions {
  constructor(private readonly parts: EmulatorParts) {}

  /**
   * A Telegram user. The privacy guard watches for their name in groups unless `public` says
   * the name is printed there on purpose (a facilitator, say).
   */
  createUser(fields: NewUser): EmulatedUser {
    const { public: isPublic, ...profile } = fields;
    const user: EmulatedUser = { id: profile.id ?? this.parts.world.nextUserId++, ...profile, startedBot: false, blockedBot: false };
    this.parts.world.users.set(user.id, user);
    if (isPublic) this.parts.privacy.declarePublic(user.id);
    return user;
  }

  createGroup(fields: NewGroup): EmulatedChat {
    const type = fields.type ?? "supergroup";
    const sequence = this.parts.world.nextGroupId++;
    const id = type === "supergroup" ? -(1_000_000_000_000 + sequence) : -sequence;
    const chat = newChat(id, type);
    chat.title = fields.title;
    chat.username = fields.username;
    chat.isForum = fields.isForum ?? false;
    chat.bot = {
      status: fields.botStatus ?? "member",
      rights: { can_pin_messages: false, can_delete_messages: false, ...fields.botRights },
    };
    for (const member of fields.members ?? []) chat.members.set(member.user.id, member.status ?? "member");
    this.parts.world.chats.set(id, chat);
    return chat;
  }

  /**
   * The group becomes a supergroup with a new id, as Telegram does when a group grows or gets
   * certain settings: members and the bot's status move along, the old messages stay behind,
   * and whatever is sent to the old id is refused with the new one.
   */
  upgradeToSupergroup(group: EmulatedChat): EmulatedChat {
    if (group.type !== "group") throw new Error("only a basic group can be upgraded");
    const upgraded = this.createGroup({ title: group.title ?? "", botStatus: group.bot.status, botRights: group.bot.rights });
    for (const [userId, status] of group.members) upgraded.members.set(userId, status);
    group.migratedTo = upgraded.id;
    return upgraded;
  }

  blockBot(user: EmulatedUser): void {
    user.blockedBot = true;
  }

  /**
   * The user sends text to a chat ("private" = their chat with the bot). Returns the stored
   * message and whether the bot received it (group privacy mode may withhold it). Text Telegram
   * would refuse (empty, over 4096 characters) throws its ApiError and stores nothing.
   */
  sendText(
    user: EmulatedUser,
    target: EmulatedChat | "private",
    text: string,
    options: { replyTo?: number; threadId?: number } = {},
  ): { message: StoredMessage; delivered: boolean } {
    if (text.trim().length === 0) throw badRequest(TEXT_EMPTY);
    if (text.length > MAX_TEXT) throw badRequest(TEXT_TOO_LONG);
    const chat = target === "private" ? this.parts.world.privateChat(user) : target;
    if (chat.type !== "private" && !isPresent(chat.members.get(user.id) ?? "left")) {
      throw new Error(`user ${user.id} is not a member of chat ${chat.id}`);
    }
    const { threadId, replyTo } = placeInThread(chat, options);
    if (chat.type === "private") {
      if (user.blockedBot && !text.startsWith("/start")) throw new Error("the user has blocked the bot; /start unblocks it");
      user.blockedBot = false;
      user.startedBot = true;
    }
    const entities = autoEntities(text);
    const message: StoredMessage = {
      message_id: chat.nextMessageId++,
      chatId: chat.id,
      fromBot: false,
      fromUserId: user.id,
      date: Math.floor(this.parts.now() / 1000),
      text,
      entities: entities.length > 0 ? entities : undefined,
      replyToMessageId: replyTo,
      threadId,
      versions: [{ at: this.parts.now(), text }],
      reactions: [],
      deleted: false,
    };
    chat.messages.set(message.message_id, message);
    const delivered = this.reachesBot(chat, message);
    if (delivered) this.parts.updates.enqueue("message", this.parts.apiMessage(message));
    this.parts.feed.messageChanged(chat.id, message.message_id);
    this.parts.feed.changed();
    return { message, delivered };
  }

  /** Group privacy mode: commands for this bot, replies to it; everything when it is an admin. */
  private reachesBot(chat: EmulatedChat, message: StoredMessage): boolean {
    const { bot } = this.parts;
    if (chat.type === "private" || !bot.privacyMode || chat.bot.status === "administrator") return true;
    if (chat.bot.status !== "member") return false;
    const repliedTo = message.replyToMessageId !== undefined ? chat.messages.get(message.replyToMessageId) : undefined;
    if (repliedTo?.fromBot) return true;
    const command = /^\/[a-zA-Z0-9_]{1,32}(?:@([a-zA-Z0-9_]+))?(?:\s|$)/.exec(message.text ?? "");
    if (!command) return false;
    return command[1] === undefined || command[1].toLowerCase() === bot.username.toLowerCase();
  }

  /**
   * The user presses an inline button; resolves with the bot's answerCallbackQuery. `forged`
   * sends data that is on no button of the message, as a modified client can. A message that
   * is gone, or has no such button, throws a 400 ApiError at once.
   */
  pressButton(
    user: EmulatedUser,
    chatId: number,
    messageId: number,
    data: string,
    options: { timeoutMs?: number; forged?: boolean } = {},
  ): Promise<ButtonAnswer> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const message = this.parts.world.chats.get(chatId)?.messages.get(messageId);
    if (!message || message.deleted) throw badRequest("message not found");
    if (!message.fromBot) throw badRequest(`message ${messageId} has no buttons`);
    const buttons = message.reply_markup?.inline_keyboard?.flat() ?? [];
    if (!options.forged && !buttons.some((button) => button.callback_data === data)) {
      throw badRequest(`message ${messageId} has no button with data "${data}"`);
    }
    const id = `${this.parts.updates.upcomingId}${Math.floor(Math.random() * 1e6)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // Forgotten, as Telegram forgets it: a late answer is refused as too old.
        this.parts.world.callbackQueries.delete(id);
        reject(new Error(`callback query ${id} was not answered in ${timeoutMs} ms`));
      }, timeoutMs);
      this.parts.world.callbackQueries.set(id, {
        id,
        userId: user.id,
        chatId,
        messageId,
        data,
        createdAt: this.parts.now(),
        answered: false,
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      });
      this.parts.updates.enqueue("callback_query", {
        id,
        from: this.parts.objects.userObject(user),
        message: this.parts.apiMessage(message),
        chat_instance: String(Math.abs(chatId)),
        data,
      });
    });
  }
}

/**
 * Where a user's message lands in a forum: a reply joins the topic of what it answers; a topic
 * message that answers nothing else answers the topic's creation message, as in Telegram.
 */
function placeInThread(chat: EmulatedChat, options: { replyTo?: number; threadId?: number }): { threadId?: number; replyTo?: number } {
  const target = options.replyTo !== undefined ? chat.messages.get(options.replyTo) : undefined;
  if (options.replyTo !== undefined && (!target || target.deleted)) throw badRequest("message to be replied not found");
  if (!chat.isForum) return { threadId: options.threadId, replyTo: options.replyTo };
  const threadId = options.threadId ?? target?.threadId;
  if (threadId !== undefined && threadId !== GENERAL_TOPIC && !chat.topics.has(threadId)) throw new Error(`chat ${chat.id} has no topic ${threadId}`);
  // General (thread 1) is where messages without a thread are, too.
  const topicOf = (id: number | undefined) => (id === GENERAL_TOPIC ? undefined : id);
  if (target && topicOf(target.threadId) !== topicOf(threadId)) throw new Error(`message ${target.message_id} is not in topic ${threadId ?? "General"}`);
  const inTopic = threadId !== undefined && chat.topics.has(threadId);
  return { threadId, replyTo: options.replyTo ?? (inTopic ? threadId : undefined) };
}
