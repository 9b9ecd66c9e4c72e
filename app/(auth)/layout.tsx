import { PageShell } from "@/components/ui/page-shell";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <PageShell user={null}>{children}</PageShell>;
}
