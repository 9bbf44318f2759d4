import "server-only";
import { z } from "zod";
import { allEndpoints } from "@/lib/server/endpoints";
import type { Endpoint } from "@/lib/server/http/endpoint";
import { errorBodySchema, errorStatus, type ErrorId } from "@/lib/schemas/error";

type Op = Endpoint<unknown, unknown, unknown>;
// Recursive schemas (the trait tree) come with local $defs: they move to components, named by their meta id.
const sharedDefs: Record<string, unknown> = {};
const toSchema = (s: z.ZodType): unknown => {
  const { $defs, ...js } = z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  if (!$defs) return js;
  Object.assign(sharedDefs, $defs);
  return JSON.parse(JSON.stringify(js).replaceAll('"#/$defs/', '"#/components/schemas/')) as unknown;
};
const errorRef = { $ref: "#/components/schemas/Error" };
const security: Record<Op["auth"], unknown[]> = {
  admin: [{ cookie: [] }],
  service_role: [{ apikey: [] }],
  any_key: [{ apikey: [] }],
  hook: [{ hookSecret: [] }],
  public: [],
};
// What every endpoint of a kind can answer, besides the ids it declares itself.
const baseErrors: Record<Op["auth"], ErrorId[]> = {
  admin: [
    "validation_failed",
    "unauthorized",
    "forbidden",
    "not_found",
    "payload_too_large",
    "unsupported_media_type",
    "upstream_unavailable",
  ],
  service_role: [
    "validation_failed",
    "unauthorized",
    "forbidden",
    "not_found",
    "payload_too_large",
    "rate_limited",
    "upstream_unavailable",
  ],
  any_key: ["validation_failed", "unauthorized", "not_found", "rate_limited", "upstream_unavailable"],
  hook: ["validation_failed", "unauthorized", "payload_too_large", "upstream_unavailable"],
  public: ["validation_failed", "upstream_unavailable"],
};

function parameters(op: Op) {
  const out: unknown[] = [];
  for (const [where, obj] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!obj) continue;
    const js = toSchema(obj) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {}))
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema });
  }
  return out;
}

function operation(op: Op) {
  const ids = [...new Set([...baseErrors[op.auth], ...(op.errors ?? [])])];
  const byStatus = new Map<number, ErrorId[]>();
  for (const id of ids) byStatus.set(errorStatus[id], [...(byStatus.get(errorStatus[id]) ?? []), id]);
  const errors = Object.fromEntries(
    [...byStatus].map(([code, list]) => [
      String(code),
      { description: `Error: ${list.join(", ")}`, content: { "application/json": { schema: errorRef } } },
    ]),
  );
  const ok = op.status ?? (op.response ? 200 : 204);
  return {
    summary: op.summary,
    tags: [op.tag],
    operationId: `${op.method.toLowerCase()}${op.path.replace(/[{}.]/g, "").replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    security: security[op.auth],
    parameters: parameters(op),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(op.body) } } } }
      : {}),
    responses: {
      [String(ok)]: op.response
        ? { description: "Success", content: { "application/json": { schema: toSchema(op.response) } } }
        : { description: "Success, no content" },
      ...errors,
    },
  };
}

/** The OpenAPI 3.1 document, generated from the endpoint declarations the route handlers are made from. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of allEndpoints) (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Truss Auth API",
      version: "1.0.0",
      description: "Dashboard API (/api, cookie truss_session) and client API (/v1, apikey header).",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(allEndpoints.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Error: toSchema(errorBodySchema),
        ...(JSON.parse(JSON.stringify(sharedDefs).replaceAll('"#/$defs/', '"#/components/schemas/')) as object),
      },
      securitySchemes: {
        apikey: {
          type: "apiKey",
          in: "header",
          name: "apikey",
          description: "truss_sk_… service_role key (x-api-key and Authorization: Bearer also accepted)",
        },
        cookie: { type: "apiKey", in: "cookie", name: "truss_session" },
        hookSecret: {
          type: "apiKey",
          in: "header",
          name: "X-Truss-Hook-Secret",
          description: "TRUSS_HOOK_SECRET, sent by Kratos's web_hook actions",
        },
      },
    },
  };
}
