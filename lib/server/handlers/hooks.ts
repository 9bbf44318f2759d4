import "server-only";
import { noContent, type RouteContext } from "@/lib/server/http/route";
import { recordSignIns, refreshIndexed } from "@/lib/server/services/identity-index";
import { signIn } from "@/lib/server/services/identity-index/write";
import type { KratosHookBody } from "@/lib/schemas/hook";

// POST /api/hooks/kratos: Kratos says an identity signed up, signed in or changed. Idempotent: the identity is re-read
// from Kratos and upserted, and a sign-in is keyed by its session and time, so a retried hook changes nothing more.
export const kratosHook = async ({ body }: RouteContext<undefined, undefined, KratosHookBody>) => {
  await refreshIndexed([body.identity_id]);
  const s = body.session;
  const at = s?.authenticated_at;
  if (s && at && (body.event === "login" || body.event === "registration" || body.event === "recovery")) {
    const m = s.methods.at(-1);
    const method = m?.method === "oidc" && m.provider ? m.provider : (m?.method ?? "unknown");
    await recordSignIns([signIn(body.identity_id, at, method)]);
  }
  return noContent();
};
