import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { json, type RouteContext } from "@/lib/server/http/route";
import * as k from "@/lib/server/kratos";
import { buildTraits } from "@/lib/server/kratos/traits";
import { identifierValues } from "@/lib/identity-schema";
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
  let admin: k.IdentityDto;
  try {
    admin = await createFirstAdmin(ctx.body);
  } catch (err) {
    await giveBack(); // a taken identifier or traits Kratos refuses: the link stays usable for a corrected attempt
    throw err;
  }
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

/** Only ever a new identity: any of its identifiers already in Kratos is a conflict. */
async function createFirstAdmin(body: SetupBody): Promise<k.IdentityDto> {
  const { summary } = await k.schemaFor(undefined);
  const traits = buildTraits(summary, body);
  const identifiers = summary ? identifierValues(traits, summary).map((i) => i.value) : [body.email ?? ""];
  for (const id of identifiers.filter(Boolean)) {
    if (await k.findIdentityByIdentifier(id))
      throw new ApiError(
        "conflict",
        `An account with ${id} already exists. Setup only creates a new account: use another one.`,
      );
  }
  return k.createIdentity({ traits, password: body.password, state: "active" }, { truss_role: k.ADMIN_ROLE });
}
