import { PageShell } from "@/components/ui/page-shell";
import { requirePageActor } from "@/lib/auth/current-user";

// Checked here, above the loading boundary, so a denied visitor gets a real redirect or 403 status;
// the data functions check again, since a layout's check does not cover actions or other routes.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("me:view", "/me");
  return <PageShell user={actor.user}>{children}</PageShell>;
}
