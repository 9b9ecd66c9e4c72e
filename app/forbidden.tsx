import { ErrorNotice } from "@/components/ui/error-notice";

export default function Forbidden() {
  return <ErrorNotice which="forbidden" />;
}
