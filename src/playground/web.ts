import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { ApiError, type EmulatedChat, type EmulatedUser, type TelegramEmulator } from "../../emulator/index.ts";
import type { Logger } from "../logger.ts";
import type { Translator } from "../bot/i18n.ts";
import { isLocale, DEFAULT_LOCALE } from "../bot/i18n.ts";
import { pageMessage, peopleOf, pinnedInOrder, worldView } from "./view.ts";

const PUBLIC_DIR = fileURLToPath(new URL("../../playground/public/", import.meta.url));
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};
const MAX_BODY_BYTES = 64 * 1024;
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** What the page talks to: the current world (it changes on reset) and the way to start afresh. */
export interface PlaygroundWorld {
  emulator(): TelegramEmulator;
  groupId(): number;
  reset(): Promise<void>;
}

/** No world to act on just now (starting, starting afresh, stopping): 503, and the page tries again. */
export class PlaygroundUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlaygroundUnavailable";
  }
}

/** A refusal the page shows as it is: Telegram's own words for what Telegram refuses. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The playground's web page and its API (playground/public/app.js is the other side): the world
 * as JSON, what people do as POSTs, and what changes as Server-Sent Events. Listens on loopback
 * only, answers only to its own host name (no DNS rebinding) and takes only JSON POSTs (a page on
 * another site cannot send one without the browser asking first).
 */
export class PlaygroundWeb {
  private server: Server | undefined;
  private readonly streams = new Set<ServerResponse>();
  private detach: () => void = () => undefined;

  constructor(
    private readonly world: PlaygroundWorld,
    private readonly translator: Translator,
    private readonly logger: Logger,
  ) {}

  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => this.fail(res, error));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", resolve);
    });
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the playground's page is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  /** Follows a world's changes to every open page; a new world (after a reset) makes open pages load it. */
  follow(emulator: TelegramEmulator): void {
    this.detach();
    const onMessage = (chatId: number, messageId: number) => {
      const message = emulator.chats.get(chatId)?.messages.get(messageId);
      if (message) this.broadcast("message", pageMessage(emulator, message));
    };
    const onPinned = (chatId: number) => {
      const chat = emulator.chats.get(chatId);
      this.broadcast("pinned", { chatId, pinned: chat ? pinnedInOrder(chat) : [] });
    };
    emulator.on("message-changed", onMessage);
    emulator.on("pinned-changed", onPinned);
    this.detach = () => {
      emulator.off("message-changed", onMessage);
      emulator.off("pinned-changed", onPinned);
    };
    this.broadcast("reset", {});
  }

  async close(): Promise<void> {
    this.detach();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://playground");
    if (!this.fromOurHost(req)) throw new Refused(403, "Forbidden");
    const route = `${req.method} ${url.pathname}`;
    const file = req.method === "GET" ? STATIC_FILES[url.pathname] : undefined;
    if (file) return this.sendFile(res, file);
    if (route === "GET /api/strings") return this.json(res, 200, this.strings(url.searchParams.get("lang")));
    if (route === "GET /api/world") return this.json(res, 200, worldView(this.world.emulator(), this.world.groupId()));
    if (route === "GET /api/events") return this.openStream(req, res);
    if (req.method === "GET" && url.pathname.startsWith("/api/files/")) return this.sendDocument(res, decodeURIComponent(url.pathname.slice("/api/files/".length)));
    if (req.method === "POST" && url.pathname.startsWith("/api/")) {
      const body = await readJson(req);
      if (route === "POST /api/send") return this.json(res, 200, { message: this.send(body) });
      if (route === "POST /api/press") return this.json(res, 200, await this.press(body));
      if (route === "POST /api/reset") {
        await this.world.reset();
        return this.json(res, 200, {});
      }
    }
    throw new Refused(404, "Not Found");
  }

  private fromOurHost(req: IncomingMessage): boolean {
    const port = (this.server?.address() as AddressInfo | null)?.port;
    return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  }

  private strings(lang: string | null): Record<string, string> {
    const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
    const ids = this.translator.messageIds(locale).filter((id) => id.startsWith("playground-"));
    return Object.fromEntries(ids.map((id) => [id, this.translator.t(locale, id)]));
  }

  private send(body: Record<string, unknown>) {
    const emulator = this.world.emulator();
    const user = this.person(body.userId);
    const chat = this.chatFor(user, body.chatId);
    const text = typeof body.text === "string" ? body.text : "";
    const replyTo = typeof body.replyTo === "number" ? body.replyTo : undefined;
    if (replyTo !== undefined && !chat.messages.get(replyTo)) throw new Refused(400, "Bad Request: message to be replied not found");
    const { message } = emulator.sendText(user, chat.type === "private" ? "private" : chat, text, replyTo !== undefined ? { replyTo } : {});
    return pageMessage(emulator, message);
  }

  private async press(body: Record<string, unknown>): Promise<{ text?: string; showAlert: boolean }> {
    const user = this.person(body.userId);
    const chat = this.chatFor(user, body.chatId);
    if (typeof body.messageId !== "number" || typeof body.data !== "string") throw new Refused(400, "Bad Request: messageId and data are required");
    const answer = await this.world.emulator().pressButton(user, chat.id, body.messageId, body.data, { timeoutMs: 15_000 });
    return { ...(answer.text ? { text: answer.text } : {}), showAlert: answer.show_alert };
  }

  /** Only the demo's people act on the page. */
  private person(userId: unknown): EmulatedUser {
    const emulator = this.world.emulator();
    const known = peopleOf(emulator).some((person) => person.id === userId);
    const user = typeof userId === "number" && known ? emulator.users.get(userId) : undefined;
    if (!user) throw new Refused(400, "Bad Request: unknown person");
    return user;
  }

  /** A person writes in their own private chat with the bot, or in a group they are in. */
  private chatFor(user: EmulatedUser, chatId: unknown): EmulatedChat {
    const emulator = this.world.emulator();
    if (chatId === user.id) return emulator.privateChat(user);
    const chat = typeof chatId === "number" ? emulator.chats.get(chatId) : undefined;
    const status = chat?.members.get(user.id);
    if (!chat || chat.type === "private" || !status || status === "left" || status === "kicked") throw new Refused(400, "Bad Request: chat not found");
    return chat;
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    this.streams.add(res);
    writeEvent(res, "ready", {});
    req.on("close", () => this.streams.delete(res));
  }

  private broadcast(event: string, data: unknown): void {
    for (const stream of this.streams) writeEvent(stream, event, data);
  }

  private async sendFile(res: ServerResponse, file: { file: string; type: string }): Promise<void> {
    const body = await readFile(`${PUBLIC_DIR}${file.file}`);
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.type, "content-length": body.length });
    res.end(body);
  }

  private sendDocument(res: ServerResponse, fileId: string): void {
    const stored = this.world.emulator().files.get(fileId);
    if (!stored) throw new Refused(404, "Not Found");
    const asciiName = stored.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": stored.type || "application/octet-stream",
      "content-length": stored.data.length,
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(stored.name)}`,
    });
    res.end(stored.data);
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
    res.end(payload);
  }

  private fail(res: ServerResponse, error: unknown): void {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof Refused) return this.json(res, error.status, { error: error.message });
    if (error instanceof PlaygroundUnavailable) return this.json(res, 503, { error: error.message });
    if (error instanceof ApiError) return this.json(res, 400, { error: error.description });
    // The emulator's own refusals (not a member, no such button…) are plain errors: say them, log no text.
    this.logger.warn({ err: error }, "playground request refused");
    this.json(res, 400, { error: (error as Error).message });
  }
}

function writeEvent(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) throw new Refused(415, "Unsupported Media Type: send JSON");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Refused(413, "Request Entity Too Large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Falls through to the refusal below.
  }
  throw new Refused(400, "Bad Request: the body is not a JSON object");
}
