import type { BotAction, EmulatedUser, TelegramEmulator } from "../../emulator/index.ts";

export interface RoundTripResult {
  label: string;
  messages: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Closed loop through the emulator over HTTP: `concurrency` users each send a message, wait
 * for the bot's reply, and send the next, until `messages` replies arrived. The bot is already
 * taking updates from the emulator.
 */
export async function measureRoundTrip(options: {
  label: string;
  emulator: TelegramEmulator;
  text: string;
  messages: number;
  concurrency: number;
  warmup: number;
}): Promise<RoundTripResult> {
  const { emulator } = options;
  const users: EmulatedUser[] = Array.from({ length: options.concurrency }, (_, i) =>
    emulator.createUser({ first_name: `Kullanıcı ${i}`, language_code: i % 2 ? "en" : "tr" }),
  );
  const latencies: number[] = [];
  let measuring = false;
  let remaining = options.warmup + options.messages;
  let inFlight = 0;
  const sentAt = new Map<number, number>();
  let startedAt = 0;

  const finished = new Promise<number>((resolve) => {
    const send = (user: EmulatedUser) => {
      if (remaining <= 0) return;
      remaining--;
      inFlight++;
      sentAt.set(user.id, performance.now());
      emulator.sendText(user, "private", options.text);
    };
    const onAction = (action: BotAction) => {
      if (action.kind !== "send") return;
      const started = sentAt.get(action.chatId);
      if (started === undefined) return;
      sentAt.delete(action.chatId);
      inFlight--;
      if (measuring) latencies.push(performance.now() - started);
      if (!measuring && remaining <= options.messages) {
        measuring = true;
        startedAt = performance.now();
      }
      const user = emulator.users.get(action.chatId)!;
      if (remaining > 0) send(user);
      else if (inFlight === 0) {
        emulator.off("action", onAction);
        resolve(performance.now());
      }
    };
    emulator.on("action", onAction);
    for (const user of users) {
      // /start first, so the bot may answer in private.
      user.startedBot = true;
      send(user);
    }
  });
  const endedAt = await finished;
  const seconds = (endedAt - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    label: options.label,
    messages: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
  };
}
