/** Content-word bags shared by the alignment steps. */
const STOP = new Set(
  (
    'a an the and or but of to in on at for with by from as is are was were be been being that this these those it its ' +
    'we our us they them their he him his she her i me my you your not no so if then than there here have has had do does did ' +
    'will would can could should may might must also just very more most into over about after before said says say'
  ).split(' '),
);

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1);
}

/** Share of the smaller bag found in the larger: a trimmed quote still matches its full wording. */
export function containment(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const set = new Set(large);
  let hit = 0;
  for (const w of new Set(small)) if (set.has(w)) hit++;
  return hit / new Set(small).size;
}
