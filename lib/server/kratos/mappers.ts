import "server-only";
import type { Identity as KratosIdentity, Session as KratosSession } from "@ory/client";
import { z } from "zod";
import { ApiError } from "@/lib/server/http/errors";
import type { Identity } from "@/lib/schemas/identity";
import { displayNameOf, emailOf, getPath, identifierValues, type SchemaSummary } from "@/lib/identity-schema";
import type { Session } from "@/lib/schemas/session";

export const ADMIN_ROLE = "admin";

/** Marks the user agent of sessions the dashboard creates, so lists can tell them from the app's own sessions. */
export const DASHBOARD_UA_MARK = "TrussDashboard/1";

export function isAdminIdentity(i: Pick<KratosIdentity, "metadata_admin">): boolean {
  const m = i.metadata_admin as { truss_role?: unknown } | null | undefined;
  return m?.truss_role === ADMIN_ROLE;
}

/** Kratos identity → dashboard DTO. Credential configs (hashes, OIDC tokens) are dropped here, always. */
// What Truss reads from Kratos, checked at the boundary: the SDK does no runtime validation, and a proxy's HTML
// page or a wrong-typed answer must become a clear 502, never junk rows or a 500.
const obj = z.record(z.string(), z.unknown());
const kratosIdentitySchema = z.looseObject({
  id: z.string().min(1),
  schema_id: z.string(),
  state: z.string().optional(),
  traits: obj.nullish(),
  credentials: z
    .record(z.string(), z.looseObject({ identifiers: z.array(z.string()).nullish(), config: obj.nullish() }))
    .nullish(),
  metadata_admin: z.unknown().optional(),
  verifiable_addresses: z.array(z.looseObject({ value: z.string(), verified: z.boolean() })).nullish(),
  recovery_addresses: z.array(z.looseObject({ value: z.string() })).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
const kratosSessionSchema = z.looseObject({
  id: z.string().min(1),
  active: z.boolean().optional(),
  identity: z.looseObject({ id: z.string(), traits: obj.nullish() }).nullish(),
  authentication_methods: z.array(z.looseObject({})).nullish(),
  devices: z.array(z.looseObject({})).nullish(),
});

const invalid = () =>
  new ApiError(
    "upstream_invalid",
    "Kratos answered with something that is not what its API describes; check the Kratos URL (a proxy or a wrong service?).",
  );

/** Throws upstream_invalid unless `data` has the shape Truss reads. */
export function checkIdentity(data: unknown): asserts data is KratosIdentity {
  if (!kratosIdentitySchema.safeParse(data).success) throw invalid();
}
export function checkSession(data: unknown): asserts data is KratosSession {
  if (!kratosSessionSchema.safeParse(data).success) throw invalid();
}
export function checkList(data: unknown): asserts data is unknown[] {
  if (!Array.isArray(data)) throw invalid();
}

/** Schema summaries by id (see lib/server/kratos/schemas.ts); without one, the usual trait names are tried. */
export type Schemas = Map<string, SchemaSummary>;

function nameOf(traits: Record<string, unknown>, s: SchemaSummary | undefined): string | null {
  const parts = (s ? s.nameFrom : ["name", "name.first", "name.last"])
    .map((p) => getPath(traits, p))
    .filter((v): v is string => typeof v === "string" && v.trim().length > 0);
  return parts.length ? parts.join(" ") : null;
}

export function toIdentity(i: KratosIdentity, schemas?: Schemas): Identity {
  checkIdentity(i);
  const traits = (i.traits ?? {}) as Record<string, unknown>;
  const schema = schemas?.get(i.schema_id);
  const creds = i.credentials ?? {};
  const providers = (creds.oidc?.identifiers ?? []).map((ident) => {
    const at = ident.indexOf(":");
    return at > 0 ? { provider: ident.slice(0, at), subject: ident.slice(at + 1) } : { provider: ident, subject: "" };
  });
  return {
    id: i.id,
    email: emailOf(traits, schema),
    name: nameOf(traits, schema),
    display_name: displayNameOf(traits, schema) ?? i.id,
    identifiers: schema
      ? identifierValues(traits, schema).map(({ kind, value }) => ({ kind, value }))
      : fallbackIdentifiers(i.credentials),
    state: i.state === "inactive" ? "inactive" : "active",
    is_admin: isAdminIdentity(i),
    schema_id: i.schema_id,
    traits,
    metadata_public: i.metadata_public ?? null,
    // Kratos keeps an empty password credential (identifiers only) for password-less users: not a way to sign in.
    credential_types: Object.keys(creds).filter((t) => t !== "password" || hasConfig(creds[t])),
    providers,
    verifiable_addresses: (i.verifiable_addresses ?? []).map((a) => ({
      value: a.value,
      via: String(a.via),
      verified: a.verified,
      status: String(a.status),
    })),
    recovery_addresses: (i.recovery_addresses ?? []).map((a) => ({ value: a.value, via: String(a.via) })),
    created_at: i.created_at ?? null,
    updated_at: i.updated_at ?? null,
    state_changed_at: i.state_changed_at ?? null,
  };
}

/** Without the schema: the password credential's identifiers (Kratos lists them when credentials are expanded). */
function fallbackIdentifiers(creds: KratosIdentity["credentials"]): Identity["identifiers"] {
  return (creds?.password?.identifiers ?? []).map((value) => ({
    kind: value.includes("@") ? "email" : /^\+?[0-9 ()-]{6,}$/.test(value) ? "phone" : "username",
    value,
  }));
}

function hasConfig(c: { config?: object } | undefined): boolean {
  return !!c?.config && Object.keys(c.config).length > 0;
}

/** Kratos keeps Go's RemoteAddr ("ip:port", "[v6]:port") when no proxy header named the client: the port is noise. */
export function withoutPort(addr: string): string {
  const v6 = /^\[([0-9a-f:.]+)\]:\d+$/i.exec(addr);
  if (v6) return v6[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(addr);
  return v4 ? v4[1]! : addr;
}

/** Kratos session → dashboard DTO (never the token). */
export function toSession(s: KratosSession, identityId?: string, schemas?: Schemas): Session {
  checkSession(s);
  const traits = (s.identity?.traits ?? {}) as Record<string, unknown>;
  const schema = s.identity?.schema_id ? schemas?.get(s.identity.schema_id) : undefined;
  return {
    id: s.id,
    identity_id: s.identity?.id ?? identityId ?? null,
    identity_email: emailOf(traits, schema),
    identity_label: s.identity ? displayNameOf(traits, schema) : null,
    active: s.active === true,
    aal: s.authenticator_assurance_level ?? null,
    methods: (s.authentication_methods ?? []).map((m) => String(m.method)),
    authenticated_at: s.authenticated_at ?? null,
    issued_at: s.issued_at ?? null,
    expires_at: s.expires_at ?? null,
    devices: (s.devices ?? []).map((d) => ({
      ip_address: d.ip_address ? withoutPort(d.ip_address) : null,
      user_agent: d.user_agent?.replace(` ${DASHBOARD_UA_MARK}`, "") ?? null,
      location: d.location || null,
    })),
    via_dashboard: (s.devices ?? []).some((d) => d.user_agent?.endsWith(DASHBOARD_UA_MARK)),
  };
}
