import type { SessionUser } from "@/lib/auth/session-user";
import { getTranslator } from "@/lib/i18n/server";
import { SiteHeader } from "../site-header";

/** The header and the main landmark shared by every audience's layout. */
export async function PageShell({ user, children }: { user: SessionUser | null; children: React.ReactNode }) {
  const t = await getTranslator();
  return (
    <>
      <SiteHeader t={t} user={user} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
