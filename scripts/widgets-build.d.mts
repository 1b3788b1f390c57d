/** Types for scripts/widgets-build.mjs (used from TypeScript by the end-to-end harness). */
export declare const root: string;
export declare const loaderPath: string;
export declare function widgetsStale(): string | null;
export declare function buildWidgets(options?: { logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<void>;
export declare function ensureWidgets(options?: { logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<boolean>;
