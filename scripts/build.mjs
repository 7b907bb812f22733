#!/usr/bin/env node
// `npm run build`: ortak compiled ahead of time, so production runs `node dist/src/main.js`
// without the tsx loader (faster start, less memory, no devDependency at run time).
// dist/ mirrors the repository (dist/src, dist/jobs, dist/emulator, dist/prisma) and gets copies
// of the files the code reads beside itself, so every `new URL("../../locales", import.meta.url)`
// resolves the same in dist/ as in the checkout. Plain JavaScript: it runs before anything is built.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "dist");
const say = (text) => process.stderr.write(`[build] ${text}\n`);

/** What the compiled code reads at run time, relative to the repository root (and to dist/). */
const ASSETS = ["locales", "prisma/migrations", "playground/public"];

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    say(`\`${path.basename(command)} ${args.join(" ")}\` failed`);
    process.exit(result.status ?? 1);
  }
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

if (!existsSync(bin("tsc"))) {
  say("TypeScript is not installed: run `npm ci` (with dev dependencies) first");
  process.exit(1);
}

// The Prisma client is generated TypeScript under src/db/generated: compile a current one.
if (mtime(path.join(root, "prisma", "schema.prisma")) > mtime(path.join(root, "src", "db", "generated", "client.ts"))) {
  say("generating the Prisma client");
  run(bin("prisma"), ["generate"]);
}

// A stale file from a module since deleted would still be importable: start from nothing.
rmSync(outDir, { recursive: true, force: true });
say("compiling (tsc -p tsconfig.build.json)");
run(bin("tsc"), ["-p", "tsconfig.build.json"]);

for (const asset of ASSETS) {
  cpSync(path.join(root, asset), path.join(outDir, asset), { recursive: true });
}

// rewriteRelativeImportExtensions rewrites every static import; one left pointing at a .ts file
// would only fail when that module loads, perhaps hours after start.
const leftovers = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith(".js") && /\bfrom\s+["']\.{1,2}\/[^"']*\.ts["']|\bimport\(\s*["']\.{1,2}\/[^"']*\.ts["']/.test(readFileSync(file, "utf8"))) {
      leftovers.push(path.relative(root, file));
    }
  }
};
walk(outDir);
if (leftovers.length > 0) {
  say(`relative imports of .ts files left in: ${leftovers.join(", ")}`);
  process.exit(1);
}
say(`done: node dist/src/main.js (assets copied: ${ASSETS.join(", ")})`);
