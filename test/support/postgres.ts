import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./harness.ts";
import { freePort } from "./process.ts";

/** The newest installed PostgreSQL server's bin directory (Debian layout). */
export function postgresBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], "bin") : undefined;
}

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL server on loopback, owned by the test file. initdb refuses to run as
 * root, so as root the server runs as the `postgres` user that Debian's package creates.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found: apt-get install -y postgresql");
  const dir = await tempDir("ortak-pg-");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir.path, uid, gid);
    chmodSync(dir.path, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  };
  const data = path.join(dir.path, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "ortak", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  run("pg_ctl", ["-D", data, "-w", "-l", path.join(dir.path, "log"), "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir.path} -c fsync=off`, "start"]);
  return {
    url: `postgresql://ortak@127.0.0.1:${port}/postgres`,
    stop: async () => {
      run("pg_ctl", ["-D", data, "-w", "-m", "fast", "stop"]);
      await dir.remove();
    },
  };
}
