/**
 * Upload limits the server enforces and the widgets state (shared, no Node imports).
 * The per-file size is configurable (PORTAL_UPLOAD_MAX_FILE_MB); the widgets read the running
 * server's value from GET /api/me (`limits`) and fall back to the default below.
 */

/** Default largest file in bytes (config `uploads.maxFileBytes`). */
export const defaultMaxFileBytes = 10 * 1024 * 1024;

/** Most uploads a new ticket or position may claim (`attachmentIds`); files added to an existing ticket have no count limit. */
export const maxAttachmentsPerSubmission = 50;
