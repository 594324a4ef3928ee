import { useDocumentTitle } from "../hooks/useDocumentTitle.ts";
import { SystemsPage } from "./SystemsPage.tsx";

/** The raw feed: every system that sent events and the latest of them, refreshed every few seconds. */
export function EventFeedPage() {
  useDocumentTitle("Event feed");
  return (
    <>
      <div className="page-head">
        <h1>Event feed</h1>
      </div>
      <SystemsPage />
    </>
  );
}
