import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, BotError, Composer, GrammyError, type Context, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { countTelegramErrors, metricsMiddleware, type Metrics } from "../observability/metrics.ts";
import { withLogFields, type Logger } from "../logger.ts";
import type { Feature } from "../features/feature.ts";
import { fallbackComposer } from "../features/fallback/composer.ts";
import { languageFeature } from "../features/language/composer.ts";
import { startFeature } from "../features/start/composer.ts";
import { auditFeature } from "../features/audit/composer.ts";
import { meetingsFeature } from "../features/meetings/composer.ts";
import { membersFeature } from "../features/members/composer.ts";
import { networksFeature } from "../features/networks/composer.ts";
import { scopeMiddleware } from "../features/networks/scope.ts";
import { organisationsFeature } from "../features/organisations/composer.ts";
import { invitationsFeature } from "../features/invitations/composer.ts";
import { remindersFeature } from "../features/reminders/composer.ts";
import { attendanceFeature } from "../features/attendance/composer.ts";
import { hostingFeature } from "../features/hosting/composer.ts";
import { actionsFeature } from "../features/actions/composer.ts";
import { minutesFeature } from "../features/minutes/composer.ts";
import { MinutesPublisher } from "../features/minutes/publisher.ts";
import { reportsFeature } from "../features/reports/composer.ts";
import { dialogueFeature } from "../features/dialogue/composer.ts";
import { rsvpFeature } from "../features/rsvp/composer.ts";
import { privacyFeature } from "../features/privacy/composer.ts";
import { membershipFeature } from "../features/membership/composer.ts";
import { networkChoiceFeature } from "../features/network-choice/composer.ts";
import { calendarFeature } from "../features/calendar/composer.ts";
import { pollsFeature } from "../features/polls/composer.ts";
import { needsFeature } from "../features/needs/composer.ts";
import { checkInFeature } from "../features/checkins/composer.ts";
import { decisionsFeature } from "../features/decisions/composer.ts";
import { objectionsFeature } from "../features/objections/composer.ts";
import type { SendBudget } from "../outbox/budget.ts";
import type { Services } from "../features/services.ts";
import type { Dialogue } from "../features/dialogue/service.ts";
import type { CommandSpec } from "./commands.ts";
import type { BotContext } from "./context.ts";
import { negotiateLocale, type Translator } from "./i18n.ts";
import { repliedMessage } from "./replied.ts";
import { InFlightUpdates } from "./inflight.ts";
import { buttonGuard } from "./button-guard.ts";
import { isMembershipNotice } from "./chat-member.ts";
import { markUnreachableOn403, retryDroppedConnections } from "./transformers.ts";

export interface BotDeps {
  token: string;
  apiRoot?: string;
  /** Given in tests and benchmarks to skip getMe. */
  botInfo?: UserFromGetMe;
  translator: Translator;
  services: Services;
  logger: Logger;
  /**
   * Telegram's budgets, shared with the outbox delivery: what the bot answers people is counted,
   * so the outbox leaves room for it.
   */
  sendBudget: SendBudget;
  /** Updates by kind and their handlers' time; Telegram's errors by method and code. */
  metrics?: Metrics;
}

export interface OrtakBot {
  bot: Bot<BotContext>;
  commands: readonly CommandSpec[];
  inFlight: InFlightUpdates;
  /** Publishes minutes; the copies go out through the outbox. */
  publisher: MinutesPublisher;
}

// Interactive replies wait out a 429 inside the call, bounded so a stuck chat cannot hold a
// handler for long; scheduled fan-out goes through the job queue's rate limit instead.
// Network failures are not retried by auto-retry, which would retry them without bound, holding
// the handler and its chat's queue until Telegram is back: retryDroppedConnections tries twice.
const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true };

export function createBot(deps: BotDeps): OrtakBot {
  const bot = new Bot<BotContext>(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    client: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) },
  });
  // Before auto-retry: every error Telegram answers is counted, also those retried.
  if (deps.metrics) bot.api.config.use(countTelegramErrors(deps.metrics));
  bot.api.config.use(autoRetry(RETRY));
  bot.api.config.use(retryDroppedConnections());
  const { services } = deps;
  bot.api.config.use(markUnreachableOn403(services.users, deps.logger));
  bot.api.config.use(deps.sendBudget.transformer);
  const { translator, logger } = deps;
  const clock = services.clock;

  const publisher = new MinutesPublisher({ minutes: services.minutes, attendance: services.attendance, actions: services.actions, outbox: services.outbox, translator, decisions: services.decisions });

  // First: every line logged while an update is handled (handlers, services, API calls) names it.
  bot.use((ctx, next) => withLogFields({ update_id: ctx.update.update_id }, next));
  if (deps.metrics) bot.use(metricsMiddleware(deps.metrics));
  const inFlight = new InFlightUpdates();
  bot.use(inFlight.middleware);
  // Updates of one chat are handled in order; different chats run concurrently. Button presses
  // are ordered per person instead: in a busy group, one member's press need not wait for another's.
  bot.use(sequentialize((ctx: Context) => (ctx.callbackQuery ? `u${ctx.from?.id}` : (ctx.chat?.id.toString() ?? ctx.from?.id.toString()))));
  bot.use(async (ctx, next) => {
    ctx.knownUser = ctx.from && !ctx.from.is_bot && !isMembershipNotice(ctx) ? await services.users.remember(ctx.from) : undefined;
    ctx.locale = negotiateLocale(ctx.knownUser?.locale, ctx.from?.language_code);
    ctx.t = (id, args) => deps.translator.t(ctx.locale, id, args);
    ctx.tIn = (locale, id, args) => deps.translator.t(locale, id, args);
    if (ctx.msg && ctx.chat && ctx.chat.type !== "private" && !ctx.callbackQuery) quoteAnswers(ctx, ctx.chat.id, ctx.msg.message_id);
    let waiting: Promise<Dialogue<unknown> | undefined> | undefined;
    const { chat, from } = ctx;
    // Only a plain text can answer a question; a command or a press is about itself.
    const text = ctx.message?.text;
    const repliedTo = text !== undefined && !text.startsWith("/") ? repliedMessage(ctx)?.message_id : undefined;
    const findWaiting = async () => {
      const dialogue = chat && from ? await services.dialogues.find(chat.id, from.id) : undefined;
      // A reply to another message (an invitation card, the minutes) is about that message, not
      // an answer to the question, even while a question waits.
      return dialogue && repliedTo !== undefined && dialogue.questionId !== undefined && repliedTo !== dialogue.questionId ? undefined : dialogue;
    };
    // Its data is the waiting feature's own shape; the kind says which feature that is.
    ctx.waitingDialogue = <Data>() => (waiting ??= findWaiting()) as Promise<Dialogue<Data> | undefined>;
    await next();
  });
  bot.use(scopeMiddleware(services.networks, clock));

  const features: Feature[] = [];
  const allCommands = () => features.flatMap((feature) => feature.commands);
  features.push(
    membershipFeature({ membership: services.membership }),
    networkChoiceFeature({ choices: services.networkChoices, redispatch: (update) => bot.handleUpdate(update) }),
    startFeature({ users: services.users, allCommands }),
    languageFeature({ users: services.users }),
    networksFeature({ networks: services.networks, meetings: services.meetings }),
    organisationsFeature({ organisations: services.organisations }),
    membersFeature({ members: services.members, organisations: services.organisations, users: services.users }),
    dialogueFeature({ dialogues: services.dialogues }),
    meetingsFeature({ meetings: services.meetings, networks: services.networks, rsvps: services.rsvps, dialogues: services.dialogues, hosting: services.hosting, actions: services.actions, withholder: services.withholder }),
    attendanceFeature({ attendance: services.attendance, meetings: services.meetings }),
    // Before the minutes: a private reply that answers "İtirazım var" is an objection, not an entry.
    objectionsFeature({ objections: services.objections, meetings: services.meetings, networks: services.networks, dialogues: services.dialogues }),
    minutesFeature({
      minutes: services.minutes,
      meetings: services.meetings,
      networks: services.networks,
      organisations: services.organisations,
      dialogues: services.dialogues,
      withholder: services.withholder,
      publisher,
      decisions: services.decisions,
      objections: services.objections,
    }),
    decisionsFeature({ decisions: services.decisions, withholder: services.withholder }),
    actionsFeature({ actions: services.actions, networks: services.networks, withholder: services.withholder }),
    checkInFeature({ checkins: services.checkins, dialogues: services.dialogues }),
    reportsFeature({ reports: services.reports }),
    hostingFeature({ hosting: services.hosting, dialogues: services.dialogues }),
    invitationsFeature({ invitations: services.invitations, meetings: services.meetings, networks: services.networks }),
    remindersFeature({ reminders: services.reminders, meetings: services.meetings }),
    rsvpFeature({ rsvps: services.rsvps, invitations: services.invitations, meetings: services.meetings, attendance: services.attendance, needs: services.needs }),
    needsFeature({ needs: services.needs, dialogues: services.dialogues }),
    auditFeature({ audit: services.audit, users: services.users }),
    privacyFeature({ privacy: services.privacy, clock }),
    calendarFeature({ calendar: services.calendar }),
    pollsFeature({ polls: services.polls, hosting: services.hosting }),
  );
  bot.use(buttonGuard(logger));
  bot.use(routeToFeatures(features));
  bot.use(fallbackComposer(() => bot.botInfo.username));

  bot.catch((error) => handleError(error, deps.logger));
  return { bot, commands: allCommands(), inFlight, publisher };
}

/**
 * Every update passes the features in order, except a press: it goes straight to the features
 * whose buttons its data names (usually one). Passing all of them cost more than the press
 * itself (grammY builds a composer for every handler an update passes). Data no feature claims
 * takes the long way, so a button registered some other way is still answered.
 */
function routeToFeatures(features: readonly Feature[]): MiddlewareFn<BotContext> {
  const everyFeature = new Composer<BotContext>(...features.map((feature) => feature.composer)).middleware();
  return (ctx, next) => {
    const data = ctx.callbackQuery?.data;
    const owners = data === undefined ? [] : features.filter((feature) => feature.composer.answersButton(data));
    if (owners.length === 0) return everyFeature(ctx, next);
    return new Composer<BotContext>(...owners.map((feature) => feature.composer)).middleware()(ctx, next);
  };
}

/**
 * The error boundary: log it, tell the person something went wrong, never crash the bot. grammY
 * calls it after the middleware returned, so it names the update itself (the intakes' own
 * context, which carries the meeting too, is joined when there is one).
 */
function handleError(error: BotError<BotContext>, logger: Logger): Promise<void> {
  return withLogFields({ update_id: error.ctx.update.update_id }, () => tellAboutError(error, logger));
}

async function tellAboutError(error: BotError<BotContext>, logger: Logger): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error;
  logger.error({ err: cause, telegram: cause instanceof GrammyError ? cause.description : undefined }, "update handling failed");
  const text = typeof ctx.t === "function" ? ctx.t("error-generic") : undefined;
  if (!text) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else if (ctx.chat) await ctx.reply(text);
  } catch (replyError) {
    logger.warn({ err: replyError }, "could not tell the user about the error");
  }
}

/**
 * In a group, the bot's answers quote the message they answer, unless they quote another: in a
 * busy chat, or when an answer is late, everyone sees which command each one belongs to. Only
 * this update's own calls to this chat are touched (the outbox sends through the bot's API).
 */
function quoteAnswers(ctx: Context, chatId: number, messageId: number): void {
  ctx.api.config.use((prev, method, payload, signal) => {
    const answer = (method === "sendMessage" || method === "sendDocument") && "chat_id" in payload && payload.chat_id === chatId;
    if (!answer || "reply_parameters" in payload) return prev(method, payload, signal);
    return prev(method, { ...payload, reply_parameters: { message_id: messageId, allow_sending_without_reply: true } }, signal);
  });
}
