import type { EmulatedUser, StoredMessage, TelegramEmulator } from "../../emulator/index.ts";

/** Presses "Evet, iptal et" on a /cancel question; undefined when the answer asked nothing (a refusal). */
export async function confirmCancel(emulator: TelegramEmulator, user: EmulatedUser, question: StoredMessage, options: { timeoutMs?: number } = {}) {
  const confirm = question.reply_markup?.inline_keyboard?.flat().find((b) => b.callback_data?.startsWith("mcx:y:"));
  if (!confirm) return undefined;
  return emulator.pressButton(user, question.chatId, question.message_id, confirm.callback_data!, options);
}
