"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "./messages";

/** Changes only the visitor's own language cookie, so it needs no sign-in. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: true,
  });
}
