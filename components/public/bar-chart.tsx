/** A horizontal bar chart drawn on the server as SVG: titled, each value with its unit, and backed by a table. */
export type Bar = { label: string; value: number | null };

export function BarChart({
  id,
  title,
  bars,
  unit,
  withheld,
  tableLabel,
}: {
  id: string;
  title: string;
  bars: Bar[];
  unit: string;
  withheld: string;
  tableLabel: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const row = 28;
  const labelWidth = 124;
  // About one SVG unit per CSS pixel on a phone, so the labels stay legible at 360 px.
  const width = 340;
  const valueWidth = 88;
  const height = bars.length * row + 8;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        className="w-full max-w-lg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        {bars.map((b, i) => {
          const y = i * row + 4;
          const w = b.value === null ? 0 : Math.max(2, ((width - labelWidth - valueWidth) * b.value) / max);
          return (
            <g key={`${b.label}-${i}`}>
              <text x={labelWidth - 6} y={y + 17} textAnchor="end" fontSize="13" fill="#334155">
                {b.label.length > 8 ? `${b.label.slice(0, 7)}…` : b.label}
              </text>
              {b.value === null ? (
                <text x={labelWidth} y={y + 17} fontSize="12" fill="#64748b">
                  {withheld}
                </text>
              ) : (
                <>
                  <rect x={labelWidth} y={y + 4} width={w} height={row - 10} rx="3" fill="#0f766e" />
                  <text
                    x={labelWidth + w + 6}
                    y={y + 17}
                    fontSize="12"
                    fill="#0f172a"
                  >{`${b.value.toLocaleString()} ${unit}`}</text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-800">{tableLabel}</summary>
        <table className="mt-1 min-w-[16rem] bg-white">
          <caption className="sr-only">{title}</caption>
          <tbody>
            {bars.map((b, i) => (
              <tr key={`${b.label}-${i}`}>
                <th scope="row" className="border-b border-slate-200 px-2 py-1 text-left font-normal">
                  {b.label}
                </th>
                <td className="border-b border-slate-200 px-2 py-1 text-right tabular-nums">
                  {b.value === null ? withheld : `${b.value.toLocaleString()} ${unit}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
