/**
 * Hands the service the schema validators compiled at build time (`dist/validators.js`, made by
 * scripts/build-validators.mjs), so the first diagnostics do not wait for ajv to compile schemas.
 * Read lazily on first validation; without the file (tests, a partial build) the service compiles
 * at run time as before.
 */
import { join } from 'node:path';
import {
  schemaFormats,
  usePrecompiledValidators,
  type PrecompiledValidators,
} from '../service/schema/validate';

type Factory = (formats: typeof schemaFormats) => PrecompiledValidators;

export function loadPrecompiledValidators(dir: string = __dirname): void {
  usePrecompiledValidators(() => {
    try {
      // A path known only at run time: the bundler leaves this require alone.
      const factory = require(join(dir, 'validators.js')) as Factory; // eslint-disable-line @typescript-eslint/no-require-imports
      return typeof factory === 'function' ? factory(schemaFormats) : undefined;
    } catch {
      return undefined;
    }
  });
}
