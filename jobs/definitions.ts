import type { Job } from "bullmq";
import type { DeliverPayload } from "./outbox.ts";

/** The one queue ortak uses; job kinds are told apart by name. */
export const MAIN_QUEUE = "ortak";

/** Every job kind and its payload. Payloads carry ids only; the database holds the truth. */
export interface JobPayloads {
  heartbeat: Record<string, never>;
  /** Nightly: answers, check-ins and DM records of meetings past the retention period become anonymous. */
  retention: Record<string, never>;
  /** One outbox row to deliver. */
  deliver: DeliverPayload;
}

export type JobName = keyof JobPayloads;

export type Processors = {
  [Name in JobName]: (data: JobPayloads[Name], job: Job<JobPayloads[Name], unknown, Name>) => Promise<unknown>;
};
