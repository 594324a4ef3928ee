// Shared looks of the portal's bar charts over the five axes, so they read alike.

export const barChartMargin = { top: 8, right: 8, bottom: 8, left: -16 };

/** The category axis listing the five axes, angled so their names fit on a narrow screen. */
export const axisCategoryProps = {
  dataKey: "axis",
  tick: { fontSize: 11 },
  interval: 0,
  angle: -20,
  textAnchor: "end",
  height: 50,
} as const;
