import type { JsonObject } from "../http";

/** Domain records as the store hands them out; encoders turn them into Kratos JSON. */
export type IdentityState = "active" | "inactive";

export interface CredentialRecord {
  id: string;
  type: string;
  identifiers: string[];
  config: JsonObject;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VerifiableAddressRecord {
  id: string;
  value: string;
  via: string;
  verified: boolean;
  status: string;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RecoveryAddressRecord {
  id: string;
  value: string;
  via: string;
  createdAt: string;
  updatedAt: string;
}

export interface IdentityRecord {
  id: string;
  schemaId: string;
  state: IdentityState;
  stateChangedAt: string | null;
  traits: unknown;
  metadataPublic: unknown;
  metadataAdmin: unknown;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
  credentials: CredentialRecord[];
  verifiableAddresses: VerifiableAddressRecord[];
  recoveryAddresses: RecoveryAddressRecord[];
}

export interface AuthMethod {
  method: string;
  aal: string;
  completed_at: string;
}

export interface DeviceRecord {
  id: string;
  ip_address: string;
  user_agent: string;
  location: string;
}

export interface SessionRecord {
  id: string;
  identityId: string;
  tokenHash: string;
  active: boolean;
  authenticatedAt: string;
  issuedAt: string;
  expiresAt: string;
  aal: string;
  methods: AuthMethod[];
  devices: DeviceRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface UiMessage {
  id: number;
  text: string;
  type: "info" | "error" | "success";
  context?: JsonObject;
}

/** Per-flow UI state that survives between submits (what the user typed, errors shown). */
export interface LoginFlowRecord {
  id: string;
  requestUrl: string;
  issuedAt: string;
  expiresAt: string;
  refresh: boolean;
  requestedAal: string;
  returnTo: string | null;
  active: string | null;
  identifierValue: string;
  messages: UiMessage[];
  identifierMessages: UiMessage[];
  passwordMessages: UiMessage[];
  createdAt: string;
  updatedAt: string;
}

export interface RecoveryTokenRecord {
  id: string;
  identityId: string;
  kind: "code" | "link";
  tokenHash: string;
  flowId: string;
  expiresAt: string;
  createdAt: string;
}
