// ortak's real entry point, plus one fault once it runs: for the e2e test that an unhandled
// rejection or an uncaught exception stops the process in order. The fault's message carries
// the bot token, which must not reach the log.
import { main } from "../../src/main.ts";

const fault = process.env.ORTAK_TEST_FAULT;
await main();
const message = `a fault for the test (token ${process.env.BOT_TOKEN})`;
if (fault === "rejection") void Promise.reject(new Error(message));
else if (fault === "exception") setTimeout(() => {
  throw new Error(message);
}, 0);
else throw new Error(`ORTAK_TEST_FAULT must be rejection or exception, not ${fault}`);
