import { foldText, searchTerms } from '../db/search.js';

/**
 * Highlighting without markup: text is returned as segments `{text, match}` that the widget
 * renders with <mark>, so a search for `<b>` or `"><img src=x>` can never inject anything.
 * Matching uses the same folding as the search (case, diacritics, ß), mapped back to the
 * original characters.
 */
export interface Segment {
  text: string;
  match: boolean;
}

function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldText(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Ranges [start, end) of the original text that match any term. */
function matchRanges(text: string, terms: string[]): [number, number][] {
  const { folded, map } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      const start = map[at]!;
      const endIdx = at + term.length;
      // the end is the start of the next original character after the last folded one
      let end = map[endIdx] ?? text.length;
      if (end <= start) end = start + 1;
      ranges.push([start, end]);
      from = at + Math.max(1, term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

export function highlight(text: string, q: string): Segment[] {
  const ranges = matchRanges(text, searchTerms(q));
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) out.push({ text: text.slice(pos, s), match: false });
    out.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), match: false });
  return out;
}

/** A window of about `width` characters around the first match (or the start), as segments. */
export function snippet(text: string, q: string, width = 180): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, searchTerms(q));
  let start = 0;
  if (ranges.length > 0) start = Math.max(0, ranges[0]![0] - Math.floor(width / 3));
  // do not cut words at the start
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space > 0 && space < ranges[0]![0]) start = space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const segs = highlight(flat.slice(start, end), q);
  if (start > 0) segs.unshift({ text: '… ', match: false });
  if (end < flat.length) segs.push({ text: ' …', match: false });
  return segs;
}
