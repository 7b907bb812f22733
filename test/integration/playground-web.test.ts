import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../emulator/index.ts";
import { Translator } from "../../src/bot/i18n.ts";
import { silentLogger } from "../../src/logger.ts";
import { createDemoAccounts, type DemoWorld } from "../../src/playground/demo-world.ts";
import { PlaygroundWeb } from "../../src/playground/web.ts";

let emulator: TelegramEmulator;
let demo: DemoWorld;
let web: PlaygroundWeb;
let base: string;
let resets = 0;

beforeAll(async () => {
  emulator = new TelegramEmulator({ limits: false });
  demo = createDemoAccounts(emulator);
  await emulator.start();
  web = new PlaygroundWeb({ emulator: () => emulator, groupId: () => demo.group.id, reset: async () => void resets++ }, await Translator.load(), silentLogger);
  base = await web.listen(0);
  web.follow(emulator);
});

afterAll(async () => {
  await web.close();
  await emulator.stop();
});

const person = (organisation: string) => demo.people.find((p) => p.person.organisation === organisation)!.user;

/** A raw request, so the Host header and the body are exactly what a test says. */
function raw(method: string, path: string, options: { host?: string; type?: string; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method, headers: { host: options.host ?? url.host, ...(options.type ? { "content-type": options.type } : {}) } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const post = (path: string, body: unknown) => raw("POST", path, { type: "application/json", body: JSON.stringify(body) });
const stored = () => [...emulator.chats.values()].reduce((sum, chat) => sum + chat.messages.size, 0);

describe("the playground's page server", () => {
  it("serves the page with a strict Content-Security-Policy, and the world as JSON", async () => {
    const page = await raw("GET", "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const world = JSON.parse((await raw("GET", "/api/world")).body) as { people: { name: string; organisation: string }[]; group: { title: string } };
    expect(world.group.title).toBe("İzmir KDM Ağı (demo)");
    expect(world.people.map((p) => p.organisation)).toEqual(["İKDD", "Buca KDM", "Karşıyaka KDM", "Bornova KDM", "Çiğli KDM", "KİHD"]);
  });

  it("gives the page its strings in Turkish by default and in English on request", async () => {
    const tr = JSON.parse((await raw("GET", "/api/strings")).body) as Record<string, string>;
    const en = JSON.parse((await raw("GET", "/api/strings?lang=en")).body) as Record<string, string>;
    expect(tr["playground-send"]).toBe("Gönder");
    expect(en["playground-send"]).toBe("Send");
    expect(Object.keys(en).sort()).toEqual(Object.keys(tr).sort());
    expect(Object.keys(tr).every((key) => key.startsWith("playground-"))).toBe(true);
  });

  it("refuses another Host (DNS rebinding), form posts, oversized and malformed bodies, and stores nothing", async () => {
    const before = stored();
    const text = { userId: person("Buca KDM").id, chatId: demo.group.id, text: "merhaba" };
    expect((await raw("GET", "/api/world", { host: "evil.example:8090" })).status).toBe(403);
    expect((await raw("POST", "/api/send", { host: "evil.example", type: "application/json", body: JSON.stringify(text) })).status).toBe(403);
    expect((await raw("POST", "/api/send", { type: "application/x-www-form-urlencoded", body: "text=merhaba" })).status).toBe(415);
    expect((await raw("POST", "/api/send", { type: "text/plain", body: JSON.stringify(text) })).status).toBe(415);
    expect((await raw("POST", "/api/send", { type: "application/json", body: "{not json" })).status).toBe(400);
    expect((await raw("POST", "/api/send", { type: "application/json", body: JSON.stringify({ ...text, text: "x".repeat(70_000) }) })).status).toBe(413);
    expect(stored()).toBe(before);
  });

  it("lets only the demo people act, each in their own private chat or a group they are in", async () => {
    const before = stored();
    const ayse = person("Buca KDM");
    const elif = person("Karşıyaka KDM");
    const outsider = emulator.createUser({ first_name: "Dışarıdan" });
    const refused = [
      await post("/api/send", { userId: outsider.id, chatId: demo.group.id, text: "merhaba" }),
      await post("/api/send", { userId: ayse.id, chatId: elif.id, text: "başkasının sohbeti" }),
      await post("/api/send", { userId: ayse.id, chatId: -999, text: "yok böyle bir grup" }),
      await post("/api/send", { userId: "700000002", chatId: demo.group.id, text: "id yazıyla" }),
      await post("/api/send", { userId: ayse.id, chatId: demo.group.id, text: "yanıt", replyTo: 9999 }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(refused.map((r) => (JSON.parse(r.body) as { error: string }).error)).toEqual([
      "Bad Request: unknown person",
      "Bad Request: chat not found",
      "Bad Request: chat not found",
      "Bad Request: unknown person",
      "Bad Request: message to be replied not found",
    ]);
    expect(stored()).toBe(before);
  });

  it("refuses text Telegram refuses with Telegram's own error", async () => {
    const before = stored();
    const ayse = person("Buca KDM");
    const long = await post("/api/send", { userId: ayse.id, chatId: demo.group.id, text: "ş".repeat(4097) });
    const empty = await post("/api/send", { userId: ayse.id, chatId: ayse.id, text: "   " });
    expect([long.status, JSON.parse(long.body)]).toEqual([400, { error: "Bad Request: message is too long" }]);
    expect([empty.status, JSON.parse(empty.body)]).toEqual([400, { error: "Bad Request: message text is empty" }]);
    expect(stored()).toBe(before);
    const fits = await post("/api/send", { userId: ayse.id, chatId: demo.group.id, text: "ş".repeat(4096) });
    expect(fits.status).toBe(200);
    expect(stored()).toBe(before + 1);
  });

  it("serves a document only by its id, as an attachment, and nothing else under /api/files", async () => {
    emulator.files.set("doc-1", { data: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), name: "25. toplantı.ics", type: "text/calendar" });
    const file = await raw("GET", "/api/files/doc-1");
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="25. toplant_.ics"; filename*=UTF-8''${encodeURIComponent("25. toplantı.ics")}`);
    expect(file.body).toContain("BEGIN:VCALENDAR");
    expect((await raw("GET", "/api/files/..%2F..%2Fpackage.json")).status).toBe(404);
    expect((await raw("GET", "/api/files/nope")).status).toBe(404);
    expect((await raw("GET", "/../package.json")).status).toBe(404);
  });

  it("streams what changes: a person's message as it is stored", async () => {
    const received: string[] = [];
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received.push(new TextDecoder().decode(value));
        if (received.join("").includes("event: message")) return;
      }
    })();
    await post("/api/send", { userId: person("Çiğli KDM").id, chatId: demo.group.id, text: "<b>kalın değil</b>" });
    await reading;
    controller.abort();
    const events = received.join("");
    expect(events).toContain("event: ready");
    const message = JSON.parse(/event: message\ndata: (.*)\n/.exec(events)![1]!) as { text: string; from: { name: string } };
    expect(message.text).toBe("<b>kalın değil</b>");
    expect(message.from.name).toBe("Zeynep Çelik");
  });

  it("starts the world afresh on request", async () => {
    expect((await post("/api/reset", {})).status).toBe(200);
    expect(resets).toBe(1);
  });
});
