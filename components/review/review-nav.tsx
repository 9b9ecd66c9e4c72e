import { SectionNav } from "@/components/ui/section-nav";
import type { Translate } from "@/lib/i18n/messages";

const LINKS = [
  ["/review/cases", "review.nav.cases"],
  ["/review", "review.nav.queue"],
  ["/review/mandates", "review.nav.mandates"],
  ["/review/rectification", "review.nav.rectification"],
] as const;

export function ReviewNav({ t, current }: { t: Translate; current: string }) {
  return (
    <SectionNav
      label={t("review.nav.label")}
      links={LINKS.map(([href, key]) => ({ href, text: t(key) }))}
      current={current}
    />
  );
}
