import { describeInvitation } from "@/lib/invitations/invitations";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { AcceptForm } from "./accept-form";

export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, t] = await Promise.all([params, getTranslator()]);
  const invitation = code.length <= 100 ? await describeInvitation(code) : null;
  return (
    <section aria-labelledby="invite-title" className="mx-auto max-w-sm space-y-4">
      <h1 id="invite-title" className="text-xl font-semibold">
        {t("invite.acceptTitle")}
      </h1>
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
    </section>
  );
}
