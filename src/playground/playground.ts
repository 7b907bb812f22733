import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { TelegramEmulator } from "../../emulator/index.ts";
import type { BotConfig, Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { Translator } from "../bot/i18n.ts";
import { lockDataDir } from "../data-dir-lock.ts";
import { startOrtak, type RunningOrtak, type StartOptions } from "../app.ts";
import { createDemoAccounts, seedDemoNetwork } from "./demo-world.ts";
import { DEMO_GROUP_TITLE } from "./people.ts";
import { PlaygroundWeb } from "./web.ts";

export interface RunningPlayground {
  /** The page, on loopback. */
  url: string;
  stop(): Promise<void>;
}

const WORLD_FILE = "world.json";
/** ortak's own data directory inside the playground's: the embedded database and Redis. */
const ORTAK_DIR = "ortak";
const SAVE_DELAY_MS = 300;

/**
 * ortak without Telegram: the same application (src/app.ts) on its own embedded database and
 * Redis under DATA_DIR/playground, against the built-in Bot API emulator, and a page on
 * 127.0.0.1 to play every person of the demo world. The world is kept in world.json beside the
 * database, so a restart continues where it stopped; "reset" starts both afresh.
 */
export async function startPlayground(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningPlayground> {
  if (config.telegram.kind !== "playground") throw new Error("startPlayground needs a configuration without BOT_TOKEN");
  const dir = path.join(config.dataDir, "playground");
  await mkdir(dir, { recursive: true });
  // The playground's own lock: a second playground on this data directory must not wipe this one's world.
  const lock = await lockDataDir(dir, "ortak playground");
  const translator = await Translator.load();
  let current: Session | undefined;
  let resetting: Promise<void> | undefined;
  const web = new PlaygroundWeb(
    {
      emulator: () => current!.emulator,
      groupId: () => current!.groupId,
      reset: () => {
        resetting ??= (async () => {
          logger.info("playground: starting the world afresh");
          await current?.close();
          current = undefined;
          await clearWorld(dir);
          current = await openSession(config, dir, logger, options);
          web.follow(current.emulator);
          web.announceReset();
        })().finally(() => (resetting = undefined));
        return resetting;
      },
    },
    translator,
    logger,
  );
  try {
    current = await openSession(config, dir, logger, options);
    web.follow(current.emulator);
    const url = await web.listen(config.telegram.port);
    logger.info({ url }, "playground ready");
    return {
      url,
      stop: async () => {
        await resetting?.catch(() => undefined);
        await web.close();
        await current?.close();
        await lock.release();
      },
    };
  } catch (error) {
    await web.close();
    await current?.close();
    await lock.release();
    throw error;
  }
}

interface Session {
  emulator: TelegramEmulator;
  groupId: number;
  ortak: RunningOrtak;
  close(): Promise<void>;
}

/** One life of the world: the emulator (restored or new), ortak on it, and the world saved on every change. */
async function openSession(config: Config, dir: string, logger: Logger, options: StartOptions): Promise<Session> {
  const worldFile = path.join(dir, WORLD_FILE);
  const saved = await readWorld(worldFile);
  // A world that was never saved has no database worth keeping either.
  if (!saved) await clearWorld(dir);
  const emulator = saved ? TelegramEmulator.restore(saved) : new TelegramEmulator({ token: `${900_000_000 + randomInt()}:${randomBytes(24).toString("base64url")}`, botUsername: "ortak_demo_bot" });
  const demo = saved ? undefined : createDemoAccounts(emulator);
  await emulator.start();
  const save = debounce(() => writeWorld(worldFile, emulator.snapshot()), SAVE_DELAY_MS, logger);
  emulator.on("change", save.soon);
  const botConfig: BotConfig = {
    ...config,
    dataDir: path.join(dir, ORTAK_DIR),
    // The playground never touches real data, whatever DATABASE_URL and REDIS_URL say.
    databaseUrl: undefined,
    redisUrl: undefined,
    mode: { kind: "polling" },
    telegram: { kind: "bot", token: emulator.token, apiRoot: emulator.apiRoot },
  };
  let ortak: RunningOrtak;
  try {
    ortak = await startOrtak(botConfig, logger, options);
    if (demo) await seedDemoNetwork(ortak.db.prisma, demo);
    await save.now();
  } catch (error) {
    emulator.off("change", save.soon);
    await emulator.stop();
    throw error;
  }
  const group = [...emulator.chats.values()].find((chat) => chat.title === DEMO_GROUP_TITLE);
  if (!group) throw new Error("the playground's world has no demo group");
  return {
    emulator,
    groupId: group.id,
    ortak,
    close: async () => {
      await ortak.stop();
      emulator.off("change", save.soon);
      await save.now();
      await emulator.stop();
    },
  };
}

async function readWorld(file: string): Promise<ReturnType<TelegramEmulator["snapshot"]> | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as ReturnType<TelegramEmulator["snapshot"]>;
  } catch {
    return undefined;
  }
}

/** Written whole, then renamed: a crash leaves the old world or the new one, never half of one. */
async function writeWorld(file: string, snapshot: unknown): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, JSON.stringify(snapshot));
  await rename(partial, file);
}

/** The world and ortak's data; the directory and its lock stay. */
async function clearWorld(dir: string): Promise<void> {
  await rm(path.join(dir, WORLD_FILE), { force: true });
  await rm(path.join(dir, ORTAK_DIR), { recursive: true, force: true });
}

function randomInt(): number {
  return randomBytes(4).readUInt32BE() % 90_000_000;
}

/** Saves at most every `delayMs`; `now()` saves what is pending at once. */
function debounce(save: () => Promise<void>, delayMs: number, logger: Logger): { soon: () => void; now: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    timer = undefined;
    running = running.then(save).catch((error: unknown) => logger.error({ err: error }, "playground: could not save the world"));
    return running;
  };
  return {
    soon: () => {
      timer ??= setTimeout(run, delayMs);
    },
    now: () => {
      if (timer) clearTimeout(timer);
      return run();
    },
  };
}
