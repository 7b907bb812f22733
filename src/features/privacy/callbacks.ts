/**
 * The /forgetme confirmation buttons: `fgt:<y|n>:<user id>:<valid until, unix seconds>`. The
 * person and the expiry travel with the button so a press by someone else, or after the
 * confirmation lapsed, is recognised without storing anything.
 */
const FORGET = /^fgt:([yn]):(\d{1,16}):(\d{1,12})$/;

export interface ForgetButton {
  confirm: boolean;
  userId: number;
  /** Unix seconds. */
  validUntil: number;
}

/** How long the confirmation stays valid after /forgetme. */
export const FORGET_CONFIRM_SECONDS = 10 * 60;

export const forgetData = {
  pattern: /^fgt:/,
  build: (button: ForgetButton): string => `fgt:${button.confirm ? "y" : "n"}:${button.userId}:${button.validUntil}`,
  read: (data: string): ForgetButton | undefined => {
    const match = FORGET.exec(data);
    return match ? { confirm: match[1] === "y", userId: Number(match[2]), validUntil: Number(match[3]) } : undefined;
  },
};
