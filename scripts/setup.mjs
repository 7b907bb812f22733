#!/usr/bin/env node
// Prepares a checkout for `npm start` or `npm test` on a machine with only Node installed:
// dependencies, the generated Prisma client, and redis-server. Plain JavaScript on purpose:
// it runs before any dependency is installed. Usage: node scripts/setup.mjs [start|test]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const purpose = process.argv[2] ?? "start";
const say = (text) => process.stderr.write(`[setup] ${text}\n`);
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    say(`\`${command} ${args.join(" ")}\` failed`);
    process.exit(result.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  say(`ortak needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

// 1. Dependencies, when missing or older than the lock file.
const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || mtime(lock) > mtime(installed)) {
  say("installing dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// 2. The Prisma client, generated from prisma/schema.prisma (offline: no engine download).
const generated = path.join(root, "src", "db", "generated", "client.ts");
if (mtime(path.join(root, "prisma", "schema.prisma")) > mtime(generated)) {
  say("generating the Prisma client");
  run(path.join(root, "node_modules", ".bin", "prisma"), ["generate"]);
}

// 3. Debian packages: redis-server (the bot starts its own unless REDIS_URL is set; the tests
// always need it) and, for the tests, a PostgreSQL server to test DATABASE_URL against and
// Chromium to drive the playground's page.
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const hasPostgresServer = () => existsSync("/usr/lib/postgresql") && spawnSync("sh", ["-c", "ls /usr/lib/postgresql/*/bin/initdb"], { stdio: "ignore" }).status === 0;
const missing = [];
if ((purpose === "test" || !process.env.REDIS_URL) && !has("redis-server")) missing.push("redis-server");
if (purpose === "test" && !hasPostgresServer()) missing.push("postgresql");
// The playground's page is tested in a real headless Chromium (Debian's package).
if (purpose === "test" && !process.env.CHROMIUM_PATH && !existsSync("/usr/bin/chromium")) missing.push("chromium");
// compose.yaml is validated by Debian's docker-compose, which needs no Docker engine for that.
if (purpose === "test" && !has("docker-compose")) missing.push("docker-compose");
if (missing.length > 0) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && has("apt-get")) {
    say(`installing ${missing.join(" ")} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
    // Debian starts system-wide servers after installing them; ortak and its tests run their own.
    for (const service of missing.filter((name) => name === "redis-server" || name === "postgresql")) spawnSync("sh", ["-c", `service ${service} stop || true`], { stdio: "ignore" });
  } else {
    say(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not installed. Install, then run this again:`);
    say(`    sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}`);
    if (purpose === "start") say("(or set REDIS_URL to an existing Redis)");
    process.exit(1);
  }
}
