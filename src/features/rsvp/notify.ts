import type { Api } from "grammy";
import { sendDirectMessage } from "../../bot/direct.ts";
import { negotiateLocale, type Translator } from "../../bot/i18n.ts";
import type { Logger } from "../../logger.ts";
import type { UserService } from "../users/service.ts";
import type { Promotion } from "./service.ts";

export interface PromotionNotice {
  users: UserService;
  translator: Translator;
  logger: Logger;
}

/** Those who got a place from the waitlist hear it by DM, in their own language. */
export async function tellPromoted(deps: PromotionNotice, api: Api, promoted: readonly Promotion[]): Promise<void> {
  for (const promotion of promoted) {
    const user = await deps.users.find(promotion.userId);
    const locale = negotiateLocale(user?.locale, user?.languageCode ?? undefined);
    const text = deps.translator.t(locale, "rsvp-promoted", { number: promotion.meetingNumber, size: promotion.partySize });
    await sendDirectMessage(api, Number(promotion.userId), text).catch((error: unknown) => deps.logger.warn({ err: error }, "waitlist promotion not delivered"));
  }
}
