import { PageShell } from "@/components/ui/page-shell";
import { after } from "next/server";
import { requirePageActor } from "@/lib/auth/current-user";
import { endDueMandates } from "@/lib/mandates/end-mandates";

// Checked here, and nothing streams before the pages finish (no loading boundary in this group), so a
// denied visitor gets a real redirect or 403, and a flag outside the jurisdiction a real 404. The data
// functions check again, since a layout's check does not cover actions or other routes.
export default async function ReviewLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("review:view", "/review");
  // Mandates whose end date has passed end before a reviewer reads the ledger (at most hourly).
  after(() => endDueMandates());
  return <PageShell user={actor.user}>{children}</PageShell>;
}
