import type { Logger } from "../../logger.ts";

/** Told that someone became a member of a network (or one again), or that a chat was linked to it. Returns at once. */
export type ArrivalListener = (networkId: number) => void;

/**
 * Plans a newcomer's reminders of the meetings already planned ahead (they were planned for the
 * members and chats of that time), in the background so joining answers at once. Arrivals in a network
 * while its planning runs are planned together once more after it. A process that stops first
 * leaves nothing behind: every start plans the meetings ahead again.
 */
export class ArrivalPlanning {
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();

  constructor(
    private readonly replan: (networkId: number) => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  readonly arrived: ArrivalListener = (networkId) => {
    if (this.running.has(networkId)) return void this.again.add(networkId);
    const run = async () => {
      for (;;) {
        this.again.delete(networkId);
        try {
          await this.replan(networkId);
        } catch (error) {
          this.logger.error({ err: error, networkId }, "could not plan the reminders of a member or chat that joined; the next start will");
        }
        // Checked and let go in one step: an arrival can never land between the two.
        if (!this.again.has(networkId)) return void this.running.delete(networkId);
      }
    };
    this.running.set(networkId, run());
  };

  /** Resolves when every planning started so far has ended (tests; an orderly stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }
}
