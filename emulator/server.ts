import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, badRequest } from "./errors.ts";
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

  constructor(
    private readonly token: string,
    private readonly methodFor: (method: string) => MethodHandler | undefined,
    /** Called after every error answer, so waiters re-check. */
    private readonly onError: () => void,
  ) {}

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
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let status = 200;
    let body: Record<string, unknown>;
    let method = "";
    let params: Params | undefined;
    try {
      if (!match) throw new ApiError(404, "Not Found");
      if (match[1] !== this.token) throw new ApiError(401, "Unauthorized");
      method = match[2]!;
      params = await readParams(req, url);
      this.requestCounts.set(method, (this.requestCounts.get(method) ?? 0) + 1);
      const result = await this.call(method, params);
      body = { ok: true, result };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      status = apiError.errorCode;
      body = apiError.toBody();
      this.servedErrors.push({ method, chatId: chatIdOf(params), errorCode: apiError.errorCode, description: apiError.description });
      this.onError();
    }
    const payload = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
    res.end(payload);
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
