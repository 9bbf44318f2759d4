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

export function rememberAdmin(id: string): void {
  db().prepare("INSERT OR IGNORE INTO admins (identity_id, added_at) VALUES (?, ?)").run(id, new Date().toISOString());
}

function forgetAdmin(id: string): void {
  db().prepare("DELETE FROM admins WHERE identity_id = ?").run(id);
}

/** Admin ids confirmed against Kratos right now (stale index rows are dropped). */
export async function activeAdminIds(): Promise<string[]> {
  const ids = (db().prepare("SELECT identity_id FROM admins").all() as { identity_id: string }[]).map((r) => r.identity_id);
  const live: string[] = [];
  for (const id of ids) {
    if (await getAdmin(id)) live.push(id);
    else forgetAdmin(id);
  }
  return live;
}

/** Refuses to remove, deactivate or delete the only remaining admin. */
export async function assertNotLastAdmin(id: string, what: string): Promise<void> {
  const admins = await activeAdminIds();
  if (admins.length === 1 && admins[0] === id)
    throw new ApiError("conflict", `This is the last admin; ${what} would lock everyone out. Promote another admin first.`);
}

export async function promote(id: string): Promise<Identity> {
  const updated = await setMetadataAdmin(id, (m) => ({ ...m, truss_role: ADMIN_ROLE }));
  rememberAdmin(id);
  return updated;
}

export async function demote(id: string): Promise<Identity> {
  await assertNotLastAdmin(id, "removing the admin role");
  const updated = await setMetadataAdmin(id, ({ truss_role: _r, ...rest }) => rest);
  forgetAdmin(id);
  return updated;
}

/** TRUSS_ADMIN_EMAIL/PASSWORD: make sure that admin exists (create or promote). */
export async function ensureBootstrapAdmin(): Promise<"created" | "promoted" | "present" | "skipped"> {
  const { TRUSS_ADMIN_EMAIL: email, TRUSS_ADMIN_PASSWORD: password } = env();
  if (!email || !password) return "skipped";
  const existing = await findIdentityByEmail(email);
  if (!existing) {
    const created = await createIdentity({ email, password, state: "active" }, { truss_role: ADMIN_ROLE });
    rememberAdmin(created.id);
    return "created";
  }
  if (existing.is_admin) {
    rememberAdmin(existing.id);
    return "present";
  }
  await promote(existing.id);
  return "promoted";
}

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** With no admin at all, a single-use setup token (only its hash is stored) for /setup. */
export function issueSetupToken(): string {
  const token = randomBytes(24).toString("base64url");
  db().transaction(() => {
    db().prepare("DELETE FROM setup_tokens WHERE used_at IS NULL").run();
    db().prepare("INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)").run(sha256(token).toString("hex"), new Date().toISOString());
  })();
  return token;
}

/** Marks the token used (atomically) or throws; a token works once. */
export function consumeSetupToken(token: string): void {
  const hash = sha256(token);
  const rows = db().prepare("SELECT token_hash FROM setup_tokens WHERE used_at IS NULL").all() as { token_hash: string }[];
  const match = rows.find((r) => timingSafeEqual(Buffer.from(r.token_hash, "hex"), hash));
  const res = match
    ? db().prepare("UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL").run(new Date().toISOString(), match.token_hash)
    : { changes: 0 };
  if (res.changes !== 1) throw new ApiError("forbidden", "This setup link is invalid or was already used.");
}

export function setupPending(): boolean {
  return !!db().prepare("SELECT 1 FROM setup_tokens WHERE used_at IS NULL").get();
}
