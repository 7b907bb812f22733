import type { EmulatorParts } from "./parts.ts";
import { isAdmin, isPresent, type BotRights, type EmulatedChat, type EmulatedUser, type MemberStatus, type ServiceEvent, type StoredMessage } from "./world.ts";

/** The colours Telegram allows for a topic's icon. */
const TOPIC_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];
export const DEFAULT_TOPIC_COLOR = 0x6fb9f0;

/**
 * What happens to a group rather than in it: topics opened, people joining, leaving or removed,
 * the bot's own status. Telegram announces most of these with service messages.
 */
export class ChatEvents {
  constructor(private readonly parts: EmulatorParts) {}

  /**
   * A forum topic, as Telegram makes one: its creation service message (from `creator`, else the
   * chat's creator) opens the thread, and its message_id is the thread id, which is returned.
   */
  createTopic(chat: EmulatedChat, name: string, creator?: EmulatedUser, iconColor = DEFAULT_TOPIC_COLOR): number {
    if (!chat.isForum) throw new Error("topics exist only in forum supergroups");
    if (!TOPIC_COLORS.includes(iconColor)) throw new Error(`icon_color must be one of ${TOPIC_COLORS.join(", ")}`);
    const author = creator ?? this.parts.world.chatCreator(chat);
    // Members may create topics unless the group forbids it, which the emulator does not model.
    if (!isPresent(chat.members.get(author.id))) throw new Error(`user ${author.id} is not a member of chat ${chat.id}`);
    const message = this.storeService(chat, author, { kind: "forum_topic_created", name, iconColor });
    message.threadId = message.message_id;
    chat.topics.set(message.message_id, name);
    this.deliverService(chat, message);
    return message.message_id;
  }

  setMember(chat: EmulatedChat, user: EmulatedUser, status: MemberStatus): void {
    chat.members.set(user.id, status);
  }

  /** The user leaves the group themselves. */
  leaveChat(chat: EmulatedChat, user: EmulatedUser): void {
    this.changeMembership(chat, user, user, "left");
  }

  /** An administrator removes the user; they cannot come back until an administrator adds them. */
  removeFromChat(chat: EmulatedChat, user: EmulatedUser, by: EmulatedUser): void {
    if (!isAdmin(chat.members.get(by.id))) throw new Error(`user ${by.id} is not an administrator of chat ${chat.id}`);
    if (chat.members.get(user.id) === "creator") throw new Error("the creator of a chat cannot be removed");
    this.changeMembership(chat, user, by, "kicked");
  }

  /**
   * The user joins (by link, or added by `by`, an administrator). A removed user can only be
   * added back by an administrator, as in Telegram.
   */
  joinChat(chat: EmulatedChat, user: EmulatedUser, by?: EmulatedUser): void {
    if (by && !isAdmin(chat.members.get(by.id))) throw new Error(`user ${by.id} is not an administrator of chat ${chat.id}`);
    if (chat.members.get(user.id) === "kicked" && !by) throw new Error(`user ${user.id} was removed from chat ${chat.id}; an administrator must add them back`);
    this.changeMembership(chat, user, by ?? user, "member");
  }

  setBotStatus(chat: EmulatedChat, status: MemberStatus, rights: Partial<BotRights> = {}): void {
    chat.bot = { status, rights: { ...chat.bot.rights, ...rights } };
  }

  /**
   * One membership change: the status, the service message every bot in the chat receives (even
   * in privacy mode), and the chat_member update an administrator bot gets when it asked for them.
   */
  private changeMembership(chat: EmulatedChat, user: EmulatedUser, by: EmulatedUser, status: "member" | "left" | "kicked"): void {
    if (chat.type === "private") throw new Error("membership changes happen in groups");
    const old = chat.members.get(user.id) ?? "left";
    const joining = status === "member";
    if (joining === isPresent(old)) throw new Error(`user ${user.id} is ${joining ? "already" : "not"} a member of chat ${chat.id}`);
    chat.members.set(user.id, status);
    const event: ServiceEvent = joining ? { kind: "new_chat_members", userIds: [user.id] } : { kind: "left_chat_member", userId: user.id };
    const message = this.storeService(chat, by, event);
    this.deliverService(chat, message);
    if (chat.bot.status === "administrator") {
      const { objects } = this.parts;
      this.parts.updates.enqueue("chat_member", {
        chat: objects.chatObject(chat),
        from: objects.userObject(by),
        date: message.date,
        old_chat_member: objects.memberObject(chat, objects.userObject(user), old),
        new_chat_member: objects.memberObject(chat, objects.userObject(user), status),
      });
    }
    this.parts.feed.changed();
  }

  private storeService(chat: EmulatedChat, from: EmulatedUser, service: ServiceEvent): StoredMessage {
    const id = chat.nextMessageId++;
    const message: StoredMessage = {
      message_id: id,
      chatId: chat.id,
      fromBot: false,
      fromUserId: from.id,
      date: Math.floor(this.parts.now() / 1000),
      service,
      versions: [],
      reactions: [],
      deleted: false,
    };
    chat.messages.set(id, message);
    return message;
  }

  /** Service messages reach every bot still in the chat, privacy mode or not. */
  private deliverService(chat: EmulatedChat, message: StoredMessage): void {
    if (isPresent(chat.bot.status)) this.parts.updates.enqueue("message", this.parts.apiMessage(message));
    this.parts.feed.messageChanged(chat.id, message.message_id);
    this.parts.feed.changed();
  }
}
