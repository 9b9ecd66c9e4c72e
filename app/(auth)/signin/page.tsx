import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listUnchangedDemoLogins } from "@/lib/auth/demo-accounts";
import { homeFor } from "@/lib/auth/permissions";
import { DEMO_PASSWORD } from "@/lib/demo/demo-county";
import { getTranslator } from "@/lib/i18n/server";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { ssoSettings } from "@/lib/auth/sso-settings";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";
import { AuthPanel } from "../auth-panel";

/** Why a single sign-on came back refused (lib/auth/sso-sign-in.ts), as next-auth passes it on. */
const SSO_REFUSALS = [
  "sso_no_login",
  "sso_unknown_unit",
  "sso_no_account",
  "sso_pending",
  "sso_disabled",
  "sso_taken",
  "sso_privileged",
] as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [t, user, params] = await Promise.all([getTranslator(), getCurrentUser(), searchParams]);
  // Only same-site paths are followed after sign-in (no open redirect).
  const next = safeRedirectPath(params.next);
  if (user) redirect(next ?? homeFor(user.role));
  const demo = await listUnchangedDemoLogins();
  const sso = ssoSettings();
  const error = typeof params.error === "string" ? params.error : null;
  const refusal = SSO_REFUSALS.find((r) => r === error);
  return (
    <AuthPanel id="signin-title" title={t("signin.title")}>
      {refusal ? (
        <p
          role="alert"
          data-testid="signin-sso-refusal"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {t(`signin.${refusal}`)}
        </p>
      ) : (
        error &&
        sso && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {t("signin.ssoFailed")}
          </p>
        )
      )}
      {sso && (
        <>
          <SsoButton label={t("signin.sso", { name: sso.name })} next={next} />
          <p className="text-center text-sm text-slate-500">{t("signin.orPassword")}</p>
        </>
      )}
      <SignInForm
        next={next}
        labels={{
          login: t("signin.login"),
          password: t("signin.password"),
          submit: t("signin.submit"),
          submitting: t("signin.submitting"),
          failed: t("signin.failed"),
          required: t("signin.required"),
        }}
      />
      {demo.length > 0 && (
        <aside className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {/* Logins and the password are typed as they are: data, not words to translate. */}
          <p>
            {t("signin.demo")} <code translate="no">{DEMO_PASSWORD}</code>
          </p>
          <p className="mt-1 font-mono" translate="no">
            {demo.join(" · ")}
          </p>
        </aside>
      )}
    </AuthPanel>
  );
}
