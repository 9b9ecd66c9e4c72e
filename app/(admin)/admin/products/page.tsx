import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { listKnownProducts } from "@/lib/channels/known-products-store";
import type { KnownProduct } from "@/lib/channels/known-products";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { ProductForm } from "./product-form";

type Shown = KnownProduct & { added: boolean };

/** One line per product: names added later (by an administrator or a merge) join the product they name. */
function byProduct(shipped: readonly KnownProduct[], added: KnownProduct[]): Shown[] {
  const lines = new Map<string, Shown>(shipped.map((p) => [p.id, { ...p, added: false }]));
  for (const a of added) {
    const line = lines.get(a.id);
    const uniq = (xs: string[]) => [...new Set(xs)];
    if (!line) lines.set(a.id, { ...a, added: true });
    else
      lines.set(a.id, {
        ...line,
        names: uniq([...line.names, ...a.names]),
        english: uniq([...line.english, ...a.english]),
        abbreviations: uniq([...line.abbreviations, ...a.abbreviations]),
        platformIds: uniq([...line.platformIds, ...a.platformIds]),
        added: true,
      });
  }
  return [...lines.values()].sort((x, y) => Number(y.added) - Number(x.added));
}

export default async function ProductsPage() {
  const actor = await requirePageActor("admin:manage", "/admin/products");
  const [t, products] = await Promise.all([getTranslator(), listKnownProducts(actor)]);
  return (
    <div className="space-y-4">
      <SectionNav area="admin" t={t} current="/admin/products" />
      <h1 className="text-xl font-semibold">{t("products.title")}</h1>
      <p className="text-sm text-slate-600">
        {t("products.help", { shipped: products.shipped.length, added: products.added.length })}
      </p>
      <ProductForm messages={pickMessages(t, ["products."])} />
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm"
        aria-label={t("products.list")}
      >
        {byProduct(products.shipped, products.added).map((p) => (
          <li key={p.id} className="px-3 py-2">
            {/* Names and platform ids are the products' own, in whatever script they are written. */}
            <span className="font-medium" translate="no">
              {p.names.join("、")}
            </span>
            <span className="text-slate-600" translate="no">
              {" "}
              · {[...p.english, ...p.abbreviations].join("、") || "—"}
              {p.platformIds.length ? ` · ${p.platformIds.join("、")}` : ""}
            </span>
            <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">
              {p.added ? t("products.sourceAdded") : t("products.sourceShipped")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
