import type { Message, User } from "grammy/types";
import type { BotContext } from "./context.ts";

/**
 * The message this one really replies to. In a forum topic Telegram sets reply_to_message to the
 * topic's creation message on every message that replies to nothing else, so that one is no reply:
 * otherwise a bare command in a topic would act on whoever created the topic.
 */
export function repliedMessage(ctx: BotContext): Message | undefined {
  const msg = ctx.msg;
  const replied = msg?.reply_to_message;
  if (!msg || !replied) return undefined;
  if (replied.forum_topic_created) return undefined;
  // Outside forums message_thread_id names a reply chain, whose root is a real reply target.
  if (msg.is_topic_message && msg.message_thread_id === replied.message_id) return undefined;
  return replied;
}

/** The person whose message this one replies to: never a bot, never the topic's creator by default. */
export function repliedPerson(ctx: BotContext): User | undefined {
  const from = repliedMessage(ctx)?.from;
  return from && !from.is_bot ? from : undefined;
}
