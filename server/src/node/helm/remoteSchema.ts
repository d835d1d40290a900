/**
 * A chart whose values schema `$ref`s a schema on the web (bjw-s app-template refers to its common
 * library's by URL) cannot have its values validated by an offline helm: helm fetches the
 * reference to compile the schema and fails before it renders anything. Such a render is made
 * again with `--skip-schema-validation` (helm 3.16 and later), and the outcome's note says which
 * schema was not used. A helm too old for the flag keeps
 * its first failure.
 */
import { remoteSchemaNote, remoteSchemaUrl, type RenderProblem } from '../../service/rendered';
import { HelmProcessError, runHelmProcess, type HelmProcessOptions } from './process';

export const SKIP_SCHEMA_VALIDATION = '--skip-schema-validation';

export interface SchemaRender {
  output: string;
  /** Set when the render was made without validation: which schema helm could not load. */
  note?: RenderProblem;
}

/** `helm template` with `args`; again without the schema validation that needs the network. */
export async function renderOffline(
  args: readonly string[],
  options: HelmProcessOptions,
): Promise<SchemaRender> {
  try {
    return { output: await runHelmProcess([...args], options) };
  } catch (first) {
    const url =
      first instanceof HelmProcessError && first.reason === 'failed'
        ? remoteSchemaUrl(first.detail)
        : undefined;
    if (!url) throw first;
    try {
      const output = await runHelmProcess([...args, SKIP_SCHEMA_VALIDATION], options);
      return { output, note: remoteSchemaNote(url) };
    } catch (again) {
      const unknownFlag =
        again instanceof HelmProcessError && again.detail.includes(SKIP_SCHEMA_VALIDATION);
      throw unknownFlag ? first : again;
    }
  }
}
