import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { getThresholds, saveThresholds } from "./thresholds";
import { DEFAULT_THRESHOLDS, saveThresholdsSchema } from "./thresholds.validation";

describe("thresholds", () => {
  it("default to the brief's values, save with an audit entry, and refuse a stale form", async () => {
    const first = await getThresholds();
    expect(first.values).toEqual(DEFAULT_THRESHOLDS);
    expect(first.values).toMatchObject({
      zombieDays: 90,
      zombieMinReporters: 3,
      overloadChannels: 10,
      overloadAccounts: 20,
      overloadHoursPerWeek: 5,
      publicMinReporters: 5,
    });
    await saveThresholds(CLI_ACTOR, { ...first.values, zombieDays: 60 }, first.updatedAt ?? "");
    const second = await getThresholds();
    expect(second.values.zombieDays).toBe(60);
    await expect(saveThresholds(CLI_ACTOR, { ...first.values, zombieDays: 30 }, first.updatedAt ?? "")).rejects.toThrow(
      "conflict",
    );
    expect((await getThresholds()).values.zombieDays).toBe(60);
    expect(await (await getDb()).auditLog.count({ where: { action: "settings.thresholds" } })).toBe(1);
  });

  it("refuse values out of range, with the field named", () => {
    const result = saveThresholdsSchema.safeParse({
      ...DEFAULT_THRESHOLDS,
      zombieDays: "0",
      overloadChannels: "abc",
      publicMinReporters: "1",
      loadedAt: "",
    });
    expect(result.error!.flatten().fieldErrors).toEqual({
      zombieDays: ["out_of_range"],
      overloadChannels: ["invalid_number"],
      publicMinReporters: ["out_of_range"],
    });
  });

  it("may be changed by administrators only", async () => {
    const reviewer: Actor = { userId: 1, role: "REVIEWER", via: "web" };
    await expect(saveThresholds(reviewer, DEFAULT_THRESHOLDS, "")).rejects.toThrow("forbidden");
  });
});
