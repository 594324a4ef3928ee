import { lazy, Suspense } from "react";
import { Route, Switch } from "wouter";
import { IdentityBadge } from "./components/IdentityBadge.tsx";
import { LiveStatus } from "./components/LiveStatus.tsx";
import { NavBar } from "./components/NavBar.tsx";
import { useFocusOnNavigate } from "./hooks/useFocusOnNavigate.ts";
import { OrgPage } from "./pages/OrgPage.tsx";

// The org page is the landing page and loads with the app; the others (and their charts) load
// on first visit, so the heat map does not wait for code it does not need.
const TeamPage = lazy(() => import("./pages/TeamPage.tsx").then((m) => ({ default: m.TeamPage })));
const SystemPage = lazy(() => import("./pages/SystemPage.tsx").then((m) => ({ default: m.SystemPage })));
const SystemCompliancePage = lazy(() =>
  import("./pages/SystemCompliancePage.tsx").then((m) => ({ default: m.SystemCompliancePage })),
);
const CompliancePage = lazy(() =>
  import("./pages/CompliancePage.tsx").then((m) => ({ default: m.CompliancePage })),
);
const ExecutivePage = lazy(() =>
  import("./pages/ExecutivePage.tsx").then((m) => ({ default: m.ExecutivePage })),
);
const UnmappedSourcesPage = lazy(() =>
  import("./pages/UnmappedSourcesPage.tsx").then((m) => ({ default: m.UnmappedSourcesPage })),
);
const DeadLettersPage = lazy(() =>
  import("./pages/DeadLettersPage.tsx").then((m) => ({ default: m.DeadLettersPage })),
);
const PolicyPage = lazy(() => import("./pages/PolicyPage.tsx").then((m) => ({ default: m.PolicyPage })));
const CampaignsPage = lazy(() =>
  import("./pages/CampaignsPage.tsx").then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import("./pages/CampaignsPage.tsx").then((m) => ({ default: m.CampaignPage })),
);
const AlertsPage = lazy(() => import("./pages/AlertsPage.tsx").then((m) => ({ default: m.AlertsPage })));
const EventFeedPage = lazy(() =>
  import("./pages/EventFeedPage.tsx").then((m) => ({ default: m.EventFeedPage })),
);
const NotFoundPage = lazy(() =>
  import("./pages/NotFoundPage.tsx").then((m) => ({ default: m.NotFoundPage })),
);

export function App() {
  useFocusOnNavigate();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Maturity</span>
        <NavBar />
        <div className="identity">
          <LiveStatus />
          <IdentityBadge />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading page…
            </p>
          }
        >
          <Switch>
            <Route path="/" component={OrgPage} />
            <Route path="/teams/:team" component={TeamPage} />
            <Route path="/systems/:systemId/compliance" component={SystemCompliancePage} />
            <Route path="/systems/:systemId" component={SystemPage} />
            <Route path="/compliance" component={CompliancePage} />
            <Route path="/executive" component={ExecutivePage} />
            <Route path="/sources" component={UnmappedSourcesPage} />
            <Route path="/events" component={EventFeedPage} />
            <Route path="/dead-letters" component={DeadLettersPage} />
            <Route path="/policy" component={PolicyPage} />
            <Route path="/admin/alerts" component={AlertsPage} />
            <Route path="/campaigns" component={CampaignsPage} />
            <Route path="/campaigns/:campaignId" component={CampaignPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}
