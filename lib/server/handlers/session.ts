import "server-only";
import { env } from "@/lib/server/env";
import { json, type RouteContext } from "@/lib/server/http/route";

// GET /api/auth/session
export const currentSession = async (ctx: RouteContext) =>
  json({ auth_required: env().TRUSS_AUTH_REQUIRED, admin: ctx.admin?.admin ?? null });
