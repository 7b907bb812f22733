import { afterAll, beforeAll } from "vitest";
import { confirmCancel } from "./cancel-confirm.ts";
import type { Database } from "../../src/db/client.ts";
import { TelegramEmulator, type EmulatedChat, type EmulatedUser, type RateLimitSettings } from "../../emulator/index.ts";
import type { OrtakQueue } from "../../jobs/queue.ts";
import type { Logger } from "../../src/logger.ts";
import { openMemoryDatabase, startInProcessBot, startTestQueue, type InProcessBot, type TestQueue } from "./harness.ts";
import { checkPrivacy, enforcePrivacy } from "./privacy.ts";

export interface Scenario {
  emulator: TelegramEmulator;
  db: Database;
  running: InProcessBot;
  /** BullMQ on a real redis-server; nothing processes it unless a test does (deliver()). */
  queue: OrtakQueue;
  /** The unix socket of that redis-server. */
  redisPath: string;
  /** Stops the bot and starts a new one on the same database and queue, as after a restart. */
  restart(): Promise<void>;
  /** The user writes in a chat; resolves with the text of the bot's next message there, once the bot has finished with it. */
  say(user: EmulatedUser, chat: EmulatedChat | "private", text: string, options?: { replyTo?: number; threadId?: number }): Promise<string>;
  /** A fresh group whose creator ran /setup, a member who has written there, and an outsider. */
  network(name?: string): Promise<{ admin: EmulatedUser; member: EmulatedUser; outsider: EmulatedUser; group: EmulatedChat; code: string }>;
  /**
   * A network numbering from 25 with Buca KDM (the member's organisation) and Karşıyaka, both
   * people having started the bot, and meeting 25 on 17 March 2027 at 10:00 with this agenda.
   */
  networkWithMeeting(name: string, agenda: string): Promise<{ admin: EmulatedUser; member: EmulatedUser; outsider: EmulatedUser; group: EmulatedChat; code: string }>;
  /** Runs every outbox delivery due now (say() does this after each handler); returns how many ran. */
  deliver(): Promise<number>;
  /**
   * Every update handled and every delivery made, also those scheduled within the next 10 s
   * (card edits are paced three seconds apart): waits for them in real time.
   */
  settle(): Promise<void>;
  /**
   * `/cancel <args>`, and its confirmation pressed by the same person: the text the question
   * turns into (a refusal, when no question was asked).
   */
  cancelMeeting(user: EmulatedUser, chat: EmulatedChat | "private", args: string, options?: { deliver?: boolean }): Promise<string>;
  /** Waits until the bot has taken and handled every update (service messages get no reply to wait for), then delivers what is due. */
  handled(): Promise<void>;
  /** Row counts that an organiser command may change; equal before and after = nothing changed. */
  countRows(): Promise<Record<string, number | string>>;
}

/** ortak in this process on in-memory PGlite, talking to an emulator, for one test file. */
export function useScenario(options: { clock?: () => Date; limits?: RateLimitSettings | false; logger?: Logger } = {}): Scenario {
  const scenario = {} as Scenario;
  // Without the emulator's flood limits, the outbox need not wait for room either.
  const sendBudget = options.limits ? undefined : false;
  let closeQueue: () => Promise<void> = async () => undefined;
  let testQueue: TestQueue;
  beforeAll(async () => {
    const queue = await startTestQueue();
    testQueue = queue;
    scenario.queue = queue.queue;
    scenario.redisPath = queue.redis.socketPath;
    closeQueue = queue.close;
    scenario.emulator = new TelegramEmulator({ limits: options.limits ?? false });
    await scenario.emulator.start();
    scenario.db = await openMemoryDatabase();
    scenario.running = await startInProcessBot(scenario.emulator, scenario.db, testQueue, { clock: options.clock, logger: options.logger, sendBudget });
  });
  scenario.restart = async () => {
    await scenario.running.stop();
    scenario.running = await startInProcessBot(scenario.emulator, scenario.db, testQueue, { clock: options.clock, logger: options.logger, sendBudget });
  };
  enforcePrivacy(() => scenario.emulator);
  afterAll(async () => {
    await scenario.running.stop();
    await scenario.emulator.stop();
    await scenario.db.close();
    await closeQueue();
    // What the bot sent after the last test ended (a late card edit) is judged too.
    checkPrivacy(scenario.emulator);
  });
  scenario.say = async (user, chat, text, options = {}) => {
    const chatId = chat === "private" ? user.id : chat.id;
    const { message } = scenario.emulator.sendText(user, chat, text, options);
    const reply = (await scenario.emulator.nextBotMessage(chatId, message.message_id)).text ?? "";
    // Whatever else the handler sends (announcements after the reply) lands before the next step.
    await scenario.running.ortak.inFlight.drain();
    await scenario.deliver();
    return reply;
  };
  scenario.deliver = () => scenario.running.deliverDue();
  scenario.cancelMeeting = async (user, chat, args, options = {}) => {
    const chatId = chat === "private" ? user.id : chat.id;
    const { message } = scenario.emulator.sendText(user, chat, `/cancel ${args}`);
    const question = await scenario.emulator.nextBotMessage(chatId, message.message_id);
    if (!(await confirmCancel(scenario.emulator, user, question))) return question.text ?? "";
    await scenario.running.ortak.inFlight.drain();
    if (options.deliver ?? true) await scenario.deliver();
    return scenario.emulator.botMessagesIn(chatId).find((m) => m.message_id === question.message_id)!.text ?? "";
  };
  scenario.handled = async () => {
    for (let tries = 0; scenario.emulator.pendingUpdateCount > 0; tries++) {
      if (tries > 500) throw new Error("the bot did not take its updates");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Taken updates enter the handlers on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await scenario.running.ortak.inFlight.drain();
    // What the handlers wrote to the outbox (a notice to organisers) goes out.
    await scenario.deliver();
  };
  scenario.settle = async () => {
    const { prisma } = scenario.db;
    const clock = options.clock ?? (() => new Date());
    // Bounded: a renderer that keeps re-arming itself must not hang a test.
    const giveUpAt = Date.now() + 60_000;
    let reconciled = false;
    while (Date.now() < giveUpAt) {
      await scenario.running.ortak.inFlight.drain();
      await scenario.running.services.arrivals.idle();
      const ran = await scenario.deliver();
      const now = clock().getTime();
      const next = await prisma.outboxMessage.findFirst({
        where: { status: { in: ["scheduled", "sending"] }, notBefore: { lte: new Date(now + 10_000) } },
        orderBy: { notBefore: "asc" },
        select: { notBefore: true },
      });
      if (!next) return;
      const waitMs = next.notBefore.getTime() - now;
      if (waitMs <= 0 && ran === 0) {
        // Due, but its job is missing (a clock that stands still gives a row re-armed for the
        // same instant the same job id): the periodic reconcile would give it one.
        if (reconciled) return;
        reconciled = true;
        await scenario.running.reconciler.reconcile();
        continue;
      }
      reconciled = false;
      // The app's clock may stand still: the job was delayed by the same amount of real time.
      await new Promise((resolve) => setTimeout(resolve, Math.max(20, waitMs)));
    }
  };
  scenario.networkWithMeeting = async (name, agenda) => {
    const fixture = await scenario.network(name);
    const { admin, member, group } = fixture;
    await scenario.say(admin, group, "/network_set next_number 25");
    await scenario.say(admin, group, "/org_add Buca KDM | Buca");
    await scenario.say(admin, group, "/org_add Karşıyaka Kadın Dayanışma | Karşıyaka");
    await scenario.say(admin, group, `/member_set_org @${member.username} Buca`);
    await scenario.say(admin, "private", "/start");
    await scenario.say(member, "private", "/start");
    await scenario.say(admin, group, `/meeting_new 17 Mart 2027 10:00 | Salon | ${agenda}`);
    return fixture;
  };
  scenario.network = async (name = "İzmir KDM Ağı") => {
    const { emulator } = scenario;
    const n = emulator.users.size;
    const admin = emulator.createUser({ first_name: "Derya", username: `derya_${n}`, language_code: "tr" });
    const member = emulator.createUser({ first_name: "Ayşe", last_name: "Yılmaz", username: `ayse_${n}`, language_code: "tr" });
    const outsider = emulator.createUser({ first_name: "Zeynep", username: `zeynep_${n}`, language_code: "tr" });
    const group = emulator.createGroup({ title: name, members: [{ user: admin, status: "creator" }, { user: member }] });
    await scenario.say(admin, group, `/setup ${name}`);
    // The join code is for organisers only: read it where it is kept, not from a chat.
    const linked = await scenario.db.prisma.chat.findFirstOrThrow({ where: { telegramChatId: BigInt(group.id) }, include: { network: true } });
    const code = linked.network.joinCode;
    // Writing in the linked group makes the member known to the network.
    await scenario.say(member, group, "/whoami");
    return { admin, member, outsider, group, code };
  };
  scenario.countRows = async () => {
    const { prisma } = scenario.db;
    const [networks, chats, organisations, members, organisers, withOrganisation, audit] = await Promise.all([
      prisma.network.count(),
      prisma.chat.count(),
      prisma.organisation.count(),
      prisma.member.count(),
      prisma.member.count({ where: { role: "organiser" } }),
      prisma.member.count({ where: { organisationId: { not: null } } }),
      prisma.auditEntry.count(),
    ]);
    const [rsvps, cards, invited] = await Promise.all([prisma.rsvp.count(), prisma.postedCard.count(), prisma.meeting.count({ where: { status: "invited" } })]);
    const [entries, versions, actionsDone] = await Promise.all([
      prisma.minutesEntry.count({ where: { deletedAt: null } }),
      prisma.minutesVersion.count(),
      prisma.minutesEntry.count({ where: { doneAt: { not: null } } }),
    ]);
    // Not counted: Dialogue rows (a question waiting for its answer) and TelegramUser rows (every
    // account that sent an update is noted, with its language); they are conversation state.
    const [membersLeft, anonymousRsvps, anonymousCheckIns, outbox, attendance] = await Promise.all([
      prisma.member.count({ where: { leftAt: { not: null } } }),
      prisma.rsvp.count({ where: { memberId: null } }),
      prisma.attendance.count({ where: { memberId: null } }),
      prisma.outboxMessage.count(),
      prisma.attendance.count(),
    ]);
    const joinCodes = (await prisma.network.findMany({ select: { joinCode: true }, orderBy: { id: "asc" } })).map((n) => n.joinCode).join(",");
    const retention = (await prisma.network.findMany({ select: { retentionMonths: true }, orderBy: { id: "asc" } })).map((n) => n.retentionMonths).join(",");
    return { networks, chats, organisations, members, organisers, withOrganisation, audit, rsvps, cards, invited, entries, versions, actionsDone, membersLeft, anonymousRsvps, anonymousCheckIns, outbox, attendance, joinCodes, retention };
  };
  return scenario;
}
