import type { BotAction, ServedCall, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";

/** A message an ortak process sent (or edited), as the emulator carried it out. */
export interface SentByProcess {
  at: number;
  via: string;
  method: string;
  chatId: number;
  messageId: number;
  /** Sent, but its answer was cut by an injected fault: the process saw a failure. */
  answerLost: boolean;
}

type ReplyAck = { kind: "reaction" } | { kind: "reply"; text: string };

const SENDS = new Set(["sendMessage", "sendDocument", "sendPhoto"]);
const EDITS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

/**
 * What the soak watches at the emulator, indexed as it happens (a scan per check would not keep
 * up with 500 members): every message each process sent, the bot's answers to members' replies,
 * and the invitation cards and hosting proposals each member got privately.
 */
export class Watch {
  readonly sends: SentByProcess[] = [];
  readonly edits: SentByProcess[] = [];
  /** Calls carried out, per process tag. */
  readonly callsByVia = new Map<string, number>();
  /** `${userId}:${meetingId}` → the message id of the member's private card. */
  readonly privateCards = new Map<string, number>();
  /** `${userId}` → [message id, accept button data] of hosting proposals the member got. */
  readonly hostProposals = new Map<number, { messageId: number; data: string }[]>();
  private readonly replyWaiters = new Map<string, (ack: ReplyAck) => void>();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly emulator: TelegramEmulator) {
    this.stops.push(emulator.watchCalls((call) => this.onCall(call)));
    const onAction = (action: BotAction) => this.onAction(action);
    emulator.on("action", onAction);
    this.stops.push(() => emulator.off("action", onAction));
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Resolves with the bot's reaction to, or reply to, a member's message; undefined after `timeoutMs`. */
  answerTo(chatId: number, messageId: number, timeoutMs: number): Promise<ReplyAck | undefined> {
    const key = `${chatId}:${messageId}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.replyWaiters.delete(key);
        resolve(undefined);
      }, timeoutMs);
      this.replyWaiters.set(key, (ack) => {
        clearTimeout(timer);
        this.replyWaiters.delete(key);
        resolve(ack);
      });
    });
  }

  private onCall(call: ServedCall): void {
    const via = call.via ?? "(none)";
    this.callsByVia.set(via, (this.callsByVia.get(via) ?? 0) + 1);
    if (!call.ok || call.messageId === undefined || typeof call.chatId !== "number") return;
    const sent: SentByProcess = { at: call.at, via, method: call.method, chatId: call.chatId, messageId: call.messageId, answerLost: call.answerLost };
    if (SENDS.has(call.method)) this.sends.push(sent);
    else if (EDITS.has(call.method)) this.edits.push(sent);
  }

  private onAction(action: BotAction): void {
    if (action.kind === "react") {
      this.replyWaiters.get(`${action.chatId}:${action.messageId}`)?.({ kind: "reaction" });
      return;
    }
    if (action.kind !== "send") return;
    const message = this.emulator.chats.get(action.chatId)?.messages.get(action.messageId);
    if (!message) return;
    if (message.replyToMessageId !== undefined) this.replyWaiters.get(`${action.chatId}:${message.replyToMessageId}`)?.({ kind: "reply", text: message.text ?? "" });
    if (action.chatId > 0) this.indexPrivate(action.chatId, message);
  }

  private indexPrivate(userId: number, message: StoredMessage): void {
    for (const button of message.reply_markup?.inline_keyboard?.flat() ?? []) {
      const data = button.callback_data ?? "";
      const rsvp = /^rsvp:(\d+):y$/.exec(data);
      if (rsvp) this.privateCards.set(`${userId}:${rsvp[1]}`, message.message_id);
      if (data.startsWith("host:a:")) {
        const list = this.hostProposals.get(userId) ?? [];
        list.push({ messageId: message.message_id, data });
        this.hostProposals.set(userId, list);
      }
    }
  }
}

/** Whether a bot message is an invitation card (it has the answer buttons). */
export function isCard(message: StoredMessage): boolean {
  return message.reply_markup?.inline_keyboard?.flat().some((button) => button.callback_data?.startsWith("rsvp:")) === true;
}

/** The meeting id an invitation card's buttons name. */
export function cardMeetingId(message: StoredMessage): number | undefined {
  for (const button of message.reply_markup?.inline_keyboard?.flat() ?? []) {
    const match = /^rsvp:(\d+):/.exec(button.callback_data ?? "");
    if (match) return Number(match[1]);
  }
  return undefined;
}
