/** Package version, replaced at build time. */
declare const __VERSION__: string;
