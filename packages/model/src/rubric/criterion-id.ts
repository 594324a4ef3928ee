// A criterion's id, `<axis>.l<level>.<slug>`: named by the rubric, policies and waiver events.
export const criterionIdPattern =
  /^(reproducibility|evaluation|deployment|observability|governance)\.l[2-5]\.[a-z0-9]+(-[a-z0-9]+)*$/;
