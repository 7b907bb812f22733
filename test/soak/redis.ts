import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { silentLogger } from "../../src/logger.ts";
import { startPrivateRedis, type PrivateRedis } from "../../src/redis/private-server.ts";
import { tempDir } from "../support/harness.ts";

/**
 * The soak's Redis, configured as ortak requires (append-only file, noeviction), on a unix socket
 * whose path stays the same across a kill: `killAndRestartEmpty` is a Redis that lost its data.
 */
export class SoakRedis {
  private server: PrivateRedis | undefined;

  private constructor(private readonly dir: { path: string; remove: () => Promise<void> }) {}

  static async start(): Promise<SoakRedis> {
    const redis = new SoakRedis(await tempDir("ortak-soak-r-"));
    redis.server = await startPrivateRedis({ dataDir: redis.dir.path, logger: silentLogger });
    return redis;
  }

  get url(): string {
    return `unix://${this.server!.socketPath}`;
  }

  /** kill -9, its files deleted (append-only file included), and after `downMs` a new, empty one on the same socket. */
  async killAndRestartEmpty(downMs: number): Promise<void> {
    process.kill(this.server!.pid, "SIGKILL");
    const redisDir = path.join(this.dir.path, "redis");
    for (const entry of await readdir(redisDir)) await rm(path.join(redisDir, entry), { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.server = await startPrivateRedis({ dataDir: this.dir.path, logger: silentLogger });
  }

  async remove(): Promise<void> {
    await this.server?.stop().catch(() => undefined);
    await this.dir.remove();
  }
}
