import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { env, usesEmbeddedKratos } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";

export const HOOK_SECRET_HEADER = "x-truss-hook-secret";

const holder = globalThis as { __trussHookSecret?: string };

/**
 * The secret Kratos's web hooks present: TRUSS_HOOK_SECRET, or for the embedded Kratos (which Truss configures
 * itself) one made per process. Null when real Kratos is used and no secret is set: hooks are then refused.
 */
export function hookSecret(): string | null {
  const configured = env().TRUSS_HOOK_SECRET;
  if (configured) return configured;
  if (!usesEmbeddedKratos()) return null;
  return (holder.__trussHookSecret ??= randomBytes(32).toString("base64url"));
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Refuses a hook call without the shared secret; compared in constant time (digests of equal length). */
export function verifyHookSecret(req: NextRequest): void {
  const secret = hookSecret();
  if (!secret) throw new ApiError("unauthorized", "Kratos web hooks are not configured: set TRUSS_HOOK_SECRET.");
  const given = req.headers.get(HOOK_SECRET_HEADER) ?? "";
  if (!timingSafeEqual(digest(given), digest(secret)))
    throw new ApiError("unauthorized", `The ${HOOK_SECRET_HEADER} header is missing or wrong.`);
}
