import type { BotIdentity } from "./bot-api.ts";
import type { EmulatorSnapshot } from "./snapshot.ts";

const DEFAULT_TOKEN = "123456789:TEST-emulator-token-ABCDEFGHIJKLMNOP";

export interface IdentityOptions {
  token?: string;
  botUsername?: string;
  botName?: string;
  privacyMode?: boolean;
  snapshot?: EmulatorSnapshot;
}

/** The bot's token and identity: the snapshot's when restoring, and options may not contradict it. */
export function botIdentity(options: IdentityOptions): { token: string; bot: BotIdentity } {
  const { snapshot } = options;
  if (snapshot) {
    const { bot } = snapshot;
    const contradicts =
      (options.token !== undefined && options.token !== snapshot.token) ||
      (options.botUsername !== undefined && options.botUsername !== bot.username) ||
      (options.botName !== undefined && options.botName !== bot.first_name) ||
      (options.privacyMode !== undefined && options.privacyMode !== bot.privacyMode);
    if (contradicts) throw new Error("emulator: the options name a different bot than the snapshot");
    return { token: snapshot.token, bot: { ...bot } };
  }
  const token = options.token ?? DEFAULT_TOKEN;
  return {
    token,
    bot: {
      id: Number(token.split(":")[0]),
      first_name: options.botName ?? "ortak",
      username: options.botUsername ?? "ortak_test_bot",
      privacyMode: options.privacyMode ?? true,
    },
  };
}
