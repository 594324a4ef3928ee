/**
 * The lists one after another in one array made at its exact size, cut after `cap` items: what
 * `lists.flat().slice(0, cap)` gives, without that generic builtin or the whole flattened copy
 * (an organisation's risks, a risk's first evidence).
 */
export function concatenated<T>(lists: readonly (readonly T[])[], cap = Infinity): T[] {
  let n = 0;
  for (const list of lists) n += list.length;
  const items = new Array<T>(Math.min(n, cap));
  let k = 0;
  for (const list of lists)
    for (let i = 0; i < list.length && k < items.length; i++) items[k++] = list[i] as T;
  return items;
}
