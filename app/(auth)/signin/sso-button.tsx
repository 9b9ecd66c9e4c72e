"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Sign-in through the province's identity provider; the page it comes back to is the one asked for. */
export function SsoButton({ label, next }: { label: string; next: string | null }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // Back through the sign-in page, which sends a signed-in person to the page asked for or their home.
        signIn("oidc", { callbackUrl: next ? `/signin?next=${encodeURIComponent(next)}` : "/signin" }).catch(() =>
          setBusy(false),
        );
      }}
      className="w-full rounded border border-teal-700 px-4 py-2 text-teal-800 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
