/**
 * The fixes for mechanical remedies (rules/fixes/workloadFixes.ts, volumeFixes.ts, nameFixes.ts,
 * quantityFixes.ts): each alternative applies cleanly (the finding is gone, no new error) and
 * edits the YAML as a person would.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  getLanguageService,
  type KubeCodeAction,
  type KubeDiagnostic,
  type LanguageService,
} from '../../../../server/src/service';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import {
  quantityCorrections,
  tinySizeCorrections,
} from '../../../../server/src/service/rules/fixes/quantityFixes';
import { caseFixtureText, codes, fixtureText, settings as defaults, settingsFor } from './helpers';

const URI = 'file:///fix/test.yaml';

const isDisable = (a: KubeCodeAction) => /^Disable /.test(a.title.en);

function serviceWith(files: Record<string, string>): LanguageService {
  const s = getLanguageService();
  for (const [uri, text] of Object.entries(files)) s.setFile(uri, text);
  return s;
}

/** The real (not "Disable…") fixes offered for the first `code` diagnostic of `uri`. */
function fixesFor(s: LanguageService, uri: string, code: string): KubeCodeAction[] {
  const settings = settingsFor(code);
  const d = s.getDiagnostics(uri, settings).find((x) => x.code === code);
  assert.ok(d, `no ${code}: ${codes(s.getDiagnostics(uri, settings))}`);
  return s
    .getCodeActions(uri, d.range, settings)
    .filter((a) => a.diagnostic.code === code && !isDisable(a));
}

/** Applies an action's edits to every file they touch; returns the new texts by uri. */
function apply(
  s: LanguageService,
  files: Record<string, string>,
  action: KubeCodeAction,
): Record<string, string> {
  const out = { ...files };
  for (const uri of new Set(action.edits.map((e) => e.uri))) {
    const doc = TextDocument.create(uri, 'yaml', 1, files[uri]!);
    out[uri] = TextDocument.applyEdits(
      doc,
      action.edits.filter((e) => e.uri === uri),
    );
    s.setFile(uri, out[uri], 'disk', 1);
  }
  return out;
}

function errorsOf(list: KubeDiagnostic[]): string[] {
  return list.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message.en}`);
}

/** Every alternative removes the finding and adds no error, in every file it touches. */
function assertEveryFixApplies(files: Record<string, string>, uri: string, code: string): void {
  const settings = settingsFor(code);
  const probe = serviceWith(files);
  const count = probe.getDiagnostics(uri, settings).filter((d) => d.code === code).length;
  const alternatives = fixesFor(probe, uri, code);
  assert.ok(alternatives.length > 0, `no fix for ${code}`);
  for (const [i, first] of alternatives.entries()) {
    const s = serviceWith(files);
    const action = fixesFor(s, uri, code)[i]!;
    assert.equal(action.title.en, first.title.en);
    const beforeErrors = new Set(
      Object.keys(files).flatMap((u) => errorsOf(s.getDiagnostics(u, settings))),
    );
    const fixed = apply(s, files, action);
    const after = s.getDiagnostics(uri, settings);
    assert.ok(
      after.filter((d) => d.code === code).length < count,
      `${action.title.en}: ${code} still there\n${fixed[uri]}`,
    );
    for (const u of Object.keys(files)) {
      const added = errorsOf(s.getDiagnostics(u, settings)).filter((e) => !beforeErrors.has(e));
      assert.deepEqual(added, [], `${action.title.en}: new errors in ${u}\n${fixed[u]}`);
    }
  }
}

void describe('every alternative of every fixable rule applies to its bad.yaml', () => {
  for (const rule of ruleRegistry.filter((r) => r.fixable)) {
    void test(rule.id, () => {
      assertEveryFixApplies({ [URI]: fixtureText(rule.id, 'bad') }, URI, rule.id);
    });
  }
});

const STATEFUL_MYSQL = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  serviceName: mysql
  replicas: 2
  selector:
    matchLabels:
      app: mysql
  template:
    metadata:
      labels:
        app: mysql
    spec:
      containers:
        - name: mysql
          image: mysql:8.4
          volumeMounts:
            - name: data
              mountPath: /var/lib/mysql
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: data
          emptyDir: {}
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  clusterIP: None
  selector:
    app: mysql
`;

void describe('data volumes become claims', () => {
  void test('a StatefulSet emptyDir becomes a volumeClaimTemplates entry of the same name', () => {
    const s = serviceWith({ [URI]: STATEFUL_MYSQL });
    const [action] = fixesFor(s, URI, 'emptydir-for-database-data');
    assert.ok(action);
    assert.equal(
      action.title.en,
      'Move volume `data` to `volumeClaimTemplates` (10Gi per replica)',
    );
    const text = apply(s, { [URI]: STATEFUL_MYSQL }, action)[URI]!;
    assert.match(text, /volumes:\n {8}- name: tmp\n {10}emptyDir: \{\}\n/);
    assert.doesNotMatch(text, /- name: data\n {10}emptyDir/);
    assert.match(
      text,
      /spec:\n {2}volumeClaimTemplates:\n {4}- metadata:\n {8}name: data\n {6}spec:\n {8}accessModes:\n {10}- ReadWriteOnce\n {8}resources:\n {10}requests:\n {12}storage: 10Gi\n {2}serviceName: mysql\n/,
    );
    const after = s.getDiagnostics(URI, defaults);
    assert.deepEqual(errorsOf(after), []);
    assert.equal(after.filter((d) => d.code === 'emptydir-for-database-data').length, 0);
  });

  void test('the only volume of a StatefulSet: `volumes` goes with it', () => {
    const text = STATEFUL_MYSQL.replace(
      '            - name: tmp\n              mountPath: /tmp\n',
      '',
    ).replace('        - name: tmp\n          emptyDir: {}\n', '');
    const s = serviceWith({ [URI]: text });
    const fixed = apply(s, { [URI]: text }, fixesFor(s, URI, 'emptydir-for-database-data')[0]!)[
      URI
    ]!;
    assert.doesNotMatch(fixed, /volumes:/);
    assert.match(fixed, /volumeClaimTemplates:/);
  });

  void test('a Deployment emptyDir becomes a new claim next to it', () => {
    const files = { [URI]: fixtureText('emptydir-for-database-data', 'bad') };
    const s = serviceWith(files);
    const [action] = fixesFor(s, URI, 'emptydir-for-database-data');
    assert.ok(action);
    const text = apply(s, files, action)[URI]!;
    assert.match(text, /- name: data\n {10}persistentVolumeClaim:\n {12}claimName: pg-data\n/);
    assert.match(
      text,
      /\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n {2}name: pg-data\n/,
    );
  });

  void test('a StatefulSet hostPath volume becomes a claim template too', () => {
    const text = STATEFUL_MYSQL.replace(
      '        - name: data\n          emptyDir: {}\n',
      '        - name: data\n          hostPath:\n            path: /srv/mysql\n            type: DirectoryOrCreate\n',
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'hostpath-in-workload');
    const s = serviceWith({ [URI]: text });
    const fixed = apply(s, { [URI]: text }, fixesFor(s, URI, 'hostpath-in-workload')[0]!)[URI]!;
    assert.doesNotMatch(fixed, /hostPath|\/srv\/mysql/);
  });

  void test('a generic ephemeral volume becomes a claim that asks for what its template asked', () => {
    const files = { [URI]: caseFixtureText('emptydir-for-database-data', 'bad-ephemeral') };
    const s = serviceWith(files);
    const [action] = fixesFor(s, URI, 'emptydir-for-database-data');
    assert.ok(action);
    assert.equal(
      action.title.en,
      'Keep volume `pgdata` on a new PersistentVolumeClaim `orders-db-pgdata` (20Gi)',
    );
    const text = apply(s, files, action)[URI]!;
    assert.match(
      text,
      /- name: pgdata\n {10}persistentVolumeClaim:\n {12}claimName: orders-db-pgdata\n/,
    );
    assert.doesNotMatch(text, /ephemeral:/);
    assert.match(
      text,
      /\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n {2}name: orders-db-pgdata\n {2}namespace: shop\nspec:\n {2}accessModes:\n {4}- ReadWriteOnce\n {2}resources:\n {4}requests:\n {6}storage: 20Gi\n/,
    );
    const after = s.getDiagnostics(URI, defaults);
    assert.deepEqual(errorsOf(after), []);
    assert.equal(after.filter((d) => d.code === 'emptydir-for-database-data').length, 0);
  });

  void test('in a StatefulSet, an ephemeral volume moves to volumeClaimTemplates with its spec', () => {
    const text = STATEFUL_MYSQL.replace(
      '        - name: data\n          emptyDir: {}\n',
      '        - name: data\n          ephemeral:\n            volumeClaimTemplate:\n              spec:\n                accessModes: [ReadWriteOncePod]\n                resources:\n                  requests:\n                    storage: 40Gi\n',
    );
    const s = serviceWith({ [URI]: text });
    const [action] = fixesFor(s, URI, 'emptydir-for-database-data');
    assert.ok(action);
    assert.equal(
      action.title.en,
      'Move volume `data` to `volumeClaimTemplates` (40Gi per replica)',
    );
    const fixed = apply(s, { [URI]: text }, action)[URI]!;
    assert.doesNotMatch(fixed, /ephemeral:/);
    assert.match(
      fixed,
      /volumeClaimTemplates:\n {4}- metadata:\n {8}name: data\n {6}spec:\n {8}accessModes:\n {10}- ReadWriteOncePod\n/,
    );
  });

  void test('a DaemonSet emptyDir gets no claim (one claim cannot follow a pod per node)', () => {
    const text = fixtureText('emptydir-for-database-data', 'bad')
      .replace('kind: Deployment', 'kind: DaemonSet')
      .replace('  replicas: 1\n', '');
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(fixesFor(s, URI, 'emptydir-for-database-data'), []);
  });
});

void describe('volumes and classes', () => {
  void test('a local volume gets a nodeAffinity skeleton on kubernetes.io/hostname', () => {
    const files = { [URI]: fixtureText('local-volume-without-node-affinity', 'bad') };
    const s = serviceWith(files);
    const text = apply(s, files, fixesFor(s, URI, 'local-volume-without-node-affinity')[0]!)[URI]!;
    assert.match(
      text,
      /spec:\n {2}nodeAffinity:\n {4}required:\n {6}nodeSelectorTerms:\n {8}- matchExpressions:\n {12}- key: kubernetes.io\/hostname\n {14}operator: In\n {14}values:\n {16}- node-1\n {2}capacity:/,
    );
  });

  void test('two default classes in two files: "keep this one" unmarks the other file', () => {
    const [gp3, standard] = fixtureText('multiple-default-storage-classes', 'bad')
      .split(/^---\n/m)
      .filter((t) => t.trim());
    const files = { 'file:///w/gp3.yaml': gp3!, 'file:///w/standard.yaml': standard! };
    const s = serviceWith(files);
    const [action] = fixesFor(s, 'file:///w/gp3.yaml', 'multiple-default-storage-classes');
    assert.ok(action);
    assert.equal(action.title.en, 'Keep `gp3` as the only default class (unmark `standard`)');
    assert.deepEqual([...new Set(action.edits.map((e) => e.uri))], ['file:///w/standard.yaml']);
    const fixed = apply(s, files, action);
    // Its only annotation removed, `annotations:` goes too.
    assert.match(fixed['file:///w/standard.yaml']!, /metadata:\n {2}name: standard\nprovisioner:/);
    for (const uri of Object.keys(files)) {
      assert.deepEqual(
        s
          .getDiagnostics(uri, defaults)
          .filter((d) => d.code === 'multiple-default-storage-classes'),
        [],
      );
    }
  });

  void test('volume-name-not-found offers the nearest fitting volume first, then removal', () => {
    const pv = (name: string, cls: string) =>
      `---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: "${cls}"\n  nfs:\n    server: 10.0.0.5\n    path: /exports/${name}\n`;
    const text =
      fixtureText('volume-name-not-found', 'bad') +
      pv('archive', '') +
      pv('pv-date', '') +
      pv('pv-fast', 'fast');
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(
      fixesFor(s, URI, 'volume-name-not-found').map((a) => a.title.en),
      ['Use `pv-date`', 'Use `archive`', 'Remove `volumeName` (bind to any fitting volume)'],
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'volume-name-not-found');
  });

  void test('storage-class-not-found offers the workspace classes, nearest first', () => {
    const text =
      fixtureText('storage-class-not-found', 'bad') +
      '---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast-sdd\nprovisioner: pd.csi.storage.gke.io\n';
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(
      fixesFor(s, URI, 'storage-class-not-found').map((a) => a.title.en),
      ['Use `fast-sdd`', "Remove `storageClassName` (use the cluster's default class)"],
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'storage-class-not-found');
  });

  void test('a claim that will stay Pending can take a class that provisions', () => {
    const text =
      fixtureText('claim-will-stay-pending', 'bad') +
      '---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\nprovisioner: ebs.csi.aws.com\n';
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(
      fixesFor(s, URI, 'claim-will-stay-pending').map((a) => a.title.en),
      [
        'Use StorageClass `standard`',
        "Remove `storageClassName` (the cluster's default class provisions a volume)",
      ],
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'claim-will-stay-pending');
  });
});

void describe('workloads', () => {
  void test('shared-rwo-claim-replicas: one replica, Recreate replacing rollingUpdate', () => {
    const text = fixtureText('shared-rwo-claim-replicas', 'bad').replace(
      '  replicas: 3\n',
      '  replicas: 3\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n',
    );
    const s = serviceWith({ [URI]: text });
    const fixed = apply(s, { [URI]: text }, fixesFor(s, URI, 'shared-rwo-claim-replicas')[0]!)[
      URI
    ]!;
    assert.match(fixed, /spec:\n {2}replicas: 1\n {2}strategy:\n {4}type: Recreate\n {2}selector:/);
    assertEveryFixApplies({ [URI]: text }, URI, 'shared-rwo-claim-replicas');
  });

  void test('rollingUpdate with OnDelete: both alternatives apply', () => {
    const s = serviceWith({
      [URI]: fixtureText('statefulset-rolling-update-with-on-delete', 'bad'),
    });
    assert.deepEqual(
      fixesFor(s, URI, 'statefulset-rolling-update-with-on-delete').map((a) => a.title.en),
      ['Remove `rollingUpdate` (keep `OnDelete`)', 'Use `type: RollingUpdate`'],
    );
  });

  void test('a storage limit below the request: remove it (with `limits`) or raise it', () => {
    const files = { [URI]: fixtureText('storage-limit-below-request', 'bad') };
    const s = serviceWith(files);
    const actions = fixesFor(s, URI, 'storage-limit-below-request');
    assert.deepEqual(
      actions.map((a) => a.title.en),
      ['Remove the limit', 'Raise the limit to the request'],
    );
    const removed = apply(serviceWith(files), files, actions[0]!)[URI]!;
    assert.doesNotMatch(removed, /limits/);
    assert.match(removed, /requests:\n {6}storage: 10Gi/);
    assertEveryFixApplies(files, URI, 'storage-limit-below-request');
  });

  void test('an absolute subPath becomes relative', () => {
    const s = serviceWith({ [URI]: fixtureText('unsafe-sub-path', 'bad') });
    const [action] = fixesFor(s, URI, 'unsafe-sub-path');
    assert.ok(action);
    assert.match(action.title.en, /^Use `subPath: [^/`]/);
  });
});

void describe('quantities', () => {
  void test('the units people write, turned into the ones Kubernetes reads', () => {
    assert.deepEqual(quantityCorrections('10GB'), ['10Gi', '10G']);
    assert.deepEqual(quantityCorrections('500mi'), ['500Mi']);
    assert.deepEqual(quantityCorrections('5 Gi'), ['5Gi']);
    assert.deepEqual(quantityCorrections('1,5Ti'), ['1.5Ti']);
    assert.deepEqual(quantityCorrections('100KB'), ['100Ki', '100k']);
    assert.deepEqual(quantityCorrections('250 m'), ['250m']);
    assert.deepEqual(quantityCorrections('lots'), []);
  });

  void test('a tiny storage size: a unit for a bare number, mega for milli, nothing for the rest', () => {
    assert.deepEqual(tinySizeCorrections('10'), ['10Gi']);
    assert.deepEqual(tinySizeCorrections('0.5'), ['0.5Gi']);
    assert.deepEqual(tinySizeCorrections('500m'), ['500Mi', '500M']);
    assert.deepEqual(tinySizeCorrections('1k'), []);
    assert.deepEqual(tinySizeCorrections('1e6'), []);
    assert.deepEqual(tinySizeCorrections('512Ki'), []);
    assert.deepEqual(tinySizeCorrections('+10'), []);
    assert.deepEqual(tinySizeCorrections('0x10'), []);
  });

  void test('storage-size-without-unit: both corrections of `500m` apply', () => {
    const text = fixtureText('storage-size-without-unit', 'bad').replace(
      /storage: \S+/,
      'storage: 500m',
    );
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(
      fixesFor(s, URI, 'storage-size-without-unit').map((a) => a.title.en),
      ['Change to `500Mi`', 'Change to `500M`'],
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'storage-size-without-unit');
  });

  void test('invalid-quantity: each proposed unit applies and leaves a valid claim', () => {
    const text = fixtureText('claim-without-storage-request', 'good').replace(
      /storage: \S+/,
      'storage: 10GB',
    );
    const s = serviceWith({ [URI]: text });
    assert.deepEqual(
      fixesFor(s, URI, 'invalid-quantity').map((a) => a.title.en),
      ['Change to `10Gi`', 'Change to `10G`'],
    );
    assertEveryFixApplies({ [URI]: text }, URI, 'invalid-quantity');
  });
});
