import { GrammyError, HttpError } from "grammy";

/**
 * What a failed Bot API call means for the process: a token Telegram refuses and another poller
 * are final; anything on the way (network, timeouts, 5xx, 429) passes.
 */
export type TelegramFailure =
  | { kind: "unauthorized"; reason: string }
  | { kind: "conflict"; reason: string }
  | { kind: "not-found"; reason: string }
  | { kind: "rate-limited"; reason: string; retryAfterSeconds: number }
  | { kind: "transient"; reason: string }
  | { kind: "refused"; reason: string };

export function classifyTelegramFailure(error: unknown): TelegramFailure {
  if (error instanceof GrammyError) {
    const reason = `${error.error_code} ${error.description}`;
    if (error.error_code === 401) return { kind: "unauthorized", reason };
    if (error.error_code === 409) return { kind: "conflict", reason };
    if (error.error_code === 404) return { kind: "not-found", reason };
    if (error.error_code === 429) return { kind: "rate-limited", reason, retryAfterSeconds: error.parameters.retry_after ?? 5 };
    if (error.error_code >= 500) return { kind: "transient", reason };
    return { kind: "refused", reason };
  }
  return { kind: "transient", reason: networkReason(error) };
}

/**
 * The cause of a failed request in a few words, without the request's URL: grammY's HttpError
 * wraps node-fetch's error, whose message is "request to <api root>/bot<token>/<method> failed,
 * reason: …".
 */
export function networkReason(error: unknown): string {
  const inner = error instanceof HttpError ? error.error : error;
  if (typeof inner !== "object" || inner === null) return String(inner);
  const fields = inner as { name?: unknown; type?: unknown; code?: unknown; message?: unknown };
  if (fields.name === "AbortError" || fields.type === "aborted") return "the request was aborted";
  if (fields.type === "invalid-json") return "the answer was not the Bot API's (not JSON)";
  const message = typeof fields.message === "string" ? fields.message : "";
  const afterReason = /reason: (.*)$/s.exec(message)?.[1]?.trim();
  if (afterReason) return afterReason;
  if (/timed out after/.test(message)) return message.replace(/^Request to '[^']*' /, "");
  if (typeof fields.code === "string") return fields.code;
  return message.replace(/https?:\/\/\S+/g, "<url>") || "unknown network error";
}
