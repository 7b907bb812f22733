/** Where Redis is: a plain object both ioredis and BullMQ accept as connection options. */
export interface RedisEndpoint {
  path?: string;
  host?: string;
  port?: number;
  db?: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
}

/** ioredis options for a REDIS_URL, including unix:///path/to/socket which ioredis does not parse. */
export function redisOptionsFromUrl(url: string): RedisEndpoint {
  const parsed = new URL(url);
  if (parsed.protocol === "unix:") {
    const db = Number(parsed.searchParams.get("db") ?? 0);
    return { path: decodeURIComponent(parsed.pathname), db };
  }
  const options: RedisEndpoint = {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
  };
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  if (parsed.protocol === "rediss:") options.tls = {};
  return options;
}
