import "server-only";
import type { Endpoint } from "@/lib/server/http/endpoint";
import { authEndpoints } from "@/lib/server/endpoints/auth";
import { identityEndpoints, v1IdentityEndpoints } from "@/lib/server/endpoints/identities";
import {
  courierEndpoints,
  hookEndpoints,
  keyEndpoints,
  platformEndpoints,
  providerEndpoints,
} from "@/lib/server/endpoints/platform";
import { schemaEndpoints } from "@/lib/server/endpoints/schemas";
import { sessionEndpoints } from "@/lib/server/endpoints/sessions";

/** Every endpoint of /api and /v1, declared once; route files and the OpenAPI document both read these. */
export const endpoints = {
  auth: authEndpoints,
  identities: identityEndpoints,
  v1: v1IdentityEndpoints,
  sessions: sessionEndpoints,
  keys: keyEndpoints,
  providers: providerEndpoints,
  platform: platformEndpoints,
  courier: courierEndpoints,
  schemas: schemaEndpoints,
  hooks: hookEndpoints,
};

export const allEndpoints: Endpoint<unknown, unknown, unknown>[] = Object.values(endpoints).flatMap(
  (group) => Object.values(group) as Endpoint<unknown, unknown, unknown>[],
);
