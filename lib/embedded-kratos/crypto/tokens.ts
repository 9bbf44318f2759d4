import { createHash, randomInt, timingSafeEqual } from "node:crypto";

const ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Uniform random alphanumeric string (randx.AlphaNum). */
export function randomAlphaNum(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUM[randomInt(ALPHANUM.length)];
  return out;
}

/** Session tokens exactly as Kratos issues them: `ory_st_` + 32 alphanumerics. */
export const newSessionToken = (): string => `ory_st_${randomAlphaNum(32)}`;

/** Only this digest is stored, so a leaked database holds no usable tokens. */
export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** Constant-time comparison of two hex digests. */
export function digestsEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Six-digit recovery code, uniformly distributed. */
export const newRecoveryCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");
