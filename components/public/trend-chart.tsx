import type { TrendPoint } from "@/lib/public/build-snapshot";

type Labels = { found: string; cleanedUp: string; month: string; table: string };

/**
 * Flags found and cleaned up per month, as paired columns in SVG, with the numbers as a table.
 * Months are named with their year (under the first column and each January; in full in the table).
 */
export function TrendChart({
  title,
  points,
  labels,
  locale,
}: {
  title: string;
  points: TrendPoint[];
  labels: Labels;
  locale: string;
}) {
  const max = Math.max(1, ...points.flatMap((p) => [p.found, p.cleanedUp]));
  const width = 340;
  const height = 166;
  const slot = width / points.length;
  const bar = Math.max(3, slot / 3);
  const scale = (v: number) => ((height - 52) * v) / max;
  const date = (month: string) => new Date(`${month}-01T00:00:00Z`);
  const short = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const full = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const year = new Intl.DateTimeFormat(locale, { year: "numeric", timeZone: "UTC" });
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600">{`${full.format(date(points[0]!.month))} – ${full.format(date(points.at(-1)!.month))}`}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title" className="w-full max-w-lg">
        <title id="trend-title">{title}</title>
        {points.map((p, i) => {
          const x = i * slot + slot / 2 - bar;
          const base = height - 34;
          return (
            <g key={p.month}>
              <rect x={x} y={base - scale(p.found)} width={bar} height={scale(p.found)} fill="#f59e0b" />
              <rect x={x + bar} y={base - scale(p.cleanedUp)} width={bar} height={scale(p.cleanedUp)} fill="#0f766e" />
              <text x={i * slot + slot / 2} y={height - 20} textAnchor="middle" fontSize="10" fill="#475569">
                {short.format(date(p.month))}
              </text>
              {(i === 0 || p.month.endsWith("-01")) && (
                <text
                  x={i === 0 ? 1 : i * slot + slot / 2}
                  y={height - 6}
                  textAnchor={i === 0 ? "start" : "middle"}
                  fontSize="10"
                  fill="#475569"
                >
                  {year.format(date(p.month))}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="flex gap-4 text-xs text-slate-700" aria-hidden="true">
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-amber-500" />
          {labels.found}
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 bg-teal-700" />
          {labels.cleanedUp}
        </span>
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-800">{labels.table}</summary>
        <table className="mt-1 bg-white">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {labels.month}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {labels.found}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {labels.cleanedUp}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {full.format(date(p.month))}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{p.found}</td>
                <td className="px-2 py-1 text-right tabular-nums">{p.cleanedUp}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
