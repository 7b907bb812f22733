/** What both an AbortSignal and the runner's stop signal offer. */
export interface StopSignal {
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Waits `ms`, or less if the signal says stop: retries back off without holding up a shutdown. */
export function pause(ms: number, signal: StopSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
