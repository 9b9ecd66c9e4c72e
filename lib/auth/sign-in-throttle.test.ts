import { describe, expect, it } from "vitest";
import { ADDRESS_LIMIT, WINDOW_MS, addressBlocked, clientAddress, recordFailedSignIn } from "./sign-in-throttle";

describe("sign-in failures per address", () => {
  it("blocks an address after the limit within the window, not another address, and forgets after the window", () => {
    const now = 1_000_000_000;
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) recordFailedSignIn("198.51.100.1", now + i);
    expect(addressBlocked("198.51.100.1", now + ADDRESS_LIMIT)).toBe(false);
    recordFailedSignIn("198.51.100.1", now + ADDRESS_LIMIT);
    expect(addressBlocked("198.51.100.1", now + ADDRESS_LIMIT + 1)).toBe(true);
    expect(addressBlocked("198.51.100.2", now + ADDRESS_LIMIT + 1)).toBe(false);
    expect(addressBlocked("198.51.100.1", now + ADDRESS_LIMIT + WINDOW_MS + 1)).toBe(false);
  });

  it("takes the address the nearest hop saw", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
