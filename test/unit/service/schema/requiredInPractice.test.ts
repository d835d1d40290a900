/**
 * A field's hover header never says "optional" while its text says it is required: every field
 * whose text (English or Russian) says so is schema-required or listed in requiredInPractice.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type Lang } from '../../../../server/src/service';
import { catalog } from '../../../../server/src/service/docs/catalog';
import { definitions } from '../../../../server/src/service/schema/registry';
import {
  fieldRequirement,
  notRequiredInPractice,
} from '../../../../server/src/service/schema/requiredInPractice';
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

void describe('fields required only in the OpenAPI document', () => {
  const missingRequired = (text: string): string[] => {
    const service = getLanguageService();
    service.setFile('file:///work/openapi-required.yaml', text, 'editor', 1);
    return service
      .getDiagnostics('file:///work/openapi-required.yaml')
      .filter((d) => d.code === 'missing-required')
      .map((d) => d.message.en);
  };

  void test('the generated schemas no longer require them (npm run schemas was run)', () => {
    let checked = 0;
    for (const [definition, fields] of Object.entries(notRequiredInPractice)) {
      const schema = definitions[definition];
      assert.ok(schema, definition);
      for (const field of Object.keys(fields)) {
        assert.ok(schema.properties?.[field], `${definition}.${field} is not a field`);
        assert.ok(!schema.required?.includes(field), `${definition}.${field} is still required`);
        assert.equal(fieldRequirement(definition, field, schema.required).kind, 'optional');
        checked++;
      }
    }
    assert.equal(checked, 9);
  });

  void test('a CSIDriver without spec is accepted: defaulting fills every field', () => {
    const driver =
      'apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata:\n  name: mock.storage.k8s.io\n';
    assert.deepEqual(missingRequired(driver), []);
    assert.deepEqual(missingRequired(driver + 'spec: {}\n'), []);
  });

  void test('a CSINode without drivers, or without spec, is accepted', () => {
    const node = 'apiVersion: storage.k8s.io/v1\nkind: CSINode\nmetadata:\n  name: node-1\n';
    assert.deepEqual(missingRequired(node), []);
    assert.deepEqual(missingRequired(node + 'spec: {}\n'), []);
    // A driver entry still needs its name and node ID (validateCSINodeDriver).
    assert.deepEqual(missingRequired(node + 'spec:\n  drivers:\n  - name: ebs.csi.aws.com\n'), [
      'Required field `nodeID` is missing in `CSINodeDriver`.',
    ]);
  });

  void test('a token request without audience, and a VolumeAttachment status without attached', () => {
    const driver = `apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata:
  name: secrets-store.csi.k8s.io
spec:
  tokenRequests:
  - expirationSeconds: 3600
  - audience: vault
`;
    assert.deepEqual(missingRequired(driver), []);
    const attachment = `apiVersion: storage.k8s.io/v1
kind: VolumeAttachment
metadata:
  name: csi-0123
spec:
  attacher: ebs.csi.aws.com
  nodeName: node-1
  source:
    persistentVolumeName: pv-1
status:
  attachmentMetadata: {devicePath: /dev/xvdba}
`;
    assert.deepEqual(missingRequired(attachment), []);
  });

  void test('an iSCSI volume without lun (LUN 0) and a ScaleIO volume without secretRef', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  containers:
  - name: app
    image: busybox
    volumeMounts: [{name: lun0, mountPath: /a}, {name: sio, mountPath: /b}]
  volumes:
  - name: lun0
    iscsi:
      targetPortal: 10.0.0.1:3260
      iqn: iqn.2001-04.com.example:storage.disk1
  - name: sio
    scaleIO:
      gateway: https://gateway.example:443/api
      system: scaleio
      volumeName: vol-0
`;
    assert.deepEqual(missingRequired(pod), []);
    const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: lun0
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  iscsi:
    targetPortal: 10.0.0.1:3260
    iqn: iqn.2001-04.com.example:storage.disk1
`;
    assert.deepEqual(missingRequired(volume), []);
  });

  void test('what the API server does require stays required', () => {
    const attachment =
      'apiVersion: storage.k8s.io/v1\nkind: VolumeAttachment\nmetadata:\n  name: csi-0123\n';
    assert.deepEqual(missingRequired(attachment), [
      'Required field `spec` is missing in `VolumeAttachment`.',
    ]);
  });
});
