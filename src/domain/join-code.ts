import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(random: (max: number) => number = randomInt): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => ALPHABET[random(ALPHABET.length)]).join("");
}

export function looksLikeJoinCode(text: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(text.toUpperCase());
}
