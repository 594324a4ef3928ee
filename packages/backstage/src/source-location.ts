// The repository a `backstage.io/source-location` annotation points at, named as the GitHub and
// GitLab webhooks name it (`full_name`, `path_with_namespace`), so their events find the system.
import { parseLocationRef } from "@backstage/catalog-model";

/**
 * `url:https://github.com/org/repo/tree/main/x` → `org/repo`;
 * `url:https://gitlab.example.com/group/sub/project/-/tree/main` → `group/sub/project`.
 * Undefined for anything else (another host, another location type, an unreadable value).
 */
export function repoOfSourceLocation(location: string): string | undefined {
  let url: URL;
  try {
    const ref = parseLocationRef(location.trim());
    if (ref.type !== "url") return undefined;
    url = new URL(ref.target);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (host === "github.com" || host === "www.github.com") return repoPath(segments(path).slice(0, 2));
  // GitLab puts `/-/` between a project's path and its pages; its own host may be anywhere.
  const marker = path.indexOf("/-/");
  if (marker >= 0 || host === "gitlab.com" || host.split(".").includes("gitlab"))
    return repoPath(segments(marker >= 0 ? path.slice(0, marker) : path));
  return undefined;
}

function segments(path: string): string[] {
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

// A repository needs an owner (or group) and a name; a clone URL's `.git` is not part of it.
function repoPath(parts: string[]): string | undefined {
  if (parts.length < 2) return undefined;
  const last = parts.length - 1;
  parts[last] = parts[last]!.replace(/\.git$/, "");
  return parts[last] === "" ? undefined : parts.join("/");
}
