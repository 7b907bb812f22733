import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { getRequestListener } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Queue } from "bullmq";
import { Hono } from "hono";
import { DASHBOARD_USER } from "../config.ts";
import { QUEUE_DASHBOARD_PATH } from "./server.ts";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface QueueDashboardOptions {
  queues: readonly Queue[];
  adminPassword: string;
}

const CHALLENGE = 'Basic realm="ortak queues", charset="UTF-8"';

// The page loads its own scripts and styles only: no third-party fonts (they would tell another
// site where the dashboard is), no framing, no referrer.
const PAGE_HEADERS: Record<string, string> = {
  "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

/**
 * bull-board (its Hono adapter, on node:http) behind Basic authentication as `admin`. Read-only:
 * the database holds the truth and the jobs are transport, so there is nothing to fix by hand in
 * the queue, and removing or emptying it would only cost a reconcile (or the housekeeping
 * schedules, until the next start).
 */
export function queueDashboard(options: QueueDashboardOptions): RequestHandler {
  const adapter = new HonoAdapter(serveStatic).setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: "ortak" } },
  });
  // Not strict: /admin/queues/ is the page too.
  const app = new Hono({ strict: false }).route(QUEUE_DASHBOARD_PATH, adapter.registerPlugin());
  // Hono's own Request and Response stay inside: the rest of the process keeps Node's.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  const authorised = basicAuthChecker(DASHBOARD_USER, options.adminPassword);
  return async (req, res) => {
    if (!authorised(req.headers.authorization)) {
      res.writeHead(401, { "www-authenticate": CHALLENGE, "content-type": "text/plain; charset=utf-8" }).end("Authentication required\n");
      return;
    }
    for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
    await listener(req, res);
  };
}

/**
 * Checks `Authorization: Basic …` in constant time: digests make both sides the same length, as
 * timingSafeEqual needs, and both the user and the password are always compared, so the time
 * taken says nothing about which one, or how much of it, was right.
 */
export function basicAuthChecker(user: string, password: string): (header: string | undefined) => boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  const expectedUser = digest(user);
  const expectedPassword = digest(password);
  return (header) => {
    const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header ?? "");
    const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
    const colon = decoded.indexOf(":");
    const givenUser = colon < 0 ? "" : decoded.slice(0, colon);
    const givenPassword = colon < 0 ? "" : decoded.slice(colon + 1);
    const userMatches = timingSafeEqual(digest(givenUser), expectedUser);
    const passwordMatches = timingSafeEqual(digest(givenPassword), expectedPassword);
    return match !== null && colon >= 0 && userMatches && passwordMatches;
  };
}
