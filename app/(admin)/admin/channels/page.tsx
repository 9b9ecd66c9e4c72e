import { AdminNav } from "@/components/admin-nav";
import { actorFromUser } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCatalogue } from "@/lib/channels/manage-channels";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { ChannelForm } from "./channel-form";

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string; proposed?: string }> }) {
  const user = await requirePageUser("admin:manage", "/admin/channels");
  const [t, params] = await Promise.all([getTranslator(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  const entries = await listCatalogue(actorFromUser(user), { q, status: params.status, proposed: params.proposed === "1" });
  const m = pickMessages(t, ["catalogue.", "kind.", "purpose."]);
  return (
    <div className="space-y-4">
      <AdminNav t={t} current="/admin/channels" />
      <h1 className="text-xl font-semibold">{t("catalogue.title")}</h1>
      <form role="search" className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="cq" className="sr-only">{t("catalogue.search")}</label>
        <input id="cq" name="q" defaultValue={q} maxLength={64} placeholder={t("catalogue.search")} className="rounded border border-slate-300 px-2 py-1.5" />
        <label className="flex items-center gap-1"><input type="checkbox" name="proposed" value="1" defaultChecked={params.proposed === "1"} /> {t("catalogue.proposed")}</label>
        <button className="rounded border border-slate-300 px-3 py-1.5">{t("catalogue.search")}</button>
      </form>
      <ul className="space-y-3">
        {entries.map((c) => (
          <li key={c.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-baseline gap-2">
              <span className="font-medium">{c.name}</span>
              <span className="text-xs text-slate-500">{t(`catalogue.status.${c.status}`)}</span>
              {c.proposed && <span className="rounded bg-amber-100 px-1 text-xs">{t("catalogue.proposedBadge")}</span>}
              <span className="text-xs text-slate-500">{t("catalogue.usage", { mandates: c.mandates, reports: c.reports })}</span>
              {c.aliases.length > 0 && <span className="text-xs text-slate-600">{t("catalogue.aliases", { aliases: c.aliases.join("、") })}</span>}
            </div>
            <ChannelForm channel={c} m={m} />
          </li>
        ))}
      </ul>
    </div>
  );
}
