"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { DailyCount } from "@/lib/schemas/stats";
import { cn, formatNumber } from "@/lib/utils";

export interface BarChartProps {
  title: string;
  data: DailyCount[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Days between two x labels: five labels over 30 days, each far from the next even at 390 px. */
const LABEL_EVERY = 7;
const axisText = "text-[11px] leading-none text-gray-600 tabular-nums dark:text-gray-400";

/** "2026-12-01" → "Dec 1", from the string itself (no time zone, the same on the server and in the browser). */
export function shortDate(date: string): string {
  const [, m, d] = date.split("-").map(Number);
  return m && d ? `${MONTHS[m - 1]} ${d}` : date;
}

/** Four equal steps of 1, 2 or 5 × 10ⁿ (whole numbers) whose top reaches `max`: the y labels are 0 and the steps. */
export function yTicks(max: number): number[] {
  const raw = Math.max(1, max) / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * pow).find((s) => s >= raw) ?? 10 * pow);
  return [0, 1, 2, 3, 4].map((i) => i * step);
}

/**
 * One bar per day, drawn with HTML so the axis text keeps its size on a phone. The summary is the image's accessible
 * name; each day is a button (one tab stop, arrow keys move between days) whose name and tooltip give the exact count.
 */
export function BarChart({ title, data }: BarChartProps) {
  const unit = title.replace(/ per day$/i, "").toLowerCase();
  const singular = unit.replace(/s$/, "");
  const describe = (d: DailyCount) => `${d.date}: ${formatNumber(d.count)} ${d.count === 1 ? singular : unit}`;
  const max = Math.max(0, ...data.map((d) => d.count));
  const total = data.reduce((s, d) => s + d.count, 0);
  const ticks = yTicks(max);
  const top = ticks.at(-1) ?? 1;
  const n = data.length;
  // Labelled days count back from the last (today), so the newest day always has its label.
  const labelled = data.map((_, i) => (n - 1 - i) % LABEL_EVERY === 0);
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(Math.max(0, n - 1));
  const bars = useRef<(HTMLButtonElement | null)[]>([]);
  const tipId = useId();
  const shown = active === null ? undefined : data[active];

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const next =
      e.key === "ArrowRight" || e.key === "ArrowUp"
        ? Math.min(n - 1, i + 1)
        : e.key === "ArrowLeft" || e.key === "ArrowDown"
          ? Math.max(0, i - 1)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : e.key === "Escape"
                ? -1
                : null;
    if (next === null) return;
    e.preventDefault();
    if (next === -1) return setActive(null);
    setFocusIndex(next);
    bars.current[next]?.focus();
  };

  return (
    <figure className="space-y-2">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-gray-900 dark:text-gray-100">{title}</span>
        <span className="text-gray-600 dark:text-gray-400">{formatNumber(total)} in 30 days</span>
      </figcaption>
      <div className="flex gap-2">
        {/* y labels: 0 at the bottom, the steps above it */}
        <div aria-hidden className="relative h-40 w-8 shrink-0">
          {ticks.map((t) => (
            <span
              key={t}
              className={cn("absolute right-0 translate-y-1/2", axisText)}
              style={{ bottom: `${(t / top) * 100}%` }}
            >
              {formatNumber(t)}
            </span>
          ))}
        </div>
        <div className="relative min-w-0 flex-1">
          <div
            role="img"
            aria-label={`${title}: ${formatNumber(total)} over the last 30 days, at most ${formatNumber(max)} on one day.`}
            className="relative h-40 border-b border-gray-300 dark:border-gray-700"
          >
            {ticks.slice(1).map((t) => (
              <div
                key={t}
                className="absolute inset-x-0 border-t border-dashed border-gray-200 dark:border-gray-800"
                style={{ bottom: `${(t / top) * 100}%` }}
              />
            ))}
          </div>
          <div className="absolute inset-x-0 top-0 flex h-40" onMouseLeave={() => setActive(null)}>
            {data.map((d, i) => (
              <button
                key={d.date}
                ref={(el) => {
                  bars.current[i] = el;
                }}
                type="button"
                tabIndex={i === focusIndex ? 0 : -1}
                aria-label={describe(d)}
                aria-describedby={active === i ? tipId : undefined}
                onMouseEnter={() => setActive(i)}
                onFocus={() => {
                  setActive(i);
                  setFocusIndex(i);
                }}
                onBlur={() => setActive((a) => (a === i ? null : a))}
                onKeyDown={(e) => onKeyDown(e, i)}
                className="group flex h-full min-w-0 flex-1 items-end px-px outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
              >
                <span
                  className={cn(
                    "block w-full rounded-t-sm bg-indigo-600 dark:bg-indigo-400",
                    active === i && "bg-indigo-800 dark:bg-indigo-200",
                  )}
                  style={{ height: `${(d.count / top) * 100}%` }}
                />
              </button>
            ))}
          </div>
          {shown && active !== null && (
            <div
              id={tipId}
              role="tooltip"
              className="pointer-events-none absolute top-0 z-10 -translate-y-full rounded bg-gray-900 px-2 py-1 text-xs whitespace-nowrap text-white shadow dark:bg-gray-100 dark:text-gray-900"
              style={
                active < n / 2 ? { left: `${(active / n) * 100}%` } : { right: `${((n - 1 - active) / n) * 100}%` }
              }
            >
              {describe(shown)}
            </div>
          )}
          {/* x labels: every 7th day, centred under its bar (the last one ends at the edge) */}
          <div aria-hidden className="relative mt-1 h-4">
            {data.map((d, i) =>
              labelled[i] ? (
                <span
                  key={d.date}
                  className={cn(
                    "absolute top-0 whitespace-nowrap",
                    axisText,
                    i === n - 1 ? "right-0" : "-translate-x-1/2",
                  )}
                  style={i === n - 1 ? undefined : { left: `${((i + 0.5) / n) * 100}%` }}
                >
                  {shortDate(d.date)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
    </figure>
  );
}
