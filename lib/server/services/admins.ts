import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env, StartupError } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import {
  ADMIN_ROLE,
  createIdentity,
  findAnyAdmin,
  findIdentityByIdentifier,
  getAdmin,
  InvalidCredentials,
  logout,
  readAdminMarker,
  setMetadataAdmin,
  submitLogin,
} from "@/lib/server/kratos";
import { db } from "@/lib/server/store";
import { withStoreLock } from "@/lib/server/services/store-lock";
import type { Identity } from "@/lib/schemas/identity";

/*
 * Kratos's metadata_admin.truss_role is the source of truth for "is an admin"; Kratos cannot filter on it,
 * so Truss keeps an index of admin ids (updated on promote/demote/bootstrap/login) to answer
 * "is this the last admin?" and "is there any admin?" without scanning every identity.
 */

export async function rememberAdmin(id: string): Promise<void> {
  await (
    await db()
  )
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

/**
 * Whether any admin exists, decided by Kratos: the admin index is confirmed against Kratos; when it is empty (a fresh
 * TRUSS_DATA_DIR, a new replica, a restored store) the identity index's admin markers are confirmed instead. Only at
 * boot (`mayScan`) may Truss page through Kratos for the marker; a request never does.
 */
export async function anyAdminExists(mayScan = false): Promise<boolean> {
  if ((await activeAdminIds()).length > 0) return true;
  const q = await db();
  const marked = await q.selectFrom("identity_index").select("id").where("is_admin", "=", 1).limit(5).execute();
  for (const { id } of marked)
    if (await getAdmin(id)) {
      await rememberAdmin(id);
      return true;
    }
  // A request (setup) trusts boot's scan, which is what issued the setup token, plus what the index has seen since.
  if (!mayScan) return false;
  const found = await findAnyAdmin();
  if (found) await rememberAdmin(found.id);
  return !!found;
}

const isIndexedAdmin = async (id: string) =>
  !!(await (await db()).selectFrom("admins").select("identity_id").where("identity_id", "=", id).executeTakeFirst());

/** Refuses to remove, deactivate or delete the only remaining admin (call it under the "admins" lock). */
async function assertNotLastAdmin(id: string, what: string): Promise<void> {
  const admins = await activeAdminIds();
  if (admins.length === 1 && admins[0] === id)
    throw new ApiError(
      "conflict",
      `This is the last admin; ${what} would lock everyone out. Promote another admin first.`,
    );
}

/**
 * Runs a change that could remove an admin (demote, deactivate, delete), refusing it for the last one. Changes to
 * admins are serialised through a lease in the store, so two concurrent requests can never both pass the check;
 * end users (not in the admin index) skip the lock and Kratos entirely.
 */
export async function unlessLastAdmin<T>(id: string, what: string, action: () => Promise<T>): Promise<T> {
  if (!(await isIndexedAdmin(id))) return action();
  return withStoreLock("admins", async () => {
    await assertNotLastAdmin(id, what);
    return action();
  });
}

export async function promote(id: string): Promise<Identity> {
  const updated = await setMetadataAdmin(id, ({ truss_demoted_at: _d, ...m }) => ({ ...m, truss_role: ADMIN_ROLE }));
  await rememberAdmin(id);
  return updated;
}

export async function demote(id: string): Promise<Identity> {
  return unlessLastAdmin(id, "removing the admin role", async () => {
    // The demotion is remembered in Kratos, so a TRUSS_ADMIN_EMAIL bootstrap never re-promotes this identity.
    const updated = await setMetadataAdmin(id, ({ truss_role: _r, ...rest }) => ({
      ...rest,
      truss_demoted_at: new Date().toISOString(),
    }));
    await forgetAdmin(id);
    return updated;
  });
}

/**
 * TRUSS_ADMIN_EMAIL/PASSWORD: create that admin, or promote an existing identity only when the password
 * signs in to it through Kratos (whoever registered the address first must not become an admin). An identity
 * an admin demoted is never promoted again.
 */
export async function ensureBootstrapAdmin(): Promise<"created" | "promoted" | "present" | "demoted" | "skipped"> {
  const { TRUSS_ADMIN_EMAIL: email, TRUSS_ADMIN_PASSWORD: password } = env();
  if (!email || !password) return "skipped";
  const existing = await findIdentityByIdentifier(email);
  if (!existing) {
    const created = await createIdentity({ email, password, state: "active" }, { truss_role: ADMIN_ROLE });
    await rememberAdmin(created.id);
    return "created";
  }
  if (existing.is_admin) {
    await rememberAdmin(existing.id);
    return "present";
  }
  if ((await readAdminMarker(existing.id)).demotedAt) return "demoted";
  try {
    const session = await submitLogin(email, password);
    await logout(session.token);
  } catch (err) {
    if (!(err instanceof InvalidCredentials)) throw err;
    throw new StartupError(
      `TRUSS_ADMIN_EMAIL=${email} already exists in Kratos and TRUSS_ADMIN_PASSWORD does not sign in to it, so it was not made an admin. ` +
        "Set TRUSS_ADMIN_PASSWORD to that account's current password, choose another TRUSS_ADMIN_EMAIL, or unset both and use the setup link.",
    );
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
    await trx
      .insertInto("setup_tokens")
      .values({ token_hash: sha256(token).toString("hex"), created_at: new Date().toISOString(), used_at: null })
      .execute();
  });
  return token;
}

/** A setup link works for one hour after the server printed it. */
export const SETUP_TOKEN_TTL_MS = 60 * 60_000;

/** Marks the token used (a conditional UPDATE, so only one of two concurrent uses wins) or throws. */
export async function consumeSetupToken(token: string): Promise<() => Promise<void>> {
  const hash = sha256(token);
  const q = await db();
  const fresh = new Date(Date.now() - SETUP_TOKEN_TTL_MS).toISOString();
  const rows = await q
    .selectFrom("setup_tokens")
    .select("token_hash")
    .where("used_at", "is", null)
    .where("created_at", ">", fresh)
    .execute();
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, "hex"), hash));
  const res = match
    ? await q
        .updateTable("setup_tokens")
        .set({ used_at: new Date().toISOString() })
        .where("token_hash", "=", match.token_hash)
        .where("used_at", "is", null)
        .executeTakeFirst()
    : { numUpdatedRows: 0n };
  if (res.numUpdatedRows !== 1n || !match)
    throw new ApiError(
      "forbidden",
      "This setup link is invalid, expired (links last one hour) or was already used. Restart the server for a new one.",
    );
  // Gives the token back when setup refused for a reason the operator can fix (the email is taken).
  return async () => {
    await q.updateTable("setup_tokens").set({ used_at: null }).where("token_hash", "=", match.token_hash).execute();
  };
}

/** True while an unused, unexpired setup link exists (and so no admin has been created through it). */
export async function setupPending(): Promise<boolean> {
  const fresh = new Date(Date.now() - SETUP_TOKEN_TTL_MS).toISOString();
  return !!(await (
    await db()
  )
    .selectFrom("setup_tokens")
    .select("token_hash")
    .where("used_at", "is", null)
    .where("created_at", ">", fresh)
    .executeTakeFirst());
}
