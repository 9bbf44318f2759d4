"use client";

import { useEffect, useState } from "react";

/** useState persisted to localStorage (read after mount, so server and first client render agree). */
export function useStoredState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw === null) return;
      const parsed: unknown = JSON.parse(raw);
      if (valid(parsed)) setValue(parsed);
    } catch {
      // ignore unreadable storage
    }
  }, [key, valid]);
  const set = (v: T) => {
    setValue(v);
    try {
      localStorage.setItem(key, JSON.stringify(v));
    } catch {
      // storage full or disabled: keep the in-memory value
    }
  };
  return [value, set];
}
