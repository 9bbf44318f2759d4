import type { KratosDeps } from "../deps";
import { formatTime } from "../http";
import type { CourierMessageRecord } from "../store/selfservice-types";
import type { RenderedEmail } from "./templates";

/** Sends one stored message somewhere (SMTP); resolves when accepted, rejects with the reason. */
export type Deliver = (m: CourierMessageRecord) => Promise<void>;

/**
 * Stores an e-mail in the outbox (status "queued", as Kratos's courier.QueueEmail) and, when a
 * delivery is configured, hands it over in the background; the outcome is recorded as a dispatch.
 */
export function queueEmail(deps: KratosDeps, recipient: string, email: RenderedEmail): CourierMessageRecord {
  const at = formatTime(deps.now());
  const message: CourierMessageRecord = {
    id: deps.newId(),
    status: "queued",
    type: "email",
    recipient,
    subject: email.subject,
    body: email.body,
    templateType: email.templateType,
    channel: "email",
    sendCount: 0,
    dispatches: [],
    createdAt: at,
    updatedAt: at,
  };
  deps.store.courier.insert(message);
  if (deps.deliver) void dispatch(deps, deps.deliver, message);
  return message;
}

async function dispatch(deps: KratosDeps, deliver: Deliver, m: CourierMessageRecord): Promise<void> {
  let error: string | undefined;
  try {
    await deliver(m);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const at = formatTime(deps.now());
  try {
    deps.store.courier.recordDispatch(m.id, error === undefined ? "sent" : "queued", {
      id: deps.newId(),
      message_id: m.id,
      status: error === undefined ? "success" : "failed",
      ...(error !== undefined && { error: { message: error } }),
      created_at: at,
      updated_at: at,
    });
  } catch {
    // The store was closed while the mail was in flight (shutdown): nothing left to record.
  }
}
