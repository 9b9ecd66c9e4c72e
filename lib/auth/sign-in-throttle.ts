import "server-only";
import { getDb } from "@/lib/db/client";

/*
 * Failed attempts counted per client address, on top of the per-account lockout: someone trying
 * one password on many accounts (which no account's counter sees) is stopped after
 * ADDRESS_LIMIT failures in WINDOW_MS, for the rest of the window. Counted in the database
 * (table address_failures), so that every app instance behind a load balancer sees the same
 * attempts and a restart forgets none.
 */
export const WINDOW_MS = 15 * 60_000;
export const ADDRESS_LIMIT = Number(process.env.FINGERTIP_SIGNIN_ADDRESS_LIMIT) || 30;
/** An address is a short string; anything longer is someone's header, cut to size. */
const ADDRESS_MAX = 100;

type FailureKind = "sign_in" | "invitation_code";

/** Failures of one kind per client address within the window; an address with `limit` of them is refused until they age out. */
export class FailureCounter {
  constructor(
    private readonly kind: FailureKind,
    private readonly limit: number,
  ) {}

  async blocked(address: string, now = Date.now()): Promise<boolean> {
    const db = await getDb();
    const recent = await db.addressFailure.count({
      where: { kind: this.kind, address: address.slice(0, ADDRESS_MAX), failedAt: { gt: new Date(now - WINDOW_MS) } },
    });
    return recent >= this.limit;
  }

  async record(address: string, now = Date.now()): Promise<void> {
    const db = await getDb();
    await db.addressFailure.create({
      data: { kind: this.kind, address: address.slice(0, ADDRESS_MAX), failedAt: new Date(now) },
    });
    // What no longer counts is dropped as failures come, so the table holds about one window of them.
    await db.addressFailure.deleteMany({ where: { failedAt: { lte: new Date(now - WINDOW_MS) } } });
  }
}

const signIns = new FailureCounter("sign_in", ADDRESS_LIMIT);
/** Wrong invitation codes: a code is 24 random characters, so a few honest typos are all anyone needs. */
export const invitationCodeFailures = new FailureCounter("invitation_code", 10);

export function addressBlocked(address: string, now = Date.now()): Promise<boolean> {
  return signIns.blocked(address, now);
}

export function recordFailedSignIn(address: string, now = Date.now()): Promise<void> {
  return signIns.record(address, now);
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
