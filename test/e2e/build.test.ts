import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramEmulator } from "../../emulator/index.ts";
import { tempDir } from "../support/harness.ts";
import { freePort, useEmulatorAndDataDir } from "../support/process.ts";

// The Docker image without Docker: the Dockerfile's build stage runs on a copy of the build
// context (the checkout minus .dockerignore), the runtime stage's files are assembled from what
// it copies, and its CMD and HEALTHCHECK run as written, against the emulator. Only `npm ci`
// is stood in for (the checkout's node_modules, to stay offline) and the runtime stage's system
// steps (apt-get, the user) are skipped; a check below makes sure that is all that is skipped.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  workdir: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of lines) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: line.slice(keyword.length).trim() };
    if (instruction.keyword === "FROM") {
      stages.push({ name: rest[rest.length - 1] ?? "", workdir: "/", instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue; // ARG before the first FROM
    if (instruction.keyword === "WORKDIR") stage.workdir = instruction.args;
    stage.instructions.push(instruction);
  }
  return stages;
}

const of = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword);

/** `ENV A=1 B=2` lines of a stage, as an environment (values without quotes or spaces). */
function envOf(stage: Stage): Record<string, string> {
  const pairs = of(stage, "ENV").flatMap((instruction) => instruction.args.split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
}

/** .dockerignore patterns as a test of a path relative to the context (a match excludes its subtree too). */
function dockerIgnore(text: string): (relative: string) => boolean {
  const patterns = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  expect(patterns.filter((pattern) => pattern.startsWith("!")), "exceptions are not simulated here").toEqual([]);
  const regexes = patterns.map((pattern) => {
    const source = pattern
      .replace(/^\/+|\/+$/g, "")
      .split(/(\*\*\/|\*\*|\*|\?)/)
      .map((part) => ({ "**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]" })[part] ?? part.replace(/[.+^${}()|[\]\\]/g, "\\$&"))
      .join("");
    return new RegExp(`^${source}$`);
  });
  return (relative) => {
    const parts = relative.split(path.sep);
    return parts.some((_, i) => regexes.some((regex) => regex.test(parts.slice(0, i + 1).join("/"))));
  };
}

interface Built {
  buildDir: string;
  runtimeDir: string;
  runtime: Stage;
}

/** Runs the stages in directories of their own: WORKDIR maps onto each stage's directory. */
async function buildAsDockerWould(stages: Stage[], workspace: string): Promise<Built> {
  const ignored = dockerIgnore(await readFile(path.join(ROOT, ".dockerignore"), "utf8"));
  const dirs = new Map<string, string>();
  const shellEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", CHECKPOINT_DISABLE: "1", npm_config_update_notifier: "false" };
  const skippedSystemSteps: string[] = [];
  for (const stage of stages) {
    const dir = path.join(workspace, stage.name);
    await mkdir(dir, { recursive: true });
    dirs.set(stage.name, dir);
    const inStage = (target: string) => {
      if (!target.startsWith("/")) return path.join(dir, target);
      expect(target.startsWith(stage.workdir), `${target} is outside WORKDIR ${stage.workdir}`).toBe(true);
      return path.join(dir, path.relative(stage.workdir, target));
    };
    for (const { keyword, args } of stage.instructions) {
      if (keyword === "COPY") {
        const words = args.split(/\s+/);
        const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
        const [destination = ".", ...sources] = words.filter((word) => !word.startsWith("--")).reverse();
        for (const source of sources.reverse()) {
          let origin: string;
          if (from) {
            const other = stages.find((candidate) => candidate.name === from)!;
            origin = path.join(dirs.get(from)!, path.relative(other.workdir, source));
          } else {
            expect(ignored(source), `${source} is excluded by .dockerignore`).toBe(false);
            origin = path.join(ROOT, source);
          }
          const intoDirectory = destination.endsWith("/") || destination === "." || sources.length > 1;
          const isDirectory = (await stat(origin)).isDirectory();
          const target = intoDirectory && !isDirectory ? path.join(inStage(destination), path.basename(source)) : inStage(destination);
          await cp(origin, target, { recursive: true, filter: (file) => from !== undefined || !ignored(path.relative(ROOT, file)) || file === ROOT });
        }
      } else if (keyword === "RUN") {
        if (/^npm ci\b/.test(args)) {
          // Offline and fast: the checkout's node_modules stands in for npm ci (with or without --omit=dev;
          // that nothing at run time comes from a devDependency is checked on the compiled code).
          await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        } else if (stage !== stages[0]) {
          skippedSystemSteps.push(args);
        } else {
          await run("sh", ["-c", args], { cwd: dir, env: { ...shellEnv, ...envOf(stage) }, timeout: 120_000 }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
            throw new Error(`RUN ${args} failed: ${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
          });
        }
      }
    }
  }
  // The runtime stage's other steps are system set-up only: a package and a user.
  for (const step of skippedSystemSteps) {
    expect(step).toMatch(/^apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf \/var\/lib\/apt\/lists\/\*$|^groupadd /);
  }
  const runtime = stages[stages.length - 1]!;
  return { buildDir: dirs.get(stages[0]!.name)!, runtimeDir: dirs.get(runtime.name)!, runtime };
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(suffix)).map((entry) => path.join(entry.parentPath, entry.name));
}

interface Compiled {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
  waitForLog(msg: string, timeoutMs: number): Promise<void>;
}

/** The CMD, exactly: no loader, no flags but the environment's NODE_OPTIONS. */
function startCompiled(cmd: string[], cwd: string, env: Record<string, string>): Compiled {
  const [program, ...args] = cmd;
  const child = spawn(program === "node" ? process.execPath : program!, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitForLog = async (msg: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!logs.some((entry) => entry.msg === msg)) {
      const last = () => `last logs: ${logs.slice(-3).map((entry) => JSON.stringify(entry)).join("\n")}; stderr: ${stderr}`;
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before "${msg}"; ${last()}`);
      if (Date.now() > deadline) throw new Error(`no "${msg}" within ${timeoutMs} ms; ${last()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, logs, stderr: () => stderr, exited, waitForLog };
}

const fixture = useEmulatorAndDataDir();
let emulator: TelegramEmulator;
let workspace: Awaited<ReturnType<typeof tempDir>>;
let built: Built;
let stages: Stage[];

beforeAll(async () => {
  emulator = fixture.emulator();
  workspace = await tempDir("ortak-build-");
  stages = parseDockerfile(await readFile(path.join(ROOT, "Dockerfile"), "utf8"));
  built = await buildAsDockerWould(stages, workspace.path);
}, 120_000);
afterAll(async () => {
  await workspace?.remove();
});

describe("the Dockerfile's build, outside Docker: npm run build compiles ortak to dist/", () => {
  it("has a build stage that compiles and a runtime stage that runs the compiled program as a service", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["build", "runtime"]);
    const runtime = built.runtime;
    expect(JSON.parse(of(runtime, "CMD")[0]!.args)).toEqual(["node", "dist/src/main.js", "--bot"]);
    expect(of(runtime, "USER").map((user) => user.args)).toEqual(["ortak"]);
    expect(of(runtime, "VOLUME").map((volume) => volume.args)).toEqual(["/data"]);
    expect(envOf(runtime)).toMatchObject({ DATA_DIR: "/data", PORT: "8080" });
    expect(of(runtime, "HEALTHCHECK")[0]?.args).toContain("/healthz");
  });

  it("leaves no import of a .ts file in the compiled tree, and no TypeScript in the runtime files", async () => {
    const compiled = await filesUnder(path.join(built.buildDir, "dist"), ".js");
    expect(compiled.length).toBeGreaterThan(100);
    const importsOfTs = (file: string) =>
      ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.some(({ fileName }) => fileName.startsWith(".") && /\.[cm]?tsx?$/.test(fileName));
    const offenders = compiled.filter(importsOfTs);
    expect(offenders).toEqual([]);
    expect((await filesUnder(built.runtimeDir, ".ts")).filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`))).toEqual([]);
    for (const asset of ["dist/locales/tr.ftl", "dist/locales/en.ftl", "dist/playground/public/index.html", "dist/prisma/migrations/migration_lock.toml"]) {
      expect(existsSync(path.join(built.runtimeDir, asset)), asset).toBe(true);
    }
  });

  it("imports at run time only packages that npm ci --omit=dev installs", async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const packages = new Set<string>();
    for (const file of await filesUnder(path.join(built.runtimeDir, "dist"), ".js")) {
      const text = readFileSync(file, "utf8");
      // TypeScript's scanner sees imports, dynamic imports and require() calls (not ones in comments or strings);
      // require.resolve (font files for the PDF) is looked for by hand.
      const specifiers = [
        ...ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName),
        ...[...text.matchAll(/\brequire\.resolve\(\s*["']([^"']+)["']/g)].map((match) => match[1]!),
      ];
      for (const specifier of specifiers) {
        if (specifier.startsWith(".") || isBuiltin(specifier)) continue;
        const [scopeOrName = "", name] = specifier.split("/");
        packages.add(scopeOrName.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName);
      }
    }
    expect(packages.size).toBeGreaterThan(10);
    expect([...packages].filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it("runs the image's command without tsx: connects to Telegram, answers /healthz, /readyz, the health check and /help, stops on SIGTERM", async () => {
    const runtime = built.runtime;
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      ...envOf(runtime),
      // The image's /data and 8080, here a temporary directory and a free port.
      DATA_DIR: fixture.dataDir(),
      PORT: String(port),
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      LOG_LEVEL: "info",
    };
    expect(env.NODE_OPTIONS ?? "").not.toMatch(/--(import|loader|require)\b/);
    const ortak = startCompiled(JSON.parse(of(runtime, "CMD")[0]!.args) as string[], built.runtimeDir, env);
    try {
      await ortak.waitForLog("ortak is running; Ctrl-C stops it", 45_000);
      const commandLine = readFileSync(`/proc/${ortak.child.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      expect(commandLine).toEqual([process.execPath, "dist/src/main.js", "--bot"]);
      expect(ortak.logs.map((entry) => entry.msg)).toEqual(expect.arrayContaining(["database ready", "private redis-server started", "connected to Telegram"]));

      const get = (pathname: string) => fetch(`http://127.0.0.1:${port}${pathname}`);
      expect((await get("/healthz")).status).toBe(200);
      const ready = await get("/readyz");
      expect([ready.status, await ready.json()]).toEqual([200, { ok: true }]);
      const healthcheck = of(runtime, "HEALTHCHECK")[0]!.args;
      await run("sh", ["-c", healthcheck.slice(healthcheck.indexOf(" CMD ") + " CMD ".length)], { env, timeout: 10_000 });

      const user = emulator.createUser({ first_name: "Deniz", language_code: "en" });
      const help = emulator.sendText(user, "private", "/help").message;
      expect((await emulator.nextBotMessage(user.id, help.message_id, 15_000)).text).toContain("Commands you can use");

      process.kill(-ortak.child.pid!, "SIGTERM");
      expect(await ortak.exited).toBe(0);
      expect(ortak.logs.some((entry) => entry.msg === "stopped")).toBe(true);
      expect(ortak.stderr()).toBe("");
    } finally {
      if (ortak.child.exitCode === null && ortak.child.signalCode === null) process.kill(-ortak.child.pid!, "SIGKILL");
    }
  }, 60_000);
});

describe(".env.example", () => {
  it("names every variable src/config.ts reads", async () => {
    const config = await readFile(path.join(ROOT, "src", "config.ts"), "utf8");
    const schema = config.slice(config.indexOf("z.object({"), config.indexOf("\n});", config.indexOf("z.object({")));
    const variables = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]!);
    expect(variables).toContain("BOT_TOKEN");
    const example = await readFile(path.join(ROOT, ".env.example"), "utf8");
    expect(variables.filter((name) => !new RegExp(`^(# )?${name}=`, "m").test(example))).toEqual([]);
  });
});

describe("compose.yaml", () => {
  // Debian's docker-compose (installed by .ci/run) validates and resolves the file without an engine.
  async function composeConfig(args: string[]): Promise<string> {
    const dir = await tempDir("ortak-compose-");
    try {
      await cp(path.join(ROOT, "compose.yaml"), path.join(dir.path, "compose.yaml"));
      // What the README tells the administrator to do first.
      await cp(path.join(ROOT, ".env.example"), path.join(dir.path, ".env"));
      const { stdout } = await run("docker-compose", ["-f", "compose.yaml", ...args], { cwd: dir.path, env: { PATH: process.env.PATH ?? "" } });
      return stdout;
    } finally {
      await dir.remove();
    }
  }

  it("is accepted by docker-compose config, with ortak, PostgreSQL 16, Redis 7 and the optional worker", async () => {
    const resolved = await composeConfig(["--profile", "worker", "config"]);
    const services = (await composeConfig(["--profile", "worker", "config", "--services"])).trim().split("\n").sort();
    expect(services).toEqual(["ortak", "postgres", "redis", "worker"]);
    expect(resolved).toContain("image: postgres:16");
    expect(resolved).toContain("image: redis:7");
    expect(resolved).toMatch(/- --appendonly\n\s+- "?yes"?\n/);
    expect(resolved).toMatch(/- --maxmemory-policy\n\s+- noeviction\n/);
    expect(resolved).toContain("DATABASE_URL: postgres://ortak:ortak@postgres:5432/ortak");
    expect(resolved).toContain("REDIS_URL: redis://redis:6379");
    expect(resolved).toMatch(/ROLE: worker/);
    expect((await composeConfig(["config", "--volumes"])).trim().split("\n").sort()).toEqual(["postgres-data", "redis-data"]);
  });

  it("is refused by docker-compose when it is not valid", async () => {
    // The check above can fail: the same validator rejects a broken copy.
    const dir = await tempDir("ortak-compose-");
    try {
      const broken = (await readFile(path.join(ROOT, "compose.yaml"), "utf8")).replace("restart: unless-stopped", "restart: [unless-stopped");
      await writeFile(path.join(dir.path, "compose.yaml"), broken);
      await cp(path.join(ROOT, ".env.example"), path.join(dir.path, ".env"));
      await expect(run("docker-compose", ["-f", "compose.yaml", "config"], { cwd: dir.path })).rejects.toThrow();
    } finally {
      await dir.remove();
    }
  });
});
