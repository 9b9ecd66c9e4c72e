import { describeInvitation } from "@/lib/invitations/invitations";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { AcceptForm } from "./accept-form";
import { AuthPanel } from "../../auth-panel";

export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, t] = await Promise.all([params, getTranslator()]);
  const invitation = code.length <= 100 ? await describeInvitation(code) : null;
  return (
    <AuthPanel id="invite-title" title={t("invite.acceptTitle")}>
      {invitation ? (
        <>
          <p>{t("invite.for", { unit: invitation.unitName, role: t(`role.${invitation.role}`) })}</p>
          <AcceptForm
            code={code}
            login={invitation.login}
            messages={pickMessages(t, ["invite.", "signin.login", "users.name", "nav.signin"])}
          />
        </>
      ) : (
        <p role="alert" className="rounded bg-amber-50 p-3">
          {t("invite.invalid")}
        </p>
      )}
    </AuthPanel>
  );
}
