import { GrammyError, type Api } from "grammy";

export type DirectOutcome = { sent: true; messageId: number } | { sent: false; reason: "unreachable" };

/**
 * Sends a private message. A 403 (never started the bot, blocked it, deactivated) is an
 * expected outcome, not an error: the API transformer has already marked the person
 * unreachable, and the caller decides what to do instead.
 */
export async function sendDirectMessage(
  api: Api,
  userId: number,
  text: string,
  other?: Parameters<Api["sendMessage"]>[2],
): Promise<DirectOutcome> {
  try {
    const message = await api.sendMessage(userId, text, other);
    return { sent: true, messageId: message.message_id };
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 403) return { sent: false, reason: "unreachable" };
    throw error;
  }
}
