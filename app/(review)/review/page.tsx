import Link from "next/link";
import { Stat } from "@/components/ui/stat";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageActor } from "@/lib/auth/current-user";
import { pickMessages } from "@/lib/i18n/pick-messages";
import { getTranslator } from "@/lib/i18n/server";
import { FLAG_KINDS, FLAG_STATUSES } from "@/lib/review/flag-vocabulary";
import { getReviewOverview } from "@/lib/review/get-review-overview";
import { listQueue } from "@/lib/review/list-queue";
import { queueFiltersSchema } from "@/lib/review/review-filters";
import { optionsOf, SelectField, TextField } from "@/components/ui/form-fields";
import { SearchPicker } from "@/components/ui/search-picker";
import { unitChoiceByCode } from "@/lib/mandates/mandate-lookups";
import { BulkQueue } from "./bulk-queue";

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Layouts and pages render concurrently: the page redirects or answers 403 itself too.
  const actor = await requirePageActor("review:view", "/review");
  const raw = await searchParams;
  const filters = queueFiltersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const t = await getTranslator();
  const [overview, queue, unitChoice, issuerChoice] = await Promise.all([
    getReviewOverview(actor),
    listQueue(actor, filters, t),
    unitChoiceByCode(actor, filters.unit),
    unitChoiceByCode(actor, filters.issuer),
  ]);
  const messages = pickMessages(t, ["picker.", "review.", "flagKind.", "flagStatus.", "form."]);
  const filterParams = Object.fromEntries(
    Object.entries(filters)
      .filter(([k, v]) => v !== undefined && k !== "page")
      .map(([k, v]) => [k, String(v)]),
  );
  const pageLink = (page: number) => `/review?${new URLSearchParams({ ...filterParams, page: String(page) })}`;
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h1 id="review-title" className="text-xl font-semibold">
        {t("review.title")}
      </h1>
      {overview.jurisdictionName && <p>{t("review.jurisdiction", { unit: overview.jurisdictionName })}</p>}
      <SectionNav area="review" t={t} current="/review" />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={t("review.openFlags")} value={overview.byStatus.open} />
        <Stat label={t("review.confirmedFlags")} value={overview.byStatus.confirmed} />
        <Stat label={t("review.resolvedFlags")} value={overview.byStatus.resolved} />
        <Stat label={t("review.dismissedFlags")} value={overview.byStatus.dismissed} />
        <Stat label={t("review.overdue")} value={overview.overdue} />
        <Stat label={t("review.hoursRemoved")} value={overview.hoursRemoved} />
      </dl>
      <form
        role="search"
        aria-label={t("review.filters")}
        className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-8"
      >
        <SelectField
          name="kind"
          label={t("review.filter.kind")}
          defaultValue={filters.kind ?? ""}
          any={t("review.filter.any")}
          options={optionsOf(FLAG_KINDS, (k) => t(`flagKind.${k}`))}
        />
        <SelectField
          name="status"
          label={t("review.filter.status")}
          defaultValue={filters.status ?? "open"}
          options={[
            ...optionsOf(FLAG_STATUSES, (s) => t(`flagStatus.${s}`)),
            { value: "all", label: t("review.filter.any") },
          ]}
        />
        {(
          [
            ["unit", "target", unitChoice],
            ["issuer", "issuer", issuerChoice],
          ] as const
        ).map(([name, kind, initial]) => (
          <SearchPicker
            key={name}
            className="col-span-2"
            {...{ name, kind, initial, messages }}
            submit="code"
            label={t(`review.filter.${name}`)}
          />
        ))}
        <TextField
          name="channel"
          label={t("review.filter.channel")}
          defaultValue={filters.channel ?? ""}
          maxLength={100}
        />
        <SelectField
          name="age"
          label={t("review.filter.age")}
          defaultValue={filters.age ?? ""}
          any={t("review.filter.any")}
          options={optionsOf([7, 30, 90], (d) => t("review.filter.olderThan", { days: d }))}
        />
        <TextField type="search" name="q" label={t("review.filter.q")} defaultValue={filters.q ?? ""} maxLength={100} />
        <div className="flex items-end">
          <button className="w-full rounded bg-teal-700 px-3 py-1.5 text-white">{t("review.filter.apply")}</button>
        </div>
      </form>
      <p className="flex flex-wrap gap-3 text-sm">
        {(["csv", "json"] as const).map((format) => (
          <a
            key={format}
            href={`/api/review/export?${new URLSearchParams({ ...filterParams, what: "queue", format })}`}
            className="text-teal-800 underline"
          >
            {t("review.export.queue", { format: format.toUpperCase() })}
          </a>
        ))}
        {(["csv", "json"] as const).map((format) => (
          <a
            key={`d${format}`}
            href={`/api/review/export?what=decisions&format=${format}`}
            className="text-teal-800 underline"
          >
            {t("review.export.decisions", { format: format.toUpperCase() })}
          </a>
        ))}
      </p>
      <p className="text-sm text-slate-600" data-testid="queue-total">
        {t("review.queueTotal", { total: queue.total, page: queue.page, pages: queue.pages })}
      </p>
      <BulkQueue items={queue.items} messages={messages} />
      <nav aria-label={t("review.pages")} className="flex gap-3 text-sm">
        {queue.page > 1 && (
          <Link href={pageLink(queue.page - 1)} className="underline">
            {t("review.prev")}
          </Link>
        )}
        {queue.page < queue.pages && (
          <Link href={pageLink(queue.page + 1)} className="underline">
            {t("review.next")}
          </Link>
        )}
      </nav>
    </section>
  );
}
