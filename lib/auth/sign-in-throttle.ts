/*
 * Failed sign-ins counted per client address, on top of the per-account lockout: someone trying
 * one password on many accounts (which no account's counter sees) is stopped after
 * ADDRESS_LIMIT failures in WINDOW_MS, for the rest of the window. Kept in memory: one server
 * process holds the sign-in route, and a restart forgetting the counts only gives an attacker what
 * the account lockout still bounds.
 */
export const WINDOW_MS = 15 * 60_000;
export const ADDRESS_LIMIT = Number(process.env.FINGERTIP_SIGNIN_ADDRESS_LIMIT) || 30;
const MAX_TRACKED = 100_000;

const failures = new Map<string, number[]>();

function recent(address: string, now: number): number[] {
  const times = (failures.get(address) ?? []).filter((t) => now - t < WINDOW_MS);
  if (times.length) failures.set(address, times);
  else failures.delete(address);
  return times;
}

export function addressBlocked(address: string, now = Date.now()): boolean {
  return recent(address, now).length >= ADDRESS_LIMIT;
}

export function recordFailedSignIn(address: string, now = Date.now()): void {
  if (failures.size >= MAX_TRACKED && !failures.has(address)) failures.delete(failures.keys().next().value!);
  failures.set(address, [...recent(address, now), now]);
}

/**
 * The address the nearest hop saw: the last entry of X-Forwarded-For (Next.js fills it with the
 * socket's address when absent; a reverse proxy appends the address it received from).
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return value.split(",").map((s) => s.trim()).filter(Boolean).at(-1) ?? "unknown";
}
