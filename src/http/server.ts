import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";

export interface HttpRoutes {
  /** Telegram's updates, POSTed to this path (webhook mode). */
  webhook?: { path: string; handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> };
  /** Resolves when this process can do its work (database, Redis, an outbox not stuck); rejects with the reason. */
  ready: () => Promise<void>;
  /** The Prometheus exposition. */
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** The queue dashboard (QUEUE_DASHBOARD=on), with its own authentication; 404 under its path when absent. */
  queueDashboard?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Handlers that own every path under their prefix, methods and answers included (the calendar feeds). */
  mounts?: readonly HttpMount[];
  /** True once the process stops: connections are told to close, and new webhook updates are sent back to Telegram (503). */
  stopping?: () => boolean;
  logger: Logger;
}

/**
 * A handler for every path that starts with `prefix` (e.g. "/calendar/"). The path may carry a
 * secret (a feed's token): this server never logs a request's path, and neither may the handler.
 */
export interface HttpMount {
  prefix: string;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** Where the queue dashboard is served (src/http/queue-dashboard.ts). */
export const QUEUE_DASHBOARD_PATH = "/admin/queues";

/** A readiness check that does not answer within this is a failed one. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The process's one HTTP server: the webhook (when there is one), `/healthz` (the process
 * answers), `/readyz` (it can work: 503 with the reason otherwise), `/metrics`, and the queue
 * dashboard under `/admin/queues` when it is on; the mounts (the calendar feeds) under their prefixes.
 */
export function createHttpServer(routes: HttpRoutes): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const stopping = routes.stopping?.() === true;
    if (stopping) res.setHeader("connection", "close");
    if (routes.webhook && pathname === routes.webhook.path) {
      if (stopping) return void res.writeHead(503, { "retry-after": "5" }).end();
      return routes.webhook.handle(req, res);
    }
    if (pathname === QUEUE_DASHBOARD_PATH || pathname.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) {
      // Off: as if there were nothing here. On: its API takes PUT and POST too (refused: read-only).
      if (!routes.queueDashboard) return void res.writeHead(404).end();
      return routes.queueDashboard(req, res);
    }
    const mount = routes.mounts?.find((m) => pathname.startsWith(m.prefix));
    if (mount) return mount.handle(req, res);
    if (req.method !== "GET") return void res.writeHead(pathname === "/healthz" || pathname === "/readyz" || pathname === "/metrics" ? 405 : 404).end();
    if (pathname === "/healthz") return json(res, 200, { ok: true });
    if (pathname === "/readyz") {
      try {
        await withTimeout(routes.ready(), READY_TIMEOUT_MS);
        return json(res, 200, { ok: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        routes.logger.warn({ reason }, "not ready");
        return json(res, 503, { ok: false, reason });
      }
    }
    if (pathname === "/metrics") {
      const { contentType, body } = await routes.metrics();
      res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
      return void res.end(body);
    }
    res.writeHead(404).end();
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      routes.logger.error({ err: error }, "HTTP request failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
