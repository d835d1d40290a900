/** Which files of a chart hold the templates whose `.Values` reads count. */

/** A template renders chart files as templates: `tpl (.Files.Get "files/x.yaml") .`. */
const TPL_FILES = /\btpl\b[^}]*?\.Files\.Get\b/;

/**
 * The files of a chart whose `.Values` reads count: `templates/**` (not subcharts), and
 * `files/**` when a template renders chart files with `tpl` (nats reads its values there).
 */
export function scannedTemplateFiles(files: ReadonlyMap<string, string>): string[] {
  const names = [...files.keys()].filter((f) => /^templates\/.+\.(ya?ml|tpl|txt|json)$/i.test(f));
  if (names.some((f) => TPL_FILES.test(files.get(f)!)))
    names.push(...[...files.keys()].filter((f) => /^files\/.+\.(ya?ml|tpl)$/i.test(f)));
  return names.sort();
}
