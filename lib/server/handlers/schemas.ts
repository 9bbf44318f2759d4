import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { defaultSchemaId, getSchema, listSchemas, type SchemaEntry } from "@/lib/server/kratos";
import { schemaUsage } from "@/lib/server/services/stats";
import type { IdentitySchemaInfo } from "@/lib/schemas/identity-schema";

function toInfo(e: SchemaEntry, usage: Map<string, number> | null, defaultId: string): IdentitySchemaInfo {
  const s = e.summary;
  return {
    id: e.id,
    title: s.title,
    is_default: e.id === defaultId,
    identifiers: s.identifiers,
    verification: s.verification,
    recovery: s.recovery,
    name_from: s.nameFrom,
    fields: s.fields,
    users: usage ? (usage.get(e.id) ?? 0) : null,
    schema: e.schema,
  };
}

// GET /api/auth/schemas, GET /v1/auth/schemas
export const listSchemasHandler = async () => {
  const [entries, defaultId, usage] = await Promise.all([listSchemas(), defaultSchemaId(), schemaUsage()]);
  return json({ items: entries.map((e) => toInfo(e, usage, defaultId)) });
};

// GET /api/auth/schemas/:id
export const getSchemaHandler = async (ctx: RouteContext<{ id: string }>) =>
  json(toInfo(await getSchema(ctx.params.id), await schemaUsage(), await defaultSchemaId()));
