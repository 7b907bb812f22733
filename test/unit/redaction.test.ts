import { Writable } from "node:stream";
import { BotError, GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { createLogger, secretsOf } from "../../src/logger.ts";
import { createErrorSerializer, createScrubber } from "../../src/redaction.ts";

const TOKEN = "987654321:AAH-secretPartOfTheToken_0123456789x";
const SECRET_HALF = TOKEN.split(":")[1]!;
const URL_WITH_TOKEN = `https://api.telegram.org/bot${TOKEN}/sendMessage`;

// A serialized error is JSON whose shape depends on the error; the assertions read into it by path.
type Loose = Record<string, any>;

const scrub = createScrubber([TOKEN]);
const serialize = createErrorSerializer(scrub);

function fetchError(): Error {
  // What node-fetch rejects with when the connection is refused: enumerable message, type, code.
  return Object.assign(new Error(`request to ${URL_WITH_TOKEN} failed, reason: connect ECONNREFUSED`), { type: "system", code: "ECONNREFUSED" });
}

function expectClean(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(SECRET_HALF);
  expect(text).not.toContain(encodeURIComponent(TOKEN));
}

describe("createScrubber", () => {
  it("replaces the token of a calendar feed's address, a person's or a network's", () => {
    expect(scrub("GET http://127.0.0.1:8080/calendar/Zx9_k-ab12CD34ef56GH78ij90KL12mn34OP56qr78.ics 200")).toBe("GET http://127.0.0.1:8080/calendar/<redacted> 200");
    expect(scrub("/calendar/network/abcdefghijklmnopqrstuvwxyz012345.ics")).toBe("/calendar/network/<redacted>");
    // Not a token: the path of the feature itself stays readable.
    expect(scrub("GET /calendar/ 404")).toBe("GET /calendar/ 404");
  });

  it("replaces /bot<token>/ in URLs, for our token and any other", () => {
    expect(scrub(`GET ${URL_WITH_TOKEN} failed`)).toBe("GET https://api.telegram.org/bot<redacted>/sendMessage failed");
    expect(scrub("http://127.0.0.1:8081/bot1:someOtherBotsToken/getMe")).toBe("http://127.0.0.1:8081/bot<redacted>/getMe");
    expect(scrub(`/bot${encodeURIComponent(TOKEN)}/getMe`)).toBe("/bot<redacted>/getMe");
  });

  it("replaces the raw token, its URL-encoded form and its secret half wherever they stand", () => {
    expect(scrub(`token=${TOKEN};`)).toBe("token=<redacted>;");
    expect(scrub(`t=${encodeURIComponent(TOKEN)}`)).toBe("t=<redacted>");
    expect(scrub(`secret ${SECRET_HALF}`)).toBe("secret <redacted>");
  });

  it("finds a password as written in a URL, decoded, and escaped inside JSON", () => {
    const password = 'p@ss"wörd/1';
    const scrubPassword = createScrubber([encodeURIComponent(password), password]);
    expect(scrubPassword(`postgres://ortak:${encodeURIComponent(password)}@db/ortak`)).toBe("postgres://ortak:<redacted>@db/ortak");
    expect(scrubPassword(JSON.stringify({ msg: `auth ${password}` }))).toBe(JSON.stringify({ msg: "auth <redacted>" }));
  });

  it("leaves ordinary text alone, and does not search for secrets too short to tell from words", () => {
    const short = createScrubber(["abc", undefined, ""]);
    expect(short("abc reminder:12:invitation-dm-organisers r5-1700000000000")).toBe("abc reminder:12:invitation-dm-organisers r5-1700000000000");
  });
});

describe("createErrorSerializer", () => {
  it("scrubs grammY's HttpError and the fetch error it keeps as .error, keeping method and class", () => {
    const out = serialize(new HttpError("Network request for 'sendMessage' failed!", fetchError())) as Loose;
    expectClean(out);
    expect(out.type).toBe("HttpError");
    expect(out.message).toBe("Network request for 'sendMessage' failed!");
    expect(out.stack).toMatch(/^HttpError: Network request for 'sendMessage' failed!\n\s+at /);
    expect(out.error).toMatchObject({ type: "Error", code: "ECONNREFUSED", message: "request to https://api.telegram.org/bot<redacted>/sendMessage failed, reason: connect ECONNREFUSED" });
  });

  it("follows .cause chains, AggregateError's errors and BotError's inner error, scrubbing messages and stacks at every depth", () => {
    const deep = new Error("outer", { cause: new Error("middle", { cause: new HttpError("inner", fetchError()) }) });
    const aggregate = new AggregateError([fetchError(), new Error(`plain ${TOKEN}`)], `all failed for ${URL_WITH_TOKEN}`);
    const inBoundary = new BotError(deep, { update: { update_id: 1, message: { text: "Ayşe Yılmaz" } }, api: { token: TOKEN } } as never);
    for (const error of [deep, aggregate, inBoundary]) expectClean(serialize(error));

    const chain = serialize(deep) as Loose;
    expect(chain.cause.cause.error.message).toContain("/bot<redacted>/sendMessage");
    const all = serialize(aggregate) as Loose;
    expect(all.message).toBe("all failed for https://api.telegram.org/bot<redacted>/sendMessage");
    expect(all.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringContaining("/bot<redacted>/"), "plain <redacted>"]);
    const boundary = serialize(inBoundary) as Loose;
    expect(boundary.ctx).toBeUndefined();
    expect(boundary.error.cause.cause.type).toBe("HttpError");
    expect(JSON.stringify(boundary)).not.toContain("Ayşe");
  });

  it("keeps a GrammyError's method, code and description but not the payload with the message text", () => {
    const error = new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } }, "sendMessage", {
      chat_id: 1,
      text: "Merhaba Ayşe Yılmaz",
    });
    const out = serialize(error) as Record<string, unknown>;
    expect(out).toMatchObject({ type: "GrammyError", method: "sendMessage", error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
    expect(JSON.stringify(out)).not.toContain("Ayşe");
  });

  it("survives a cause cycle and keeps only the reason of a Prisma validation error, not the arguments it renders", () => {
    const a = new Error(`a ${TOKEN}`);
    const b = new Error("b", { cause: a });
    (a as Error & { cause?: unknown }).cause = b;
    expectClean(serialize(a));
    class PrismaClientValidationError extends Error {}
    const prisma = new PrismaClientValidationError('\nInvalid `prisma.telegramUser.create()` invocation:\n\n{\n  data: {\n    firstName: "Ayşe"\n  }\n}\n\nArgument `id` is missing.');
    const out = serialize(prisma) as Record<string, string>;
    expect(out.message).toBe("Argument `id` is missing.");
    expect(out.stack).not.toContain("Ayşe");
  });

  it("writes a thrown non-error as scrubbed text", () => {
    expect(serialize(`failed: ${URL_WITH_TOKEN}`)).toBe("failed: https://api.telegram.org/bot<redacted>/sendMessage");
  });
});

describe("createLogger", () => {
  function collect() {
    const lines: string[] = [];
    return { lines, destination: new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }) };
  }

  it("scrubs messages, fields under any name and errors under err, and censors text and name fields", () => {
    const { lines, destination } = collect();
    const logger = createLogger({ level: "info", secrets: [TOKEN], destination });
    logger.error({ err: new HttpError("Network request for 'getMe' failed!", fetchError()) }, "call failed");
    logger.warn({ failure: new HttpError("x", fetchError()), url: URL_WITH_TOKEN, config: { botToken: TOKEN } }, `while using ${TOKEN}`);
    logger.info({ chatId: 5, text: "Merhaba Ayşe", from: { first_name: "Ayşe", username: "ayse_y" } }, "received");
    expect(lines).toHaveLength(3);
    const all = lines.join("");
    expectClean(all);
    for (const personal of ["Merhaba", "Ayşe", "ayse_y"]) expect(all).not.toContain(personal);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "call failed", err: { type: "HttpError", error: { code: "ECONNREFUSED" } } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ msg: "while using <redacted>", url: "https://api.telegram.org/bot<redacted>/sendMessage", config: { botToken: "<redacted>" } });
    expect(JSON.parse(lines[2]!)).toMatchObject({ chatId: 5, text: "<redacted>", from: { first_name: "<redacted>", username: "<redacted>" } });
  });
});

describe("secretsOf", () => {
  it("names the token, the webhook secret and the passwords in the database and Redis URLs", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/tg",
      WEBHOOK_SECRET: "hook_secret-42",
      DATABASE_URL: "postgres://ortak:p%40ss%2Fw0rd@db.example.org/ortak",
      REDIS_URL: "redis://:redisPassw0rd@cache:6379",
    });
    const secrets = secretsOf(config);
    expect(secrets).toEqual(expect.arrayContaining([TOKEN, "hook_secret-42", "p%40ss%2Fw0rd", "p@ss/w0rd", "redisPassw0rd"]));
    const scrubAll = createScrubber(secrets);
    expect(scrubAll(`${config.databaseUrl} ${config.redisUrl} p@ss/w0rd`)).toBe("postgres://ortak:<redacted>@db.example.org/ortak redis://:<redacted>@cache:6379 <redacted>");
  });

  it("a bad configuration is reported without the values that were given", () => {
    try {
      loadConfig({ BOT_TOKEN: "987654321:tooShort$ecretValue", DATABASE_URL: "mysql://ortak:hunter2hunter2@db/ortak" });
      expect.unreachable("the configuration is invalid");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const printed = (error as ConfigError).message;
      expect(printed).toContain("BOT_TOKEN does not look like a bot token");
      expect(printed).not.toContain("ecretValue");
      expect(printed).not.toContain("hunter2hunter2");
    }
  });
});
