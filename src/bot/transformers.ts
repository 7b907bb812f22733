import type { Transformer } from "grammy";
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
