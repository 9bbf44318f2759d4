"use client";

import { useSyncExternalStore } from "react";

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "just now", "2 minutes ago", "yesterday", "3 days ago" (whole units, rounded down). */
export function formatRelative(iso: string, now: number): string {
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return "";
  if (ms < 60_000) return "just now";
  for (const [unit, size] of UNITS) if (ms >= size) return rtf.format(-Math.floor(ms / size), unit);
  return "just now";
}

// One clock for every relative time on the page, ticking every 30 s while something shows one.
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function snapshot(): number {
  if (!now) now = Date.now();
  return now;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // Freshen a clock that stood still while nothing listened (React re-reads the snapshot after subscribing).
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The current time for relative labels, or null while rendering on the server and hydrating (the server's clock
 * would not match the browser's text, so callers show the exact time until then).
 */
export const useNow = (): number | null => useSyncExternalStore(subscribe, snapshot, () => null);
