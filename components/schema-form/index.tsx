"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

export type { SchemaFormProps } from "@/components/schema-form/schema-form";

/**
 * The generated traits form, loaded on first use: RJSF and the theme stay out of the first-load JS of every page and
 * are fetched only when a dialog or card that edits traits renders.
 */
export const SchemaForm = dynamic(() => import("@/components/schema-form/schema-form"), {
  ssr: false,
  loading: () => (
    <div role="status" aria-label="Loading the form" className="space-y-3">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-9 w-2/3" />
    </div>
  ),
});
