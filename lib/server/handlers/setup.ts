import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { json, type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { anyAdminExists, consumeSetupToken, rememberAdmin } from "@/lib/server/services/admins";
import { recordAudit } from "@/lib/server/services/audit";
import type { SetupBody } from "@/lib/schemas/auth";

// POST /api/setup
/**
 * First admin from the single-use setup link printed at start. It only ever creates a new identity, and only
 * while Kratos has no admin at all: it never promotes or re-passwords an existing account.
 */
export const setup = async (ctx: RouteContext<undefined, undefined, SetupBody>) => {
  const giveBack = await consumeSetupToken(ctx.body.token);
  if (await anyAdminExists())
    throw new ApiError("forbidden", "An admin already exists. Sign in instead; admins promote other admins.");
  if (await k.findIdentityByEmail(ctx.body.email)) {
    await giveBack();
    throw new ApiError(
      "conflict",
      "An account with this email already exists. Setup only creates a new account: use another email.",
    );
  }
  const admin = await k.createIdentity(
    { email: ctx.body.email, password: ctx.body.password, name: ctx.body.name, state: "active" },
    { truss_role: k.ADMIN_ROLE },
  );
  await rememberAdmin(admin.id);
  await recordAudit({
    actor: { type: "system", id: null, label: "setup link" },
    ip: ctx.ip,
    action: "admin.setup",
    target: admin.id,
    outcome: "success",
  });
  return json(admin, { status: 201 });
};
