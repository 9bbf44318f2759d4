import type { JsonObject } from "../http";
import type { IdentityRecord, SessionRecord } from "../store/types";
import { encodeIdentity, type IdentityEncodeOptions } from "./identity";

/** Session.IsActive: the row flag, the expiry and the identity's state all have to agree. */
export function isSessionActive(s: SessionRecord, identity: IdentityRecord | undefined, now: Date): boolean {
  return s.active && new Date(s.expiresAt) > now && (identity === undefined || identity.state === "active");
}

export interface SessionEncodeOptions {
  now: Date;
  identity: IdentityRecord | undefined;
  /** Whether to embed identity/devices; when false they are null (admin list without expand). */
  expandIdentity: boolean;
  /** "empty": Kratos answers `[]` where it did not load the devices (GET one session, extend). */
  expandDevices: boolean | "empty";
  identityOptions: Omit<IdentityEncodeOptions, "credentials">;
}

/** Session JSON; token, identity_id and row timestamps are never serialised. */
export function encodeSession(s: SessionRecord, opts: SessionEncodeOptions): JsonObject {
  return {
    id: s.id,
    active: isSessionActive(s, opts.identity, opts.now),
    expires_at: s.expiresAt,
    authenticated_at: s.authenticatedAt,
    authenticator_assurance_level: s.aal,
    authentication_methods: s.methods,
    issued_at: s.issuedAt,
    identity:
      opts.expandIdentity && opts.identity
        ? encodeIdentity(opts.identity, { ...opts.identityOptions, credentials: false })
        : null,
    devices: opts.expandDevices === "empty" ? [] : opts.expandDevices ? s.devices : null,
  };
}
