import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

/** The codes of the parser and schema checks; the storage rules have their own tests. */
const SCHEMA_CODES = new Set([
  'yaml-syntax',
  'yaml-unknown-tag',
  'yaml-continuation-indent',
  'duplicate-key',
  'yaml-alias-limit',
  'missing-api-version',
  'missing-kind',
  'unknown-api-version',
  'unknown-kind',
  'unknown-field',
  'missing-required',
  'invalid-type',
  'invalid-enum',
  'invalid-quantity',
  'invalid-base64',
  'schema',
]);

function diagnose(text: string, uri = 'file:///w/test.yaml'): KubeDiagnostic[] {
  const service = getLanguageService();
  service.setFile(uri, text, 'editor', 1);
  return service.getDiagnostics(uri).filter((d) => SCHEMA_CODES.has(d.code));
}

/** `[line:char-line:char] code` for compact, exact assertions. */
function brief(d: KubeDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.code}`;
}

const pvc = (spec: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n${spec}`;

describe('schema diagnostics', () => {
  it('finds nothing above information in valid manifests of every storage kind, read as one workspace', () => {
    const service = getLanguageService();
    const uris: string[] = [];
    for (const dir of ['valid', 'chart-minimal', join('chart-minimal', 'templates')]) {
      for (const name of readdirSync(join(FIXTURES, dir)).filter((n) => n.endsWith('.yaml'))) {
        const uri = `file:///w/${dir}/${name}`;
        service.setFile(uri, readFileSync(join(FIXTURES, dir, name), 'utf8'));
        uris.push(uri);
      }
    }
    for (const uri of uris) {
      const serious = service
        .getDiagnostics(uri)
        .filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(
        serious.map((d) => `${brief(d)}: ${d.message.en}`),
        [],
        uri,
      );
    }
  });

  const cases: { name: string; text: string; expect: string[]; ru?: RegExp }[] = [
    {
      name: 'unknown field with a suggestion',
      text: pvc('  acessModes: [ReadWriteOnce]\n'),
      expect: ['5:2-5:12 unknown-field'],
      ru: /Неизвестное поле `acessModes`.*`accessModes`/,
    },
    {
      name: 'invalid enum value inside a flow sequence',
      text: pvc('  accessModes: [ReadWriteOnse]\n'),
      expect: ['5:16-5:29 invalid-enum'],
      ru: /недопустимое значение.*ReadWriteOnce/,
    },
    {
      name: 'malformed quantities',
      text: pvc(
        '  resources:\n    requests:\n      storage: 10GB\n    limits:\n      storage: 5 Gi\n',
      ),
      expect: ['7:15-7:19 invalid-quantity', '9:15-9:19 invalid-quantity'],
    },
    {
      name: 'wrong type',
      text: pvc('  accessModes: ReadWriteOnce\n'),
      expect: ['5:15-5:28 invalid-type'],
      ru: /ожидается список, а здесь строка\./,
    },
    {
      name: 'a mapping where a string belongs',
      text: pvc('  storageClassName: {name: fast}\n'),
      expect: ['5:20-5:32 invalid-type'],
      ru: /ожидается строка, а здесь набор полей \(отображение\)\./,
    },
    {
      name: 'missing required field in a list item',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - image: nginx\n',
      expect: ['6:6-6:18 missing-required'],
    },
    {
      name: 'unknown apiVersion for a kind',
      text: 'apiVersion: apps/v1beta2\nkind: StatefulSet\nmetadata:\n  name: s\n',
      expect: ['0:12-0:24 unknown-api-version'],
      ru: /^Kubernetes [\d.]+ не предоставляет StatefulSet в версии `apps\/v1beta2`/,
    },
    {
      name: 'a built-in kind under a Kubernetes-reserved group that does not serve it',
      text: 'apiVersion: apps.k8s.io/v1\nkind: StatefulSet\nmetadata:\n  name: s\n',
      expect: ['0:12-0:26 unknown-api-version'],
    },
    {
      name: 'a CRD kind named like a built-in one (talos.dev ServiceAccount)',
      text: 'apiVersion: talos.dev/v1alpha1\nkind: ServiceAccount\nmetadata:\n  name: ci\nspec:\n  roles: [os:reader]\n',
      expect: [],
    },
    {
      name: 'a misspelt built-in group is no custom group (storage.k8s.oi)',
      text: 'apiVersion: storage.k8s.oi/v1\nkind: StorageClass\nmetadata:\n  name: s\nprovisioner: x\n',
      expect: ['0:12-0:29 unknown-api-version'],
    },
    {
      name: 'a built-in group with a k8s label after it is no custom group (apps.k8s)',
      text: 'apiVersion: apps.k8s/v1\nkind: Deployment\nmetadata:\n  name: d\n',
      expect: ['0:12-0:23 unknown-api-version'],
    },
    {
      name: 'a custom group that starts like a built-in one (apps.kruise.io StatefulSet)',
      text: 'apiVersion: apps.kruise.io/v1beta1\nkind: StatefulSet\nmetadata:\n  name: s\n',
      expect: [],
    },
    {
      name: 'a custom group of a Kubernetes project (node.x-k8s.io) is not a misspelt node.k8s.io',
      text: 'apiVersion: node.x-k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: r\nhandler: h\n',
      expect: [],
    },
    {
      name: "a kustomize built-in plugin's configuration (apiVersion: builtin) is no object",
      text: 'apiVersion: builtin\nkind: ImageTagTransformer\nmetadata:\n  name: pin-sidecar\nimageTag:\n  name: example/sidecar\n  newTag: "v2"\n',
      expect: [],
    },
    {
      name: 'an unknown kind of the core group is still reported (v1 ImageTagTransformer)',
      text: 'apiVersion: v1\nkind: ImageTagTransformer\nmetadata:\n  name: t\n',
      expect: ['1:6-1:25 unknown-kind'],
    },
    {
      name: 'misspelt kind of a built-in group',
      text: 'apiVersion: v1\nkind: PersistentVolumeClam\nmetadata:\n  name: x\n',
      expect: ['1:6-1:26 unknown-kind'],
    },
    {
      name: 'duplicate key',
      text: pvc('  volumeMode: Filesystem\n  volumeMode: Block\n'),
      expect: ['6:2-6:12 duplicate-key'],
    },
    {
      name: 'YAML syntax error',
      text: pvc('  accessModes: [ReadWriteOnce\n'),
      expect: ['6:0-6:0 yaml-syntax'],
    },
    {
      name: 'tab indentation',
      text: pvc('\tvolumeMode: Block\n'),
      expect: ['5:0-5:1 yaml-syntax'],
    },
    {
      name: 'enum typo in a nested volume source',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c, image: x}]\n  volumes:\n    - name: h\n      hostPath: {path: /x, type: DirectoryOrCreat}\n',
      expect: ['8:33-8:49 invalid-enum'],
    },
    {
      name: 'object with kind but no apiVersion',
      text: 'kind: PersistentVolumeClaim\nmetadata:\n  name: x\n',
      expect: ['0:0-0:4 missing-api-version'],
    },
    {
      name: 'custom resources are left alone',
      text: 'apiVersion: example.com/v1\nkind: Database\nmetadata:\n  name: x\nspec:\n  anything: [1, 2]\n',
      expect: [],
    },
    {
      name: 'YAML that is not Kubernetes is left alone',
      text: 'name: my-app\nversion: 1.0\nitems: [a, b]\n',
      expect: [],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const found = diagnose(c.text);
      assert.deepEqual(found.map(brief), c.expect);
      for (const d of found) {
        assert.ok(d.message.en.length > 10 && d.message.ru.length > 10, 'both languages');
        assert.doesNotMatch(d.message.en + d.message.ru, /\{\w+\}|undefined/);
      }
      if (c.ru) assert.match(found[0]!.message.ru, c.ru);
    });
  }

  it('suggests the closest valid value', () => {
    const [d] = diagnose(pvc('  volumeMode: filesystem\n'));
    assert.equal(d!.data?.suggestion, 'Filesystem');
    assert.match(d!.message.en, /Did you mean `Filesystem`\?/);
  });

  it('places errors of later documents at their absolute lines', () => {
    const text = `${pvc('  volumeMode: Filesystem\n')}---\n${pvc('  volumeMode: Blok\n')}`;
    assert.deepEqual(diagnose(text).map(brief), ['12:14-12:18 invalid-enum']);
  });

  it('never reports template syntax in Helm templates', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  {{- toYaml .Values.data | nindent 2 }}\n';
    assert.deepEqual(diagnose(text, 'file:///w/chart/templates/cm.yaml'), []);
  });

  it('can turn off unknown-field reports', () => {
    const service = getLanguageService();
    service.setFile('file:///a.yaml', pvc('  foo: 1\n'), 'editor', 1);
    const codes = (settings?: { enable: boolean; unknownFields: boolean }): string[] =>
      service.getDiagnostics('file:///a.yaml', settings).map((d) => d.code);
    assert.ok(codes().includes('unknown-field'));
    assert.ok(!codes({ enable: true, unknownFields: false }).includes('unknown-field'));
    assert.deepEqual(codes({ enable: false, unknownFields: true }), []);
  });

  it('says when a kind was removed and what replaced it, not the closest kind name', () => {
    const psp = diagnose(
      'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  volumes: [persistentVolumeClaim]\n',
    );
    assert.deepEqual(psp.map(brief), ['1:6-1:23 unknown-kind']);
    assert.match(psp[0]!.message.en, /removed in Kubernetes 1\.25/);
    assert.match(psp[0]!.message.en, /Pod Security Admission/);
    assert.doesNotMatch(psp[0]!.message.en, /Did you mean/);
    assert.match(psp[0]!.message.ru, /убрали в Kubernetes 1\.25/);
    assert.equal(psp[0]!.data, undefined, 'no "change to Pod" fix');
    // The same name in a group that never served it is only an unknown kind.
    const other = diagnose('apiVersion: apps/v1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\n');
    assert.doesNotMatch(other[0]!.message.en, /removed/);
  });

  it("leaves other tools' tags to them, but not in a Kubernetes object", () => {
    const mkdocs =
      'site_name: docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n';
    assert.deepEqual(diagnose(mkdocs, 'file:///w/mkdocs.yml'), []);
    const claim = pvc('  volumeMode: !Ref Filesystem\n');
    // Kubernetes ignores a tag it does not know and reads the text (parse/goYaml.ts).
    assert.deepEqual(
      diagnose(claim).map((d) => `${d.code}:${d.severity}`),
      ['yaml-unknown-tag:information'],
    );
  });
});
