import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  ADDRESS_LIMIT,
  FailureCounter,
  WINDOW_MS,
  addressBlocked,
  clientAddress,
  recordFailedSignIn,
} from "./sign-in-throttle";

describe("sign-in failures per address", () => {
  it("blocks an address after the limit within the window, not another address, and forgets after the window", async () => {
    const now = Date.now();
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) await recordFailedSignIn("198.51.100.1", now + i);
    expect(await addressBlocked("198.51.100.1", now + ADDRESS_LIMIT)).toBe(false);
    await recordFailedSignIn("198.51.100.1", now + ADDRESS_LIMIT);
    expect(await addressBlocked("198.51.100.1", now + ADDRESS_LIMIT + 1)).toBe(true);
    expect(await addressBlocked("198.51.100.2", now + ADDRESS_LIMIT + 1)).toBe(false);
    expect(await addressBlocked("198.51.100.1", now + ADDRESS_LIMIT + WINDOW_MS + 1)).toBe(false);
  });

  it("lives in the database: another counter (another instance, or the same after a restart) sees the same failures", async () => {
    const now = Date.now();
    const here = new FailureCounter("invitation_code", 3);
    for (let i = 0; i < 3; i++) await here.record("203.0.113.7", now + i);
    const elsewhere = new FailureCounter("invitation_code", 3);
    expect(await elsewhere.blocked("203.0.113.7", now + 10)).toBe(true);
    // Sign-in failures are counted apart from wrong invitation codes.
    expect(await addressBlocked("203.0.113.7", now + 10)).toBe(false);
  });

  it("keeps about one window of failures: older rows go as new ones come", async () => {
    const now = Date.now();
    await recordFailedSignIn("192.0.2.50", now - 2 * WINDOW_MS);
    await recordFailedSignIn("192.0.2.51", now);
    const db = await getDb();
    expect(await db.addressFailure.count({ where: { address: "192.0.2.50" } })).toBe(0);
    expect(await db.addressFailure.count({ where: { address: "192.0.2.51" } })).toBe(1);
  });

  it("takes the address the nearest hop saw", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
