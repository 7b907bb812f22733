import { EventEmitter } from "node:events";
import { BotApi, type BotApiHost, type BotIdentity } from "./bot-api.ts";
import { ChangeFeed, type EmulatorEvents, type WorldChange } from "./change-feed.ts";
import { ChatEvents, DEFAULT_TOPIC_COLOR } from "./chat-events.ts";
import type { ApiError } from "./errors.ts";
import { FaultInjector, type FaultSettings } from "./faults.ts";
import { botIdentity } from "./identity.ts";
import { apiMessage } from "./message-view.ts";
import type { EmulatorParts } from "./parts.ts";
import { PrivacyGuard } from "./privacy.ts";
import { RateLimiter, TELEGRAM_LIMITS, type RateLimitSettings } from "./rate-limits.ts";
import { EmulatorServer, type MethodHandler, type ServedCall, type ServedError } from "./server.ts";
import { checkSnapshot, takeSnapshot, worldFromSnapshot, type EmulatorSnapshot } from "./snapshot.ts";
import { UpdateQueue } from "./updates.ts";
import { UserActions, type ButtonAnswer, type NewGroup, type NewUser } from "./user-actions.ts";
import {
  World,
  type BotAction,
  type BotCommand,
  type BotRights,
  type CallbackQueryRecord,
  type EmulatedChat,
  type EmulatedUser,
  type MemberStatus,
  type StoredFile,
  type StoredMessage,
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
  /**
   * Webhook requests at once (capped by setWebhook's max_connections). 1, the default: one
   * update at a time, in order. More: in parallel, as Telegram delivers, one update per sender
   * at a time (see UpdateQueueOptions).
   */
  webhookConnections?: number;
  /** Start in this world (from `snapshot()`); its token and bot identity are kept. */
  snapshot?: EmulatorSnapshot;
}

/**
 * A Telegram Bot API server for one bot, on loopback. It keeps users, chats and messages in
 * memory, answers the bot's HTTP calls as strictly as Telegram (validation, limits, 403/429,
 * privacy mode, offsets, webhooks, multipart uploads), and lets tests act as users.
 * This class only composes the parts: server, update queue, bot methods, people, chat events.
 */
export class TelegramEmulator extends EventEmitter<EmulatorEvents> implements BotApiHost {
  readonly token: string;
  readonly bot: BotIdentity;
  readonly users: Map<number, EmulatedUser>;
  readonly chats: Map<number, EmulatedChat>;
  readonly callbackQueries: Map<string, CallbackQueryRecord>;
  readonly files: Map<string, StoredFile>;
  readonly commands: Map<string, BotCommand[]>;
  readonly limiter: RateLimiter;
  readonly callbackAnswerWindowMs: number;
  readonly actions: BotAction[] = [];
  readonly servedErrors: ServedError[];
  readonly requestCounts: Map<string, number>;
  /** Telegram failing now and then (429, 5xx, dropped connections), seeded; off until `injectFaults`. */
  readonly faults = new FaultInjector(() => this.now());
  /** Every group message naming a person created here is recorded (see PrivacyGuard). */
  readonly privacy = new PrivacyGuard(() => this.users.values());

  private readonly world: World;
  private readonly feed = new ChangeFeed(this);
  private readonly api: BotApi;
  private readonly updates: UpdateQueue;
  private readonly server: EmulatorServer;
  private readonly people: UserActions;
  private readonly chatEvents: ChatEvents;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.setMaxListeners(0);
    const { snapshot } = options;
    if (snapshot) checkSnapshot(snapshot);
    ({ token: this.token, bot: this.bot } = botIdentity(options));
    this.world = snapshot ? worldFromSnapshot(snapshot) : new World();
    ({ users: this.users, chats: this.chats, callbackQueries: this.callbackQueries, files: this.files, commands: this.commands } = this.world);
    for (const userId of snapshot?.publicUserIds ?? []) this.privacy.declarePublic(userId);
    this.limiter = new RateLimiter(options.limits === undefined ? TELEGRAM_LIMITS : options.limits);
    this.callbackAnswerWindowMs = options.callbackAnswerWindowMs ?? 15_000;
    this.api = new BotApi(this);
    this.updates = new UpdateQueue(
      { feed: this.feed, now: () => this.now(), webhookRetryMs: options.webhookRetryMs ?? 200, webhookConnections: options.webhookConnections, faults: this.faults },
      snapshot?.updates,
    );
    this.server = new EmulatorServer(this.token, (method) => this.methodFor(method), () => this.feed.changed(), this.faults);
    ({ servedErrors: this.servedErrors, requestCounts: this.requestCounts } = this.server);
    const parts: EmulatorParts = {
      world: this.world,
      bot: this.bot,
      updates: this.updates,
      objects: this.api,
      feed: this.feed,
      privacy: this.privacy,
      now: () => this.now(),
      apiMessage: (message) => this.apiMessage(message),
    };
    this.people = new UserActions(parts);
    this.chatEvents = new ChatEvents(parts);
  }

  /** An emulator in the state `snapshot` describes, with the snapshot's token and bot. */
  static restore(snapshot: EmulatorSnapshot, options: Omit<EmulatorOptions, "snapshot"> = {}): TelegramEmulator {
    return new TelegramEmulator({ ...options, snapshot });
  }

  /** The world as plain JSON-serialisable data; see EmulatorSnapshot for what is kept. */
  snapshot(): EmulatorSnapshot {
    return takeSnapshot({ token: this.token, bot: this.bot, world: this.world, publicUserIds: this.privacy.publicUserIds(), updates: this.updates.state() });
  }

  now(): number {
    return Date.now();
  }

  // ---- HTTP server ---------------------------------------------------------------------

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  get apiRoot(): string {
    return this.server.apiRoot;
  }

  async stop(): Promise<void> {
    this.updates.stop();
    this.world.expireCallbackQueries();
    await this.server.stop();
  }

  /** The next call of `method` (to `chatId`, if given) fails with this error, once. */
  failNext(method: string, error: ApiError, chatId?: number): void {
    this.server.failNext(method, error, chatId);
  }

  /**
   * From now on, calls and webhook deliveries fail with the given probabilities (see
   * FaultSettings); `undefined` stops it. What was injected is in `faults.injected`.
   */
  injectFaults(settings: FaultSettings | undefined): void {
    this.faults.configure(settings);
  }

  /**
   * Calls `watcher` after every Bot API call carried out, with the caller's `/via/<tag>` and
   * whether its answer was lost to an injected fault; returns the way to stop.
   */
  watchCalls(watcher: (call: ServedCall) => void): () => void {
    return this.server.watchCalls(watcher);
  }

  /** Updates not yet confirmed by the bot (getUpdates offset) or delivered to its webhook. */
  get pendingUpdateCount(): number {
    return this.updates.pendingCount;
  }

  private methodFor(method: string): MethodHandler | undefined {
    if (Object.hasOwn(this.updates.methods, method)) return this.updates.methods[method];
    if (method === "close" || method === "logOut") return () => true;
    if (!Object.hasOwn(this.api.methods, method)) return undefined;
    const handler = this.api.methods[method]!;
    return (params) => {
      const result = handler(params);
      this.feed.changed();
      return result;
    };
  }

  // ---- What BotApi needs of its host ---------------------------------------------------

  privateChat(user: EmulatedUser): EmulatedChat {
    return this.world.privateChat(user);
  }

  record(action: BotAction): void {
    this.actions.push(action);
    this.feed.botActed(action);
  }

  apiMessage(message: StoredMessage): Record<string, unknown> {
    return apiMessage(this.world, this.api, message);
  }

  // ---- Control API: tests act as Telegram users ------------------------------------------

  createUser(fields: NewUser): EmulatedUser {
    return this.people.createUser(fields);
  }

  createGroup(fields: NewGroup): EmulatedChat {
    return this.people.createGroup(fields);
  }

  upgradeToSupergroup(group: EmulatedChat): EmulatedChat {
    return this.people.upgradeToSupergroup(group);
  }

  createTopic(chat: EmulatedChat, name: string, creator?: EmulatedUser, iconColor = DEFAULT_TOPIC_COLOR): number {
    return this.chatEvents.createTopic(chat, name, creator, iconColor);
  }

  setMember(chat: EmulatedChat, user: EmulatedUser, status: MemberStatus): void {
    this.chatEvents.setMember(chat, user, status);
  }

  leaveChat(chat: EmulatedChat, user: EmulatedUser): void {
    this.chatEvents.leaveChat(chat, user);
  }

  removeFromChat(chat: EmulatedChat, user: EmulatedUser, by: EmulatedUser): void {
    this.chatEvents.removeFromChat(chat, user, by);
  }

  joinChat(chat: EmulatedChat, user: EmulatedUser, by?: EmulatedUser): void {
    this.chatEvents.joinChat(chat, user, by);
  }

  setBotStatus(chat: EmulatedChat, status: MemberStatus, rights: Partial<BotRights> = {}): void {
    this.chatEvents.setBotStatus(chat, status, rights);
  }

  blockBot(user: EmulatedUser): void {
    this.people.blockBot(user);
  }

  /** See UserActions.sendText: refuses what Telegram refuses, stores the message, delivers it if it reaches the bot. */
  sendText(...args: Parameters<UserActions["sendText"]>): ReturnType<UserActions["sendText"]> {
    return this.people.sendText(...args);
  }

  pressButton(user: EmulatedUser, chatId: number, messageId: number, data: string, options: { timeoutMs?: number; forged?: boolean } = {}): Promise<ButtonAnswer> {
    return this.people.pressButton(user, chatId, messageId, data, options);
  }

  // ---- Reading the world -----------------------------------------------------------------

  /** Messages in a chat as a user sees them now (deleted ones left out), oldest first. */
  messagesIn(chatId: number): StoredMessage[] {
    return this.world.messagesIn(chatId);
  }

  botMessagesIn(chatId: number): StoredMessage[] {
    return this.messagesIn(chatId).filter((message) => message.fromBot);
  }

  file(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.data;
  }

  myCommands(languageCode = "", scope: Record<string, unknown> = { type: "default" }): BotCommand[] | undefined {
    return this.commands.get(`${JSON.stringify(scope)}|${languageCode}`);
  }

  /** Calls `listener` for every message and pin change (a live page); returns the way to stop. */
  onWorldChange(listener: (change: WorldChange) => void): () => void {
    return this.feed.subscribe(listener);
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
