import { TelegramEmulator } from "../../emulator/index.ts";
import { startTestRedis, tempDir, type TestRedis } from "../support/harness.ts";
import { startTestPostgres, type TestPostgres } from "../support/postgres.ts";
import { freePort, spawnOrtak, type OrtakProcess } from "../support/process.ts";
import { roundRobinProxy, type RoundRobinProxy } from "../support/round-robin.ts";
import type { SoakSettings } from "./settings.ts";

const RUNNING = "ortak is running; Ctrl-C stops it";
const WEBHOOK_SECRET = "soak_secret";

export interface SoakProcess {
  /** Also its `/via/<name>` tag at the emulator: whose calls are whose. */
  name: string;
  role: "bot" | "worker";
  proc: OrtakProcess;
  /** Killed on purpose (or stopped at the end): its exit is no finding. */
  expectedExit: boolean;
  env: Record<string, string>;
}

export interface UnexpectedExit {
  name: string;
  code: number | null;
  lastLog: string;
}

/**
 * Everything the soak runs: the emulator (Telegram), PostgreSQL, Redis, and ortak processes with
 * ROLE=bot and ROLE=worker. A process that stops by itself is recorded and started again, as a
 * supervisor (systemd's Restart=on-failure) would.
 */
export class Cluster {
  readonly processes: SoakProcess[] = [];
  readonly unexpectedExits: UnexpectedExit[] = [];
  private proxy: RoundRobinProxy | undefined;
  private botPorts: number[] = [];
  private stopping = false;
  private restarts = 0;

  private constructor(
    readonly emulator: TelegramEmulator,
    readonly postgres: TestPostgres,
    readonly redis: TestRedis,
    private readonly dataDir: { path: string; remove: () => Promise<void> },
    private readonly settings: SoakSettings,
  ) {}

  static async start(settings: SoakSettings): Promise<Cluster> {
    // Telegram's flood limits stay on: ortak's budgets must keep it under them. Webhook updates
    // go out in parallel, as Telegram sends them (max_connections 40).
    const emulator = new TelegramEmulator({ webhookRetryMs: 500, webhookConnections: 40 });
    await emulator.start();
    const [postgres, redis, dataDir] = await Promise.all([startTestPostgres(), startTestRedis(), tempDir("ortak-soak-")]);
    const cluster = new Cluster(emulator, postgres, redis, dataDir, settings);
    // The first process applies the migrations; the others then start side by side.
    await cluster.spawn("worker", "worker-1");
    const others: Promise<unknown>[] = [];
    for (let i = 2; i <= settings.workers; i++) others.push(cluster.spawn("worker", `worker-${i}`));
    if (settings.intake === "webhook") {
      cluster.botPorts = [await freePort(), await freePort()];
      cluster.proxy = await roundRobinProxy(cluster.botPorts.map((port) => `http://127.0.0.1:${port}`));
      others.push(cluster.spawn("bot", "bot-1"), cluster.spawn("bot", "bot-2"));
    } else {
      others.push(cluster.spawn("bot", "bot-1"));
    }
    await Promise.all(others);
    return cluster;
  }

  get webhookServed(): number[] | undefined {
    return this.proxy?.served;
  }

  private environment(role: "bot" | "worker", name: string): Record<string, string> {
    const shared: Record<string, string> = {
      BOT_TOKEN: this.emulator.token,
      TELEGRAM_API_ROOT: `${this.emulator.apiRoot}/via/${name}`,
      DATABASE_URL: this.postgres.url,
      REDIS_URL: `unix://${this.redis.socketPath}`,
      DATA_DIR: this.dataDir.path,
      ROLE: role,
      OUTBOX_CLAIM_SECONDS: String(this.settings.claimSeconds),
      OUTBOX_RECONCILE_SECONDS: String(this.settings.reconcileSeconds),
      LOG_LEVEL: "info",
    };
    if (role === "bot" && this.proxy) {
      const port = this.botPorts[Number(name.split("-")[1]) - 1]!;
      return { ...shared, BOT_MODE: "webhook", WEBHOOK_URL: `${this.proxy.url}/telegram`, WEBHOOK_SECRET, PORT: String(port) };
    }
    return shared;
  }

  /** Starts an ortak process and waits until it runs. */
  async spawn(role: "bot" | "worker", name: string, env = this.environment(role, name)): Promise<SoakProcess> {
    const proc = spawnOrtak(env);
    const entry: SoakProcess = { name, role, proc, expectedExit: false, env };
    this.processes.push(entry);
    void proc.exited.then((code) => this.exited(entry, code));
    await proc.waitForLog(RUNNING, 120_000);
    return entry;
  }

  /** kill -9: what it was doing is cut short. */
  kill(name: string): SoakProcess {
    const entry = this.running(name);
    entry.expectedExit = true;
    entry.proc.signal("SIGKILL");
    return entry;
  }

  running(name: string): SoakProcess {
    const entry = this.processes.find((p) => p.name === name && p.proc.child.exitCode === null && p.proc.child.signalCode === null);
    if (!entry) throw new Error(`no running process ${name}`);
    return entry;
  }

  private exited(entry: SoakProcess, code: number | null): void {
    if (entry.expectedExit || this.stopping) return;
    const last = entry.proc.logs.at(-1);
    this.unexpectedExits.push({ name: entry.name, code, lastLog: String(last?.msg ?? entry.proc.stderr().slice(-300)) });
    // Started again under the same role, as a supervisor would (same port for a webhook process).
    const name = `${entry.name}-r${++this.restarts}`;
    setTimeout(() => void this.spawn(entry.role, name, { ...entry.env, TELEGRAM_API_ROOT: `${this.emulator.apiRoot}/via/${name}` }).catch(() => undefined), 1_000);
  }

  /** Every log line of every process, for the report (counts of what they said, never texts). */
  allLogs(): Record<string, unknown>[] {
    return this.processes.flatMap((p) => p.proc.logs);
  }

  async stop(): Promise<{ name: string; code: number | null }[]> {
    this.stopping = true;
    const live = this.processes.filter((p) => p.proc.child.exitCode === null && p.proc.child.signalCode === null);
    const codes = await Promise.all(
      live.map(async (p) => {
        p.expectedExit = true;
        const code = await Promise.race([p.proc.stop("SIGTERM"), new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000))]);
        if (code === "timeout") {
          p.proc.signal("SIGKILL");
          return { name: p.name, code: null };
        }
        return { name: p.name, code };
      }),
    );
    await this.proxy?.close();
    await this.emulator.stop();
    await Promise.all([this.redis.remove(), this.postgres.stop().catch(() => undefined), this.dataDir.remove()]);
    return codes;
  }
}
