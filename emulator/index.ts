export { TelegramEmulator, type EmulatorOptions } from "./emulator.ts";
export { ApiError, badRequest, forbidden, tooManyRequests } from "./errors.ts";
export { TELEGRAM_LIMITS, type RateLimitSettings } from "./rate-limits.ts";
export type { EmulatedChat, EmulatedUser, StoredMessage, BotAction } from "./world.ts";
export type { EmulatorEvents, WorldChange } from "./change-feed.ts";
export type { EmulatorSnapshot, ChatSnapshot, FileSnapshot } from "./snapshot.ts";
export type { ServedCall, ServedError } from "./server.ts";
export type { CallFaults, FaultSettings, InjectedFault } from "./faults.ts";
export { PrivacyGuard, describeViolations, type PrivacyViolation } from "./privacy.ts";
