import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { Feature } from "../feature.ts";
import type { DatePollService } from "./service.ts";

/** /poll_dates, /poll, /poll_close, /poll_cancel and the vote buttons. */
export function pollsFeature(deps: { polls: DatePollService }): Feature {
  void deps;
  return { composer: new Composer<BotContext>(), commands: [] };
}
