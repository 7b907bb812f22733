import { describe, expect, it } from "vitest";
import { ApiError } from "../../emulator/errors.ts";
import { RateLimiter, TELEGRAM_LIMITS } from "../../emulator/rate-limits.ts";

function retryAfter(action: () => void): number | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errorCode).toBe(429);
    return (error as ApiError).parameters?.retry_after;
  }
}

describe("emulator flood limits", () => {
  it("allows a short burst to one chat, then about one message per second", () => {
    let now = 0;
    const limiter = new RateLimiter(TELEGRAM_LIMITS, () => now);
    for (let i = 0; i < TELEGRAM_LIMITS.perChatBurst; i++) expect(retryAfter(() => limiter.take(1, false, true))).toBeUndefined();
    expect(retryAfter(() => limiter.take(1, false, true))).toBe(1);
    now += 1000;
    expect(retryAfter(() => limiter.take(1, false, true))).toBeUndefined();
    expect(retryAfter(() => limiter.take(2, false, true))).toBeUndefined();
  });

  it("allows 20 messages a minute to a group and says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(TELEGRAM_LIMITS, () => now);
    for (let i = 0; i < 20; i++) {
      expect(retryAfter(() => limiter.take(-5, true, true))).toBeUndefined();
      now += 1500;
    }
    // The first message left the window 60 s after it was sent, at t = 60 000.
    expect(retryAfter(() => limiter.take(-5, true, true))).toBe(30);
    now = 60_001;
    expect(retryAfter(() => limiter.take(-5, true, true))).toBeUndefined();
  });

  it("allows 30 new messages per second across chats", () => {
    let now = 0;
    const limiter = new RateLimiter(TELEGRAM_LIMITS, () => now);
    for (let chat = 1; chat <= 30; chat++) expect(retryAfter(() => limiter.take(chat, false, true))).toBeUndefined();
    expect(retryAfter(() => limiter.take(31, false, true))).toBe(1);
    expect(retryAfter(() => limiter.take(31, false, false))).toBeUndefined();
    now = 1001;
    expect(retryAfter(() => limiter.take(32, false, true))).toBeUndefined();
  });

  it("does nothing when limits are off", () => {
    const limiter = new RateLimiter(false);
    for (let i = 0; i < 1000; i++) limiter.take(-1, true, true);
  });
});
