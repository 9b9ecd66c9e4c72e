import { describe, expect, it } from "vitest";
import { canonicalPublicUrl } from "./lean-path";

const regions = new Set(["339900", "339900001"]);
const canonical = (url: string) => canonicalPublicUrl(new URL(url, "http://x"), regions);

// Finding 13: the fast path kept one answer per URL as typed, so 5,000 URLs like /?x=N emptied it.
describe("the lean path's key for a public request", () => {
  it("leaves out what does not change the answer, so /?x=N is the page / itself", () => {
    expect(canonical("/?x=1")).toBe("/");
    expect(canonical("/?x=2&region=339900&y=3")).toBe("/?region=339900");
    expect(canonical("/?region=NOPE")).toBe("/");
    expect(canonical("/?region=339900&issuersPage=2")).toBeNull();
    expect(canonical("/?retiredPage=3")).toBeNull();
    expect(canonical("/api/v1/public/summary?format=csv&cache=bust")).toBe("/api/v1/public/summary?format=csv");
    expect(canonical("/api/v1/public/summary?format=xml")).toBe("/api/v1/public/summary");
    expect(canonical("/api/v1/public/channels?region=339900&status=retired&z=1")).toBe(
      "/api/v1/public/channels?status=retired&region=339900",
    );
  });

  it("has as many keys as the release has regions, whatever visitors type", () => {
    const keys = new Set(Array.from({ length: 5000 }, (_, i) => canonical(`/?x=${i}&region=${i % 3 ? "339900" : i}`)));
    expect(keys).toEqual(new Set(["/", "/?region=339900"]));
  });

  it("leaves to Next.js what it answers with 404 or 400, and anything that is not a public read", () => {
    expect(canonical("/api/v1/public/units/NOPE")).toBeNull();
    expect(canonical("/api/v1/public/units/%E0%A4%A")).toBeNull();
    expect(canonical("/api/v1/public/issuers?region=NOPE")).toBeNull();
    expect(canonical("/api/v1/public/channels?status=bogus")).toBeNull();
    expect(canonical("/me")).toBeNull();
    expect(canonical("/api/v1/public/units/339900001")).toBe("/api/v1/public/units/339900001");
  });
});
