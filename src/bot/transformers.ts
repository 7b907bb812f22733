import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.ts";
import type { UserService } from "../features/users/service.ts";

/** Any 403 on a DM means the person cannot be reached privately until they /start again. */
export function markUnreachableOn403(users: UserService, logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const chatId = payload && typeof payload === "object" && "chat_id" in payload ? Number(payload.chat_id) : NaN;
    if (!result.ok && result.error_code === 403 && chatId > 0) {
      logger.info({ userId: chatId, method, description: result.description }, "user cannot be reached by DM");
      await users.markUnreachable(chatId).catch((error: unknown) => logger.error({ err: error }, "could not record DM unreachability"));
    }
    return result;
  };
}

/** Pauses before each retry of a request whose connection failed. */
const DROPPED_CONNECTION_RETRIES_MS = [300, 1_000];

/**
 * A request whose connection failed (grammY's HttpError: reset, refused, timed out) is sent
 * again, at most twice: a connection dropped for a moment must not turn a saved answer into
 * "something went wrong". Bounded, so a Telegram that is down does not hold a handler; getUpdates
 * keeps its own retries. If Telegram had carried out the first request, the person may see its
 * effect twice (the README's duplicate window).
 */
export function retryDroppedConnections(delaysMs: readonly number[] = DROPPED_CONNECTION_RETRIES_MS): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= delaysMs.length || signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
      }
    }
  };
}
