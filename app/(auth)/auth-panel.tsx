import type { ReactNode } from "react";

/** The narrow column a visitor signs in or accepts an invitation in, under the page's one heading. */
export function AuthPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mx-auto max-w-sm space-y-4">
      <h1 id={id} className="text-xl font-semibold">
        {title}
      </h1>
      {children}
    </section>
  );
}
