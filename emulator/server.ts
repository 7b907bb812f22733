import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, badRequest } from "./errors.ts";
import type { FaultInjector } from "./faults.ts";
import { parseMultipart } from "./multipart.ts";
import { Params } from "./params.ts";

export type MethodHandler = (params: Params) => unknown;

/** An error the server answered, for tests that check what the bot ran into. */
export interface ServedError {
  method: string;
  chatId?: number | string;
  errorCode: number;
  description: string;
}

/**
 * One call the server carried out, for a caller that watches them (the soak test): who called
 * (the `via` tag of its API root), what, and whether the answer reached the caller.
 */
export interface ServedCall {
  at: number;
  /** From an API root ending in `/via/<tag>`, so that calls of several processes can be told apart. */
  via?: string;
  method: string;
  chatId?: number | string;
  ok: boolean;
  /** The message a send created (or an edit changed). */
  messageId?: number;
  /** The call was carried out but its connection was cut before the answer: the caller saw a failure. */
  answerLost: boolean;
}

interface InjectedFailure {
  method: string;
  chatId?: number;
  error: ApiError;
}

/**
 * The Bot API's HTTP side on loopback: /bot<token>/<method>, parameters as query, form, JSON or
 * multipart, answers as Telegram's JSON envelope, and failures injected by tests.
 */
export class EmulatorServer {
  readonly servedErrors: ServedError[] = [];
  readonly requestCounts = new Map<string, number>();
  private readonly injected: InjectedFailure[] = [];
  private server: Server | undefined;
  private readonly callWatchers = new Set<(call: ServedCall) => void>();

  constructor(
    private readonly token: string,
    private readonly methodFor: (method: string) => MethodHandler | undefined,
    /** Called after every error answer, so waiters re-check. */
    private readonly onError: () => void,
    private readonly faults?: FaultInjector,
  ) {}

  /** Calls `watcher` after every call carried out (answered or its answer lost); returns the way to stop. */
  watchCalls(watcher: (call: ServedCall) => void): () => void {
    this.callWatchers.add(watcher);
    return () => this.callWatchers.delete(watcher);
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return this.apiRoot;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("emulator is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The next call of `method` (to `chatId`, if given) fails with this error, once. */
  failNext(method: string, error: ApiError, chatId?: number): void {
    this.injected.push({ method, chatId, error });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    // An optional `/via/<tag>` before `/bot<token>` names the caller (see ServedCall); Telegram has no such prefix.
    const match = /^(?:\/via\/([A-Za-z0-9_-]{1,40}))?\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let status = 200;
    let body: Record<string, unknown>;
    let html: string | undefined;
    let method = "";
    let params: Params | undefined;
    let answerLost = false;
    try {
      if (!match) throw new ApiError(404, "Not Found");
      if (match[2] !== this.token) throw new ApiError(401, "Unauthorized");
      method = match[3]!;
      params = await readParams(req, url);
      this.requestCounts.set(method, (this.requestCounts.get(method) ?? 0) + 1);
      const fault = this.faults?.forCall(method, numericChatId(params));
      if (fault?.kind === "drop-before") return void req.socket.destroy();
      if (fault?.kind === "answer") {
        html = fault.html;
        throw fault.error;
      }
      const result = await this.call(method, params);
      body = { ok: true, result };
      answerLost = fault?.kind === "drop-after";
      this.tellWatchers({ at: Date.now(), via: match[1], method, chatId: chatIdOf(params), ok: true, messageId: messageIdOf(result), answerLost });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      status = apiError.errorCode;
      body = apiError.toBody();
      this.servedErrors.push({ method, chatId: chatIdOf(params), errorCode: apiError.errorCode, description: apiError.description });
      this.onError();
    }
    if (answerLost) return void req.socket.destroy();
    if (html !== undefined) {
      res.writeHead(status, { "content-type": "text/html", "content-length": Buffer.byteLength(html) });
      return void res.end(html);
    }
    const payload = toJson(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
    res.end(payload);
  }

  private tellWatchers(call: ServedCall): void {
    for (const watcher of this.callWatchers) watcher(call);
  }

  private async call(method: string, params: Params): Promise<unknown> {
    const injected = this.takeInjected(method, params);
    if (injected) throw injected;
    const handler = this.methodFor(method);
    if (!handler) throw new ApiError(404, "Not Found");
    return handler(params);
  }

  private takeInjected(method: string, params: Params): ApiError | undefined {
    const index = this.injected.findIndex((failure) => {
      if (failure.method !== method) return false;
      if (failure.chatId === undefined) return true;
      return params.has("chat_id") && Number(params.raw("chat_id")) === failure.chatId;
    });
    if (index < 0) return undefined;
    return this.injected.splice(index, 1)[0]!.error;
  }
}

function numericChatId(params: Params): number | undefined {
  const id = chatIdOf(params);
  return typeof id === "number" ? id : undefined;
}

function messageIdOf(result: unknown): number | undefined {
  if (typeof result !== "object" || result === null || !("message_id" in result)) return undefined;
  return typeof result.message_id === "number" ? result.message_id : undefined;
}

function chatIdOf(params: Params | undefined): number | string | undefined {
  try {
    return params?.has("chat_id") ? params.chatId() : undefined;
  } catch {
    return undefined;
  }
}

async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const values: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, { name: string; type: string; data: Buffer }>();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (type.startsWith("multipart/form-data")) {
    for (const part of parseMultipart(body, req.headers["content-type"]!)) {
      if (part.filename === undefined) values[part.name] = part.data.toString("utf8");
      else files.set(part.name, { name: part.filename, type: part.contentType ?? "application/octet-stream", data: part.data });
    }
    return new Params(values, files);
  }
  const raw = body.toString("utf8");
  if (raw.length > 0) {
    if (type.startsWith("application/json")) {
      try {
        Object.assign(values, JSON.parse(raw) as Record<string, unknown>);
      } catch {
        throw badRequest("can't parse JSON body");
      }
    } else {
      Object.assign(values, Object.fromEntries(new URLSearchParams(raw)));
    }
  }
  return new Params(values, files);
}

/**
 * Telegram's JSON; the rare bigint (a large id kept as one) is written as a number. A replacer
 * costs a call for every value of every answer, so it is used only when plain JSON fails.
 */
function toJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
  }
}
