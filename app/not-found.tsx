import { ErrorNotice } from "@/components/ui/error-notice";

export default function NotFound() {
  return <ErrorNotice which="notFound" />;
}
