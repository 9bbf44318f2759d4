import "server-only";
import { ApiError } from "@/lib/server/http/errors";
import { kratos } from "@/lib/server/kratos/client";
import { attempt, call, callWithHeaders } from "@/lib/server/kratos/errors";
import { nextPageToken } from "@/lib/server/kratos/pagination";
import { isAdminIdentity, toIdentity } from "@/lib/server/kratos/mappers";
import { defaultSchemaId, schemaIndex } from "@/lib/server/kratos/schemas";
import { buildTraits } from "@/lib/server/kratos/traits";
import { identityDeleted, identityTouched } from "@/lib/server/kratos/changes";
import type { CreateIdentityBody, Identity, IdentityPage, UpdateIdentityBody } from "@/lib/schemas/identity";

const NOT_FOUND = "Identity not found.";
// Needed to show sign-in methods and linked providers; the DTO mapper drops every credential config.
const LIST_CREDENTIALS = ["password", "oidc", "totp", "webauthn", "passkey", "lookup_secret"];

/**
 * One page of Kratos's own identity list, in its order (by id, keyset). The users list reads the identity index;
 * this serves the reconciler, which pages through Kratos in the background at a bounded rate.
 */
export async function listIdentities(q: { page_size: number; page_token?: string }): Promise<IdentityPage> {
  const { identity } = await kratos();
  const [{ data, headers }, schemas] = await Promise.all([
    callWithHeaders(() =>
      identity.listIdentities({ pageSize: q.page_size, pageToken: q.page_token, includeCredential: LIST_CREDENTIALS }),
    ),
    schemaIndex(),
  ]);
  return { items: data.map((raw) => toIdentity(raw, schemas)), next_page_token: nextPageToken(headers.link) };
}

/** The identities with these ids that still exist (one Kratos list call per 100 ids). */
export async function getIdentities(ids: string[]): Promise<Identity[]> {
  const { identity } = await kratos();
  const schemas = await schemaIndex();
  const out: Identity[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const { data } = await callWithHeaders(() =>
      identity.listIdentities({ ids: chunk, pageSize: chunk.length, includeCredential: LIST_CREDENTIALS }),
    );
    out.push(...data.map((raw) => toIdentity(raw, schemas)));
  }
  return out;
}

export async function getIdentity(id: string): Promise<Identity> {
  const { identity } = await kratos();
  // `password` is expanded only to tell "has a password" apart; the mapper drops the hash.
  const [raw, schemas] = await Promise.all([
    call(() => identity.getIdentity({ id, includeCredential: ["password", "oidc"] }), NOT_FOUND),
    schemaIndex(),
  ]);
  return toIdentity(raw, schemas);
}

async function getRawIdentity(id: string) {
  const { identity } = await kratos();
  return call(() => identity.getIdentity({ id }), NOT_FOUND);
}

/** The identity signing in with this identifier (email, username, phone: Kratos stores them lower-cased). */
export async function findIdentityByIdentifier(identifier: string): Promise<Identity | null> {
  const { identity } = await kratos();
  const { data: found } = await callWithHeaders(() =>
    identity.listIdentities({ credentialsIdentifier: identifier.toLowerCase(), pageSize: 1 }),
  );
  return found[0] ? toIdentity(found[0], await schemaIndex()) : null;
}

/**
 * Any identity carrying the admin marker, found by paging through Kratos (it cannot filter on metadata).
 * Only for boot and the setup endpoint, when Truss's own admin index is empty: never on a request path.
 */
export async function findAnyAdmin(): Promise<Identity | null> {
  const { identity } = await kratos();
  let pageToken: string | undefined;
  for (;;) {
    const { data, headers } = await callWithHeaders(() => identity.listIdentities({ pageSize: 500, pageToken }));
    const admin = data.find((i) => isAdminIdentity(i));
    if (admin) return toIdentity(admin, await schemaIndex());
    pageToken = nextPageToken(headers.link) ?? undefined;
    if (!pageToken || data.length === 0) return null;
  }
}

/** The schema an identity will use, as Truss reads it (a missing schema leaves Kratos to refuse the write). */
export async function schemaFor(id: string | undefined) {
  const schemaId = id ?? (await defaultSchemaId());
  return { schemaId, summary: (await schemaIndex()).get(schemaId) };
}

export async function createIdentity(
  body: CreateIdentityBody,
  metadataAdmin?: Record<string, unknown>,
): Promise<Identity> {
  const { identity } = await kratos();
  const { schemaId, summary } = await schemaFor(body.schema_id);
  const traits = buildTraits(summary, body);
  const created = await call(() =>
    identity.createIdentity({
      createIdentityBody: {
        schema_id: schemaId,
        traits,
        state: body.state,
        ...(body.metadata_public ? { metadata_public: body.metadata_public } : {}),
        ...(metadataAdmin ? { metadata_admin: metadataAdmin } : {}),
        ...(body.password ? { credentials: { password: { config: { password: body.password } } } } : {}),
      },
    }),
  );
  const dto = toIdentity(created, await schemaIndex());
  await identityTouched([dto.id]); // re-read with credentials expanded: the write's answer omits them
  return dto;
}

/** PUT with the current identity as the base, so metadata_admin and credentials are kept. */
type RawIdentity = Awaited<ReturnType<typeof getRawIdentity>>;

async function putIdentity(id: string, change: (cur: RawIdentity) => object, current?: RawIdentity) {
  const { identity } = await kratos();
  const cur = current ?? (await getRawIdentity(id));
  const body = {
    schema_id: cur.schema_id,
    traits: cur.traits as object,
    state: cur.state === "inactive" ? ("inactive" as const) : ("active" as const),
    metadata_public: cur.metadata_public ?? undefined,
    metadata_admin: cur.metadata_admin ?? undefined,
    ...(cur.external_id ? { external_id: cur.external_id } : {}),
    ...change(cur),
  };
  const updated = await call(() => identity.updateIdentity({ id, updateIdentityBody: body }), NOT_FOUND);
  const dto = toIdentity(updated, await schemaIndex());
  await identityTouched([dto.id]); // re-read with credentials expanded: the write's answer omits them
  return dto;
}

export async function updateIdentity(id: string, b: UpdateIdentityBody): Promise<Identity> {
  const cur = await getRawIdentity(id);
  const { schemaId, summary } = await schemaFor(b.schema_id ?? cur.schema_id);
  const base = b.traits ?? (cur.traits as Record<string, unknown>);
  const traits = buildTraits(summary, { email: b.email, name: b.name }, base);
  return putIdentity(
    id,
    () => ({
      schema_id: schemaId,
      traits,
      ...(b.metadata_public !== undefined ? { metadata_public: b.metadata_public ?? undefined } : {}),
    }),
    cur,
  );
}

/**
 * Replaces the password (PUT keeps everything else), reading the identity once. `check` sees the identity first
 * and may throw (e.g. "the password must not be the email") before anything is written.
 */
export async function setPassword(
  id: string,
  password: string,
  check?: (current: Identity) => void,
): Promise<Identity> {
  const cur = await getRawIdentity(id);
  check?.(toIdentity(cur, await schemaIndex()));
  return putIdentity(id, () => ({ credentials: { password: { config: { password } } } }), cur);
}

/** A JSON Patch operation, as far as Truss uses them (Kratos refuses move/copy/test). */
export interface PatchOp {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

export async function patchIdentity(id: string, ops: PatchOp[]): Promise<Identity> {
  const { identity } = await kratos();
  const patched = await call(() => identity.patchIdentity({ id, jsonPatch: ops }), NOT_FOUND);
  const dto = toIdentity(patched, await schemaIndex());
  await identityTouched([dto.id]); // re-read with credentials expanded: the write's answer omits them
  return dto;
}

export async function setMetadataAdmin(id: string, change: (cur: Record<string, unknown>) => Record<string, unknown>) {
  const cur = await getRawIdentity(id);
  const next = change({ ...((cur.metadata_admin ?? {}) as Record<string, unknown>) });
  return patchIdentity(id, [{ op: "add", path: "/metadata_admin", value: next }]);
}

/** Truss's marker in metadata_admin: the role, and when an admin last demoted this identity. */
export async function readAdminMarker(id: string): Promise<{ isAdmin: boolean; demotedAt: string | null }> {
  const cur = await getRawIdentity(id);
  const m = (cur.metadata_admin ?? {}) as { truss_demoted_at?: unknown };
  return {
    isAdmin: isAdminIdentity(cur),
    demotedAt: typeof m.truss_demoted_at === "string" ? m.truss_demoted_at : null,
  };
}

export async function deleteIdentity(id: string): Promise<void> {
  const { identity } = await kratos();
  await call(() => identity.deleteIdentity({ id }), NOT_FOUND).catch(async (err: unknown) => {
    if (err instanceof ApiError && err.id === "not_found") await identityDeleted([id]); // gone already: the index agrees
    throw err;
  });
  await identityDeleted([id]);
}

/** Unlinks one social login; Kratos refuses when it is the last first-factor credential. */
export async function unlinkProvider(id: string, identifier: string): Promise<void> {
  const { identity } = await kratos();
  const r = await attempt(() => identity.deleteIdentityCredentials({ id, type: "oidc", identifier }), NOT_FOUND);
  if (!r.ok && r.status === 400)
    throw new ApiError("conflict", "This is the user's last way to sign in; it cannot be unlinked.");
  if (!r.ok) throw r.error;
  await identityTouched([id]);
}

/** Marks one verifiable address as verified (an admin fix Kratos offers only through JSON Patch). */
export async function markAddressVerified(id: string, address: string): Promise<Identity> {
  const cur = await getRawIdentity(id);
  const idx = (cur.verifiable_addresses ?? []).findIndex((a) => a.value.toLowerCase() === address.toLowerCase());
  if (idx < 0) throw new ApiError("not_found", "This user has no such verifiable address.");
  const base = `/verifiable_addresses/${idx}`;
  return patchIdentity(id, [
    { op: "replace", path: `${base}/verified`, value: true },
    { op: "replace", path: `${base}/status`, value: "completed" },
    { op: "add", path: `${base}/verified_at`, value: new Date().toISOString() },
  ]);
}
