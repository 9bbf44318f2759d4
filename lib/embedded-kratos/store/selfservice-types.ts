import type { JsonObject } from "../http";
import type { UiMessage } from "./types";

export type FlowKind = "registration" | "recovery" | "settings" | "verification";
export type FlowType = "api" | "browser";

/**
 * One self-service flow (registration, recovery, settings, verification), stored as a JSON document.
 * The ui.nodes are not stored: each flow's encoder rebuilds them from `state`, `values` and the messages.
 */
export interface SelfServiceFlowRecord {
  id: string;
  kind: FlowKind;
  type: FlowType;
  requestUrl: string;
  issuedAt: string;
  expiresAt: string;
  returnTo: string | null;
  active: string | null;
  state: string;
  /** Browser flows: the CSRF cookie value the submit must match. */
  csrfToken: string;
  /** Settings: the identity being edited; recovery/verification: who the code was for. */
  identityId: string | null;
  /** What the user typed, by node name (traits.email, email, ...), echoed into the nodes. */
  values: JsonObject;
  messages: UiMessage[];
  nodeMessages: Record<string, UiMessage[]>;
  continueWith: JsonObject[] | null;
  /** Flows created by the admin API (recovery) skip the CSRF check, as Kratos's DangerousSkipCSRFCheck. */
  skipCsrf: boolean;
  /** Failed code submissions (Kratos invalidates a code flow after 5). */
  attempts: number;
  transientPayload: JsonObject | null;
  createdAt: string;
  updatedAt: string;
}

export type CourierStatus = "queued" | "sent" | "processing" | "abandoned";

export interface CourierDispatch {
  id: string;
  message_id: string;
  status: "failed" | "success";
  error?: JsonObject;
  created_at: string;
  updated_at: string;
}

/** courier.Message as Kratos stores it. */
export interface CourierMessageRecord {
  id: string;
  status: CourierStatus;
  type: "email" | "sms";
  recipient: string;
  subject: string;
  body: string;
  templateType: string;
  channel: string;
  sendCount: number;
  dispatches: CourierDispatch[];
  createdAt: string;
  updatedAt: string;
}

export interface VerificationCodeRecord {
  id: string;
  identityId: string;
  address: string;
  codeHash: string;
  flowId: string;
  expiresAt: string;
  createdAt: string;
}
