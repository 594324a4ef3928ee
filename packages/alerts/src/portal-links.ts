// Links into the portal, built from the public URL (MATURITY_PUBLIC_URL) with the portal's own paths
// (apps/web/src/client/lib/paths.ts): /systems/<id>, /teams/<team>, /.
import type { AlertSubject } from "./alert.ts";

export function portalLink(publicUrl: string, subject: AlertSubject): string {
  const base = publicUrl.replace(/\/+$/, "");
  switch (subject.type) {
    case "system":
      return `${base}/systems/${encodeURIComponent(subject.systemId)}`;
    case "team":
      return `${base}/teams/${encodeURIComponent(subject.team)}`;
    case "org":
      return `${base}/`;
  }
}
