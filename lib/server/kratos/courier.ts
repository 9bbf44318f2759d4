import "server-only";
import { CourierApi, type Message } from "@ory/client";
import { kratos } from "@/lib/server/kratos/client";
import { call, callWithHeaders } from "@/lib/server/kratos/errors";
import { nextPageToken } from "@/lib/server/kratos/pagination";
import type {
  CourierMessage,
  CourierMessagePage,
  CourierStatus,
  ListCourierMessagesQuery,
} from "@/lib/schemas/courier";

const NOT_FOUND = "Message not found.";
const STATUSES: readonly CourierStatus[] = ["queued", "sent", "processing", "abandoned"];

interface SdkInternals {
  configuration: ConstructorParameters<typeof CourierApi>[0];
  basePath: string;
  axios: ConstructorParameters<typeof CourierApi>[2];
}

/**
 * The courier client shares the admin IdentityApi's configuration (URL, admin token, timeout) and its
 * axios instance, so courier calls go through the same retries and circuit breaker.
 */
async function courierApi(): Promise<CourierApi> {
  const { identity } = await kratos();
  const base = identity as unknown as SdkInternals;
  return new CourierApi(base.configuration, base.basePath, base.axios);
}

function toMessage(m: Message): CourierMessage {
  return {
    id: m.id,
    status: STATUSES.includes(m.status as CourierStatus) ? (m.status as CourierStatus) : "queued",
    type: m.type,
    channel: m.channel ?? null,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    template_type: m.template_type,
    send_count: m.send_count,
    dispatches: (m.dispatches ?? []).map((d) => ({
      status: d.status ?? "",
      error: d.error && typeof d.error === "object" && "message" in d.error ? String(d.error.message) : null,
      created_at: d.created_at ?? null,
    })),
    created_at: m.created_at ?? null,
    updated_at: m.updated_at ?? null,
  };
}

/** Courier messages, newest first, filtered by status and exact recipient (Kratos's keyset pages). */
export async function listCourierMessages(q: ListCourierMessagesQuery): Promise<CourierMessagePage> {
  const api = await courierApi();
  const { data, headers } = await callWithHeaders(() =>
    api.listCourierMessages({
      pageSize: q.page_size,
      pageToken: q.page_token,
      status: q.status,
      recipient: q.recipient,
    }),
  );
  return { items: data.map(toMessage), next_page_token: nextPageToken(headers.link) };
}

export async function getCourierMessage(id: string): Promise<CourierMessage> {
  const api = await courierApi();
  return toMessage(await call(() => api.getCourierMessage({ id }), NOT_FOUND));
}
