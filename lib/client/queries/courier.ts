import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "@/lib/client/fetcher";
import {
  courierMessagePageSchema,
  courierMessageSchema,
  type CourierMessagePage,
  type listCourierMessagesQuerySchema,
} from "@/lib/schemas/courier";

export type CourierListQuery = z.input<typeof listCourierMessagesQuerySchema>;

export const courierKeys = {
  all: ["courier"] as const,
  list: (q: CourierListQuery) => ["courier", "list", q] as const,
  detail: (id: string) => ["courier", "detail", id] as const,
};

export const courierMessagesQuery = (q: CourierListQuery) =>
  queryOptions({
    queryKey: courierKeys.list(q),
    queryFn: ({ signal }) =>
      api.get("/api/auth/courier/messages", { schema: courierMessagePageSchema, query: { ...q }, signal }),
  });

export const courierMessageQuery = (id: string) =>
  queryOptions({
    queryKey: courierKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/auth/courier/messages/${id}`, { schema: courierMessageSchema, signal }),
  });

export const useCourierMessagesQuery = (q: CourierListQuery, initialData?: CourierMessagePage) =>
  useQuery({ ...courierMessagesQuery(q), initialData, placeholderData: (prev) => prev });
export const useCourierMessageQuery = (id: string | null) =>
  useQuery({ ...courierMessageQuery(id ?? ""), enabled: !!id });
