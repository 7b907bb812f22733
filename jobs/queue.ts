import { Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import { withLogFields, type Logger } from "../src/logger.ts";
import { MAIN_QUEUE, type JobName, type JobPayloads, type Processors } from "./definitions.ts";

const KNOWN_KINDS: ReadonlySet<string> = new Set<JobName>(["heartbeat", "retention", "deliver"]);

export type OrtakQueue = Queue<JobPayloads[JobName], unknown, JobName>;

export function createQueue(connection: ConnectionOptions): OrtakQueue {
  return new Queue(MAIN_QUEUE, { connection }) as OrtakQueue;
}

export interface WorkerSettings {
  concurrency?: number;
  /** Jobs per duration across every worker of the queue (Telegram's overall limit). */
  limiter?: { max: number; duration: number };
}

/** The worker dispatches each job to the processor of its kind; kinds without one fail. */
export function createWorker(connection: ConnectionOptions, processors: Partial<Processors>, logger: Logger, settings: WorkerSettings = {}): Worker {
  const worker = new Worker(
    MAIN_QUEUE,
    // Every line logged while a job runs names it.
    (job: Job) =>
      withLogFields({ ...(job.id ? { job_id: job.id } : {}), job: job.name }, async () => {
        const processor = processors[job.name as JobName] as ((data: unknown, job: Job) => Promise<unknown>) | undefined;
        if (processor) return processor(job.data, job);
        // A kind an earlier version queued (its "reminder" jobs, now outbox rows with jobs of their own).
        if (!KNOWN_KINDS.has(job.name)) {
          logger.info("a job of a kind this version no longer has: dropped");
          return "dropped";
        }
        throw new Error(`no processor for job kind "${job.name}"`);
      }),
    { connection, concurrency: settings.concurrency ?? 4, ...(settings.limiter ? { limiter: settings.limiter } : {}), autorun: false },
  );
  worker.on("failed", (job, error) => logger.error({ err: error, job: job?.name, job_id: job?.id }, "job failed"));
  worker.on("error", (error) => logger.error({ err: error }, "worker error"));
  return worker;
}
