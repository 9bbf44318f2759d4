import { audited } from "@/lib/server/audited";
import { checkProvider } from "@/lib/server/oidc-check";
import { providerOrThrow } from "@/lib/server/providers";
import { json, route, methodNotAllowed } from "@/lib/server/route";
import { providerParamsSchema } from "@/lib/schemas/provider";

// POST /api/auth/providers/:id/check: discovery check (custom OIDC) or settings shape (built-ins)
export const POST = route({ auth: "admin", params: providerParamsSchema }, async (ctx) =>
  json(await audited(ctx, "provider.check", ctx.params.id, () => checkProvider(providerOrThrow(ctx.params.id)), (r) => ({ ok: r.ok }))),
);

// Any other verb: 405 in the JSON envelope, with Allow
export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
