import type { MiddlewareFn } from "grammy";

/**
 * Counts updates being handled and remembers the highest update id finished, so shutdown can
 * wait for running handlers and confirm the offset of what was handled.
 */
export class InFlightUpdates {
  private readonly running = new Set<Promise<unknown>>();
  private highestDone = 0;

  readonly middleware: MiddlewareFn = async (ctx, next) => {
    const task = next();
    this.running.add(task);
    try {
      await task;
    } finally {
      this.running.delete(task);
      this.highestDone = Math.max(this.highestDone, ctx.update.update_id);
    }
  };

  get size(): number {
    return this.running.size;
  }

  get highestHandledUpdateId(): number {
    return this.highestDone;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
