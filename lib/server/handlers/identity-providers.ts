import "server-only";
import { noContent, type RouteContext } from "@/lib/server/http/route";
import { audited } from "@/lib/server/services/audited";
import { unlinkProvider } from "@/lib/server/services/unlink-provider";
import type { UnlinkParams } from "@/lib/schemas/provider";

// DELETE /api/auth/identities/:id/providers/:provider
export const unlinkIdentityProvider = async (ctx: RouteContext<UnlinkParams>) => {
  await audited(
    ctx,
    "identity.unlink_provider",
    ctx.params.id,
    () => unlinkProvider(ctx.params.id, ctx.params.provider),
    () => ({ provider: ctx.params.provider }),
  );
  return noContent();
};
