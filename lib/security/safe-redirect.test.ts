import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

// Finding 8: /signin?next=/%09/evil.example sent a signed-in person to //evil.example.
describe("the path followed after signing in", () => {
  it("stays on this site however the browser would read it", () => {
    for (const hostile of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/x",
      "//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "https://evil.example/",
      " /x",
      "/\t\t/evil.example/a?b",
      "javascript:alert(1)",
      "/" + "a".repeat(3000),
    ]) {
      expect(safeRedirectPath(hostile), JSON.stringify(hostile)).toBeNull();
    }
  });

  it("keeps an ordinary path, its query and its fragment", () => {
    expect(safeRedirectPath("/review?unit=339900001#q")).toBe("/review?unit=339900001#q");
    expect(safeRedirectPath("/me/reports/12")).toBe("/me/reports/12");
    expect(safeRedirectPath("/a/../admin")).toBe("/admin");
    expect(safeRedirectPath(["/me"])).toBeNull();
  });
});
