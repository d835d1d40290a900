/**
 * A field's hover header never says "optional" while its text says it is required: every field
 * whose text (English or Russian) says so is schema-required or listed in requiredInPractice.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type Lang } from '../../../../server/src/service';
import { catalog } from '../../../../server/src/service/docs/catalog';
import { definitions } from '../../../../server/src/service/schema/registry';
import { fieldRequirement } from '../../../../server/src/service/schema/requiredInPractice';
import { cursor } from '../../../support/cursor';

/** Texts that say "required" about something else than the field itself. */
const otherRequirement: Record<string, string> = {
  'core.v1.PersistentVolumeSpec.local': 'about `nodeAffinity`, listed for a local volume',
  'core.v1.DownwardAPIVolumeFile.resourceFieldRef': 'about `containerName`, listed',
  'core.v1.PodSpec.affinity': '"required or preferred" node labels, a term of node affinity',
  'core.v1.PodSecurityContext.seccompProfile': 'the `restricted` Pod Security profile, a policy',
  'core.v1.Capabilities.drop': 'the `restricted` Pod Security profile, a policy',
};

const SAYS_REQUIRED: Record<Lang, RegExp> = {
  en: /\brequired\b|\bmandatory\b/i,
  ru: /(?<!не)обязател/i,
};

void describe('fields required in practice', () => {
  void test('every field whose text says it is required has a header that says so', () => {
    let checked = 0;
    for (const lang of ['en', 'ru'] as const) {
      for (const [definition, entry] of Object.entries(catalog(lang))) {
        for (const [field, text] of Object.entries(entry)) {
          if (field.includes('$') || field.includes('=') || !SAYS_REQUIRED[lang].test(text))
            continue;
          const id = `${definition}.${field}`;
          if (id in otherRequirement) continue;
          checked++;
          const requirement = fieldRequirement(
            definition,
            field,
            definitions[definition]?.required,
          );
          assert.notEqual(requirement.kind, 'optional', `${id} (${lang}): ${text}`);
        }
      }
    }
    assert.ok(checked > 40, `only ${checked} texts checked`);
  });

  void test('the exceptions are still texts that mention a requirement', () => {
    for (const id of Object.keys(otherRequirement)) {
      const at = id.lastIndexOf('.');
      const says = (['en', 'ru'] as const).some((lang) =>
        SAYS_REQUIRED[lang].test(catalog(lang)[id.slice(0, at)]?.[id.slice(at + 1)] ?? ''),
      );
      assert.ok(says, `${id} is no longer an exception`);
    }
  });

  const hover = (marked: string, lang: Lang) => {
    const { text, position } = cursor(marked);
    const service = getLanguageService();
    service.setFile('file:///work/required.yaml', text, 'editor', 1);
    return service.hover('file:///work/required.yaml', position, lang)?.contents ?? '';
  };
  const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  access|Modes: [ReadWriteOnce]
`;

  void test("the hover of a claim's accessModes: required by the API server, in both languages", () => {
    const en = hover(claim, 'en');
    assert.match(en.split('\n')[0]!, /required by the API server/);
    assert.doesNotMatch(en.split('\n')[0]!, /· optional/);
    assert.match(hover(claim, 'ru').split('\n')[0]!, /обязательное: его требует API-сервер/);
  });

  void test('a conditional requirement names its condition', () => {
    const pv = `apiVersion: v1
kind: PersistentVolume
metadata: {name: disk}
spec:
  node|Affinity: {}
`;
    assert.match(hover(pv, 'en').split('\n')[0]!, /required for a `local` volume/);
    assert.match(hover(pv, 'ru').split('\n')[0]!, /обязательное для тома `local`/);
  });

  void test('completion lists accessModes of a claim first, as required', () => {
    const { text, position } = cursor(
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  |',
    );
    const service = getLanguageService();
    service.setFile('file:///work/complete.yaml', text, 'editor', 1);
    const items = service.complete('file:///work/complete.yaml', position, 'en');
    const accessModes = items.find((i) => i.label === 'accessModes');
    assert.match(accessModes?.detail ?? '', /^required · /);
    const first = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      first
        .slice(0, 2)
        .map((i) => i.label)
        .sort(),
      ['accessModes', 'resources'],
    );
  });
});
