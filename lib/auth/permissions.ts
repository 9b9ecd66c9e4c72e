/**
 * Who may do what, as data. An unknown role or permission gets nothing (fail closed).
 * Resource scope (own unit, jurisdiction subtree) is enforced in the queries, not here.
 */
export const ROLES = ["STAFF", "REVIEWER", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const PERMISSIONS = [
  { action: "me:view", description: "see one's own channels and burden", roles: ["STAFF"] },
  { action: "report:write", description: "report and edit one's own channels", roles: ["STAFF"] },
  { action: "review:view", description: "see flags within one's jurisdiction", roles: ["REVIEWER", "ADMIN"] },
  { action: "review:decide", description: "decide flags within one's jurisdiction", roles: ["REVIEWER", "ADMIN"] },
  {
    action: "mandate:manage",
    description: "create, edit, revoke and judge mandates within one's jurisdiction",
    roles: ["REVIEWER", "ADMIN"],
  },
  { action: "admin:view", description: "open the administration pages", roles: ["ADMIN"] },
  { action: "admin:manage", description: "manage units, users, catalogue and settings", roles: ["ADMIN"] },
] as const satisfies readonly { action: string; description: string; roles: readonly RoleName[] }[];

export type Permission = (typeof PERMISSIONS)[number]["action"];

export function can(role: string | null | undefined, action: Permission): boolean {
  const entry = PERMISSIONS.find((p) => p.action === action);
  if (!entry || !role) return false;
  return (entry.roles as readonly string[]).includes(role);
}

/** Where each role lands after signing in. */
export function homeFor(role: string): string {
  if (role === "ADMIN") return "/admin";
  if (role === "REVIEWER") return "/review";
  if (role === "STAFF") return "/me";
  return "/";
}
