// The report's one stylesheet, inline: the page opens offline and prints cleanly.
export const reportCss = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --band: #f5f7fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1120px; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lede, .muted { color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.mono { word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--band); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  white-space: nowrap; border: 1px solid transparent; }
.status-met { background: #e3f4e8; color: #17623a; border-color: #a9dbb9; }
.status-waived { background: #fff3d6; color: #7a5200; border-color: #f0d08a; }
.status-unmet { background: #fde6e6; color: #9b1c1c; border-color: #f2b1b1; }
.status-no_data { background: #eef0f4; color: #4a5263; border-color: #cdd2dc; }
.status-not_applicable { background: #fff; color: #7b8394; border-color: #d9dee7; }
ul.evidence { margin: 4px 0 0; padding-left: 18px; }
ul.evidence li { margin: 0; }
.axis-head { display: flex; gap: 16px; align-items: baseline; }
.level { font-size: 22px; font-weight: 700; }
section.limits { background: #fffaf0; border: 1px solid #f0d08a; padding: 4px 18px 12px; margin-top: 28px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;
