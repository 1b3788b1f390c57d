/**
 * Text lengths the server enforces and the widgets state before sending (shared, no Node imports).
 */

/** Longest reason for closing, reopening, releasing or rejecting a ticket (and a resubmission's comment). */
export const maxReasonLength = 4000;
