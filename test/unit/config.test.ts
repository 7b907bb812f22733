import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/srv/ortak");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("needs only BOT_TOKEN and fills embedded defaults", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN }, "/srv/ortak");
    expect(config).toEqual({
      telegram: { kind: "bot", token: TOKEN, apiRoot: undefined },
      dataDir: "/srv/ortak/data",
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: "info",
      mode: { kind: "polling" },
      role: "all",
      httpPort: 8080,
      httpHost: "127.0.0.1",
      // The app's default: http://127.0.0.1:<the port it listens on>.
      publicUrl: undefined,
      outbox: { claimMs: 60_000, reconcileMs: 60_000 },
    });
  });

  it.each([
    [{ BOT_MODE: "webhook" }, /BOT_MODE=webhook needs BOT_TOKEN/],
    [{ PLAYGROUND_PORT: "0" }, /PLAYGROUND_PORT must be from 1 to 65535/],
    [{ BOT_TOKEN: "not-a-token" }, /BOT_TOKEN does not look like a bot token/],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" }, /TELEGRAM_API_ROOT must be an http\(s\) URL/],
    [{ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://db" }, /DATABASE_URL must be a postgres/],
    [{ BOT_TOKEN: TOKEN, REDIS_URL: "localhost:6379" }, /REDIS_URL must be a redis/],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "push" }, /BOT_MODE must be polling or webhook/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, /WEBHOOK_URL is required when BOT_MODE=webhook/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg" }, /WEBHOOK_SECRET is required/],
    [{ BOT_TOKEN: TOKEN, WEBHOOK_SECRET: "has spaces" }, /WEBHOOK_SECRET must be 1–256 characters/],
    [{ BOT_TOKEN: TOKEN, PORT: "99999" }, /PORT must be from 1 to 65535/],
    [{ BOT_TOKEN: TOKEN, ROLE: "both" }, /ROLE must be all, bot or worker/],
    [{ BOT_TOKEN: TOKEN, ROLE: "bot" }, /ROLE=bot shares the work with other processes: it needs DATABASE_URL and REDIS_URL/],
    [{ BOT_TOKEN: TOKEN, ROLE: "worker", DATABASE_URL: "postgres://db/ortak" }, /ROLE=worker shares the work .* needs DATABASE_URL and REDIS_URL/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.org/tg", WEBHOOK_SECRET: "s" }, /WEBHOOK_URL must be an https URL .* loopback only/],
    [{ BOT_TOKEN: TOKEN, PORT: "eighty" }, /PORT must be a number/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "1" }, /OUTBOX_CLAIM_SECONDS must be a whole number of seconds from 2 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "601" }, /OUTBOX_CLAIM_SECONDS must be a whole number of seconds from 2 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "30.5" }, /OUTBOX_CLAIM_SECONDS must be a whole number of seconds from 2 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "a minute" }, /OUTBOX_CLAIM_SECONDS must be a whole number of seconds from 2 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_RECONCILE_SECONDS: "0" }, /OUTBOX_RECONCILE_SECONDS must be a whole number of seconds from 1 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_RECONCILE_SECONDS: "-5" }, /OUTBOX_RECONCILE_SECONDS must be a whole number of seconds from 1 to 600/],
    [{ BOT_TOKEN: TOKEN, OUTBOX_RECONCILE_SECONDS: "601" }, /OUTBOX_RECONCILE_SECONDS must be a whole number of seconds from 1 to 600/],
    [{ BOT_TOKEN: TOKEN, PUBLIC_URL: "ortak.example.org" }, /PUBLIC_URL must be the http\(s\) address calendar apps reach ortak at/],
    [{ BOT_TOKEN: TOKEN, PUBLIC_URL: "ftp://ortak.example.org" }, /PUBLIC_URL must be the http\(s\) address/],
    [{ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://ortak.example.org/?feed=1" }, /PUBLIC_URL must be .*\(no \?query or #fragment\)/],
    [{ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://ortak.example.org/#x" }, /PUBLIC_URL must be .*\(no \?query or #fragment\)/],
    [{ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://user:pw@ortak.example.org" }, /PUBLIC_URL must be the http\(s\) address/],
  ])("refuses %j naming the variable", (env, message) => {
    expect(problemsOf(env as Record<string, string>).join("\n")).toMatch(message);
  });

  it("without BOT_TOKEN (unset or blank) runs the playground, on PLAYGROUND_PORT or 8090", () => {
    expect(loadConfig({}, "/srv/ortak").telegram).toEqual({ kind: "playground", port: 8090 });
    expect(loadConfig({ BOT_TOKEN: "   ", PLAYGROUND_PORT: "9000" }, "/srv/ortak").telegram).toEqual({ kind: "playground", port: 9000 });
    expect(loadConfig({}, "/srv/ortak", { expect: "playground" }).telegram).toEqual({ kind: "playground", port: 8090 });
  });

  it("reads the role, and the HTTP server: a polling bot on 127.0.0.1:8080 unless told PORT or PUBLIC_URL, a worker only with PORT, webhook mode on every interface; the playground's only when PORT is set", () => {
    const shared = { DATABASE_URL: "postgres://db/ortak", REDIS_URL: "redis://redis:6379" };
    expect(loadConfig({ BOT_TOKEN: TOKEN, ROLE: "worker", ...shared }, "/srv/ortak").role).toBe("worker");
    for (const role of ["all", "bot"]) expect(loadConfig({ BOT_TOKEN: TOKEN, ROLE: role, ...shared }, "/srv/ortak")).toMatchObject({ httpPort: 8080, httpHost: "127.0.0.1" });
    // A worker beside a bot on one machine: no second server on 8080 unless asked for.
    expect(loadConfig({ BOT_TOKEN: TOKEN, ROLE: "worker", ...shared }, "/srv/ortak")).toMatchObject({ httpPort: undefined, httpHost: undefined });
    expect(loadConfig({ BOT_TOKEN: TOKEN, ROLE: "worker", PORT: "9101", ...shared }, "/srv/ortak")).toMatchObject({ httpPort: 9101, httpHost: undefined });
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "9100" }, "/srv/ortak")).toMatchObject({ httpPort: 9100, httpHost: undefined });
    expect(loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://ortak.example.org" }, "/srv/ortak")).toMatchObject({ httpPort: 8080, httpHost: undefined, publicUrl: "https://ortak.example.org" });
    const webhook = { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://127.0.0.1:8443/tg", WEBHOOK_SECRET: "s" };
    expect(loadConfig(webhook, "/srv/ortak")).toMatchObject({ httpPort: 8080, httpHost: undefined });
    // Trying the playground opens no port unless asked to.
    expect(loadConfig({}, "/srv/ortak")).toMatchObject({ httpPort: undefined, publicUrl: undefined });
    expect(loadConfig({ PORT: "9200", PUBLIC_URL: "https://ortak.example.org" }, "/srv/ortak")).toMatchObject({ httpPort: 9200, publicUrl: "https://ortak.example.org" });
    expect(loadConfig({ PUBLIC_URL: "https://ortak.example.org" }, "/srv/ortak").publicUrl).toBeUndefined();
    // 0: any free port, for tests that start many processes.
    expect(loadConfig({ BOT_TOKEN: TOKEN, PORT: "0" }, "/srv/ortak").httpPort).toBe(0);
  });


  it("reads PUBLIC_URL, the feeds' base address, without a trailing slash", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: "https://ortak.example.org/" }, "/srv/ortak").publicUrl).toBe("https://ortak.example.org");
    expect(loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: " https://example.org/ortak// " }, "/srv/ortak").publicUrl).toBe("https://example.org/ortak");
  });

  it("refuses the explicit playground when BOT_TOKEN is set too, and the explicit bot without it", () => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN }, "/srv/ortak", { expect: "playground" })).toThrow(/the playground runs without Telegram, but BOT_TOKEN is set/);
    expect(() => loadConfig({ BOT_TOKEN: "  " }, "/srv/ortak", { expect: "bot" })).toThrow(/BOT_TOKEN is missing/);
    expect(loadConfig({ BOT_TOKEN: TOKEN }, "/srv/ortak", { expect: "bot" }).telegram).toEqual({ kind: "bot", token: TOKEN, apiRoot: undefined });
  });

  it("lists every problem at once", () => {
    expect(problemsOf({ BOT_TOKEN: "x", LOG_LEVEL: "loud", BOT_MODE: "push" })).toHaveLength(3);
  });

  it("reads webhook mode and trims a trailing slash from the API root", () => {
    const config = loadConfig(
      { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/", BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg", WEBHOOK_SECRET: "s3cret_X", PORT: "8443", DATA_DIR: "/var/lib/ortak" },
      "/srv/ortak",
    );
    expect(config.telegram).toEqual({ kind: "bot", token: TOKEN, apiRoot: "http://127.0.0.1:8081" });
    expect(config.dataDir).toBe("/var/lib/ortak");
    expect(config.mode).toEqual({ kind: "webhook", url: "https://bot.example.org/tg", secret: "s3cret_X" });
    expect(config.httpPort).toBe(8443);
  });

  it("reads the outbox timings in seconds and gives them in milliseconds, bounds included", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "2", OUTBOX_RECONCILE_SECONDS: "600" }, "/srv/ortak").outbox).toEqual({ claimMs: 2_000, reconcileMs: 600_000 });
    expect(loadConfig({ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: " 600 ", OUTBOX_RECONCILE_SECONDS: "1" }, "/srv/ortak").outbox).toEqual({ claimMs: 600_000, reconcileMs: 1_000 });
    // An empty value is unset, as for every other variable.
    expect(loadConfig({ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "", OUTBOX_RECONCILE_SECONDS: "  " }, "/srv/ortak").outbox).toEqual({ claimMs: 60_000, reconcileMs: 60_000 });
  });

  it("names both outbox timings when both are wrong", () => {
    const problems = problemsOf({ BOT_TOKEN: TOKEN, OUTBOX_CLAIM_SECONDS: "0", OUTBOX_RECONCILE_SECONDS: "9999" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^OUTBOX_CLAIM_SECONDS/);
    expect(problems[1]).toMatch(/^OUTBOX_RECONCILE_SECONDS/);
  });
});
