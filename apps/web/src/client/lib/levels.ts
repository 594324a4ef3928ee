// Level names and colours. Colour is never the only signal: every cell also shows the number.
export const levelNames: Record<number, string> = {
  1: "Ad hoc",
  2: "Reproducible",
  3: "Continuous integration",
  4: "Continuous deployment",
  5: "Closed-loop and governed",
};

/** Light fills so dark text keeps a contrast ratio above 7:1 on every level. */
export const levelColours: Record<number, string> = {
  1: "#f7c6c1",
  2: "#fbd9a6",
  3: "#f9ef9c",
  4: "#c5e6bd",
  5: "#8fd0a0",
};

export function levelName(level: number | null | undefined): string {
  return level == null ? "no level" : (levelNames[level] ?? `level ${level}`);
}

export function levelColour(level: number | null | undefined): string {
  return level == null ? "#e3e6ee" : (levelColours[level] ?? "#e3e6ee");
}
