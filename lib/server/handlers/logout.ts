import "server-only";
import { type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { recordAudit } from "@/lib/server/services/audit";
import { clearedSessionSetCookie, readSession, sessionCookieFrom } from "@/lib/session-cookie";

// POST /api/auth/logout
/** Revokes the Kratos session too: clearing the cookie alone would not end a copied cookie. */
export const logout = async (ctx: RouteContext) => {
  const payload = await readSession(sessionCookieFrom(ctx.req.cookies));
  if (payload) {
    await k.logout(payload.kt);
    await recordAudit({
      actor: { type: "admin", id: payload.iid, label: null },
      ip: ctx.ip,
      action: "admin.logout",
      target: payload.iid,
      outcome: "success",
    });
  }
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionSetCookie(ctx.req) } });
};
