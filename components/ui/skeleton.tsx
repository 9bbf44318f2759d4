import { cn } from "@/lib/utils";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-gray-200 dark:bg-gray-800", className)} />;
}

/** A page-shaped placeholder for loading.tsx files. */
export function PageSkeleton({ rows = 8, title = "Loading" }: { rows?: number; title?: string }) {
  return (
    <div role="status" aria-label={title} className="space-y-4">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-full max-w-xl" />
      <div className="space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
