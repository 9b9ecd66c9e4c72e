export function LoadingView({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-6 w-1/3 rounded bg-slate-200" />
      <div className="h-24 rounded bg-slate-200" />
    </div>
  );
}
