// The cold-start and memory baseline: a bare grammY bot process that answers /start, nothing
// else. Plain JavaScript, as ortak's compiled build runs: no loader on either side.
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.command("start", (ctx) => ctx.reply("merhaba"));
process.once("SIGTERM", () => void bot.stop());
console.log(JSON.stringify({ msg: "bare bot running" }));
await bot.start({ timeout: 1 });
