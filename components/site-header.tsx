import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Translate } from "@/lib/i18n/messages";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

/** The bar on every page: links the signed-in user may follow, language, sign in or out. */
export function SiteHeader({ t, user }: { t: Translate; user: SessionUser | null }) {
  const links = [
    { href: "/", label: t("nav.home"), show: true },
    { href: "/me", label: t("nav.me"), show: can(user?.role, "me:view") },
    { href: "/review", label: t("nav.review"), show: can(user?.role, "review:view") },
    { href: "/admin", label: t("nav.admin"), show: can(user?.role, "admin:view") },
  ].filter((l) => l.show);
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("nav.skip")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-teal-800">
          {t("app.name")}
        </Link>
        <nav aria-label={t("app.name")} className="flex flex-wrap gap-3 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-slate-700 underline-offset-4 hover:underline">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LanguageSwitcher label={t("nav.language")} />
          {user ? (
            <>
              <span className="hidden text-slate-600 sm:inline">
                {user.name} · {t(`role.${user.role}`)}
              </span>
              <SignOutButton label={t("nav.signout")} />
            </>
          ) : (
            <Link href="/signin" className="font-medium text-teal-800 underline">
              {t("nav.signin")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
