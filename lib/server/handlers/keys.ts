import "server-only";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/server/services/api-keys";
import { audited } from "@/lib/server/services/audited";
import { json, type RouteContext } from "@/lib/server/http/route";
import type { IdParams } from "@/lib/schemas/common";
import type { CreateApiKeyBody } from "@/lib/schemas/api-key";

export const createKey = async (ctx: RouteContext<undefined, undefined, CreateApiKeyBody>) => {
  const created = await audited(
    ctx,
    "api_key.create",
    (c) => c.key.id,
    () => createApiKey(ctx.body, ctx.actor.id),
    (c) => ({ key_type: c.key.key_type, label: c.key.label }),
  );
  // The secret is in this response only: never cache it anywhere.
  return json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
};

export const listKeys = async () => json({ items: await listApiKeys() });

export const revokeKey = async (ctx: RouteContext<IdParams>) =>
  json(await audited(ctx, "api_key.revoke", ctx.params.id, () => revokeApiKey(ctx.params.id, ctx.actor.id)));
