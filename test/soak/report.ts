import type { Check } from "./checks.ts";

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const thousands = (n: number) => n.toLocaleString("en-US");
export const count = (n: number) => thousands(Math.round(n));
export const seconds = (ms: number) => (ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

/** One row per figure, then one per check, as a Markdown table that can go into the docs as it is. */
export function table(title: string, figures: [string, string][], checks: Check[]): string {
  const rows: [string, string][] = [...figures, ...checks.map((c): [string, string] => [`check: ${c.name}`, `${c.ok ? "✓" : "✗ FAILED"} ${c.detail}`])];
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const lines = [`| ${escape(title)} | |`, "|---|---|", ...rows.map(([name, value]) => `| ${escape(name)} | ${escape(value)} |`)];
  const failed = checks.filter((c) => !c.ok || c.examples);
  for (const check of failed) {
    if (!check.examples) continue;
    lines.push("", `${check.name}:`, ...check.examples.map((e) => `  - ${e}`));
  }
  return lines.join("\n");
}
