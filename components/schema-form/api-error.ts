import { ApiClientError, errorMessage } from "@/lib/client/fetcher";
import type { TraitField } from "@/lib/identity-schema";
import { readableKratosReason } from "@/lib/schema-form/kratos-reason";

/** An API failure for people: the message, and Kratos's reason with fields named by their titles when it gave one. */
export function traitsErrorMessage(err: unknown, fields?: TraitField[]): string {
  if (err instanceof ApiClientError && err.reason) return `${err.message} ${readableKratosReason(err.reason, fields)}`;
  return errorMessage(err);
}
