import { afterEach, describe, expect, it } from "vitest";
import { fromThisSite } from "./origin";

const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = saved;
});

// Finding 12 of issue 15: the check trusted X-Forwarded-Host, which anyone can send.
describe("a request from this site", () => {
  it("comes from the configured public origin, whatever the Host header says", () => {
    process.env.NEXTAUTH_URL = "https://fingertip.example.gov.cn";
    expect(fromThisSite("https://fingertip.example.gov.cn", "10.0.0.5:3000")).toBe(true);
    expect(fromThisSite("https://fingertip.example.gov.cn/admin/settings", "10.0.0.5:3000")).toBe(true);
    expect(fromThisSite("https://evil.example", "evil.example")).toBe(false);
    expect(fromThisSite("https://fingertip.example.gov.cn.evil.example", "fingertip.example.gov.cn.evil.example")).toBe(
      false,
    );
    expect(fromThisSite("http://fingertip.example.gov.cn", "fingertip.example.gov.cn")).toBe(false);
    expect(fromThisSite(null, "fingertip.example.gov.cn")).toBe(false);
    expect(fromThisSite("null", "fingertip.example.gov.cn")).toBe(false);
  });

  it("on one's own machine, is the loopback address the browser addressed", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(fromThisSite("http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(true);
    expect(fromThisSite("http://127.0.0.1:3000.evil.example", "127.0.0.1:3000")).toBe(false);
    expect(fromThisSite("http://evil.example", "127.0.0.1:3000")).toBe(false);
    expect(fromThisSite("http://10.0.0.9:3000", "10.0.0.9:3000")).toBe(false);
  });
});
