import data from "./known-products.json";
import { nameCore } from "@/lib/flags/duplicates/name-core";

/** A well-known product and every name it goes by. */
export type KnownProduct = {
  id: string;
  names: string[];
  english: string[];
  abbreviations: string[];
  platformIds: string[];
};

/** The shipped dictionary (lib/channels/known-products.json). */
export const KNOWN_PRODUCTS: readonly KnownProduct[] = data.products;

/**
 * Names → the product they mean, compared by their folded core (width, script, case, spaces,
 * suffixes such as APP), so "National Government Service Platform" and "国家政务服务平台APP" both
 * lead to one product. Platform ids are compared as given, case aside.
 */
export class ProductIndex {
  private readonly byCore = new Map<string, string>();
  private readonly byPlatform = new Map<string, string>();
  private readonly products = new Map<string, KnownProduct>();

  constructor(products: readonly KnownProduct[] = KNOWN_PRODUCTS) {
    for (const p of products) {
      this.products.set(p.id, p);
      for (const name of [...p.names, ...p.english, ...p.abbreviations]) {
        const core = nameCore(name);
        if (core && !this.byCore.has(core)) this.byCore.set(core, p.id);
      }
      for (const id of p.platformIds) this.byPlatform.set(id.trim().toLowerCase(), p.id);
    }
  }

  /** The product a name means, or null. */
  ofName(name: string): string | null {
    return this.byCore.get(nameCore(name)) ?? null;
  }

  /** The product a channel is (by any of its names or its platform id), or null. */
  of(channel: { names: readonly string[]; platformId: string | null }): string | null {
    if (channel.platformId) {
      const byId = this.byPlatform.get(channel.platformId.trim().toLowerCase());
      if (byId) return byId;
    }
    for (const n of channel.names) {
      const id = this.ofName(n);
      if (id) return id;
    }
    return null;
  }

  /** The Chinese names of the product a query names (for catalogue search), or none. */
  chineseNamesFor(query: string): string[] {
    const id = this.ofName(query);
    return id ? (this.products.get(id)?.names ?? []) : [];
  }
}

let shared: ProductIndex | null = null;
/** The index of the shipped dictionary, made once. */
export function knownProducts(): ProductIndex {
  return (shared ??= new ProductIndex());
}
