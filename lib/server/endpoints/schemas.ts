import "server-only";
import { endpoint } from "@/lib/server/http/endpoint";
import { identitySchemaInfoSchema, identitySchemaListSchema, schemaParamsSchema } from "@/lib/schemas/identity-schema";

export const schemaEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/auth/schemas",
    summary: "Kratos's identity schemas: identifiers, addresses, trait tree, raw JSON and how many users use each",
    tag: "Schemas",
    auth: "admin",
    response: identitySchemaListSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/auth/schemas/{id}",
    summary: "One identity schema (the plain id or its base64url form)",
    tag: "Schemas",
    auth: "admin",
    params: schemaParamsSchema,
    response: identitySchemaInfoSchema,
  }),
  v1List: endpoint({
    method: "GET",
    path: "/v1/auth/schemas",
    summary: "Kratos's identity schemas, so a client knows which traits and schema_id to send",
    tag: "Client API",
    auth: "service_role",
    response: identitySchemaListSchema,
  }),
};
