/**
 * How a plain scalar of a manifest is typed: the YAML 1.1 rules Kubernetes reads manifests with
 * (sigs.k8s.io/yaml on go-yaml v2: `yes`/`no` are booleans, `0644` is octal), except that dates
 * stay strings (Kubernetes has no timestamp type; go-yaml gives them back as the text).
 *
 * The `yaml` package types a plain scalar by trying the test of every tag of the schema in turn,
 * and a string is what none of them matched: some fifteen regular expressions for each key and
 * value of a manifest, most of which are strings. Every YAML 1.1 tag but the string needs the
 * scalar to start with one of a few characters (a digit, a sign, `.`, `~`, `<`, or the first
 * letter of `null`, `yes`/`no`, `true`/`false`, `on`/`off` or of an exponent like `e5`), so a
 * string tag that matches any other first character, tried first, types the same scalars the same
 * way with one test. Parsing the 5,000-file bench: 3.3 s → 3.0 s (bench/RESULTS.md).
 * test/unit/service/parse/yamlTags.test.ts holds this against the package's own tags.
 */
import type { ScalarTag, Tags } from 'yaml';

const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const STRING = 'tag:yaml.org,2002:str';

/** The first characters a YAML 1.1 scalar of a type other than string can start with. */
export const NON_STRING_FIRST_CHARACTERS = '~NnYyTtOoFf-+0123456789.eE<';

/** A plain scalar that starts with none of them (an empty one is null). */
const SURELY_A_STRING = new RegExp(
  `^[^${NON_STRING_FIRST_CHARACTERS.replace(/[-\\\]^]/g, '\\$&')}]`,
);

/**
 * The tags of the YAML 1.1 schema as Kubernetes reads manifests (`customTags` of the `yaml`
 * package): without timestamps, and with the string tag tried first for the scalars that cannot
 * be anything else.
 */
export function kubernetesTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => typeof tag === 'string' || tag.tag !== TIMESTAMP);
  const string = kept.find(
    (tag): tag is ScalarTag => typeof tag !== 'string' && tag.tag === STRING && !tag.collection,
  );
  return string ? [{ ...string, default: true, test: SURELY_A_STRING }, ...kept] : kept;
}
