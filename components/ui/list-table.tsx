import type { ReactNode } from "react";

/** A wide list as a table that scrolls sideways on a phone rather than squeezing its columns. */
export function ListTable({ headers, children }: { headers: readonly string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b text-left">
            {headers.map((h) => (
              <th key={h} className="p-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
