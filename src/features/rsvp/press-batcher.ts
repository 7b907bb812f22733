import { withoutLogFields } from "../../logger.ts";

type Pending<Request, Outcome> = { request: Request; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void };

/**
 * Group commit: requests that arrive while a batch is being written wait and go together in
 * the next one. An idle system writes a request after one turn of the event loop; a busy one
 * writes fewer, larger batches. Nothing is held back by a timer.
 */
export class PressBatcher<Request, Outcome> {
  private queue: Pending<Request, Outcome>[] = [];
  private running = false;

  constructor(
    private readonly write: (requests: Request[]) => Promise<Outcome[]>,
    private readonly maxBatch = 200,
  ) {}

  submit(request: Request): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      // The batch is written for many updates: its log lines belong to none of them.
      if (!this.running) void withoutLogFields(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    // One turn of the event loop: the presses of one batch of updates, handled side by side,
    // reach this point together and share the first statement.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outcomes = await this.write(batch.map((p) => p.request));
          batch.forEach((pending, i) => pending.resolve(outcomes[i]!));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
