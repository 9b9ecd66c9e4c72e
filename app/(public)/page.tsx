import { TitledSection } from "@/components/ui/titled-section";
import Link from "next/link";
import { BarChart } from "@/components/public/bar-chart";
import { IssuerRanking } from "@/components/public/issuer-ranking";
import { ReleaseNote } from "@/components/public/release-note";
import { TrendChart } from "@/components/public/trend-chart";
import { Stat } from "@/components/ui/stat";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { regionChannels } from "@/lib/public/public-channels";
import { getPublicSnapshot, placeDetail } from "@/lib/public/public-snapshot";
import { PUBLIC_PAGE_ROWS, publicPageOf } from "@/lib/public/public-pages";
import { Pager } from "@/components/ui/pager";

type Params = { region?: string | string[]; issuersPage?: string | string[]; retiredPage?: string | string[] };

export default async function PublicPage({ searchParams }: { searchParams: Promise<Params> }) {
  const [t, locale, current, params] = await Promise.all([
    getTranslator(),
    getLocale(),
    getPublicSnapshot(),
    searchParams,
  ]);
  const { snapshot } = current;
  const code = typeof params.region === "string" ? params.region.slice(0, 64) : null;
  const region = code && Object.hasOwn(snapshot.regions, code) ? snapshot.regions[code]! : null;
  const key = region?.code ?? "";
  const figures = region ?? snapshot.summary;
  const regionName = region?.name ?? t("public.wholeRegistry");
  const children = (region ? region.children : snapshot.summary.regions).map((c) => snapshot.regions[c]!);
  const detail = await placeDetail(current, key);
  const trend = detail.trend;
  const channels = regionChannels(snapshot.channels, detail.channels);
  const active = channels.filter((c) => c.status === "active");
  const retired = (region ? channels : snapshot.channels).filter((c) => c.status !== "active");
  // A nation's lists run to thousands of departments and channels: a page of them at a time.
  const issuersPage = publicPageOf(params.issuersPage, detail.issuers.length);
  const retiredPage = publicPageOf(params.retiredPage, retired.length);
  const pageLink = (name: "issuersPage" | "retiredPage", section: string) => (page: number) =>
    `/?${new URLSearchParams({ ...(region ? { region: region.code } : {}), ...(page > 1 ? { [name]: String(page) } : {}) })}#${section}`;
  const pager = (page: { page: number; pages: number }, at: (page: number) => string, label: string) => (
    <Pager label={label} page={page.page} pages={page.pages} first={1} at={at} t={t} showPosition />
  );
  const withheld = t("public.suppressed");
  const trail: { code: string; name: string }[] = [];
  for (let r: typeof region | undefined = region; r; r = r.parent ? snapshot.regions[r.parent] : undefined)
    trail.unshift({ code: r.code, name: r.name });
  const scoped = (path: string) =>
    region ? `${path}${path.includes("?") ? "&" : "?"}region=${encodeURIComponent(region.code)}` : path;
  const download = (path: string) => (
    <span className="whitespace-nowrap">
      <a href={`${path}${path.includes("?") ? "&" : "?"}format=csv`} className="text-teal-800 underline">
        CSV
      </a>{" "}
      ·{" "}
      <a href={path} className="text-teal-800 underline">
        JSON
      </a>
    </span>
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="public-title" className="space-y-4">
        <div>
          <h1 id="public-title" className="text-2xl font-semibold">
            {t("public.title")}
          </h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("app.tagline")}</p>
        </div>
        <nav aria-label={t("public.regionTrail")} className="flex flex-wrap gap-1 text-sm">
          <Link
            href="/"
            className={region ? "text-teal-800 underline" : "font-medium"}
            aria-current={region ? undefined : "page"}
          >
            {t("public.whole")}
          </Link>
          {trail.map((r, i) => (
            <span key={r.code}>
              {" "}
              ›{" "}
              {i === trail.length - 1 ? (
                <span className="font-medium" aria-current="page">
                  {r.name}
                </span>
              ) : (
                <Link href={`/?region=${encodeURIComponent(r.code)}`} className="text-teal-800 underline">
                  {r.name}
                </Link>
              )}
            </span>
          ))}
        </nav>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label={t("public.channels")} value={figures.channels} />
          <Stat label={t("public.units")} value={figures.unitsCovered} />
          <Stat label={t("public.reporters")} value={figures.reporters} suppressedLabel={withheld} />
          <Stat label={t("public.hours")} value={figures.hoursPerWeek} suppressedLabel={withheld} />
          <Stat label={t("public.duplicates")} value={figures.duplicatesFound} />
          <Stat label={t("public.zombies")} value={figures.zombiesFound} suppressedLabel={withheld} />
          <Stat label={t("public.cleanedUp")} value={figures.cleanedUp} suppressedLabel={withheld} />
          <Stat label={t("public.mandates")} value={figures.mandates} />
        </dl>
        <p className="text-sm text-slate-600">{t("public.suppressionNote", { n: snapshot.threshold })}</p>
        <ReleaseNote releasedAt={current.releasedAt} nextReleaseAt={current.nextReleaseAt} t={t} />
      </section>

      {children.length > 0 && (
        <TitledSection
          id="regions-title"
          title={region ? t("public.regionsBelow", { region: region.name }) : t("public.regions")}
          className="space-y-3"
          large
        >
          <BarChart
            id="regions-chart"
            title={t("public.regionsChart")}
            bars={children.map((c) => ({ label: c.name, value: c.hoursPerWeek }))}
            unit={t("public.hoursUnit")}
            withheld={withheld}
            tableLabel={t("public.asTable")}
          />
          <ul className="grid gap-2 sm:grid-cols-2">
            {children.map((c) => (
              <li key={c.code} className="rounded border border-slate-200 bg-white p-2 text-sm">
                <Link href={`/?region=${encodeURIComponent(c.code)}`} className="font-medium text-teal-800 underline">
                  {c.name}
                </Link>
                <span className="ml-2 text-slate-600">
                  {t("public.regionLine", {
                    channels: c.channels,
                    units: c.unitsCovered,
                    reporters: c.reporters ?? withheld,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </TitledSection>
      )}

      <TitledSection id="issuers-title" title={t("public.issuers")} className="space-y-3" large>
        <IssuerRanking
          issuers={detail.issuers}
          shown={detail.issuers.slice((issuersPage.page - 1) * PUBLIC_PAGE_ROWS, issuersPage.page * PUBLIC_PAGE_ROWS)}
          open={issuersPage.page > 1}
          pager={pager(issuersPage, pageLink("issuersPage", "issuers-title"), t("public.issuersPages"))}
          regionName={regionName}
          t={t}
        />
      </TitledSection>

      <TitledSection id="trend-title-h" title={t("public.trend")} className="space-y-3" large>
        {trend ? (
          <TrendChart
            title={t("public.trendChart")}
            points={trend}
            locale={locale}
            labels={{
              found: t("public.trendFound"),
              cleanedUp: t("public.trendCleaned"),
              month: t("public.month"),
              table: t("public.asTable"),
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("public.trendWithheld")}</p>
        )}
      </TitledSection>

      {active.length > 0 && (
        <TitledSection id="channels-title" title={t("public.topChannels")} className="space-y-3" large>
          <BarChart
            id="channels-chart"
            title={t("public.topChannelsChart")}
            bars={active.slice(0, 10).map((c) => ({ label: c.name, value: c.unitsRequired }))}
            unit={t("public.unitsUnit")}
            withheld={withheld}
            tableLabel={t("public.asTable")}
          />
        </TitledSection>
      )}

      <TitledSection id="retired-title" title={t("public.retired")} className="space-y-2" large>
        {retired.length === 0 ? (
          <p className="text-sm text-slate-600">{t("public.noneRetired")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {retired.slice((retiredPage.page - 1) * PUBLIC_PAGE_ROWS, retiredPage.page * PUBLIC_PAGE_ROWS).map((c) => (
              <li key={c.name}>
                {c.status === "merged"
                  ? t("public.mergedInto", { name: c.name, into: c.mergedInto ?? "" })
                  : t("public.retiredOn", { name: c.name })}{" "}
                <span className="text-slate-500">{c.changedOn}</span>
              </li>
            ))}
          </ul>
        )}
        {pager(retiredPage, pageLink("retiredPage", "retired-title"), t("public.retiredPages"))}
      </TitledSection>

      <TitledSection id="open-data-title" title={t("public.openData")} className="space-y-2 text-sm" large>
        <ul className="space-y-1">
          <li>
            {t("public.dl.summary")} {download("/api/v1/public/summary")}
          </li>
          {region && (
            <li>
              {t("public.dl.region", { region: region.name })}{" "}
              {download(`/api/v1/public/units/${encodeURIComponent(region.code)}`)}
            </li>
          )}
          <li>
            {region ? t("public.dl.issuersIn", { region: region.name }) : t("public.dl.issuers")}{" "}
            {download(scoped("/api/v1/public/issuers"))}
          </li>
          <li>
            {region ? t("public.dl.channelsIn", { region: region.name }) : t("public.dl.channels")}{" "}
            {download(scoped("/api/v1/public/channels"))}
          </li>
          <li>
            <a href="/api/v1/openapi.json" className="text-teal-800 underline">
              {t("public.dl.openapi")}
            </a>
          </li>
        </ul>
      </TitledSection>
    </div>
  );
}
