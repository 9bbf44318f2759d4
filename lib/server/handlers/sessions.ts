import "server-only";
import { audited } from "@/lib/server/services/audited";
import * as k from "@/lib/server/kratos";
import { json, noContent, type RouteContext } from "@/lib/server/http/route";
import type { IdParams } from "@/lib/schemas/common";
import type { ListSessionsQuery } from "@/lib/schemas/session";

export const listSessions = async ({ query }: RouteContext<undefined, ListSessionsQuery>) =>
  json(await k.listSessions(query));

export const revokeSession = async (ctx: RouteContext<IdParams>) => {
  await audited(ctx, "session.revoke", ctx.params.id, () => k.revokeSession(ctx.params.id));
  return noContent();
};

export const extendSession = async (ctx: RouteContext<IdParams>) =>
  json(
    await audited(
      ctx,
      "session.extend",
      ctx.params.id,
      () => k.extendSession(ctx.params.id),
      (s) => ({ expires_at: s.expires_at }),
    ),
  );
