import type { EventEmitter } from "node:events";
import type { BotAction } from "./world.ts";

/** The events a TelegramEmulator emits, with their arguments. */
export interface EmulatorEvents {
  /** Something changed (a request was answered, a person acted): re-check what you wait for. */
  change: [];
  /** The bot did something a person would see (sent, edited, pinned, answered a button…). */
  action: [action: BotAction];
  /** A webhook delivery failed; it is retried. */
  "webhook-error": [message: string];
  /** A stored message was created or changed visibly (text, caption, markup, reaction, deleted). */
  "message-changed": [chatId: number, messageId: number];
  /** A chat's list of pinned messages changed. */
  "pinned-changed": [chatId: number];
}

/** One visible change of the world, for a page that shows it live. */
export type WorldChange =
  | { kind: "message"; chatId: number; messageId: number }
  | { kind: "pinned"; chatId: number };

/** The parts of the emulator announce changes through this, never by emitting names themselves. */
export class ChangeFeed {
  constructor(private readonly events: EventEmitter<EmulatorEvents>) {}

  changed(): void {
    this.events.emit("change");
  }

  messageChanged(chatId: number, messageId: number): void {
    this.events.emit("message-changed", chatId, messageId);
  }

  pinnedChanged(chatId: number): void {
    this.events.emit("pinned-changed", chatId);
  }

  webhookError(message: string): void {
    this.events.emit("webhook-error", message);
  }

  /** The bot's actions are where its changes to messages and pins become visible. */
  botActed(action: BotAction): void {
    this.events.emit("action", action);
    switch (action.kind) {
      case "send":
      case "edit":
      case "delete":
      case "react":
        this.messageChanged(action.chatId, action.messageId);
        return;
      case "pin":
      case "unpin":
        this.pinnedChanged(action.chatId);
        return;
      case "chat_action":
      case "answer_callback":
        return;
    }
  }

  /** Calls `listener` for every message and pin change; returns the way to stop. */
  subscribe(listener: (change: WorldChange) => void): () => void {
    const onMessage = (chatId: number, messageId: number) => listener({ kind: "message", chatId, messageId });
    const onPinned = (chatId: number) => listener({ kind: "pinned", chatId });
    this.events.on("message-changed", onMessage);
    this.events.on("pinned-changed", onPinned);
    return () => {
      this.events.off("message-changed", onMessage);
      this.events.off("pinned-changed", onPinned);
    };
  }
}
