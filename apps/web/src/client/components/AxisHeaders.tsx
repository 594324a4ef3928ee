import { axisLabels, axisList, axisShortLabels } from "../lib/vocabulary.ts";

/** One column header per axis: the full name, or its abbreviation on narrow screens. */
export function AxisHeaders() {
  return axisList.map((axis) => (
    <th scope="col" key={axis} className="axis-head">
      <span className="label-long">{axisLabels[axis]}</span>
      <abbr className="label-short" title={axisLabels[axis]}>
        {axisShortLabels[axis]}
      </abbr>
    </th>
  ));
}
