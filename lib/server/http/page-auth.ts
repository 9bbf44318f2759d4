import "server-only";
import { redirect } from "next/navigation";
import { env } from "@/lib/server/env";
import { currentAdmin } from "@/lib/server/http/session";
import type { Identity } from "@/lib/schemas/identity";

/**
 * For dashboard pages and their layout: the signed-in admin (null when auth is disabled), or a redirect
 * to /login. Middleware already gated the request; this is the authoritative re-check (memoised per render).
 */
export async function requireAdmin(next?: string): Promise<{ admin: Identity | null; authRequired: boolean }> {
  const session = await currentAdmin();
  const authRequired = env().TRUSS_AUTH_REQUIRED;
  if (!session && authRequired) redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  return { admin: session?.admin ?? null, authRequired };
}
