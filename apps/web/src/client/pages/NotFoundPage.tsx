import { Link } from "wouter";
import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { paths } from "../lib/paths.ts";

export function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div className="page-head">
      <h1>Page not found</h1>
      <p>
        There is no portal page at this address. Start from the{" "}
        <Link href={paths.org}>organisation page</Link>.
      </p>
    </div>
  );
}
