import { existsSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { TelegramEmulator, type EmulatorSnapshot } from "../../emulator/index.ts";
import type { BotConfig, Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { Translator } from "../bot/i18n.ts";
import { lockDataDir } from "../data-dir-lock.ts";
import { startOrtak, type RunningOrtak, type StartOptions } from "../app.ts";
import { createDemoAccounts, seedDemoNetwork } from "./demo-world.ts";
import { DEMO_GROUP_TITLE } from "./people.ts";
import { PlaygroundUnavailable, PlaygroundWeb, type PlaygroundWorld } from "./web.ts";

export interface RunningPlayground {
  /** The page, on loopback. */
  url: string;
  stop(): Promise<void>;
}

/** The page's port is taken: one plain line, naming the setting. */
export class PlaygroundPortInUseError extends Error {
  constructor(port: number) {
    super(`127.0.0.1:${port} is already in use (another playground?): stop that program, or set PLAYGROUND_PORT to a free port`);
    this.name = "PlaygroundPortInUseError";
  }
}

const WORLD_FILE = "world.json";
/** ortak's own data directory inside the playground's: the embedded database and Redis. */
const ORTAK_DIR = "ortak";

/**
 * ortak without Telegram: the same application (src/app.ts) on its own embedded database and
 * Redis under DATA_DIR/playground, against the built-in Bot API emulator, and a page on
 * 127.0.0.1 to play every person of the demo world. The world is kept in world.json beside the
 * database, so a restart continues where it stopped; "reset" starts both afresh.
 */
export async function startPlayground(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningPlayground> {
  if (config.telegram.kind !== "playground") throw new Error("startPlayground needs a configuration without BOT_TOKEN");
  const port = config.telegram.port;
  const dir = path.join(config.dataDir, "playground");
  await mkdir(dir, { recursive: true });
  // The playground's own lock: a second playground on this data directory must not wipe this one's world.
  const lock = await lockDataDir(dir, "ortak playground");
  const world = new PlaygroundSessions(config, dir, logger, options);
  const web = new PlaygroundWeb(world, await Translator.load(), logger);
  world.onNewWorld = (emulator) => web.follow(emulator);
  try {
    // First the port, so a taken one is said at once, before anything is started.
    const url = await web.listen(port).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? new PlaygroundPortInUseError(port) : error;
    });
    await world.open();
    logger.info({ url }, "playground ready");
    return {
      url,
      stop: async () => {
        await world.close();
        await web.close();
        await lock.release();
      },
    };
  } catch (error) {
    await world.close();
    await web.close();
    await lock.release();
    throw error;
  }
}

/** The current life of the world, its replacement on reset, and the answer while there is none. */
class PlaygroundSessions implements PlaygroundWorld {
  onNewWorld: (emulator: TelegramEmulator) => void = () => undefined;
  private current: Session | undefined;
  private unavailable = "the playground is starting";
  private resetting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly config: Config,
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly options: StartOptions,
  ) {}

  async open(): Promise<void> {
    this.current = await openSession(this.config, this.dir, this.logger, this.options);
    this.onNewWorld(this.current.emulator);
  }

  emulator(): TelegramEmulator {
    if (!this.current) throw new PlaygroundUnavailable(this.unavailable);
    return this.current.emulator;
  }

  groupId(): number {
    if (!this.current) throw new PlaygroundUnavailable(this.unavailable);
    return this.current.groupId;
  }

  reset(): Promise<void> {
    if (this.closed) return Promise.reject(new PlaygroundUnavailable("the playground is stopping"));
    this.resetting ??= (async () => {
      this.logger.info("playground: starting the world afresh");
      const old = this.current;
      this.current = undefined;
      this.unavailable = "the playground is starting afresh; try again in a moment";
      await old?.close();
      await clearWorld(this.dir);
      try {
        await this.open();
      } catch (error) {
        this.logger.error({ err: error }, "playground: could not start afresh");
        this.unavailable = `the playground could not start afresh (${(error as Error).message}); stop it and start it again`;
        throw new PlaygroundUnavailable(this.unavailable);
      }
    })().finally(() => (this.resetting = undefined));
    return this.resetting;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unavailable = "the playground is stopping";
    await this.resetting?.catch(() => undefined);
    const current = this.current;
    this.current = undefined;
    await current?.close();
  }
}

interface Session {
  emulator: TelegramEmulator;
  groupId: number;
  close(): Promise<void>;
}

/**
 * One life of the world: the emulator (restored or new), ortak on it, and the world saved after
 * every change, before the bot hears the answer to its call: the database never holds a message
 * sent that the saved world does not.
 */
async function openSession(config: Config, dir: string, logger: Logger, options: StartOptions): Promise<Session> {
  const worldFile = path.join(dir, WORLD_FILE);
  const saved = await readWorld(dir, logger);
  // A world that was never saved, or whose database is gone, starts afresh as a whole.
  if (!saved) await clearWorld(dir);
  const emulator = saved ?? new TelegramEmulator({ token: newToken(), botUsername: "ortak_demo_bot" });
  const save = () => writeWorld(worldFile, emulator.snapshot());
  const demo = saved ? undefined : createDemoAccounts(emulator);
  // A restored world is saved from the first change; a new one once it is seeded.
  if (saved) emulator.on("change", save);
  await emulator.start();
  let ortak: RunningOrtak | undefined;
  try {
    const botConfig: BotConfig = {
      ...config,
      dataDir: path.join(dir, ORTAK_DIR),
      // The playground never touches real data, whatever DATABASE_URL and REDIS_URL say.
      databaseUrl: undefined,
      redisUrl: undefined,
      mode: { kind: "polling" },
      telegram: { kind: "bot", token: emulator.token, apiRoot: emulator.apiRoot },
    };
    ortak = await startOrtak(botConfig, logger, options);
    if (demo) {
      await seedDemoNetwork(ortak.db.prisma, demo);
      save();
      emulator.on("change", save);
    }
    const group = [...emulator.chats.values()].find((chat) => chat.title === DEMO_GROUP_TITLE);
    if (!group) throw new Error("the saved world has no demo group");
    const running = ortak;
    return {
      emulator,
      groupId: group.id,
      close: async () => {
        await running.stop();
        emulator.off("change", save);
        save();
        await emulator.stop();
      },
    };
  } catch (error) {
    await ortak?.stop();
    emulator.off("change", save);
    await emulator.stop();
    throw error;
  }
}

/** The saved world restored, when there is one with its database; a world that cannot be read is put aside. */
async function readWorld(dir: string, logger: Logger): Promise<TelegramEmulator | undefined> {
  const file = path.join(dir, WORLD_FILE);
  if (!existsSync(file) || !existsSync(path.join(dir, ORTAK_DIR))) return undefined;
  try {
    // Throws on a snapshot of another format: here, where it can still be put aside.
    return TelegramEmulator.restore(JSON.parse(await readFile(file, "utf8")) as EmulatorSnapshot);
  } catch (error) {
    logger.warn({ err: error }, `playground: ${file} cannot be read; it is kept as ${WORLD_FILE}.unreadable and a fresh demo world starts`);
    await rename(file, `${file}.unreadable`);
    return undefined;
  }
}

/** Written whole, then renamed: a crash leaves the old world or the new one, never half of one. */
function writeWorld(file: string, snapshot: EmulatorSnapshot): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(snapshot), { mode: 0o600 });
  renameSync(partial, file);
}

/** The world and ortak's data; the directory and its lock stay. */
async function clearWorld(dir: string): Promise<void> {
  await rm(path.join(dir, WORLD_FILE), { force: true });
  await rm(path.join(dir, ORTAK_DIR), { recursive: true, force: true });
}

/** A token of the form BotFather gives, unique to this world. */
function newToken(): string {
  return `${900_000_000 + (randomBytes(4).readUInt32BE() % 90_000_000)}:${randomBytes(24).toString("base64url")}`;
}
