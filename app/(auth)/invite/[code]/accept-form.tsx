"use client";
import { getSession, signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldErrorsOf, FormOutcome, SubmitButton, TextField } from "@/components/ui/form-fields";
import { useFormAction } from "@/components/ui/use-form-action";
import { homeFor } from "@/lib/auth/permissions";
import { translatorOf, type Messages } from "@/lib/i18n/client-translator";
import { acceptInvitationAction } from "./actions";

/**
 * The invited person picks a password and is signed in with it at once: a staff member who opened
 * the link in WeChat lands on their own page, without a second form.
 */
export function AcceptForm({ code, login, messages }: { code: string; login: string | null; messages: Messages }) {
  const t = translatorOf(messages);
  const [state, dispatch, pending] = useFormAction(acceptInvitationAction, null);
  const credentials = useRef<{ login: string; password: string } | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  const errors = fieldErrorsOf(state);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    credentials.current = { login: String(form.get("login") ?? ""), password: String(form.get("password") ?? "") };
    dispatch(event);
  }

  useEffect(() => {
    // A refused form keeps nothing of the password.
    if (state?.ok === false) credentials.current = null;
    if (!state?.ok || !credentials.current) return;
    const { login, password } = credentials.current;
    credentials.current = null;
    void (async () => {
      const result = await signIn("credentials", { login, password, redirect: false });
      // next-auth v4 answers ok even for refused credentials: the session must be this person's.
      const user = result && !result.error ? ((await getSession())?.user as { login?: string; role?: string }) : null;
      if (user?.role && user.login === login) window.location.assign(homeFor(user.role));
      else setSignInFailed(true);
    })();
  }, [state]);

  if (state?.ok) {
    return (
      <p role="status" className="rounded bg-teal-50 p-3">
        {signInFailed ? (
          <>
            {t("invite.done")}{" "}
            <a href="/signin" className="font-medium text-teal-800 underline">
              {t("nav.signin")}
            </a>
          </>
        ) : (
          t("invite.signingIn")
        )}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="code" value={code} />
      <FormOutcome state={state} done="" fields={["login", "name", "password", "confirm"]} testId="form-message" />
      <TextField
        name="login"
        label={t("signin.login")}
        defaultValue={login ?? ""}
        readOnly={!!login}
        autoComplete="username"
        maxLength={64}
        errors={errors.login}
      />
      <TextField name="name" label={t("users.name")} autoComplete="name" maxLength={50} errors={errors.name} />
      {(["password", "confirm"] as const).map((name) => (
        <TextField
          key={name}
          name={name}
          type="password"
          label={t(`invite.${name}`)}
          autoComplete="new-password"
          maxLength={256}
          errors={errors[name]}
        />
      ))}
      <SubmitButton pending={pending} className="w-full font-medium">
        {t("invite.accept")}
      </SubmitButton>
    </form>
  );
}
