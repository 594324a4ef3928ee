// @maturity/mcp: the Model Context Protocol server over the platform's read model (README.md).
export { createMaturityMcpServer, serverInstructions, toolNames } from "./server.ts";
export type { MaturityMcpOptions } from "./server.ts";
export { handleStatelessHttp, serveStdio } from "./transports.ts";
export { readOnlyAnnotations, defaultPageSize, maxPageSize } from "./tool-kit.ts";
export { trackGapSeries } from "./reads/track-series.ts";
export type { AxisFigures, TrackGapPoint } from "./reads/track-series.ts";
