import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { KNOWN_PRODUCTS, ProductIndex, type KnownProduct } from "./known-products";

type Reader = {
  setting: { findUnique: (args: { where: { key: string } }) => Promise<{ value: Prisma.JsonValue } | null> };
};

const KEY = "knownProducts";

/** Entries added by administrators and learned from reviewers' merges, beside the shipped ones. */
export async function readAddedProducts(db: Reader): Promise<KnownProduct[]> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  return Array.isArray(row?.value) ? (row.value as unknown as KnownProduct[]) : [];
}

/** The dictionary in force: shipped entries and the ones added since. */
export async function loadProductIndex(db: Reader): Promise<ProductIndex> {
  const added = await readAddedProducts(db);
  return added.length ? new ProductIndex([...KNOWN_PRODUCTS, ...added]) : new ProductIndex();
}

async function saveAdded(tx: Prisma.TransactionClient, added: KnownProduct[]) {
  await tx.setting.upsert({
    where: { key: KEY },
    create: { key: KEY, value: added as unknown as Prisma.InputJsonValue },
    update: { value: added as unknown as Prisma.InputJsonValue },
  });
}

/** An administrator adds a product, or more names of one already known (matched by any of its names). */
export async function addKnownProduct(
  actor: Actor,
  input: { name: string; otherNames: string[]; platformId: string | null },
): Promise<{ id: string }> {
  authorize(actor, "admin:manage");
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const added = await readAddedProducts(tx);
    const index = new ProductIndex([...KNOWN_PRODUCTS, ...added]);
    const id =
      [input.name, ...input.otherNames].map((n) => index.ofName(n)).find((x) => x) ??
      `added:${Date.now().toString(36)}`;
    const entry: KnownProduct = {
      id,
      names: [input.name],
      english: input.otherNames.filter((n) => /^[\x20-\x7e]+$/.test(n)),
      abbreviations: input.otherNames.filter((n) => !/^[\x20-\x7e]+$/.test(n)),
      platformIds: input.platformId ? [input.platformId] : [],
    };
    await saveAdded(tx, [...added, entry]);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "known_product.add",
      entity: "setting",
      entityId: KEY,
      after: entry,
    });
    return { id };
  });
  await refreshFlagsAfterChange("known_product.add");
  return result;
}

/**
 * A reviewer's merge teaches the dictionary: the merged name becomes a name of the product kept,
 * so the same name elsewhere in the catalogue is matched to it next time.
 */
export async function learnFromMerge(
  tx: Prisma.TransactionClient,
  winnerName: string,
  loserNames: string[],
): Promise<void> {
  const added = await readAddedProducts(tx);
  const index = new ProductIndex([...KNOWN_PRODUCTS, ...added]);
  const id = index.ofName(winnerName) ?? `merge:${winnerName}`;
  const fresh = loserNames.filter((n) => index.ofName(n) !== id);
  if (fresh.length === 0) return;
  await saveAdded(tx, [
    ...added,
    { id, names: [winnerName, ...fresh], english: [], abbreviations: [], platformIds: [] },
  ]);
}

/** The dictionary for the administrators' page: shipped entries and the ones added since. */
export async function listKnownProducts(
  actor: Actor,
): Promise<{ shipped: readonly KnownProduct[]; added: KnownProduct[] }> {
  authorize(actor, "admin:manage");
  return { shipped: KNOWN_PRODUCTS, added: await readAddedProducts(await getDb()) };
}
