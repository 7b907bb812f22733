import { badRequest } from "./errors.ts";

/** Bot API parameters arrive as JSON, form fields or multipart fields; this reads them alike. */
export class Params {
  constructor(
    private readonly values: Record<string, unknown>,
    readonly files: Map<string, { name: string; type: string; data: Buffer }> = new Map(),
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null && this.values[name] !== "";
  }

  raw(name: string): unknown {
    return this.values[name];
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw badRequest(`${name} is empty`);
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "object") throw badRequest(`field "${name}" must be of type String`);
    return String(value);
  }

  integer(name: string): number {
    const value = this.optionalInteger(name);
    if (value === undefined) throw badRequest(`${name} is empty`);
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "number" ? value : Number(value);
    if (!Number.isSafeInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
    return number;
  }

  boolean(name: string): boolean {
    const value = this.values[name];
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** A Boolean parameter checked as Telegram checks it: JSON true/false, or "true"/"false"/"1"/"0" in form and multipart bodies. */
  optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (value === true || value === "true" || value === "1" || value === 1) return true;
    if (value === false || value === "false" || value === "0" || value === 0) return false;
    throw badRequest(`field "${name}" must be of type Boolean`);
  }

  /** Object-typed parameters come as JSON strings in form and multipart bodies. */
  json<T>(name: string): T | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** chat_id: an integer, or @username of a public chat. */
  chatId(): number | string {
    const value = this.values.chat_id;
    if (value === undefined || value === null || value === "") throw badRequest("chat_id is empty");
    if (typeof value === "string" && value.startsWith("@")) return value;
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw badRequest("chat not found");
    return number;
  }
}
