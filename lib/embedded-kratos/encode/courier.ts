import type { JsonObject } from "../http";
import type { CourierMessageRecord } from "../store/selfservice-types";

/** courier.Message JSON: `dispatches` is omitempty, everything else always present. */
export function encodeCourierMessage(m: CourierMessageRecord): JsonObject {
  return {
    id: m.id,
    status: m.status,
    type: m.type,
    recipient: m.recipient,
    body: m.body,
    subject: m.subject,
    template_type: m.templateType,
    channel: m.channel,
    send_count: m.sendCount,
    ...(m.dispatches.length > 0 && { dispatches: m.dispatches }),
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}
