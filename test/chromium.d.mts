/** Types for test/chromium.mjs (used from TypeScript by the end-to-end harness). */
export declare function chromiumPath(): string;
export declare function hasChromium(): boolean;
export declare const chromiumArgs: string[];
