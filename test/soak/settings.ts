import type { FaultSettings } from "../../emulator/index.ts";

/** What one soak run does; every number can be changed from the environment (see fromEnvironment). */
export interface SoakSettings {
  seed: number;
  networks: number;
  membersPerNetwork: number;
  meetingsPerNetwork: number;
  /** Share of members who started the bot (invitation DMs); a few of them later blocked it. */
  startedShare: number;
  blockedShare: number;
  /** Share of members who use Telegram in English. */
  englishShare: number;
  /** How long members keep answering, after the invitations went out. */
  answeringSeconds: number;
  /** A member's pause between two actions, in ms. */
  thinkMs: [number, number];
  /** The first meeting of each network starts this many minutes after it was created: its reminders fire during the run. */
  earlyStartMinutes: number;
  /** polling: one ROLE=bot process polls; webhook: two ROLE=bot processes behind a round-robin proxy. */
  intake: "polling" | "webhook";
  workers: number;
  /** Seconds into the answering phase when Redis is killed (and restarted empty), and when a worker is SIGKILLed. */
  redisKillAt: number;
  redisDownSeconds: number;
  workerKillAt: number;
  faults: Omit<FaultSettings, "seed">;
  /** ortak's OUTBOX_CLAIM_SECONDS and OUTBOX_RECONCILE_SECONDS for every process. */
  claimSeconds: number;
  reconcileSeconds: number;
  /** A file for every process's log lines (JSON lines), to look into a failed check. */
  keepLogs?: string;
}

export const DEFAULT_SETTINGS: SoakSettings = {
  seed: 2026,
  networks: 5,
  membersPerNetwork: 100,
  meetingsPerNetwork: 4,
  startedShare: 0.7,
  blockedShare: 0.03,
  englishShare: 0.15,
  answeringSeconds: 210,
  thinkMs: [2_000, 8_000],
  earlyStartMinutes: 5,
  intake: "webhook",
  workers: 2,
  redisKillAt: 60,
  redisDownSeconds: 3,
  workerKillAt: 110,
  faults: {
    getUpdates: { tooManyRequests: 0.02, serverError: 0.03, dropBefore: 0.02, dropAfter: 0.02 },
    botCalls: { tooManyRequests: 0.01, serverError: 0.01, dropBefore: 0.005, dropAfter: 0.003 },
    webhookDrop: 0.02,
  },
  claimSeconds: 30,
  reconcileSeconds: 5,
};

/**
 * SOAK_SEED, SOAK_NETWORKS, SOAK_MEMBERS (per network), SOAK_MEETINGS (per network), SOAK_SECONDS
 * (answering), SOAK_EARLY_MINUTES (≥ 3), SOAK_REDIS_KILL_AT and SOAK_WORKER_KILL_AT (seconds into
 * the answering), SOAK_INTAKE (webhook or polling), SOAK_FAULTS=0 (no injected faults), SOAK_LOGS
 * (a file for the processes' log lines).
 */
export function fromEnvironment(env: Record<string, string | undefined>): SoakSettings {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number, not "${value}"`);
    return parsed;
  };
  const intake = env.SOAK_INTAKE ?? DEFAULT_SETTINGS.intake;
  if (intake !== "polling" && intake !== "webhook") throw new Error(`SOAK_INTAKE must be polling or webhook, not "${intake}"`);
  return {
    ...DEFAULT_SETTINGS,
    seed: number("SOAK_SEED", DEFAULT_SETTINGS.seed),
    networks: number("SOAK_NETWORKS", DEFAULT_SETTINGS.networks),
    membersPerNetwork: number("SOAK_MEMBERS", DEFAULT_SETTINGS.membersPerNetwork),
    meetingsPerNetwork: Math.max(2, number("SOAK_MEETINGS", DEFAULT_SETTINGS.meetingsPerNetwork)),
    answeringSeconds: number("SOAK_SECONDS", DEFAULT_SETTINGS.answeringSeconds),
    earlyStartMinutes: Math.max(3, number("SOAK_EARLY_MINUTES", DEFAULT_SETTINGS.earlyStartMinutes)),
    redisKillAt: number("SOAK_REDIS_KILL_AT", DEFAULT_SETTINGS.redisKillAt),
    workerKillAt: number("SOAK_WORKER_KILL_AT", DEFAULT_SETTINGS.workerKillAt),
    intake,
    faults: env.SOAK_FAULTS === "0" ? {} : DEFAULT_SETTINGS.faults,
    ...(env.SOAK_LOGS ? { keepLogs: env.SOAK_LOGS } : {}),
  };
}
