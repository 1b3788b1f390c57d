/**
 * Urgency × impact → priority (R-WIZ-8). One function for the server and the wizard's live
 * preview; the matrix itself is configurable per system partner.
 */
export const levels = ['low', 'medium', 'high'] as const;
export const priorities = ['low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof levels)[number];
export type Priority = (typeof priorities)[number];

/** matrix[urgency][impact] */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

/** An ITIL-style default: both high is critical; one step down per lower dimension. */
export const defaultPriorityMatrix: PriorityMatrix = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'low' },
};

export function derivePriority(
  urgency: Level,
  impact: Level,
  matrix: PriorityMatrix = defaultPriorityMatrix,
): Priority {
  return matrix[urgency][impact];
}

/** Accepts a stored matrix only when every cell is a known priority; else the default. */
export function parsePriorityMatrix(value: unknown): PriorityMatrix {
  if (!value || typeof value !== 'object') return defaultPriorityMatrix;
  const m = value as Record<string, Record<string, unknown>>;
  for (const u of levels) {
    for (const i of levels) {
      const p = m[u]?.[i];
      if (typeof p !== 'string' || !(priorities as readonly string[]).includes(p)) {
        return defaultPriorityMatrix;
      }
    }
  }
  return m as PriorityMatrix;
}
