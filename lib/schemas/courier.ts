import { z } from "zod";
import { pageSchema, pageSizeSchema, pageTokenSchema } from "@/lib/schemas/common";

/** Kratos's courier message statuses. */
export const courierStatusSchema = z.enum(["queued", "sent", "processing", "abandoned"]);
export type CourierStatus = z.infer<typeof courierStatusSchema>;

/** One delivery attempt (SMTP or HTTP) as the dashboard shows it. */
export const courierDispatchSchema = z.object({
  status: z.string(),
  error: z.string().nullable(),
  created_at: z.string().nullable(),
});

/** A message Kratos's courier stored (e-mail or SMS), with its body: the developer's mailbox. */
export const courierMessageSchema = z.object({
  id: z.uuid(),
  status: courierStatusSchema,
  type: z.string(),
  channel: z.string().nullable(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  template_type: z.string(),
  send_count: z.number().int(),
  dispatches: z.array(courierDispatchSchema),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type CourierMessage = z.infer<typeof courierMessageSchema>;

export const courierMessagePageSchema = pageSchema(courierMessageSchema);
export type CourierMessagePage = z.infer<typeof courierMessagePageSchema>;

export const listCourierMessagesQuerySchema = z.object({
  page_size: pageSizeSchema,
  page_token: pageTokenSchema.optional(),
  status: courierStatusSchema.optional(),
  recipient: z.string().trim().min(1).max(320).optional(),
});
export type ListCourierMessagesQuery = z.infer<typeof listCourierMessagesQuerySchema>;
