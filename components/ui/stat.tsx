/** One headline figure; a suppressed figure says so instead of showing a number. */
export function Stat({
  label,
  value,
  suppressedLabel,
}: {
  label: string;
  value: number | null;
  suppressedLabel?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">
        {value === null ? (
          <span className="text-base font-normal text-slate-500">{suppressedLabel}</span>
        ) : (
          value.toLocaleString()
        )}
      </dd>
    </div>
  );
}
