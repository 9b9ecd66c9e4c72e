import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { loginSchema } from "@/lib/users/user.validation";
import { oneLine } from "@/lib/validation/clean-text";
import type { SsoSettings } from "./sso-settings";

/** Why a single sign-on was turned away; each has words on the sign-in page (signin.sso.*). */
export type SsoRefusal =
  | "sso_no_login"
  | "sso_unknown_unit"
  | "sso_no_account"
  | "sso_pending"
  | "sso_disabled"
  | "sso_taken"
  | "sso_privileged";
export type SsoOutcome = { ok: true; userId: number; sessionVersion: number } | { ok: false; reason: SsoRefusal };

const claimsSchema = z.object({ sub: z.string().min(1).max(255) }).passthrough();
const nameSchema = oneLine(100);

/**
 * Who a person signed in by the identity provider is here. The provider's signed token (checked
 * by next-auth against the issuer's keys) is the credential, so there is no actor yet.
 *
 * - An account already linked to this identity (issuer#subject) signs in, unless disabled.
 * - Else a staff account with the login the login claim names is linked to it, once: an account
 *   linked to another identity is never taken over, and a reviewer's or an administrator's is
 *   never linked by a claim (a provider's login names are not proof of holding those powers:
 *   they keep signing in with their password).
 * - Else a staff account is made in the unit the unit claim names (an unknown unit is refused),
 *   disabled until an administrator enables it unless the setting approves at once.
 * Roles never come from the provider: an existing account keeps its own; a new one is staff.
 */
export async function ssoSignIn(settings: SsoSettings, rawClaims: unknown): Promise<SsoOutcome> {
  const claims = claimsSchema.safeParse(rawClaims);
  if (!claims.success) return { ok: false, reason: "sso_no_login" };
  const subject = `${settings.issuer}#${claims.data.sub}`;
  const claimed = claims.data[settings.loginClaim];
  // " admin" is not "admin": a claim is taken as it is or not at all.
  const login = loginSchema.safeParse(typeof claimed === "string" && claimed === claimed.trim() ? claimed : null);
  const db = await getDb();
  const account = { id: true, role: true, disabled: true, sessionVersion: true, oidcSubject: true } as const;
  const signIn = (u: { id: number; disabled: boolean; sessionVersion: number }): SsoOutcome =>
    u.disabled ? { ok: false, reason: "sso_disabled" } : { ok: true, userId: u.id, sessionVersion: u.sessionVersion };

  const linked = await db.user.findUnique({ where: { oidcSubject: subject }, select: account });
  if (linked) return signIn(linked);
  if (!login.success) return { ok: false, reason: "sso_no_login" };
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { login: login.data }, select: account });
    if (existing) {
      if (existing.oidcSubject) return { ok: false, reason: "sso_taken" } as const;
      if (existing.role !== "STAFF") return { ok: false, reason: "sso_privileged" } as const;
      if (existing.disabled) return { ok: false, reason: "sso_disabled" } as const;
      // Two identities at once: only the first links; the other finds it taken.
      const linked = await tx.user.updateMany({
        where: { id: existing.id, oidcSubject: null },
        data: { oidcSubject: subject },
      });
      if (linked.count !== 1) return { ok: false, reason: "sso_taken" } as const;
      await writeAudit(tx, {
        actorId: existing.id,
        action: "user.sso_link",
        entity: "user",
        entityId: existing.id,
        after: { login: login.data, identity: subject },
      });
      return signIn(existing);
    }
    if (!settings.unitClaim) return { ok: false, reason: "sso_no_account" } as const;
    const code = claims.data[settings.unitClaim];
    const unit =
      typeof code === "string" && code.length <= 64
        ? await tx.unit.findFirst({ where: { code, retiredAt: null }, select: { id: true, code: true } })
        : null;
    if (!unit) return { ok: false, reason: "sso_unknown_unit" } as const;
    const name = nameSchema.safeParse(claims.data.name);
    const made = await tx.user.create({
      data: {
        login: login.data,
        name: name.success && name.data ? name.data : login.data,
        role: "STAFF",
        unitId: unit.id,
        oidcSubject: subject,
        disabled: !settings.approveAtOnce,
      },
      select: account,
    });
    await writeAudit(tx, {
      actorId: made.id,
      action: "user.sso_create",
      entity: "user",
      entityId: made.id,
      after: { login: login.data, unit: unit.code, role: "STAFF", approved: settings.approveAtOnce, identity: subject },
    });
    return made.disabled ? ({ ok: false, reason: "sso_pending" } as const) : signIn(made);
  });
}
