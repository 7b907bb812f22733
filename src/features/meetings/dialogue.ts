import { Composer } from "grammy";
import { DateTime } from "luxon";
import type { BotContext } from "../../bot/context.ts";
import { parseDate, parseDateTime, readTime } from "../../domain/datetime.ts";
import { checkName, NAME_LIMITS, normaliseName } from "../../domain/names.ts";
import type { DialogueService } from "../dialogue/service.ts";
import { textProblemText } from "../networks/view.ts";
import type { NetworkService, Scope } from "../networks/service.ts";
import { readAgenda, type MeetingService } from "./service.ts";
import { agendaProblemText, dateProblemText } from "./view.ts";

const KIND = "meeting_new";
type Step = "date" | "time" | "venue" | "agenda";
type Draft = { networkId: number; date?: string; time?: string; venue?: string };

/**
 * /meeting_new without arguments: date → time → venue → agenda, one question at a time. Each
 * question asks for a reply, so answers reach the bot in groups under privacy mode too.
 */
export function meetingDialogue(deps: {
  meetings: MeetingService;
  /** The draft belongs to the network it was started for, whatever network is chosen in private meanwhile. */
  networks: NetworkService;
  dialogues: DialogueService;
  onCreated: (ctx: BotContext, scope: Scope, result: Awaited<ReturnType<MeetingService["create"]>>) => Promise<void>;
}) {
  const composer = new Composer<BotContext>();
  const { dialogues } = deps;

  /** Asks the step's question (after a problem with the last answer, if any) and waits for its answer. */
  const ask = (ctx: BotContext, step: Step, data: Draft, problem?: string) =>
    dialogues.ask(ctx.chat!.id, ctx.from!.id, { kind: KIND, step, data }, () =>
      ctx.reply([problem, ctx.t(`dialog-meeting-${step}`)].filter(Boolean).join("\n\n"), {
        // Selective: in a group it opens the reply box of the organiser whose message it quotes.
        reply_markup: { force_reply: true, selective: true, input_field_placeholder: ctx.t(`dialog-meeting-${step}-placeholder`) },
      }),
    );

  const start = async (ctx: BotContext, scope: Scope) => {
    await ask(ctx, "date", { networkId: scope.network.id });
  };

  composer.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    // In groups the bot sees only replies to itself (privacy mode); answers come as replies.
    if (ctx.chat.type !== "private" && ctx.msg.reply_to_message?.from?.id !== ctx.me.id) return next();
    const dialogue = await ctx.waitingDialogue<Draft>();
    if (!dialogue || dialogue.kind !== KIND) return next();
    // The draft's own network, not the private choice (which lapses after half an hour, or may now
    // name another network); in a group, only while the group still belongs to it.
    const scope = await deps.networks.memberScope(dialogue.data.networkId, BigInt(ctx.from.id));
    const here = ctx.chat.type === "private" || (await ctx.scope())?.network.id === dialogue.data.networkId;
    // The role is checked again at every answer: it may have been taken away meanwhile.
    if (!scope || !here || scope.membership?.role !== "organiser") {
      await dialogues.clear(ctx.chat.id, ctx.from.id);
      return void (await ctx.reply(ctx.t("organisers-only")));
    }
    const { network } = scope;
    const now = DateTime.fromJSDate(deps.meetings.now(), { zone: network.timeZone });
    const text = ctx.msg.text.trim();
    const draft = dialogue.data;
    switch (dialogue.step as Step) {
      case "date": {
        const date = parseDate(text, network.timeZone, now);
        if (!date.ok) return void (await ask(ctx, "date", draft, ctx.t(date.problem === "format" ? "dialog-date-format" : `date-${date.problem}`)));
        if (date.value < now.startOf("day")) return void (await ask(ctx, "date", draft, ctx.t("date-past")));
        return void (await ask(ctx, "time", { ...draft, date: date.value.toISODate()! }));
      }
      case "time": {
        const time = readTime(text);
        if (!time.ok) return void (await ask(ctx, "time", draft, ctx.t(time.problem === "format" ? "dialog-time-format" : `date-${time.problem}`)));
        const clock = `${String(time.value.hour).padStart(2, "0")}:${String(time.value.minute).padStart(2, "0")}`;
        const when = parseDateTime(`${draft.date} ${clock}`, network.timeZone, now);
        if (!when.ok) return void (await ask(ctx, "time", draft, dateProblemText(ctx, when.problem)));
        return void (await ask(ctx, "venue", { ...draft, time: clock }));
      }
      case "venue": {
        const problem = checkName(text, NAME_LIMITS.venue);
        if (problem) return void (await ask(ctx, "venue", draft, textProblemText(ctx, problem)));
        return void (await ask(ctx, "agenda", { ...draft, venue: normaliseName(text) }));
      }
      case "agenda": {
        const agenda = readAgenda(text);
        if (!agenda.ok) return void (await ask(ctx, "agenda", draft, agendaProblemText(ctx, agenda.problem)));
        const result = await deps.meetings.create(network, BigInt(ctx.from.id), { when: `${draft.date} ${draft.time}`, venue: draft.venue ?? "", agenda: text });
        // Created or not (the date may have passed while the dialogue waited), the dialogue is over.
        await dialogues.clear(ctx.chat.id, ctx.from.id);
        return void (await deps.onCreated(ctx, scope, result));
      }
    }
  });

  return { composer, start };
}
