import "server-only";
import type { Identity as KratosIdentity, Session as KratosSession } from "@ory/client";
import type { Identity } from "@/lib/schemas/identity";
import type { Session } from "@/lib/schemas/session";

export const ADMIN_ROLE = "admin";

function nameOf(traits: Record<string, unknown>): string | null {
  const n = traits.name;
  if (typeof n === "string") return n;
  if (n && typeof n === "object") {
    const { first, last } = n as { first?: unknown; last?: unknown };
    const full = [first, last].filter((p): p is string => typeof p === "string" && p.length > 0).join(" ");
    return full || null;
  }
  return null;
}

export function isAdminIdentity(i: Pick<KratosIdentity, "metadata_admin">): boolean {
  const m = i.metadata_admin as { truss_role?: unknown } | null | undefined;
  return m?.truss_role === ADMIN_ROLE;
}

/** Kratos identity → dashboard DTO. Credential configs (hashes, OIDC tokens) are dropped here, always. */
export function toIdentity(i: KratosIdentity): Identity {
  const traits = (i.traits ?? {}) as Record<string, unknown>;
  const creds = i.credentials ?? {};
  const providers = (creds.oidc?.identifiers ?? []).map((ident) => {
    const at = ident.indexOf(":");
    return at > 0 ? { provider: ident.slice(0, at), subject: ident.slice(at + 1) } : { provider: ident, subject: "" };
  });
  return {
    id: i.id,
    email: typeof traits.email === "string" ? traits.email : null,
    name: nameOf(traits),
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

function hasConfig(c: { config?: object } | undefined): boolean {
  return !!c?.config && Object.keys(c.config).length > 0;
}

/** Kratos session → dashboard DTO (never the token). */
export function toSession(s: KratosSession, identityId?: string): Session {
  const traits = (s.identity?.traits ?? {}) as Record<string, unknown>;
  return {
    id: s.id,
    identity_id: s.identity?.id ?? identityId ?? null,
    identity_email: typeof traits.email === "string" ? traits.email : null,
    active: s.active === true,
    aal: s.authenticator_assurance_level ?? null,
    methods: (s.authentication_methods ?? []).map((m) => String(m.method)),
    authenticated_at: s.authenticated_at ?? null,
    issued_at: s.issued_at ?? null,
    expires_at: s.expires_at ?? null,
    devices: (s.devices ?? []).map((d) => ({
      ip_address: d.ip_address ?? null,
      user_agent: d.user_agent ?? null,
      location: d.location ?? null,
    })),
  };
}
