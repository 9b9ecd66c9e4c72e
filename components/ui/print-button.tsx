"use client";

/** Opens the browser's print dialog, where "save as PDF" is one of the printers; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-teal-700 px-4 py-2 text-white print:hidden"
      data-testid="print"
    >
      {label}
    </button>
  );
}
