import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { Prisma } from "./generated/client";
import { rawTransaction } from "./raw-transaction";

const insert = (key: string) =>
  Prisma.sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, ${JSON.stringify({ big: "x".repeat(100_000) })}::jsonb, now())`;

describe("a transaction of the driver itself", () => {
  it("commits what its function wrote and reads rows back as objects", async () => {
    const rows = await rawTransaction(async (tx) => {
      expect(await tx.$executeRaw(insert("raw-commit"))).toBe(1);
      return tx.$queryRaw<{ key: string; n: number }[]>(
        Prisma.sql`SELECT key, length(value->>'big') AS n FROM settings WHERE key = ${"raw-commit"}`,
      );
    });
    expect(rows).toEqual([{ key: "raw-commit", n: 100_000 }]);
    expect(await (await getDb()).setting.count({ where: { key: "raw-commit" } })).toBe(1);
  });

  it("leaves nothing behind when its function fails, and the database stays usable", async () => {
    await expect(
      rawTransaction(async (tx) => {
        await tx.$executeRaw(insert("raw-rollback"));
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    // A statement the database refuses (the key exists) ends its transaction too.
    await rawTransaction((tx) => tx.$executeRaw(insert("raw-twice")));
    await expect(rawTransaction((tx) => tx.$executeRaw(insert("raw-twice")))).rejects.toThrow();
    const db = await getDb();
    expect(await db.setting.count({ where: { key: "raw-rollback" } })).toBe(0);
    expect(await db.setting.count({ where: { key: "raw-twice" } })).toBe(1);
  });
});
