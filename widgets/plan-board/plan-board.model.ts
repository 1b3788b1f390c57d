/**
 * The plan board's pure helpers: the order of activities in a column and where an activity lands
 * when it moves, computed exactly as the server does (server/domain/plan.ts `patchActivity`), so
 * the board can show a move at once and agree with the server's answer afterwards.
 */
import type { ActivityDto, ActivityPatch, Priority } from '../core/api.js';

export const priorities: readonly Priority[] = ['low', 'medium', 'high', 'critical'];

/** The fields a board editor may change (R-PLAN-5). */
export type EditableField = 'startDate' | 'endDate' | 'durationHours' | 'priority' | 'columnId' | 'position';

/** A change without its version: what the user asked for. */
export type Change = Omit<ActivityPatch, 'version'>;

/** The activities of one column, top first (the server's order: position, start date, id). */
export function ordered(activities: readonly ActivityDto[], columnId: string): ActivityDto[] {
  return activities
    .filter((a) => a.columnId === columnId)
    .sort((a, b) => a.position - b.position || a.startDate.localeCompare(b.startDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The activities after `id` moved to `columnId` at `position` (0 = top; beyond the end = last):
 * the target column renumbered 0..n-1 with the activity in its place, the old column closing its
 * gap. Returns new objects for what changed; `activities` stays untouched.
 */
export function place(activities: readonly ActivityDto[], id: string, columnId: string, position: number): ActivityDto[] {
  const moving = activities.find((a) => a.id === id);
  if (!moving) return [...activities];
  const others = ordered(activities, columnId).filter((a) => a.id !== id);
  const at = Math.max(0, Math.min(position, others.length));
  const order = [...others.slice(0, at), moving, ...others.slice(at)];
  const next = new Map<string, { columnId: string; position: number }>();
  order.forEach((a, i) => next.set(a.id, { columnId, position: i }));
  if (moving.columnId !== columnId) {
    ordered(activities, moving.columnId)
      .filter((a) => a.id !== id)
      .forEach((a, i) => next.set(a.id, { columnId: a.columnId, position: i }));
  }
  return activities.map((a) => {
    const n = next.get(a.id);
    return n && (n.columnId !== a.columnId || n.position !== a.position) ? { ...a, ...n } : a;
  });
}

/** The activities with `activity` (the server's answer) in place of its old copy, placed where it says. */
export function withActivity(activities: readonly ActivityDto[], activity: ActivityDto): ActivityDto[] {
  const replaced = activities.map((a) => (a.id === activity.id ? activity : a));
  return place(replaced, activity.id, activity.columnId, activity.position);
}

/** Index of an activity in its column. */
export function indexInColumn(activities: readonly ActivityDto[], id: string): number {
  const a = activities.find((x) => x.id === id);
  return a ? ordered(activities, a.columnId).findIndex((x) => x.id === id) : -1;
}

/** The largest duration the server takes, in hours. */
export const MAX_HOURS = 100_000;

export { draftOf, type Draft, type Field, type FieldErrors } from './plan-board.draft.js';

/** A change the server refused with 409: what the user wanted and what is saved now. */
export interface Conflict {
  id: string;
  /** what the user saw when they made the change */
  base: ActivityDto;
  /** the activity as it is now (the other person's change) */
  current: ActivityDto;
  mine: Change;
  busy: boolean;
  error: string | null;
}
