/** Replaced at build time by esbuild with the version from package.json. */
declare const VERSION: string;
