import type { BotIdentity } from "./bot-api.ts";
import type { UpdateQueueState } from "./updates.ts";
import { World, type BotCommand, type BotRights, type ChatType, type EmulatedChat, type EmulatedUser, type MemberStatus, type StoredMessage } from "./world.ts";

const FORMAT = "ortak-emulator-snapshot";
const VERSION = 1;

export interface ChatSnapshot {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  isForum: boolean;
  topics: { threadId: number; name: string }[];
  members: { userId: number; status: MemberStatus }[];
  bot: { status: MemberStatus; rights: BotRights };
  messages: StoredMessage[];
  nextMessageId: number;
  pinned: number[];
  migratedTo?: number;
}

export interface FileSnapshot {
  fileId: string;
  name: string;
  type: string;
  dataBase64: string;
}

/**
 * The emulated Telegram as plain JSON: enough to build the same world again after a restart.
 * Open callback queries, the request log and flood-control windows are left out.
 */
export interface EmulatorSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
  token: string;
  bot: BotIdentity;
  users: EmulatedUser[];
  /** People whose names the privacy guard lets through (see createUser's `public`). */
  publicUserIds: number[];
  chats: ChatSnapshot[];
  files: FileSnapshot[];
  /** Command menus keyed as setMyCommands stores them (scope JSON and language code). */
  commands: { key: string; commands: BotCommand[] }[];
  updates: UpdateQueueState;
  nextUserId: number;
  nextGroupId: number;
}

export function takeSnapshot(source: {
  token: string;
  bot: BotIdentity;
  world: World;
  publicUserIds: number[];
  updates: UpdateQueueState;
}): EmulatorSnapshot {
  const { world } = source;
  return {
    format: FORMAT,
    version: VERSION,
    token: source.token,
    bot: { ...source.bot },
    users: [...world.users.values()].map((user) => ({ ...user })),
    publicUserIds: source.publicUserIds,
    chats: [...world.chats.values()].map(chatSnapshot),
    files: [...world.files].map(([fileId, file]) => ({ fileId, name: file.name, type: file.type, dataBase64: file.data.toString("base64") })),
    commands: [...world.commands].map(([key, commands]) => ({ key, commands: commands.map((entry) => ({ ...entry })) })),
    updates: source.updates,
    nextUserId: world.nextUserId,
    nextGroupId: world.nextGroupId,
  };
}

function chatSnapshot(chat: EmulatedChat): ChatSnapshot {
  return {
    id: chat.id,
    type: chat.type,
    ...(chat.title !== undefined ? { title: chat.title } : {}),
    ...(chat.username !== undefined ? { username: chat.username } : {}),
    isForum: chat.isForum,
    topics: [...chat.topics].map(([threadId, name]) => ({ threadId, name })),
    members: [...chat.members].map(([userId, status]) => ({ userId, status })),
    bot: { status: chat.bot.status, rights: { ...chat.bot.rights } },
    messages: structuredClone([...chat.messages.values()]),
    nextMessageId: chat.nextMessageId,
    pinned: [...chat.pinned],
    ...(chat.migratedTo !== undefined ? { migratedTo: chat.migratedTo } : {}),
  };
}

/** Checks that `snapshot` is one this emulator wrote, so a stale file fails clearly. */
export function checkSnapshot(snapshot: EmulatorSnapshot): void {
  if (snapshot?.format !== FORMAT) throw new Error("emulator: this is not an emulator snapshot");
  if (snapshot.version !== VERSION) throw new Error(`emulator: snapshot version ${String(snapshot.version)} is not supported (expected ${VERSION})`);
}

/** A World in the snapshot's state; it shares nothing with the snapshot object. */
export function worldFromSnapshot(snapshot: EmulatorSnapshot): World {
  const world = new World();
  for (const user of snapshot.users) world.users.set(user.id, { ...user });
  for (const chat of snapshot.chats) {
    const messages = structuredClone(chat.messages);
    world.chats.set(chat.id, {
      id: chat.id,
      type: chat.type,
      title: chat.title,
      username: chat.username,
      isForum: chat.isForum,
      topics: new Map(chat.topics.map((topic) => [topic.threadId, topic.name])),
      members: new Map(chat.members.map((member) => [member.userId, member.status])),
      bot: { status: chat.bot.status, rights: { ...chat.bot.rights } },
      messages: new Map(messages.map((message) => [message.message_id, message])),
      nextMessageId: chat.nextMessageId,
      pinned: [...chat.pinned],
      migratedTo: chat.migratedTo,
    });
  }
  for (const file of snapshot.files) {
    world.files.set(file.fileId, { name: file.name, type: file.type, data: Buffer.from(file.dataBase64, "base64") });
  }
  for (const { key, commands } of snapshot.commands) world.commands.set(key, commands.map((entry) => ({ ...entry })));
  world.nextUserId = snapshot.nextUserId;
  world.nextGroupId = snapshot.nextGroupId;
  return world;
}
