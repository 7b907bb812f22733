import { readFileSync } from "node:fs";

/** One reading of a process's memory from /proc (Linux), in MiB. */
export interface MemoryReading {
  /** Resident now. */
  rss: number;
  /** Highest resident since the process started (VmHWM). */
  hwm: number;
  /** Resident anonymous memory: heaps, WASM memories; what the process itself allocated. */
  anon: number;
  /** Resident file-backed memory: the node binary, shared libraries, mapped files. */
  file: number;
}

const MIB = 1024;

/** Reads VmRSS, VmHWM, RssAnon and RssFile of `pid`; undefined once the process is gone. */
export function readMemory(pid: number): MemoryReading | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) : 0;
  };
  return { rss: kib("VmRSS") / MIB, hwm: kib("VmHWM") / MIB, anon: kib("RssAnon") / MIB, file: kib("RssFile") / MIB };
}

/** The ids of `pid`'s children, grandchildren and so on (Linux /proc). */
export function descendantsOf(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

/**
 * Samples a process every `intervalMs` and keeps the highest RSS seen since the last `reset`: a
 * phase's peak, where VmHWM only knows the peak since the process started. It also keeps the
 * highest RSS of the process and its descendants together (a helper process, redis-server).
 */
export class MemorySampler {
  private peak = 0;
  private treePeak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): MemoryReading | undefined {
    const reading = readMemory(this.pid);
    if (!reading) return undefined;
    this.peak = Math.max(this.peak, reading.rss);
    const tree = descendantsOf(this.pid).reduce((sum, pid) => sum + (readMemory(pid)?.rss ?? 0), reading.rss);
    this.treePeak = Math.max(this.treePeak, tree);
    return reading;
  }

  /** The highest RSS of the process with its descendants since the last reset. */
  get highestTree(): number {
    return this.treePeak;
  }

  /** The highest RSS since the last reset, then starts a new phase. */
  resetPeak(): number {
    this.sample();
    const peak = this.peak;
    this.peak = 0;
    this.treePeak = 0;
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The `count` mappings of `pid` holding the most resident memory, one line each (from /proc/<pid>/smaps). */
export function largestMappings(pid: number, count = 12): string {
  const mappings: { rss: number; size: number; perms: string; name: string }[] = [];
  let current: (typeof mappings)[number] | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = { rss: 0, size: (parseInt(header[2]!, 16) - parseInt(header[1]!, 16)) / 1024 / MIB, perms: header[3]!, name: header[4]! };
      mappings.push(current);
    } else if (current && line.startsWith("Rss:")) {
      current.rss = Number(/(\d+)/.exec(line)![1]) / MIB;
    }
  }
  return mappings
    .sort((a, b) => b.rss - a.rss)
    .slice(0, count)
    .map((m) => `${m.rss.toFixed(1).padStart(7)} MB resident of ${m.size.toFixed(0).padStart(6)} MB ${m.perms} ${m.name}`)
    .join("\n");
}
