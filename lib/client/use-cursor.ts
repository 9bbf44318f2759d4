"use client";

import { useCallback, useState } from "react";

/** Keeps the stack of page tokens behind a cursor-paginated list ("Previous" pops, "Next" pushes). */
export function useCursor() {
  const [stack, setStack] = useState<string[]>([]);
  const next = useCallback((token: string) => setStack((s) => [...s, token]), []);
  const prev = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { token: stack.at(-1), page: stack.length + 1, next, prev, reset };
}
