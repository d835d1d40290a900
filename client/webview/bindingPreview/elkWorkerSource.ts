/** ELK's worker script as text (esbuild's text loader), turned into a `blob:` worker by layout.ts. */
// @ts-expect-error -- the import attribute makes esbuild inline the file as a string.
import source from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };

export const ELK_WORKER_SOURCE = source as unknown as string;
