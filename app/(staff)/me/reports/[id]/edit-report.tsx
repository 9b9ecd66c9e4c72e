"use client";
import { useRouter } from "next/navigation";
import type { Messages } from "@/lib/i18n/client-translator";
import type { MandateChoice, ReportDraft } from "@/lib/reports/report-dto";
import type { UnitChoice } from "@/lib/units/requirers";
import { ReportForm } from "../../report-form";

export function EditReport(props: {
  draft: ReportDraft;
  mandates: MandateChoice[];
  requirers: UnitChoice[];
  messages: Messages;
}) {
  const router = useRouter();
  return <ReportForm {...props} onSaved={() => router.push("/me")} onCancel={() => router.push("/me")} />;
}
