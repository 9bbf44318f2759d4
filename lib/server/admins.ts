import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/errors";
import { ADMIN_ROLE, createIdentity, findIdentityByEmail, getAdmin, setMetadataAdmin } from "@/lib/server/kratos";
import { db } from "@/lib/server/store";
import type { Identity } from "@/lib/schemas/identity";

/*
 * Kratos's metadata_admin.truss_role is the source of truth for "is an admin"; Kratos cannot filter on it,
 * so Truss keeps an index of admin ids (updated on promote/demote/bootstrap/login) to answer
 * "is this the last admin?" and "is there any admin?" without scanning every identity.
 */

export async function rememberAdmin(id: string): Promise<void> {
  await (await db())
    .insertInto("admins")
    .values({ identity_id: id, added_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("identity_id").doNothing())
    .execute();
}

async function forgetAdmin(id: string): Promise<void> {
  await (await db()).deleteFrom("admins").where("identity_id", "=", id).execute();
}

/** Admin ids confirmed against Kratos right now (stale index rows are dropped). */
export async function activeAdminIds(): Promise<string[]> {
  const ids = (await (await db()).selectFrom("admins").select("identity_id").execute()).map((r) => r.identity_id);
  const live: string[] = [];
  for (const id of ids) {
    if (await getAdmin(id)) live.push(id);
    else await forgetAdmin(id);
  }
  return live;
}

/** Refuses to remove, deactivate or delete the only remaining admin. */
export async function assertNotLastAdmin(id: string, what: string): Promise<void> {
  // Most targets are end users: one indexed lookup, and no Kratos calls unless the target is an admin.
  const indexed = await (await db()).selectFrom("admins").select("identity_id").where("identity_id", "=", id).executeTakeFirst();
  if (!indexed) return;
  const admins = await activeAdminIds();
  if (admins.length === 1 && admins[0] === id)
    throw new ApiError("conflict", `This is the last admin; ${what} would lock everyone out. Promote another admin first.`);
}

export async function promote(id: string): Promise<Identity> {
  const updated = await setMetadataAdmin(id, (m) => ({ ...m, truss_role: ADMIN_ROLE }));
  await rememberAdmin(id);
  return updated;
}

export async function demote(id: string): Promise<Identity> {
  await assertNotLastAdmin(id, "removing the admin role");
  const updated = await setMetadataAdmin(id, ({ truss_role: _r, ...rest }) => rest);
  await forgetAdmin(id);
  return updated;
}

/** TRUSS_ADMIN_EMAIL/PASSWORD: make sure that admin exists (create or promote). */
export async function ensureBootstrapAdmin(): Promise<"created" | "promoted" | "present" | "skipped"> {
  const { TRUSS_ADMIN_EMAIL: email, TRUSS_ADMIN_PASSWORD: password } = env();
  if (!email || !password) return "skipped";
  const existing = await findIdentityByEmail(email);
  if (!existing) {
    const created = await createIdentity({ email, password, state: "active" }, { truss_role: ADMIN_ROLE });
    await rememberAdmin(created.id);
    return "created";
  }
  if (existing.is_admin) {
    await rememberAdmin(existing.id);
    return "present";
  }
  await promote(existing.id);
  return "promoted";
}

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** With no admin at all, a single-use setup token (only its hash is stored) for /setup. */
export async function issueSetupToken(): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await (await db()).transaction().execute(async (trx) => {
    await trx.deleteFrom("setup_tokens").where("used_at", "is", null).execute();
    await trx.insertInto("setup_tokens").values({ token_hash: sha256(token).toString("hex"), created_at: new Date().toISOString(), used_at: null }).execute();
  });
  return token;
}

/** Marks the token used (a conditional UPDATE, so only one of two concurrent uses wins) or throws. */
export async function consumeSetupToken(token: string): Promise<void> {
  const hash = sha256(token);
  const q = await db();
  const rows = await q.selectFrom("setup_tokens").select("token_hash").where("used_at", "is", null).execute();
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, "hex"), hash));
  const res = match
    ? await q.updateTable("setup_tokens").set({ used_at: new Date().toISOString() }).where("token_hash", "=", match.token_hash).where("used_at", "is", null).executeTakeFirst()
    : { numUpdatedRows: 0n };
  if (res.numUpdatedRows !== 1n) throw new ApiError("forbidden", "This setup link is invalid or was already used.");
}

export async function setupPending(): Promise<boolean> {
  return !!(await (await db()).selectFrom("setup_tokens").select("token_hash").where("used_at", "is", null).executeTakeFirst());
}
