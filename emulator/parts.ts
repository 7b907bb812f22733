import type { BotIdentity } from "./bot-api.ts";
import type { ChangeFeed } from "./change-feed.ts";
import type { ApiObjects } from "./message-view.ts";
import type { PrivacyGuard } from "./privacy.ts";
import type { UpdateQueue } from "./updates.ts";
import type { StoredMessage, World } from "./world.ts";

/** What the people's side of the emulator works with: the world, the bot's queue, the feed. */
export interface EmulatorParts {
  readonly world: World;
  readonly bot: BotIdentity;
  readonly updates: UpdateQueue;
  readonly objects: ApiObjects;
  readonly feed: ChangeFeed;
  readonly privacy: PrivacyGuard;
  now(): number;
  apiMessage(message: StoredMessage): Record<string, unknown>;
}
