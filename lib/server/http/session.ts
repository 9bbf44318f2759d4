import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { anonymousActor, type Actor } from "@/lib/server/http/actor";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { getAdmin, whoami } from "@/lib/server/kratos";
import { HOST_REFUSED, hostAllowedWithoutAuth } from "@/lib/host-guard";
import { readSession, sessionCookieFrom, type SessionPayload } from "@/lib/session-cookie";
import type { Identity } from "@/lib/schemas/identity";

export interface AdminSession {
  actor: Actor;
  admin: Identity | null; // null only when auth is disabled
  payload: SessionPayload | null;
}

/**
 * The authoritative check (middleware only makes an optimistic one): unseal the cookie, ask Kratos
 * whether the session is still valid (whoami, no cache), then check the admin marker on the identity.
 */
export async function verifyAdminCookie(cookieValue: string | undefined): Promise<AdminSession> {
  if (!env().TRUSS_AUTH_REQUIRED) return { actor: anonymousActor, admin: null, payload: null };
  const payload = await readSession(cookieValue);
  if (!payload) throw new ApiError("unauthorized", "Sign in to continue.");
  // Both lookups key off the sealed payload, so they run side by side; the answer counts only if whoami
  // confirms the same identity.
  const [who, admin] = await Promise.all([whoami(payload.kt), getAdmin(payload.iid)]);
  if (!who || who.identityId !== payload.iid)
    throw new ApiError("unauthorized", "Your session has ended. Sign in again.");
  if (!admin) throw new ApiError("forbidden", "This account is not a dashboard admin.");
  return { actor: { type: "admin", id: admin.id, label: admin.email }, admin, payload };
}

export async function verifyAdminRequest(req: NextRequest): Promise<AdminSession> {
  if (!env().TRUSS_AUTH_REQUIRED && !hostAllowedWithoutAuth(req.headers.get("host"), env().TRUSS_PUBLIC_URL))
    throw new ApiError("forbidden", HOST_REFUSED);
  return verifyAdminCookie(sessionCookieFrom(req.cookies));
}

/** For server components: the same check, memoised per render; null instead of throwing. */
export const currentAdmin = cache(async (): Promise<AdminSession | null> => {
  try {
    return await verifyAdminCookie(sessionCookieFrom(await cookies()));
  } catch (err) {
    if (err instanceof ApiError && (err.id === "unauthorized" || err.id === "forbidden")) return null;
    throw err;
  }
});
