import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BotApi, type BotApiHost, type BotIdentity } from "./bot-api.ts";
import { ApiError, badRequest } from "./errors.ts";
import { autoEntities } from "./html.ts";
import { parseMultipart } from "./multipart.ts";
import { Params } from "./params.ts";
import { PrivacyGuard } from "./privacy.ts";
import { RateLimiter, TELEGRAM_LIMITS, type RateLimitSettings } from "./rate-limits.ts";
import type {
  BotAction,
  BotRights,
  CallbackQueryRecord,
  ChatType,
  EmulatedChat,
  EmulatedUser,
  MemberStatus,
  ServiceEvent,
  StoredMessage,
} from "./world.ts";

export interface EmulatorOptions {
  token?: string;
  botUsername?: string;
  botName?: string;
  privacyMode?: boolean;
  /** Telegram's flood limits by default; false turns them off (throughput benchmarks). */
  limits?: RateLimitSettings | false;
  /** How long a callback query may wait for its answer (Telegram: about 15 s). */
  callbackAnswerWindowMs?: number;
  /** First delay between webhook delivery attempts; doubles up to 30 s. */
  webhookRetryMs?: number;
}

type Update = { update_id: number } & Record<string, unknown>;

const DEFAULT_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member", "channel_post", "edited_channel_post", "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query", "poll", "poll_answer", "chat_join_request"];

interface Waiter {
  resolve: (updates: Update[] | ApiError) => void;
  timer: NodeJS.Timeout;
}

interface ServedError {
  method: string;
  chatId?: number | string;
  errorCode: number;
  description: string;
}

interface InjectedFailure {
  method: string;
  chatId?: number;
  error: ApiError;
}

/**
 * A Telegram Bot API server for one bot, on loopback. It keeps users, chats and messages in
 * memory, answers the bot's HTTP calls as strictly as Telegram (validation, limits, 403/429,
 * privacy mode, offsets, webhooks, multipart uploads), and lets tests act as users.
 */
export class TelegramEmulator extends EventEmitter implements BotApiHost {
  readonly token: string;
  readonly bot: BotIdentity;
  readonly users = new Map<number, EmulatedUser>();
  readonly chats = new Map<number, EmulatedChat>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  readonly files = new Map<string, { data: Buffer; name: string; type: string }>();
  readonly commands = new Map<string, { command: string; description: string }[]>();
  readonly limiter: RateLimiter;
  readonly callbackAnswerWindowMs: number;
  readonly actions: BotAction[] = [];
  readonly servedErrors: ServedError[] = [];
  readonly requestCounts = new Map<string, number>();
  /** Every group message naming a person created here is recorded (see PrivacyGuard). */
  readonly privacy = new PrivacyGuard(() => this.users.values());

  private readonly api: BotApi;
  private readonly webhookRetryMs: number;
  private server: Server | undefined;
  private nextUpdateId = 100_000;
  private nextUserId = 700_000_001;
  private nextGroupId = 4_000_000_001;
  private pending: Update[] = [];
  private allowedUpdates = DEFAULT_UPDATES;
  private poller: Waiter | undefined;
  private webhook: { url: string; secret?: string; lastErrorDate?: number; lastErrorMessage?: string; maxConnections: number } | undefined;
  private webhookRunning = false;
  private readonly injected: InjectedFailure[] = [];

  constructor(options: EmulatorOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";
    const botId = Number(this.token.split(":")[0]);
    this.bot = {
      id: botId,
      first_name: options.botName ?? "ortak",
      username: options.botUsername ?? "ortak_test_bot",
      privacyMode: options.privacyMode ?? true,
    };
    this.limiter = new RateLimiter(options.limits === undefined ? TELEGRAM_LIMITS : options.limits);
    this.callbackAnswerWindowMs = options.callbackAnswerWindowMs ?? 15_000;
    this.webhookRetryMs = options.webhookRetryMs ?? 200;
    this.api = new BotApi(this);
  }

  now(): number {
    return Date.now();
  }

  // ---- HTTP server ---------------------------------------------------------------------

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return this.apiRoot;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("emulator is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.webhook = undefined;
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve([]);
      this.poller = undefined;
    }
    for (const query of this.callbackQueries.values()) if (!query.answered) query.answered = true;
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let status = 200;
    let body: Record<string, unknown>;
    let method = "";
    let params: Params | undefined;
    try {
      if (!match) throw new ApiError(404, "Not Found");
      if (match[1] !== this.token) throw new ApiError(401, "Unauthorized");
      method = match[2]!;
      params = await readParams(req, url);
      this.requestCounts.set(method, (this.requestCounts.get(method) ?? 0) + 1);
      const result = await this.call(method, params);
      body = { ok: true, result };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      status = apiError.errorCode;
      body = apiError.toBody();
      let chatId: number | string | undefined;
      try {
        chatId = params?.has("chat_id") ? params.chatId() : undefined;
      } catch {
        chatId = undefined;
      }
      this.servedErrors.push({ method, chatId, errorCode: apiError.errorCode, description: apiError.description });
      this.emit("change");
    }
    const payload = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
    res.end(payload);
  }

  private async call(method: string, params: Params): Promise<unknown> {
    const injected = this.takeInjected(method, params);
    if (injected) throw injected;
    switch (method) {
      case "getUpdates":
        return this.getUpdates(params);
      case "setWebhook":
        return this.setWebhook(params);
      case "deleteWebhook":
        return this.deleteWebhook(params);
      case "getWebhookInfo":
        return this.webhookInfo();
      case "close":
      case "logOut":
        return true;
    }
    const handler = this.api.methods[method];
    if (!handler) throw new ApiError(404, "Not Found");
    const result = handler(params);
    this.emit("change");
    return result;
  }

  private takeInjected(method: string, params: Params): ApiError | undefined {
    const index = this.injected.findIndex((failure) => {
      if (failure.method !== method) return false;
      if (failure.chatId === undefined) return true;
      return params.has("chat_id") && Number(params.raw("chat_id")) === failure.chatId;
    });
    if (index < 0) return undefined;
    return this.injected.splice(index, 1)[0]!.error;
  }

  // ---- Updates: getUpdates and webhooks --------------------------------------------------

  private getUpdates(params: Params): Promise<Update[]> | Update[] {
    if (this.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = params.optionalInteger("offset");
    const limit = Math.min(100, Math.max(1, params.optionalInteger("limit") ?? 100));
    const timeout = Math.max(0, params.optionalInteger("timeout") ?? 0);
    const allowed = params.json<string[]>("allowed_updates");
    if (allowed !== undefined) this.allowedUpdates = allowed.length > 0 ? allowed : DEFAULT_UPDATES;
    if (offset !== undefined && offset < 0) {
      this.pending = this.pending.slice(offset);
    } else if (offset !== undefined) {
      this.pending = this.pending.filter((update) => update.update_id >= offset);
    }
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
      this.poller = undefined;
    }
    if (this.pending.length > 0 || timeout === 0) return this.pending.slice(0, limit);
    return new Promise<Update[]>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (result) => {
          if (this.poller === waiter) this.poller = undefined;
          if (result instanceof ApiError) reject(result);
          else resolve(result.length > 0 ? result : this.pending.slice(0, limit));
        },
        timer: setTimeout(() => waiter.resolve([]), timeout * 1000),
      };
      this.poller = waiter;
    });
  }

  private setWebhook(params: Params): boolean {
    const url = params.optionalString("url") ?? "";
    if (url === "") {
      this.webhook = undefined;
      return true;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest("bad webhook: Failed to resolve host: Name or service not known");
    }
    // Telegram demands https; the emulator also accepts http on loopback, where tests listen.
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
    if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback)) {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    const secret = params.optionalString("secret_token");
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw badRequest("bad webhook: secret token contains unallowed characters");
    }
    const allowed = params.json<string[]>("allowed_updates");
    if (allowed !== undefined) this.allowedUpdates = allowed.length > 0 ? allowed : DEFAULT_UPDATES;
    if (params.boolean("drop_pending_updates")) this.pending = [];
    this.webhook = { url, secret, maxConnections: params.optionalInteger("max_connections") ?? 40 };
    if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(new ApiError(409, "Conflict: terminated by setWebhook request"));
    }
    void this.deliverWebhooks();
    return true;
  }

  private deleteWebhook(params: Params): boolean {
    this.webhook = undefined;
    if (params.boolean("drop_pending_updates")) this.pending = [];
    return true;
  }

  private webhookInfo() {
    return {
      url: this.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
      ...(this.webhook ? { max_connections: this.webhook.maxConnections, allowed_updates: this.allowedUpdates } : {}),
      ...(this.webhook?.lastErrorDate ? { last_error_date: this.webhook.lastErrorDate, last_error_message: this.webhook.lastErrorMessage } : {}),
    };
  }

  /** Posts pending updates to the webhook one by one, in order, retrying on failure. */
  private async deliverWebhooks(): Promise<void> {
    if (this.webhookRunning) return;
    this.webhookRunning = true;
    let delay = this.webhookRetryMs;
    try {
      while (this.webhook && this.pending.length > 0) {
        const hook = this.webhook;
        const update = this.pending[0]!;
        let failure: string | undefined;
        try {
          const response = await fetch(hook.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(hook.secret ? { "X-Telegram-Bot-Api-Secret-Token": hook.secret } : {}),
            },
            body: JSON.stringify(update),
            signal: AbortSignal.timeout(60_000),
          });
          await response.arrayBuffer();
          if (!response.ok) failure = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
        } catch (error) {
          failure = `Connection refused: ${(error as Error).message}`;
        }
        if (failure === undefined) {
          if (this.pending[0] === update) this.pending.shift();
          delay = this.webhookRetryMs;
          this.emit("change");
        } else {
          hook.lastErrorDate = Math.floor(this.now() / 1000);
          hook.lastErrorMessage = failure;
          this.emit("webhook-error", failure);
          await new Promise((resolve) => setTimeout(resolve, delay));
          delay = Math.min(delay * 2, 30_000);
        }
      }
    } finally {
      this.webhookRunning = false;
    }
  }

  private enqueue(kind: string, payload: Record<string, unknown>): Update | undefined {
    if (!this.allowedUpdates.includes(kind)) return undefined;
    const update: Update = { update_id: this.nextUpdateId++, [kind]: payload };
    this.pending.push(update);
    if (this.webhook) void this.deliverWebhooks();
    else if (this.poller) {
      clearTimeout(this.poller.timer);
      this.poller.resolve(this.pending.slice(0, 100));
    }
    return update;
  }

  /** Updates not yet confirmed by the bot (getUpdates offset) or delivered to its webhook. */
  get pendingUpdateCount(): number {
    return this.pending.length;
  }

  // ---- World, as seen by the Bot API -----------------------------------------------------

  privateChat(user: EmulatedUser): EmulatedChat {
    let chat = this.chats.get(user.id);
    if (!chat) {
      chat = newChat(user.id, "private");
      this.chats.set(user.id, chat);
    }
    return chat;
  }

  record(action: BotAction): void {
    this.actions.push(action);
    this.emit("action", action);
  }

  apiMessage(message: StoredMessage, depth = 0): Record<string, unknown> {
    const chat = this.chats.get(message.chatId)!;
    const from = message.fromBot ? this.api.botUserObject() : this.api.userObject(this.users.get(message.fromUserId!)!);
    const replyTo = message.replyToMessageId !== undefined ? chat.messages.get(message.replyToMessageId) : undefined;
    // In a forum only messages in a created topic are topic messages; General (1) has no thread.
    const inTopic = message.threadId !== undefined && chat.isForum && chat.topics.has(message.threadId);
    return {
      message_id: message.message_id,
      from,
      chat: this.api.chatObject(chat),
      date: message.date,
      ...(inTopic ? { message_thread_id: message.threadId, is_topic_message: true } : message.threadId !== undefined && !chat.isForum ? { message_thread_id: message.threadId } : {}),
      ...(replyTo && depth === 0 ? { reply_to_message: this.apiMessage(replyTo, 1) } : {}),
      ...(message.service ? this.serviceFields(message.service) : {}),
      ...(message.edit_date ? { edit_date: message.edit_date } : {}),
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.entities ? { entities: message.entities } : {}),
      ...(message.document ? { document: message.document } : {}),
      ...(message.photo ? { photo: message.photo } : {}),
      ...(message.caption !== undefined ? { caption: message.caption } : {}),
      ...(message.caption_entities ? { caption_entities: message.caption_entities } : {}),
      ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    };
  }

  // ---- Control API: tests act as Telegram users ------------------------------------------

  /**
   * A Telegram user. The privacy guard watches for their name in groups unless `public` says
   * the name is printed there on purpose (a facilitator, say).
   */
  createUser(fields: { first_name: string; last_name?: string; username?: string; language_code?: string; id?: number; public?: boolean }): EmulatedUser {
    const { public: isPublic, ...profile } = fields;
    const user: EmulatedUser = { id: profile.id ?? this.nextUserId++, ...profile, startedBot: false, blockedBot: false };
    this.users.set(user.id, user);
    if (isPublic) this.privacy.declarePublic(user.id);
    return user;
  }

  createGroup(fields: {
    title: string;
    type?: Exclude<ChatType, "private">;
    members?: { user: EmulatedUser; status?: MemberStatus }[];
    botStatus?: MemberStatus;
    botRights?: Partial<BotRights>;
    isForum?: boolean;
    username?: string;
  }): EmulatedChat {
    const type = fields.type ?? "supergroup";
    const sequence = this.nextGroupId++;
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
    this.chats.set(id, chat);
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

  /**
   * A forum topic, as Telegram makes one: its creation service message (from `creator`, else the
   * chat's creator) opens the thread, and its message_id is the thread id, which is returned.
   */
  createTopic(chat: EmulatedChat, name: string, creator?: EmulatedUser, iconColor = DEFAULT_TOPIC_COLOR): number {
    if (!chat.isForum) throw new Error("topics exist only in forum supergroups");
    if (!TOPIC_COLORS.includes(iconColor)) throw new Error(`icon_color must be one of ${TOPIC_COLORS.join(", ")}`);
    const author = creator ?? this.chatCreator(chat);
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
      this.enqueue("chat_member", {
        chat: this.api.chatObject(chat),
        from: this.api.userObject(by),
        date: message.date,
        old_chat_member: this.api.memberObject(chat, this.api.userObject(user), old),
        new_chat_member: this.api.memberObject(chat, this.api.userObject(user), status),
      });
    }
    this.emit("change");
  }

  private chatCreator(chat: EmulatedChat): EmulatedUser {
    for (const [userId, status] of chat.members) if (status === "creator") return this.users.get(userId)!;
    throw new Error(`chat ${chat.id} has no creator; pass the topic's creator`);
  }

  private storeService(chat: EmulatedChat, from: EmulatedUser, service: ServiceEvent): StoredMessage {
    const id = chat.nextMessageId++;
    const message: StoredMessage = {
      message_id: id,
      chatId: chat.id,
      fromBot: false,
      fromUserId: from.id,
      date: Math.floor(this.now() / 1000),
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
    if (isPresent(chat.bot.status)) this.enqueue("message", this.apiMessage(message));
    this.emit("change");
  }

  private serviceFields(service: ServiceEvent): Record<string, unknown> {
    switch (service.kind) {
      case "forum_topic_created":
        return { forum_topic_created: { name: service.name, icon_color: service.iconColor } };
      case "new_chat_members":
        return { new_chat_members: service.userIds.map((id) => this.api.userObject(this.users.get(id)!)) };
      case "left_chat_member":
        return { left_chat_member: this.api.userObject(this.users.get(service.userId)!) };
    }
  }

  setBotStatus(chat: EmulatedChat, status: MemberStatus, rights: Partial<BotRights> = {}): void {
    chat.bot = { status, rights: { ...chat.bot.rights, ...rights } };
  }

  blockBot(user: EmulatedUser): void {
    user.blockedBot = true;
  }

  /**
   * The user sends text to a chat ("private" = their chat with the bot). Returns the stored
   * message and whether the bot received it (group privacy mode may withhold it).
   */
  sendText(
    user: EmulatedUser,
    target: EmulatedChat | "private",
    text: string,
    options: { replyTo?: number; threadId?: number } = {},
  ): { message: StoredMessage; delivered: boolean } {
    const chat = target === "private" ? this.privateChat(user) : target;
    if (chat.type !== "private" && !isPresent(chat.members.get(user.id) ?? "left")) {
      throw new Error(`user ${user.id} is not a member of chat ${chat.id}`);
    }
    const { threadId, replyTo } = this.placeInThread(chat, options);
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
      date: Math.floor(this.now() / 1000),
      text,
      entities: entities.length > 0 ? entities : undefined,
      replyToMessageId: replyTo,
      threadId,
      versions: [{ at: this.now(), text }],
      reactions: [],
      deleted: false,
    };
    chat.messages.set(message.message_id, message);
    const delivered = this.reachesBot(chat, message);
    if (delivered) this.enqueue("message", this.apiMessage(message));
    this.emit("change");
    return { message, delivered };
  }

  /**
   * Where a user's message lands in a forum: a reply joins the topic of what it answers; a topic
   * message that answers nothing else answers the topic's creation message, as in Telegram.
   */
  private placeInThread(chat: EmulatedChat, options: { replyTo?: number; threadId?: number }): { threadId?: number; replyTo?: number } {
    const target = options.replyTo !== undefined ? chat.messages.get(options.replyTo) : undefined;
    if (options.replyTo !== undefined && (!target || target.deleted)) throw new Error("reply target does not exist");
    if (!chat.isForum) return { threadId: options.threadId, replyTo: options.replyTo };
    const threadId = options.threadId ?? target?.threadId;
    if (threadId !== undefined && threadId !== GENERAL_TOPIC && !chat.topics.has(threadId)) throw new Error(`chat ${chat.id} has no topic ${threadId}`);
    // General (thread 1) is where messages without a thread are, too.
    const topicOf = (id: number | undefined) => (id === GENERAL_TOPIC ? undefined : id);
    if (target && topicOf(target.threadId) !== topicOf(threadId)) throw new Error(`message ${target.message_id} is not in topic ${threadId ?? "General"}`);
    const inTopic = threadId !== undefined && chat.topics.has(threadId);
    return { threadId, replyTo: options.replyTo ?? (inTopic ? threadId : undefined) };
  }

  /** Group privacy mode: commands for this bot, replies to it; everything when it is an admin. */
  private reachesBot(chat: EmulatedChat, message: StoredMessage): boolean {
    if (chat.type === "private" || !this.bot.privacyMode || chat.bot.status === "administrator") return true;
    if (chat.bot.status !== "member") return false;
    const repliedTo = message.replyToMessageId !== undefined ? chat.messages.get(message.replyToMessageId) : undefined;
    if (repliedTo?.fromBot) return true;
    const command = /^\/[a-zA-Z0-9_]{1,32}(?:@([a-zA-Z0-9_]+))?(?:\s|$)/.exec(message.text ?? "");
    if (!command) return false;
    return command[1] === undefined || command[1].toLowerCase() === this.bot.username.toLowerCase();
  }

  /**
   * The user presses an inline button; resolves with the bot's answerCallbackQuery. `forged`
   * sends data that is on no button of the message, as a modified client can.
   */
  pressButton(
    user: EmulatedUser,
    chatId: number,
    messageId: number,
    data: string,
    options: { timeoutMs?: number; forged?: boolean } = {},
  ): Promise<{ text?: string; show_alert: boolean }> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const chat = this.chats.get(chatId);
    const message = chat?.messages.get(messageId);
    if (!chat || !message || message.deleted || !message.fromBot) throw new Error("no such bot message to press");
    const buttons = message.reply_markup?.inline_keyboard?.flat() ?? [];
    if (!options.forged && !buttons.some((button) => button.callback_data === data)) throw new Error(`message ${messageId} has no button with data ${data}`);
    const id = `${this.nextUpdateId}${Math.floor(Math.random() * 1e6)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`callback query ${id} was not answered in ${timeoutMs} ms`)), timeoutMs);
      this.callbackQueries.set(id, {
        id,
        userId: user.id,
        chatId,
        messageId,
        data,
        createdAt: this.now(),
        answered: false,
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      });
      this.enqueue("callback_query", {
        id,
        from: this.api.userObject(user),
        message: this.apiMessage(message),
        chat_instance: String(Math.abs(chatId)),
        data,
      });
    });
  }

  /** The next call of `method` (to `chatId`, if given) fails with this error, once. */
  failNext(method: string, error: ApiError, chatId?: number): void {
    this.injected.push({ method, chatId, error });
  }

  /** Messages in a chat as a user sees them now (deleted ones left out), oldest first. */
  messagesIn(chatId: number): StoredMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])].filter((message) => !message.deleted);
  }

  botMessagesIn(chatId: number): StoredMessage[] {
    return this.messagesIn(chatId).filter((message) => message.fromBot);
  }

  file(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.data;
  }

  myCommands(languageCode = "", scope: Record<string, unknown> = { type: "default" }) {
    return this.commands.get(`${JSON.stringify(scope)}|${languageCode}`);
  }

  /** Resolves with the first non-undefined value of `check`, re-checked whenever state changes. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs = 5_000, what = "condition"): Promise<T> {
    const first = check();
    if (first !== undefined && first !== false) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off("change", onChange);
      };
      this.on("change", onChange);
    });
  }

  /** Waits for the n-th (1-based, counted from `after`) bot message in a chat. */
  nextBotMessage(chatId: number, after = 0, timeoutMs = 5_000): Promise<StoredMessage> {
    return this.waitFor(() => this.botMessagesIn(chatId).find((message) => message.message_id > after), timeoutMs, `a bot message in chat ${chatId}`);
  }
}

/** The colours Telegram allows for a topic's icon. */
const TOPIC_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];
const DEFAULT_TOPIC_COLOR = 0x6fb9f0;
/** A forum's General topic, which Telegram addresses as thread 1 but never marks on messages. */
const GENERAL_TOPIC = 1;

function isPresent(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator" || status === "member";
}

function isAdmin(status: MemberStatus | undefined): boolean {
  return status === "creator" || status === "administrator";
}

function newChat(id: number, type: ChatType): EmulatedChat {
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

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const values: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, { name: string; type: string; data: Buffer }>();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (type.startsWith("multipart/form-data")) {
    for (const part of parseMultipart(body, req.headers["content-type"]!)) {
      if (part.filename === undefined) values[part.name] = part.data.toString("utf8");
      else files.set(part.name, { name: part.filename, type: part.contentType ?? "application/octet-stream", data: part.data });
    }
    return new Params(values, files);
  }
  const raw = body.toString("utf8");
  if (raw.length > 0) {
    if (type.startsWith("application/json")) {
      try {
        Object.assign(values, JSON.parse(raw) as Record<string, unknown>);
      } catch {
        throw badRequest("can't parse JSON body");
      }
    } else {
      Object.assign(values, Object.fromEntries(new URLSearchParams(raw)));
    }
  }
  return new Params(values, files);
}
