import { AdminNav } from "@/components/admin-nav";
import { actorFromUser } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/current-user";
import { listKnownProducts } from "@/lib/channels/known-products-store";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { ProductForm } from "./product-form";

export default async function ProductsPage() {
  const user = await requirePageUser("admin:manage", "/admin/products");
  const [t, products] = await Promise.all([getTranslator(), listKnownProducts(actorFromUser(user))]);
  return (
    <div className="space-y-4">
      <AdminNav t={t} current="/admin/products" />
      <h1 className="text-xl font-semibold">{t("products.title")}</h1>
      <p className="text-sm text-slate-600">{t("products.help", { shipped: products.shipped.length, added: products.added.length })}</p>
      <ProductForm m={pickMessages(t, ["products."])} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" aria-label={t("products.list")}>
        {[...products.added.map((p) => ({ ...p, added: true })), ...products.shipped.map((p) => ({ ...p, added: false }))].map((p, i) => (
          <li key={`${p.id}:${i}`} className="px-3 py-2">
            <span className="font-medium">{p.names.join("、")}</span>
            <span className="text-slate-600"> · {[...p.english, ...p.abbreviations].join("、") || "—"}{p.platformIds.length ? ` · ${p.platformIds.join("、")}` : ""}</span>
            <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{p.added ? t("products.sourceAdded") : t("products.sourceShipped")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
