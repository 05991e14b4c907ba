/** Package version, replaced at build time. */
declare const __VERSION__: string;
/** True only in the script-tag (IIFE) build, which loads optional parts as sibling files instead of chunks. */
declare const __IIFE__: boolean;
