/** Ephemeral storage rules: the kubelet and autoscaler details (fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, diagnose, settings, settingsFor } from './helpers';

/** A Deployment whose container `app` writes to volume `v` (given as YAML flow text). */
function deployment(options: {
  volume: string;
  resources?: string;
  initResources?: string;
  podResources?: string;
  annotations?: string;
  kind?: string;
}): string {
  const lines = [
    'apiVersion: apps/v1',
    `kind: ${options.kind ?? 'Deployment'}`,
    'metadata: {name: app}',
    'spec:',
    '  selector: {matchLabels: {app: app}}',
    '  template:',
    '    metadata:',
    '      labels: {app: app}',
  ];
  if (options.annotations) lines.push(`      annotations: ${options.annotations}`);
  lines.push('    spec:');
  if (options.podResources) lines.push(`      resources: ${options.podResources}`);
  if (options.initResources) {
    lines.push(
      '      initContainers:',
      '        - name: prepare',
      '          image: example/prepare:1',
      `          resources: ${options.initResources}`,
    );
  }
  lines.push(
    '      containers:',
    '        - name: app',
    '          image: example/app:1',
    ...(options.resources ? [`          resources: ${options.resources}`] : []),
    '          volumeMounts: [{name: v, mountPath: /scratch}]',
    `      volumes: [{name: v, ${options.volume}}]`,
    '',
  );
  return lines.join('\n');
}

const count = (text: string, code: string, s = settingsFor(code)): number =>
  diagnose({ 'file:///app.yaml': text }, undefined, s).filter((d) => d.code === code).length;

void describe('emptydir-without-size-limit in detail', () => {
  const code = 'emptydir-without-size-limit';

  void test('any ephemeral-storage limit in the pod bounds it: init, regular or pod-level', () => {
    assert.equal(count(deployment({ volume: 'emptyDir: {}' }), code), 1);
    const limit = '{limits: {ephemeral-storage: 1Gi}}';
    assert.equal(count(deployment({ volume: 'emptyDir: {}', resources: limit }), code), 0);
    assert.equal(count(deployment({ volume: 'emptyDir: {}', initResources: limit }), code), 0);
    assert.equal(count(deployment({ volume: 'emptyDir: {}', podResources: limit }), code), 0);
  });

  void test('the volume type is a word before the quoted volume name', () => {
    const found = diagnose(
      { 'file:///app.yaml': deployment({ volume: 'emptyDir: {}' }) },
      undefined,
      settingsFor(code),
    ).find((d) => d.code === code);
    assert.ok(found);
    assert.match(found.message.ru, /^У тома emptyDir `v` нет `sizeLimit`/);
    assert.match(found.message.en, /^`emptyDir` volume `v` has no `sizeLimit`/);
  });

  void test('a request is not a limit, and `medium: ""` is the disk', () => {
    const request = '{requests: {ephemeral-storage: 1Gi}}';
    assert.equal(count(deployment({ volume: 'emptyDir: {}', resources: request }), code), 1);
    assert.equal(count(deployment({ volume: 'emptyDir: {medium: ""}' }), code), 1);
    assert.equal(count(deployment({ volume: 'emptyDir: {medium: Memory}' }), code), 0);
    assert.equal(count(deployment({ volume: 'emptyDir: {sizeLimit: 500Mi}' }), code), 0);
  });

  /** A CSI controller pod: containers (YAML flow lines) sharing volume `socket-dir`. */
  const csiPod = (...containers: string[]): string =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: csi-controller}',
      'spec:',
      '  containers:',
      ...containers.map((c) => `    - ${c}`),
      '  volumes: [{name: socket-dir, emptyDir: {}}]',
      '',
    ].join('\n');
  const sidecar = (args: string, mount = '/csi', env = '') =>
    `{name: sidecar, image: registry.k8s.io/sig-storage/csi-attacher:v4.8.0, args: ${args}${env}, volumeMounts: [{name: socket-dir, mountPath: ${mount}}]}`;
  const driver = (args: string, mount = '/csi', extra = '') =>
    `{name: driver, image: example/driver:1, args: ${args}, volumeMounts: [{name: socket-dir, mountPath: ${mount}${extra}}]}`;

  void test('a CSI socket folder: every writer names a socket in it, a sidecar as --csi-address', () => {
    const quiet: [string, string][] = [
      [
        'literal',
        csiPod(
          sidecar('[--csi-address=/csi/csi.sock]'),
          driver('[--endpoint=unix:///csi/csi.sock]'),
        ),
      ],
      [
        'single dash, $(VAR)',
        csiPod(
          sidecar(
            '["-csi-address=$(ADDRESS)"]',
            '/csi',
            ', env: [{name: ADDRESS, value: /csi/csi.sock}]',
          ),
          driver('["--endpoint=unix:/csi/csi.sock"]'),
        ),
      ],
      [
        'two words, trailing slash',
        csiPod(
          sidecar('[--csi-address, /csi/csi.sock]', '/csi/'),
          driver('[--endpoint, unix:///csi/csi.sock]'),
        ),
      ],
      [
        'socket by its .sock name',
        csiPod(
          sidecar('[--csi-address=/plugin/csi.sock]', '/plugin'),
          driver('[--listen=/plugin/csi.sock]', '/plugin'),
        ),
      ],
      [
        'the driver only reads',
        csiPod(
          sidecar('[--csi-address=/csi/csi.sock]'),
          driver('[--v=5]', '/csi', ', readOnly: true'),
        ),
      ],
    ];
    for (const [how, text] of quiet) assert.equal(count(text, code), 0, how);
  });

  /** A node-driver-registrar mounting `socket-dir` at `mount`, told `path` as its kubelet's socket. */
  const registrar = (path: string, mount: string) =>
    `{name: registrar, image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.13.0, args: ['--kubelet-registration-path=${path}'], volumeMounts: [{name: socket-dir, mountPath: '${mount}'}]}`;

  void test("the registrar's probe folder: the folder of --kubelet-registration-path", () => {
    const linux = '/var/lib/kubelet/plugins/disk.example.com';
    assert.equal(count(csiPod(registrar(`${linux}/csi.sock`, `${linux}/`)), code), 0, 'linux');
    const windows = 'C:\\var\\lib\\kubelet\\plugins\\disk.example.com';
    assert.equal(
      count(csiPod(registrar(`${windows}\\csi.sock`, windows.toUpperCase())), code),
      0,
      'windows, any case',
    );
    assert.equal(
      count(csiPod(registrar(`${windows}\\csi.sock`, 'C:\\csi')), code),
      1,
      'windows, another folder',
    );
    assert.equal(
      count(csiPod(registrar(`${linux}/csi.sock`, '/var/lib/kubelet/plugins')), code),
      1,
      'the socket lies deeper than the mount',
    );
    assert.equal(
      count(csiPod(registrar(`${linux}/csi.sock`, linux), driver('[--v=5]', linux)), code),
      1,
      'another writer names no socket there',
    );
  });

  void test('not a CSI socket folder: reported as any emptyDir', () => {
    const loud: [string, string][] = [
      ['no --csi-address', csiPod(driver('[--endpoint=unix:///csi/csi.sock]'))],
      [
        'a writer names no socket there',
        csiPod(sidecar('[--csi-address=/csi/csi.sock]'), driver('[--v=5]')),
      ],
      [
        'the socket lies deeper',
        csiPod(
          sidecar('[--csi-address=/csi/run/csi.sock]'),
          driver('[--endpoint=unix:///csi/run/csi.sock]'),
        ),
      ],
      [
        'a sub-path mount',
        csiPod(
          sidecar('[--csi-address=/csi/csi.sock]'),
          driver('[--endpoint=unix:///csi/csi.sock]', '/csi', ', subPath: run'),
        ),
      ],
      [
        'the address is elsewhere',
        csiPod(
          sidecar('[--csi-address=/var/run/csi.sock]'),
          driver('[--endpoint=unix:///csi/csi.sock]'),
        ),
      ],
    ];
    for (const [how, text] of loud) assert.equal(count(text, code), 1, how);
  });

  void test('the message names the volume and the writers, in both languages', () => {
    const [d] = diagnose({ 'file:///app.yaml': deployment({ volume: 'emptyDir: {}' }) }).filter(
      (x) => x.code === code,
    );
    assert.ok(d);
    assert.equal(d.severity, 'information');
    assert.match(d.message.en, /`v`.*\(`app`\)/);
    assert.match(d.message.ru, /`v`.*\(`app`\)/);
  });
});

void describe('memory-emptydir-without-limit in detail', () => {
  const code = 'memory-emptydir-without-limit';

  void test('no sizeLimit and a writer without a memory limit: reported once on `medium`', () => {
    const text = deployment({ volume: 'emptyDir: {medium: Memory}' });
    const hits = diagnose({ 'file:///app.yaml': text }).filter((d) => d.code === code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /no memory limit/);
  });

  void test("the writer's memory limit or a sizeLimit bounds the tmpfs", () => {
    const limited = '{limits: {memory: 512Mi}}';
    assert.equal(
      count(deployment({ volume: 'emptyDir: {medium: Memory}', resources: limited }), code),
      0,
    );
    assert.equal(
      count(deployment({ volume: 'emptyDir: {medium: Memory, sizeLimit: 64Mi}' }), code),
      0,
    );
    assert.equal(
      count(deployment({ volume: 'emptyDir: {medium: Memory}', podResources: limited }), code),
      0,
    );
  });

  void test("a sizeLimit above the writer's memory limit is reported with both sizes", () => {
    const text = deployment({
      volume: 'emptyDir: {medium: Memory, sizeLimit: 2Gi}',
      resources: '{limits: {memory: 512Mi}}',
    });
    const hits = diagnose({ 'file:///app.yaml': text }).filter((d) => d.code === code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /2Gi.*512Mi/);
    const fits = deployment({
      volume: 'emptyDir: {medium: Memory, sizeLimit: 256Mi}',
      resources: '{limits: {memory: 512Mi}}',
    });
    assert.equal(count(fits, code), 0);
  });
});

void describe('local-storage-blocks-scale-down in detail', () => {
  const code = 'local-storage-blocks-scale-down';
  const scratch = deployment({ volume: 'emptyDir: {}' });

  void test('off by default; on when given a level', () => {
    assert.equal(count(scratch, code, settings), 0);
    assert.equal(count(scratch, code), 1);
    const hint = diagnose({ 'file:///app.yaml': scratch }, undefined, settingsFor(code)).find(
      (d) => d.code === code,
    );
    assert.equal(hint?.severity, 'hint');
  });

  void test('hostPath and disk emptyDir block; memory emptyDir and claims do not', () => {
    assert.equal(count(deployment({ volume: 'hostPath: {path: /srv/cache}' }), code), 1);
    assert.equal(count(deployment({ volume: 'emptyDir: {medium: Memory}' }), code), 0);
    assert.equal(count(deployment({ volume: 'persistentVolumeClaim: {claimName: c}' }), code), 0);
  });

  void test('safe-to-evict (either value) and a complete safe-to-evict-local-volumes list silence it', () => {
    const annotated = (a: string) => deployment({ volume: 'emptyDir: {}', annotations: a });
    assert.equal(
      count(annotated('{cluster-autoscaler.kubernetes.io/safe-to-evict: "true"}'), code),
      0,
    );
    assert.equal(
      count(annotated('{cluster-autoscaler.kubernetes.io/safe-to-evict: "false"}'), code),
      0,
    );
    assert.equal(
      count(annotated('{cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes: "v"}'), code),
      0,
    );
    assert.equal(
      count(
        annotated('{cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes: "other"}'),
        code,
      ),
      1,
    );
  });

  void test('DaemonSets are not checked (their pods never block scale-down)', () => {
    assert.equal(count(deployment({ volume: 'emptyDir: {}', kind: 'DaemonSet' }), code), 0);
  });

  void test('the quick fix lists every local volume of the pod template', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        metadata:',
      '          labels:',
      '            app: nightly',
      '        spec:',
      '          restartPolicy: OnFailure',
      '          containers:',
      '            - name: export',
      '              image: example/export:1',
      '              resources:',
      '                limits:',
      '                  ephemeral-storage: 2Gi',
      '          volumes:',
      '            - name: work',
      '              emptyDir: {}',
      '            - name: node-cache',
      '              hostPath:',
      '                path: /var/cache/export',
      '',
    ].join('\n');
    const { text: fixed, after } = applyFirstFix(text, code);
    assert.match(
      fixed,
      /metadata:\n {10}annotations:\n {12}cluster-autoscaler\.kubernetes\.io\/safe-to-evict-local-volumes: work,node-cache\n {10}labels:/,
    );
    assert.equal(after.filter((d) => d.code === code).length, 0);
  });
});
