import { PageShell } from "@/components/ui/page-shell";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PageShell user={await getCurrentUser()}>{children}</PageShell>;
}
