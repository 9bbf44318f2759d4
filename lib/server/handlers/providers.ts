import "server-only";
import { env } from "@/lib/server/env";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { json, type RouteContext } from "@/lib/server/http/route";
import { audited } from "@/lib/server/services/audited";
import { checkProvider } from "@/lib/server/services/oidc-check";
import { kratosConfig, listProviders, providerOrThrow } from "@/lib/server/services/providers";

// GET /api/auth/providers
export const listProvidersHandler = async () => json(await listProviders());

// GET /api/auth/providers/kratos-config
export const kratosConfigHandler = async () => json(await kratosConfig());

// POST /api/auth/providers/:id/check
export const checkProviderHandler = async (ctx: RouteContext<{ id: string }>) =>
  json(
    await audited(
      ctx,
      "provider.check",
      ctx.params.id,
      async () =>
        checkProvider(
          providerOrThrow(ctx.params.id),
          env().KRATOS_TIMEOUT_MS,
          `${(await kratosUrls()).publicUrl}/self-service/methods/oidc/callback/${ctx.params.id}`,
        ),
      (r) => ({ ok: r.ok, checks: r.checks }), // kept whole: the providers page shows the last verdict after a reload
    ),
  );
