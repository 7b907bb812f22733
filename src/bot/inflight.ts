import type { MiddlewareFn } from "grammy";

/** Counts updates being handled, so shutdown can wait for running handlers. */
export class InFlightUpdates {
  private readonly running = new Set<Promise<unknown>>();

  readonly middleware: MiddlewareFn = async (_ctx, next) => {
    const task = next();
    this.running.add(task);
    try {
      await task;
    } finally {
      this.running.delete(task);
    }
  };

  get size(): number {
    return this.running.size;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
