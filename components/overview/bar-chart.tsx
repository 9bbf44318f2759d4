import type { DailyCount } from "@/lib/schemas/stats";
import { formatNumber } from "@/lib/utils";

export interface BarChartProps {
  title: string;
  data: DailyCount[];
}

const W = 600;
const H = 160;
const PAD = 24;

/** Hand-drawn SVG bar chart (one bar per day); the summary is in the accessible name. */
export function BarChart({ title, data }: BarChartProps) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const total = data.reduce((s, d) => s + d.count, 0);
  const bw = data.length ? (W - PAD) / data.length : 0;
  const first = data[0]?.date;
  const last = data.at(-1)?.date;
  return (
    <figure className="space-y-2">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-gray-900 dark:text-gray-100">{title}</span>
        <span className="text-gray-600 dark:text-gray-400">{formatNumber(total)} in 30 days</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 18}`}
        role="img"
        aria-label={`${title}: ${formatNumber(total)} over the last 30 days, at most ${formatNumber(total === 0 ? 0 : max)} on one day.`}
        className="h-auto w-full"
      >
        <line x1={PAD} y1={H} x2={W} y2={H} className="stroke-gray-300 dark:stroke-gray-700" />
        <text x={0} y={10} className="fill-gray-600 text-[10px] dark:fill-gray-400">
          {max}
        </text>
        <text x={0} y={H} className="fill-gray-600 text-[10px] dark:fill-gray-400">
          0
        </text>
        {data.map((d, i) => {
          const h = (d.count / max) * (H - 8);
          return (
            <rect
              key={d.date}
              x={PAD + i * bw + 1}
              y={H - h}
              width={Math.max(1, bw - 2)}
              height={h}
              rx={1.5}
              className="fill-indigo-600 dark:fill-indigo-400"
            >
              <title>{`${d.date}: ${d.count}`}</title>
            </rect>
          );
        })}
        {first && (
          <text x={PAD} y={H + 14} className="fill-gray-600 text-[10px] dark:fill-gray-400">
            {first}
          </text>
        )}
        {last && (
          <text x={W} y={H + 14} textAnchor="end" className="fill-gray-600 text-[10px] dark:fill-gray-400">
            {last}
          </text>
        )}
      </svg>
    </figure>
  );
}
