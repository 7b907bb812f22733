import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  /** Requests each target answered. */
  served: number[];
  close(): Promise<void>;
}

/**
 * One public webhook URL in front of several bot processes, taking turns, as a load balancer
 * does; a process that does not answer (killed, restarting) is a 502 to Telegram, which retries.
 */
export function roundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const served = targets.map(() => 0);
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const index = next++ % targets.length;
    try {
      const answer = await fetch(`${targets[index]}${req.url}`, {
        method: req.method,
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": String(req.headers["x-telegram-bot-api-secret-token"] ?? "") },
        body: Buffer.concat(chunks),
      });
      served[index]!++;
      res.writeHead(answer.status).end(await answer.text());
    } catch {
      res.writeHead(502).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        served,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}
