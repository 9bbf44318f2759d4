import { audited } from "@/lib/server/audited";
import { unlinkProvider } from "@/lib/server/handlers/unlink";
import { noContent, route, methodNotAllowed } from "@/lib/server/route";
import { unlinkParamsSchema } from "@/lib/schemas/provider";

// DELETE /api/auth/identities/:id/providers/:provider: unlink a social login (never the last way in)
export const DELETE = route({ auth: "admin", params: unlinkParamsSchema }, async (ctx) => {
  await audited(ctx, "identity.unlink_provider", ctx.params.id, () => unlinkProvider(ctx.params.id, ctx.params.provider), () => ({ provider: ctx.params.provider }));
  return noContent();
});

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, POST, PUT, PATCH } = methodNotAllowed(["DELETE"]);
