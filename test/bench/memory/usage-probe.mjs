// Preloaded into the measured process (`--node-arg=--import=./test/bench/memory/usage-probe.mjs`):
// on SIGUSR2 it appends process.memoryUsage() and V8's heap spaces, in MiB, as one JSON line to
// $ORTAK_MEMORY_PROBE (a file), so a measurement can see inside the process without changing it.
// Run with --expose-gc, it also gives the heap after a full collection: what is really kept.
import { appendFileSync } from "node:fs";
import v8 from "node:v8";

const target = process.env.ORTAK_MEMORY_PROBE;
if (target) {
  const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  process.on("SIGUSR2", () => {
    const usage = Object.fromEntries(Object.entries(process.memoryUsage()).map(([key, value]) => [key, mib(value)]));
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, mib(space.space_used_size)]));
    const heap = v8.getHeapStatistics();
    let afterGc;
    if (typeof globalThis.gc === "function") {
      globalThis.gc();
      const collected = process.memoryUsage();
      afterGc = { rss: mib(collected.rss), heapUsed: mib(collected.heapUsed), external: mib(collected.external) };
    }
    appendFileSync(target, `${JSON.stringify({ usage, spaces, afterGc, heapLimit: mib(heap.heap_size_limit), mallocedMemory: mib(heap.malloced_memory) })}\n`);
  });
}
