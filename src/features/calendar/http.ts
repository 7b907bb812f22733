import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpMount } from "../../http/server.ts";
import type { CalendarFeeds, ServedFeed } from "./feed.ts";
import { FEED_PATH_PREFIX } from "./tokens.ts";

/** /calendar/<token>.ics (a person's) and /calendar/network/<token>.ics (a network's public one). */
const FEED_PATH = /^\/calendar\/(network\/)?([^/]*)\.ics$/;
/** Calendar apps are told they may keep a copy this long before asking again (they ask with ETag and date). */
const MAX_AGE_SECONDS = 300;
const NOT_FOUND = "Not found\n";

/**
 * The feeds on the app's HTTP server. Every answer for a feed that does not exist is the same
 * 404 after the same work (the token's hash looked up), whatever is wrong with the token. The
 * path carries the token: nothing here logs it, nor the request's URL.
 */
export function calendarFeedMount(feeds: Pick<CalendarFeeds, "personal" | "network">): HttpMount {
  return {
    prefix: FEED_PATH_PREFIX,
    handle: async (req, res) => {
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
      const { pathname } = new URL(req.url ?? "/", "http://localhost");
      const match = FEED_PATH.exec(pathname);
      // A path that is no feed's is looked up as a token too: malformed costs what unknown costs.
      const token = match ? match[2]! : pathname.slice(FEED_PATH_PREFIX.length);
      const feed = match?.[1] ? await feeds.network(token) : await feeds.personal(token);
      if (!feed) return notFound(res);
      send(req, res, feed);
    },
  };
}

function send(req: IncomingMessage, res: ServerResponse, feed: ServedFeed): void {
  const headers = {
    etag: feed.etag,
    "last-modified": feed.lastModified.toUTCString(),
    "cache-control": `${feed.audience}, max-age=${MAX_AGE_SECONDS}`,
  };
  if (notModified(req, feed)) return void res.writeHead(304, headers).end();
  res.writeHead(200, {
    ...headers,
    "content-type": "text/calendar; charset=utf-8",
    "content-length": Buffer.byteLength(feed.body),
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : feed.body);
}

/** RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since, to the second. */
function notModified(req: IncomingMessage, feed: ServedFeed): boolean {
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
    return tags.includes("*") || tags.includes(feed.etag);
  }
  const ifModifiedSince = req.headers["if-modified-since"];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(NOT_FOUND), "cache-control": "no-store" });
  res.end(NOT_FOUND);
}
