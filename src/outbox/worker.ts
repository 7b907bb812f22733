import type { ConnectionOptions, Worker } from "bullmq";
import type { Processors } from "../../jobs/definitions.ts";
import { createWorker } from "../../jobs/queue.ts";
import type { Logger } from "../logger.ts";
import type { OutboxDelivery } from "./delivery.ts";

/**
 * 25 a second across every worker on the queue, under Telegram's 30/s: BullMQ's limiter counts
 * fixed windows, so two full windows back to back put at most 25 + 5 inside any one second.
 */
export const DELIVERY_RATE = { max: 5, duration: 200 };

/** The queue's worker: outbox deliveries within the overall rate, and the housekeeping jobs. */
export function createDeliveryWorker(connection: ConnectionOptions, delivery: OutboxDelivery, otherProcessors: Omit<Processors, "deliver">, logger: Logger): Worker {
  return createWorker(connection, { ...otherProcessors, deliver: (payload) => delivery.deliver(payload) }, logger, { concurrency: 8, limiter: DELIVERY_RATE });
}
