import "server-only";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { displayPrefix, formatKey, parseKey } from "@/lib/api-key-format";
import { ApiError } from "@/lib/server/http/errors";
import { db } from "@/lib/server/store";
import { consume } from "@/lib/server/services/throttle";
import type { ApiKey, CreateApiKeyBody, CreatedApiKey, KeyType } from "@/lib/schemas/api-key";

interface Row extends ApiKey {
  secret_hash: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const publicFields = ({ secret_hash: _h, ...k }: Row): ApiKey => k;

/** Creates a key; the secret exists only in this return value (only its SHA-256 is stored). */
export async function createApiKey(body: CreateApiKeyBody, createdBy: string | null): Promise<CreatedApiKey> {
  const secret = formatKey(body.keyType, randomBytes(32));
  const row: Row = {
    id: randomUUID(),
    key_type: body.keyType,
    key_prefix: displayPrefix(secret),
    label: body.label,
    rate_limit: body.rateLimit ?? null,
    created_at: new Date().toISOString(),
    last_used_at: null,
    revoked_at: null,
    secret_hash: sha256(secret),
  };
  await (
    await db()
  )
    .insertInto("api_keys")
    .values({ ...row, created_by: createdBy, revoked_by: null })
    .execute();
  return { key: publicFields(row), secret };
}

const columns = [
  "id",
  "key_type",
  "key_prefix",
  "secret_hash",
  "label",
  "rate_limit",
  "created_at",
  "last_used_at",
  "revoked_at",
] as const;

/** Every key, revoked ones included (kept for audit), newest first. */
export async function listApiKeys(): Promise<ApiKey[]> {
  const rows = await (
    await db()
  )
    .selectFrom("api_keys")
    .select(columns)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(publicFields);
}

/** Revocation is one UPDATE in the shared store; with no key cache, every instance refuses the key at once. */
export async function revokeApiKey(id: string, by: string | null): Promise<ApiKey> {
  const q = await db();
  await q
    .updateTable("api_keys")
    .set({ revoked_at: new Date().toISOString(), revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
  const row = await q.selectFrom("api_keys").select(columns).where("id", "=", id).executeTakeFirst();
  if (!row) throw new ApiError("not_found", "API key not found.");
  return publicFields(row);
}

const INVALID = "Invalid or revoked API key.";

/**
 * Authenticates an API key: shape + checksum first (no lookup for typos), then the hash, compared in
 * constant time, then revocation and role. Every failure before the role check gives one identical 401.
 * Read from the store on every request (no positive cache), so a revocation anywhere applies at once.
 */
export async function verifyApiKey(
  key: string | null,
  required: KeyType,
): Promise<{ key: ApiKey; headers: Record<string, string> }> {
  if (!key) throw new ApiError("unauthorized", "Missing API key. Send it in the apikey header.");
  if (!parseKey(key)) throw new ApiError("unauthorized", INVALID);
  const hash = sha256(key);
  const row = await (
    await db()
  )
    .selectFrom("api_keys")
    .select(columns)
    .where("secret_hash", "=", hash)
    .executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, "hex"), Buffer.from(hash, "hex")) || row.revoked_at)
    throw new ApiError("unauthorized", INVALID);
  if (required === "service_role" && row.key_type !== "service_role")
    throw new ApiError("forbidden", "This endpoint needs a service_role key; anon keys cannot manage users.");
  const headers = await enforceRateLimit(row);
  await touch(row);
  return { key: publicFields(row), headers };
}

/** Per-key requests-per-minute limit, counted atomically in the shared store; returns the X-RateLimit-* headers. */
async function enforceRateLimit(row: Row): Promise<Record<string, string>> {
  if (!row.rate_limit) return {};
  const { remaining, retryAfter } = await consume({
    bucket: `apikey:${row.id}`,
    max: row.rate_limit,
    windowMs: 60_000,
  });
  const headers = { "X-RateLimit-Limit": String(row.rate_limit), "X-RateLimit-Remaining": String(remaining) };
  if (retryAfter !== null)
    throw new ApiError("rate_limited", "Rate limit exceeded for this API key.", {
      headers: { ...headers, "Retry-After": String(retryAfter) },
    });
  return headers;
}

async function touch(row: Row): Promise<void> {
  // At most one write a minute per key: last_used_at is for humans, not an access log.
  if (row.last_used_at && Date.now() - Date.parse(row.last_used_at) < 60_000) return;
  await (
    await db()
  )
    .updateTable("api_keys")
    .set({ last_used_at: new Date().toISOString() })
    .where("id", "=", row.id)
    .execute();
}

/** The key from `apikey`, `x-api-key` or `Authorization: Bearer`; a key in the query string is refused. */
export function apiKeyFromRequest(req: Request): string | null {
  const query = new URL(req.url).searchParams;
  if (
    ["apikey", "api_key", "key"].some((k) => query.has(k)) ||
    [...query.values()].some((v) => /truss_(sk|pk)_/.test(v))
  )
    throw new ApiError("invalid_request", "Never send API keys in the URL; use the apikey header.");
  const bearer = req.headers.get("authorization");
  return (
    req.headers.get("apikey") ??
    req.headers.get("x-api-key") ??
    (bearer?.toLowerCase().startsWith("bearer ") ? bearer.slice(7).trim() : null)
  );
}
