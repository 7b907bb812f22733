#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that turns the schema as
// committed at a git revision (default HEAD) into the schema in the working tree.
// `prisma migrate diff --from-migrations` needs a shadow database, which fails on PGlite;
// diffing two schema files needs no database at all.
// Usage: npm run db:migration -- <name> [--from <git revision>]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const name = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--from");
const fromIndex = args.indexOf("--from");
const revision = fromIndex >= 0 ? args[fromIndex + 1] : "HEAD";
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:migration -- <name_in_snake_case> [--from <git revision>]\n");
  process.exit(2);
}
const scratch = mkdtempSync(path.join(os.tmpdir(), "ortak-migration-"));
try {
  const before = path.join(scratch, "schema.prisma");
  writeFileSync(before, execFileSync("git", ["show", `${revision}:prisma/schema.prisma`], { cwd: root }));
  const sql = execFileSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
    process.stderr.write("The schema has not changed since that revision: no migration written.\n");
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  process.stdout.write(`wrote ${path.relative(root, dir)}/migration.sql\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
