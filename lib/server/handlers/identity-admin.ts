import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { demote, promote } from "@/lib/server/services/admins";
import { audited } from "@/lib/server/services/audited";
import type { IdParams } from "@/lib/schemas/common";

// POST and DELETE /api/auth/identities/:id/admin
export const promoteAdmin = async (ctx: RouteContext<IdParams>) =>
  json(await audited(ctx, "identity.promote_admin", ctx.params.id, () => promote(ctx.params.id)));

export const demoteAdmin = async (ctx: RouteContext<IdParams>) =>
  json(await audited(ctx, "identity.demote_admin", ctx.params.id, () => demote(ctx.params.id)));
