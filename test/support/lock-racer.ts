// One contender for a data directory's lock, for the test that only one of several wins.
// Prints "won" or "refused", holds a won lock for a moment, then releases it.
import { DataDirLockedError, lockDataDir } from "../../src/data-dir-lock.ts";

const dataDir = process.argv[2]!;
try {
  const lock = await lockDataDir(dataDir, "racer");
  process.stdout.write("won\n");
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await lock.release();
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write("refused\n");
}
