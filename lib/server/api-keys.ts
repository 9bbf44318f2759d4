import "server-only";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { displayPrefix, formatKey, parseKey } from "@/lib/api-key-format";
import { ApiError } from "@/lib/server/errors";
import { db } from "@/lib/server/store";
import { hit, retryAfter } from "@/lib/server/throttle";
import type { ApiKey, CreateApiKeyBody, CreatedApiKey, KeyType } from "@/lib/schemas/api-key";

interface Row extends ApiKey {
  secret_hash: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const publicFields = ({ secret_hash: _h, ...k }: Row): ApiKey => k;

/** Creates a key; the secret exists only in this return value (only its SHA-256 is stored). */
export function createApiKey(body: CreateApiKeyBody, createdBy: string | null): CreatedApiKey {
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
  db()
    .prepare(
      `INSERT INTO api_keys (id, key_type, key_prefix, secret_hash, label, rate_limit, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.id, row.key_type, row.key_prefix, row.secret_hash, row.label, row.rate_limit, row.created_at, createdBy);
  return { key: publicFields(row), secret };
}

/** Every key, revoked ones included (kept for audit), newest first. */
export function listApiKeys(): ApiKey[] {
  return (db().prepare("SELECT * FROM api_keys ORDER BY created_at DESC, id").all() as Row[]).map(publicFields);
}

export function revokeApiKey(id: string, by: string | null): ApiKey {
  const row = db().prepare("SELECT * FROM api_keys WHERE id = ?").get(id) as Row | undefined;
  if (!row) throw new ApiError("not_found", "API key not found.");
  if (!row.revoked_at) {
    row.revoked_at = new Date().toISOString();
    db().prepare("UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ?").run(row.revoked_at, by, id);
  }
  return publicFields(row);
}

const INVALID = "Invalid or revoked API key.";

/**
 * Authenticates an API key: shape + checksum first (no lookup for typos), then the hash, compared in
 * constant time, then revocation and role. Every failure before the role check gives one identical 401.
 */
export function verifyApiKey(
  key: string | null,
  required: KeyType,
): { key: ApiKey; headers: Record<string, string> } {
  if (!key) throw new ApiError("unauthorized", "Missing API key. Send it in the apikey header.");
  if (!parseKey(key)) throw new ApiError("unauthorized", INVALID);
  const hash = sha256(key);
  const row = db().prepare("SELECT * FROM api_keys WHERE secret_hash = ?").get(hash) as Row | undefined;
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, "hex"), Buffer.from(hash, "hex")) || row.revoked_at)
    throw new ApiError("unauthorized", INVALID);
  if (required === "service_role" && row.key_type !== "service_role")
    throw new ApiError("forbidden", "This endpoint needs a service_role key; anon keys cannot manage users.");
  const headers = enforceRateLimit(row);
  touch(row);
  return { key: publicFields(row), headers };
}

/** Per-key requests-per-minute limit (shared through the store); returns the X-RateLimit-* headers. */
function enforceRateLimit(row: Row): Record<string, string> {
  if (!row.rate_limit) return {};
  const limit = [{ bucket: `apikey:${row.id}`, max: row.rate_limit, windowMs: 60_000 }];
  const wait = retryAfter(limit);
  const headers = { "X-RateLimit-Limit": String(row.rate_limit) };
  if (wait !== null)
    throw new ApiError("rate_limited", "Rate limit exceeded for this API key.", {
      headers: { ...headers, "X-RateLimit-Remaining": "0", "Retry-After": String(wait) },
    });
  hit(limit);
  const used = (db().prepare("SELECT count FROM throttle WHERE bucket = ?").get(`apikey:${row.id}`) as { count: number }).count;
  return { ...headers, "X-RateLimit-Remaining": String(Math.max(0, row.rate_limit - used)) };
}

function touch(row: Row): void {
  // At most one write a minute per key: last_used_at is for humans, not an access log.
  if (row.last_used_at && Date.now() - Date.parse(row.last_used_at) < 60_000) return;
  db().prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?").run(new Date().toISOString(), row.id);
}

/** The key from `apikey`, `x-api-key` or `Authorization: Bearer`; a key in the query string is refused. */
export function apiKeyFromRequest(req: Request): string | null {
  const query = new URL(req.url).searchParams;
  if (["apikey", "api_key", "key"].some((k) => query.has(k)) || [...query.values()].some((v) => /truss_(sk|pk)_/.test(v)))
    throw new ApiError("invalid_request", "Never send API keys in the URL; use the apikey header.");
  const bearer = req.headers.get("authorization");
  return (
    req.headers.get("apikey") ??
    req.headers.get("x-api-key") ??
    (bearer?.toLowerCase().startsWith("bearer ") ? bearer.slice(7).trim() : null)
  );
}
