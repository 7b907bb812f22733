import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { Feature } from "../feature.ts";
import type { CalendarService } from "./service.ts";

/** /calendar and /calendar reset. */
export function calendarFeature(deps: { calendar: CalendarService }): Feature {
  void deps;
  return { composer: new Composer<BotContext>(), commands: [] };
}
