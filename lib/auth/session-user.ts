import "server-only";
import { getDb } from "@/lib/db/client";
import type { RoleName } from "./permissions";

export type SessionUser = {
  id: number;
  login: string;
  name: string;
  role: RoleName;
  unitId: number | null;
  /** The reviewer's jurisdiction root path ("/1/7/"), null for others. */
  jurisdictionPath: string | null;
};

/** Who an account is and whether it may act: what the session and the users page both read. */
export const ACCOUNT_FIELDS = { id: true, login: true, name: true, role: true, disabled: true } as const;

/**
 * A token is only as good as the account behind it: disabled users, changed roles and signed-out
 * sessions (session version bumped) take effect at once because every request re-reads the user.
 */
export async function loadSessionUser(token: { uid?: unknown; sv?: unknown } | null): Promise<SessionUser | null> {
  const uid = Number(token?.uid);
  if (!token || !Number.isInteger(uid) || uid <= 0) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: uid },
    select: {
      ...ACCOUNT_FIELDS,
      sessionVersion: true,
      unitId: true,
      jurisdiction: { select: { path: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== token.sv) return null;
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    jurisdictionPath: user.jurisdiction?.path ?? null,
  };
}
