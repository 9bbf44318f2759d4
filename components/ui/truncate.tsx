import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * One line of text cut with an ellipsis, the whole value in a tooltip (title): for emails and ids in table cells,
 * which would otherwise break mid-word. Give it a max width (className) where the column should stop growing.
 */
export function Truncate({
  text,
  children,
  className,
}: {
  text: string;
  /** What to render, when it is more than the plain text (a link's content, say); `text` is still the tooltip. */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <span className={cn("block min-w-0 truncate", className)} title={text}>
      {children ?? text}
    </span>
  );
}
