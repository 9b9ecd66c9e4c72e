import type { TrendPoint } from "@/lib/public/build-snapshot";

/** Flags found and cleaned up per month, as paired columns in SVG, with the numbers as a table. */
export function TrendChart({ title, points, labels }: { title: string; points: TrendPoint[]; labels: { found: string; cleanedUp: string; month: string; table: string } }) {
  const max = Math.max(1, ...points.flatMap((p) => [p.found, p.cleanedUp]));
  const width = 340;
  const height = 150;
  const slot = width / points.length;
  const bar = Math.max(3, slot / 3);
  const scale = (v: number) => ((height - 40) * v) / max;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-title" className="w-full max-w-lg">
        <title id="trend-title">{title}</title>
        {points.map((p, i) => {
          const x = i * slot + slot / 2 - bar;
          return (
            <g key={p.month}>
              <rect x={x} y={height - 22 - scale(p.found)} width={bar} height={scale(p.found)} fill="#f59e0b" />
              <rect x={x + bar} y={height - 22 - scale(p.cleanedUp)} width={bar} height={scale(p.cleanedUp)} fill="#0f766e" />
              <text x={i * slot + slot / 2} y={height - 6} textAnchor="middle" fontSize="10" fill="#475569">{p.month.slice(5)}</text>
            </g>
          );
        })}
      </svg>
      <p className="flex gap-4 text-xs text-slate-700" aria-hidden="true">
        <span><span className="mr-1 inline-block h-2 w-3 bg-amber-500" />{labels.found}</span>
        <span><span className="mr-1 inline-block h-2 w-3 bg-teal-700" />{labels.cleanedUp}</span>
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-800">{labels.table}</summary>
        <table className="mt-1 bg-white">
          <caption className="sr-only">{title}</caption>
          <thead><tr><th scope="col" className="px-2 py-1 text-left">{labels.month}</th><th scope="col" className="px-2 py-1 text-right">{labels.found}</th><th scope="col" className="px-2 py-1 text-right">{labels.cleanedUp}</th></tr></thead>
          <tbody>{points.map((p) => <tr key={p.month}><th scope="row" className="px-2 py-1 text-left font-normal">{p.month}</th><td className="px-2 py-1 text-right tabular-nums">{p.found}</td><td className="px-2 py-1 text-right tabular-nums">{p.cleanedUp}</td></tr>)}</tbody>
        </table>
      </details>
    </figure>
  );
}
