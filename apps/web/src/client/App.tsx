import { SystemsPage } from "./pages/SystemsPage.tsx";

export function App() {
  return (
    <div className="shell">
      <header className="topbar">
        <h1>Maturity</h1>
        <span className="tagline">evidence-backed AI/MLOps maturity, per system and axis</span>
      </header>
      <main>
        <SystemsPage />
      </main>
    </div>
  );
}
