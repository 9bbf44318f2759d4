import { Button } from "@/components/ui/button";

export interface PagerProps {
  page: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  busy?: boolean;
  summary?: string;
}

/** Cursor pagination: previous / next with the page number (keyset cursors: no jump to page N). */
export function Pager({ page, hasNext, onPrev, onNext, busy, summary }: PagerProps) {
  return (
    <nav
      aria-label="Pagination"
      className="mt-3 flex items-center justify-between gap-2 text-sm text-gray-700 dark:text-gray-300"
    >
      <span>
        Page {page}
        {summary ? ` · ${summary}` : ""}
      </span>
      <div className="flex gap-2">
        <Button size="sm" onClick={onPrev} disabled={page <= 1 || busy}>
          Previous
        </Button>
        <Button size="sm" onClick={onNext} disabled={!hasNext || busy}>
          Next
        </Button>
      </div>
    </nav>
  );
}
