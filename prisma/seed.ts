// npm run seed [-- --organiser <your Telegram user id>]: loads the demo network into the
// database the bot uses (DATA_DIR or DATABASE_URL). Stop the bot first: the embedded database
// can be open in one process at a time, and the data directory's lock refuses a seed while it runs.
import { loadOrExit, loadStorageConfig } from "../src/config.ts";
import { DataDirLockedError, lockDataDir, type DataDirLock } from "../src/data-dir-lock.ts";
import { databaseTargetFor, openDatabase } from "../src/db/client.ts";
import { seedDemo } from "./demo.ts";

const args = process.argv.slice(2);
const organiserIndex = args.indexOf("--organiser");
const organiserArg = organiserIndex >= 0 ? args[organiserIndex + 1] : undefined;
if (organiserIndex >= 0 && !/^\d{1,15}$/.test(organiserArg ?? "")) {
  process.stderr.write("usage: npm run seed [-- --organiser <your numeric Telegram user id>]\n");
  process.exit(2);
}
const storage = loadOrExit("seed", () => loadStorageConfig(process.env));
let lock: DataDirLock | undefined;
if (!storage.databaseUrl) {
  try {
    lock = await lockDataDir(storage.dataDir, "seed");
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`seed: ${error.message}\n`);
    process.exit(1);
  }
}
const db = await openDatabase(databaseTargetFor(storage)).catch(async (error: unknown) => {
  await lock?.release();
  throw error;
});
try {
  const result = await seedDemo(db.prisma, organiserArg ? { organiserTelegramId: BigInt(organiserArg) } : {});
  process.stdout.write(
    `${result.kind === "created" ? "Demo network created" : "Demo network already present"}: join code ${result.joinCode}.\n` +
      (organiserArg ? `Telegram user ${organiserArg} is an organiser; in a group, type /link ${result.joinCode} to use it.\n` : "Add --organiser <your Telegram user id> to be able to /link a group to it.\n"),
  );
} finally {
  await db.close();
  await lock?.release();
}
