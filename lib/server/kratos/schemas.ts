import "server-only";
import { env } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/errors";
import { kratos } from "@/lib/server/kratos/client";
import { call, callWithHeaders } from "@/lib/server/kratos/errors";
import { nextPageToken } from "@/lib/server/kratos/pagination";
import { describeSchema, type SchemaSummary } from "@/lib/identity-schema";

export interface SchemaEntry {
  id: string;
  schema: Record<string, unknown>;
  summary: SchemaSummary;
}

// Schemas change only when Kratos's config does, but a redeploy must show within a short while: 30 s.
const TTL_MS = 30_000;
const MAX_PAGES = 20;
const cache = globalThis as {
  __trussSchemas?: { at: number; entries: SchemaEntry[] };
  __trussSchemasLoading?: Promise<SchemaEntry[]>;
};

async function fetchSchemas(): Promise<SchemaEntry[]> {
  const { schemas } = await kratos();
  const out: SchemaEntry[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, headers } = await callWithHeaders(() =>
      schemas.listIdentitySchemas({ pageSize: 250, ...(pageToken ? { pageToken } : {}) }),
    );
    if (!Array.isArray(data)) throw new ApiError("upstream_invalid", "Kratos's schema list is not a list.");
    for (const c of data) {
      const schema = (c.schema ?? {}) as Record<string, unknown>;
      if (typeof c.id === "string") out.push({ id: c.id, schema, summary: describeSchema(c.id, schema) });
    }
    pageToken = nextPageToken(headers.link) ?? undefined;
    if (!pageToken || data.length === 0) break;
  }
  return out;
}

/** Every identity schema Kratos has, cached for 30 s (one fetch in flight at a time). */
export async function listSchemas(): Promise<SchemaEntry[]> {
  const hit = cache.__trussSchemas;
  if (hit && Date.now() - hit.at < TTL_MS) return hit.entries;
  cache.__trussSchemasLoading ??= fetchSchemas()
    .then((entries) => {
      cache.__trussSchemas = { at: Date.now(), entries };
      return entries;
    })
    .finally(() => {
      cache.__trussSchemasLoading = undefined;
    });
  return cache.__trussSchemasLoading;
}

/**
 * Summaries by schema id for mapping identities. Never throws: when Kratos cannot list its schemas, the last known
 * ones (or none) are used and names fall back to the usual trait names, so a list still answers.
 */
export async function schemaIndex(): Promise<Map<string, SchemaSummary>> {
  const entries = await listSchemas().catch(() => cache.__trussSchemas?.entries ?? []);
  return new Map(entries.map((e) => [e.id, e.summary]));
}

export async function getSchema(id: string): Promise<SchemaEntry> {
  const known = (await listSchemas()).find((e) => e.id === id);
  if (known) return known;
  // Not in the (possibly stale) list: ask Kratos directly, which also accepts the base64url form of the id.
  const { schemas } = await kratos();
  const schema = (await call(
    () => schemas.getIdentitySchema({ id }),
    `Identity schema \`${id}\` could not be found.`,
  )) as Record<string, unknown>;
  return { id, schema, summary: describeSchema(id, schema) };
}

/** Forget the cache (tests that change Kratos's schemas). */
export function forgetSchemas(): void {
  cache.__trussSchemas = undefined;
}

/**
 * The schema Truss gives new users: KRATOS_IDENTITY_SCHEMA_ID when set, else "default" when Kratos has it (Kratos's
 * own usual default), else the first schema Kratos lists.
 */
export async function defaultSchemaId(): Promise<string> {
  const configured = env().KRATOS_IDENTITY_SCHEMA_ID;
  if (configured) return configured;
  const ids = [...(await schemaIndex()).keys()];
  return ids.includes("default") || ids.length === 0 ? "default" : ids[0]!;
}
