import { randomBytes } from "node:crypto";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { importCsv } from "@/lib/imports/run-import";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { childPath } from "@/lib/units/unit-path";
import type { SessionUser } from "@/lib/auth/session-user";

/** Unique rows per test, so tests run alone, together and in any order. */
export const uid = (prefix = "t") => `${prefix}${randomBytes(4).toString("hex")}`;

export async function createUnit(
  options: { parentId?: number; level?: "county" | "township" | "village" | "department"; name?: string } = {},
) {
  const db = await getDb();
  const parent = options.parentId ? await db.unit.findUniqueOrThrow({ where: { id: options.parentId } }) : null;
  const unit = await db.unit.create({
    data: {
      code: uid("U"),
      name: options.name ?? uid("单位"),
      level: options.level ?? "village",
      parentId: parent?.id ?? null,
      path: "",
    },
  });
  return db.unit.update({ where: { id: unit.id }, data: { path: childPath(parent?.path ?? null, unit.id) } });
}

export async function createUser(
  options: { role?: Role; unitId?: number; jurisdictionId?: number; password?: string; disabled?: boolean } = {},
) {
  const db = await getDb();
  return db.user.create({
    data: {
      login: uid("user"),
      name: uid("姓名"),
      role: options.role ?? "STAFF",
      unitId: options.unitId ?? null,
      jurisdictionId: options.jurisdictionId ?? null,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      disabled: options.disabled ?? false,
    },
  });
}

/** Imports a small ledger's four files in the order they depend on each other; each must be accepted whole. */
export async function importLedger(
  files: { units: string; channels: string; mandates: string; reports: string },
  today?: Date,
) {
  for (const kind of ["units", "channels", "mandates", "reports"] as const) {
    const result = await importCsv(CLI_ACTOR, { kind, text: files[kind], dryRun: false, ...(today ? { today } : {}) });
    if (result.issues.length) throw new Error(`${kind}: ${JSON.stringify(result.issues)}`);
  }
}

/** The session of an account createUser made, as the sign-in would load it. */
export function sessionOf(
  user: { id: number; login: string; name: string; role: Role; unitId: number | null },
  jurisdictionPath: string | null = null,
): SessionUser {
  return { id: user.id, login: user.login, name: user.name, role: user.role, unitId: user.unitId, jurisdictionPath };
}
