import { hash as bcryptHash, verify as bcryptVerify } from "@node-rs/bcrypt";
import { verify as argon2Verify } from "@node-rs/argon2";
import { badRequest } from "../errors";
import { hashFormat, verifyImportedHash } from "./imported-hashes";

const BCRYPT_MAX_BYTES = 72;
const BCRYPT_RE = /^\$2[abyz]?\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const ARGON2_RE = /^\$argon2(id|i)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** Kratos refuses >72-byte passwords instead of letting bcrypt silently truncate them. */
export function assertBcryptLength(password: string): void {
  if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) {
    throw badRequest("passwords are limited to a maximum length of 72 characters");
  }
}

/**
 * bcrypt on the libuv threadpool so concurrent hashes use every core. @node-rs/bcrypt emits
 * `$2b$`; Kratos (Go x/crypto) emits `$2a$`, which is the same algorithm for ≤72-byte input.
 */
export async function hashPassword(password: string, cost: number): Promise<string> {
  assertBcryptLength(password);
  const out = await bcryptHash(password, cost);
  return out.replace(/^\$2b\$/, "$2a$");
}

/** Kratos v26.2.0 checks only that an imported hash has a known prefix (no parameter bounds). */
export function validateImportedHash(hashed: string): void {
  if (hashFormat(hashed) === undefined) {
    throw badRequest(
      "The imported password does not match any known hash format. For more information see https://www.ory.sh/dr/2",
    );
  }
}

/** Constant-time verification off the event loop; unknown formats never match. */
export async function verifyPassword(password: string, hashed: string): Promise<boolean> {
  try {
    if (BCRYPT_RE.test(hashed)) {
      if (Buffer.byteLength(password, "utf8") > BCRYPT_MAX_BYTES) return false;
      // The Rust verifier accepts $2a$/$2b$/$2y$; map the rarer $2$/$2z$ spellings onto $2a$.
      return await bcryptVerify(password, hashed.replace(/^\$2[z]?\$/, "$2a$"));
    }
    if (ARGON2_RE.test(hashed)) return await argon2Verify(hashed, password);
    return await verifyImportedHash(password, hashed);
  } catch {
    return false;
  }
  return false;
}
