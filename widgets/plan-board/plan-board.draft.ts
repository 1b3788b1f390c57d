/** The details form's values (on their own: the board element needs only these of plan-board.model.ts). */
import type { ActivityDto, Priority } from '../core/api.js';

/** The fields of the details form. */
export type Field = 'startDate' | 'endDate' | 'durationHours' | 'priority' | 'columnId';
export type FieldErrors = Partial<Record<Field, string>>;

/** The details form's values, as typed. */
export interface Draft {
  startDate: string;
  endDate: string;
  /** as typed (validated on save) */
  durationHours: string;
  priority: Priority;
  columnId: string;
}

export const draftOf = (a: ActivityDto): Draft => ({
  startDate: a.startDate,
  endDate: a.endDate,
  durationHours: String(a.durationHours),
  priority: a.priority,
  columnId: a.columnId,
});
