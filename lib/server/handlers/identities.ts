import "server-only";
import { unlessLastAdmin } from "@/lib/server/services/admins";
import { audited } from "@/lib/server/services/audited";
import { ApiError } from "@/lib/server/http/errors";
import { listUsers } from "@/lib/server/services/users-list";
import { applyState } from "@/lib/server/services/identity-state";
import * as k from "@/lib/server/kratos";
import { json, noContent, type RouteContext } from "@/lib/server/http/route";
import type { IdParams } from "@/lib/schemas/common";
import {
  identityLabel,
  type CreateIdentityBody,
  type ListIdentitiesQuery,
  type ResetPasswordBody,
  type UpdateIdentityBody,
} from "@/lib/schemas/identity";
import type { z } from "zod";
import { passwordNotEmail, passwordNotEmailIssue } from "@/lib/schemas/password";
import { describeIssue } from "@/lib/schemas/error";
import type { recoveryBodySchema, setStateBodySchema } from "@/lib/schemas/identity";

// Shared by /api/auth/* (cookie) and /v1/auth/* (API key): one implementation, same audit records.
type Ctx<P = undefined, Q = undefined, B = undefined> = RouteContext<P, Q, B>;

/**
 * A service key is never a way into the dashboard: it may not change, deactivate, delete or reset the
 * credentials of an identity carrying the admin marker (active or not). Admins do that from the dashboard.
 */
function refuseKeyOnAdmin(ctx: Ctx<IdParams, unknown, unknown>, isAdmin: boolean): void {
  if (ctx.actor.type === "api_key" && isAdmin)
    throw new ApiError(
      "admin_protected",
      "This identity is a dashboard admin; API keys cannot change, deactivate, delete or reset it.",
    );
}

async function assertKeyMayModify(ctx: Ctx<IdParams, unknown, unknown>): Promise<void> {
  if (ctx.actor.type !== "api_key") return;
  refuseKeyOnAdmin(ctx, (await k.readAdminMarker(ctx.params.id)).isAdmin);
}

export const listIdentities = async ({ query }: Ctx<undefined, ListIdentitiesQuery>) => json(await listUsers(query));

export const createIdentity = async (ctx: Ctx<undefined, undefined, CreateIdentityBody>) => {
  const created = await audited(
    ctx,
    "identity.create",
    (i) => i.id,
    () => k.createIdentity(ctx.body),
    (i) => ({ label: identityLabel(i), email: i.email }),
  );
  return json(created, { status: 201, headers: { Location: `${ctx.req.nextUrl.pathname}/${created.id}` } });
};

export const getIdentity = async ({ params }: Ctx<IdParams>) => json(await k.getIdentity(params.id));

export const updateIdentity = async (ctx: Ctx<IdParams, undefined, UpdateIdentityBody>) =>
  json(
    await audited(
      ctx,
      "identity.update",
      ctx.params.id,
      async () => {
        await assertKeyMayModify(ctx);
        return k.updateIdentity(ctx.params.id, ctx.body);
      },
      () => ({ fields: Object.keys(ctx.body) }),
    ),
  );

export const deleteIdentity = async (ctx: Ctx<IdParams>) => {
  await audited(ctx, "identity.delete", ctx.params.id, async () => {
    await assertKeyMayModify(ctx);
    await unlessLastAdmin(ctx.params.id, "deleting this account", () => k.deleteIdentity(ctx.params.id));
  });
  return noContent();
};

export const setState = async (ctx: Ctx<IdParams, undefined, z.infer<typeof setStateBodySchema>>) =>
  json(
    await audited(
      ctx,
      `identity.${ctx.body.state === "active" ? "activate" : "deactivate"}`,
      ctx.params.id,
      async () => {
        await assertKeyMayModify(ctx);
        return applyState(ctx.params.id, ctx.body.state);
      },
    ),
  );

export const resetPassword = async (ctx: Ctx<IdParams, undefined, ResetPasswordBody>) => {
  const { id } = ctx.params;
  const result = await audited(
    ctx,
    "identity.reset_password",
    id,
    async () => {
      // One read of the identity serves both checks (setPassword reads it before writing).
      const identity = await k.setPassword(id, ctx.body.password, (current) => {
        refuseKeyOnAdmin(ctx, current.is_admin);
        if (
          !passwordNotEmail({ password: ctx.body.password, email: current.email ?? undefined, traits: current.traits })
        )
          throw new ApiError(
            "validation_failed",
            describeIssue({ ...passwordNotEmailIssue, path: passwordNotEmailIssue.path.join(".") }),
            {
              details: { issues: [passwordNotEmailIssue] },
            },
          );
      });
      if (ctx.body.revoke_sessions) await k.revokeIdentitySessions(id);
      return { identity, sessions_revoked: ctx.body.revoke_sessions };
    },
    (r) => ({ sessions_revoked: r.sessions_revoked }),
  );
  return json(result);
};

export const createRecovery = async (ctx: Ctx<IdParams, undefined, z.infer<typeof recoveryBodySchema>>) =>
  json(
    await audited(
      ctx,
      "identity.recovery",
      ctx.params.id,
      () => k.createRecovery(ctx.params.id, ctx.body.method, ctx.body.expires_in),
      (r) => ({ method: r.method, expires_at: r.expires_at }),
    ),
    { status: 201 },
  );

export const listIdentitySessions = async ({ params }: Ctx<IdParams>) => json(await k.listIdentitySessions(params.id));

export const revokeIdentitySessions = async (ctx: Ctx<IdParams>) => {
  await audited(ctx, "identity.revoke_sessions", ctx.params.id, () => k.revokeIdentitySessions(ctx.params.id));
  return noContent();
};

export const verifyAddress = async (ctx: Ctx<IdParams, undefined, { address: string }>) =>
  json(
    await audited(
      ctx,
      "identity.verify_address",
      ctx.params.id,
      () => k.markAddressVerified(ctx.params.id, ctx.body.address),
      () => ({ address: ctx.body.address }),
    ),
  );
