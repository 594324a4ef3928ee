// What every browser suite of the portal shares: whether it runs here (never skipped in CI), the
// client built and a folder for its screenshots (apps/web/test-artifacts/, for review), and sign-on
// as a proxy in front of the portal would assert it (the browser sends the identity headers itself).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { AuthConfig } from "../src/server/auth/auth-config.ts";
import { chromiumAvailable, chromiumPath, newWatchedPage } from "./browser.ts";
import { ensureClientBuilt } from "./client-build.ts";

const artifacts = fileURLToPath(new URL("../test-artifacts/", import.meta.url));

/**
 * Whether there is no Chromium for the browser suite `suite`, which then skips, saying so. Not in CI:
 * there a missing browser is a broken machine, not a reason to pass, and this throws.
 */
export function noChromium(suite: string): boolean {
  if (chromiumAvailable) return false;
  if (process.env.CI === "true")
    throw new Error(`${suite} e2e: no Chromium at ${chromiumPath}; install Debian's chromium package`);
  console.warn(`SKIPPING the ${suite} e2e tests: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  return true;
}

/** Before a browser suite starts its platform: the client built, the screenshots' folder there. */
export function prepareBrowserSuite(): void {
  ensureClientBuilt();
  mkdirSync(artifacts, { recursive: true });
}

/** A full-page screenshot, as test-artifacts/<name>.png. */
export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
}

/** Closes a page from newWatchedPage with the context it has to itself. */
export function closePage(page: Page): Promise<void> {
  return page.context().close();
}

/** The portal's sign-on behind a proxy on this machine: admins are those in maturity-admins. */
export const proxyAuth: AuthConfig = {
  proxy: {
    userHeader: "X-Forwarded-User",
    groupsHeader: "X-Forwarded-Groups",
    adminGroup: "maturity-admins",
    trustedProxies: ["127.0.0.1", "::1"],
  },
  tokens: new Map(),
};

/** The identity headers the proxy sends for an admin and for a viewer. */
export const admin = { "x-forwarded-user": "ada@bank.example", "x-forwarded-groups": "maturity-admins" };
export const viewer = { "x-forwarded-user": "vic@bank.example", "x-forwarded-groups": "analysts" };
export type Identity = typeof admin | typeof viewer;

/** A page from newWatchedPage whose requests carry `identity`'s headers, in a 1280 × 900 window. */
export function pageAs(browser: Browser, identity: Identity): Promise<Page> {
  return newWatchedPage(browser, { viewport: { width: 1280, height: 900 }, extraHTTPHeaders: identity });
}
