import "server-only";
import { json, type RouteContext } from "@/lib/server/http/route";
import { getCourierMessage, listCourierMessages } from "@/lib/server/kratos";
import type { IdParams } from "@/lib/schemas/common";
import type { ListCourierMessagesQuery } from "@/lib/schemas/courier";

// GET /api/auth/courier/messages
export const listMessages = async ({ query }: RouteContext<undefined, ListCourierMessagesQuery>) =>
  json(await listCourierMessages(query));

// GET /api/auth/courier/messages/:id
export const getMessage = async ({ params }: RouteContext<IdParams>) => json(await getCourierMessage(params.id));
