// The webhook throughput baseline: a bare grammY bot process behind the same URL that answers
// every button press with a toast and does nothing else. Plain JavaScript, as ortak's compiled
// build runs.
import { createServer } from "node:http";
import { Bot, webhookCallback } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: "✅" }));
await bot.init();
const handle = webhookCallback(bot, "http", { secretToken: process.env.WEBHOOK_SECRET });
const server = createServer((req, res) => (req.url === "/telegram" ? handle(req, res) : res.writeHead(404).end()));
process.once("SIGTERM", () => server.close());
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(JSON.stringify({ msg: "webhook listening" })));
