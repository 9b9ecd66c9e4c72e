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

/** Failures per client address within the window; an address with `limit` of them is refused until they age out. */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: number) {}

  private recent(address: string, now: number): number[] {
    const times = (this.failures.get(address) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length) this.failures.set(address, times);
    else this.failures.delete(address);
    return times;
  }

  blocked(address: string, now = Date.now()): boolean {
    return this.recent(address, now).length >= this.limit;
  }

  record(address: string, now = Date.now()): void {
    if (this.failures.size >= MAX_TRACKED && !this.failures.has(address))
      this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(address, [...this.recent(address, now), now]);
  }
}

const signIns = new FailureCounter(ADDRESS_LIMIT);
/** Wrong invitation codes: a code is 24 random characters, so a few honest typos are all anyone needs. */
export const invitationCodeFailures = new FailureCounter(10);

export function addressBlocked(address: string, now = Date.now()): boolean {
  return signIns.blocked(address, now);
}

export function recordFailedSignIn(address: string, now = Date.now()): void {
  signIns.record(address, now);
}

/**
 * The address the nearest hop saw: the last entry of X-Forwarded-For (Next.js fills it with the
 * socket's address when absent; a reverse proxy appends the address it received from).
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return (
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1) ?? "unknown"
  );
}
