"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/empty-state";

/** Kratos's identity schemas could not be read: said once, with a retry, wherever schemas are needed. */
export function SchemasError({
  message,
  retrying,
  onRetry,
}: {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <ErrorState
      title="Could not read the identity schemas"
      message={message}
      action={
        <Button size="sm" onClick={onRetry} loading={retrying}>
          Try again
        </Button>
      }
    />
  );
}
