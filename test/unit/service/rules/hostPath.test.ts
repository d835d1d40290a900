/** The hostPath rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose } from './helpers';

void describe('hostPath rules in detail', () => {
  /** A workload of `kind` mounting host path `path` with `mount` (YAML flow fields). */
  const hostMount = (kind: string, path: string, mount: string): string =>
    [
      'apiVersion: apps/v1',
      `kind: ${kind}`,
      'metadata: {name: agent}',
      'spec:',
      '  selector: {matchLabels: {app: agent}}',
      '  template:',
      '    metadata: {labels: {app: agent}}',
      '    spec:',
      '      containers:',
      '        - name: agent',
      '          image: example/agent:1',
      `          volumeMounts: [{name: host, mountPath: /host, ${mount}}]`,
      `      volumes: [{name: host, hostPath: {path: ${path}}}]`,
      '',
    ].join('\n');
  const daemonSet = (path: string, readOnly: boolean): string =>
    hostMount('DaemonSet', path, `readOnly: ${readOnly}`);
  const sensitive = (text: string) =>
    diagnose({ 'file:///ds.yaml': text }).filter((d) => d.code === 'sensitive-host-path').length;

  void test("hostpath-in-workload: read-only node installs are no data; a user's home or /opt/<app> is", () => {
    const inWorkload = (path: string) =>
      diagnose({ 'file:///d.yaml': hostMount('Deployment', path, 'readOnly: true') }).filter(
        (d) => d.code === 'hostpath-in-workload',
      ).length;
    const counts = (paths: string[]) => paths.map(inWorkload);
    assert.deepEqual(
      counts(['/usr/bin', '/home/kubernetes', '/opt/bin', '/home/ci/.kube']),
      [0, 0, 0, 0],
    );
    assert.deepEqual(counts(['/home/alice/datasets', '/opt/models', '/srv/assets']), [1, 1, 1]);
  });

  void test('sensitive-host-path: /proc read-only is what metrics agents do; writable is not', () => {
    assert.equal(sensitive(daemonSet('/proc', true)), 0);
    assert.equal(sensitive(daemonSet('/proc', false)), 1, 'an unprivileged agent that only reads');
    assert.equal(sensitive(daemonSet('/var/lib/docker/containers', true)), 0);
  });

  const deployment = (path: string): string =>
    daemonSet(path, true)
      .replace('kind: DaemonSet', 'kind: Deployment')
      .replace('spec:\n  selector', 'spec:\n  replicas: 1\n  selector');

  void test('sensitive-host-path: /etc and / count even read-only, in node agents too; paths are normalised', () => {
    assert.equal(sensitive(daemonSet('/etc/', true)), 1);
    assert.equal(sensitive(daemonSet('/var/log/../../etc/kubernetes', true)), 1);
    assert.equal(sensitive(daemonSet('//', true)), 1);
    assert.equal(sensitive(daemonSet('/srv/etc', true)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/pods', true)), 1);
  });

  void test('sensitive-host-path: the runtime socket counts in an application, not in a node agent', () => {
    assert.equal(sensitive(deployment('/var/run/docker.sock')), 1);
    assert.equal(sensitive(deployment('/run/containerd/containerd.sock')), 1);
    assert.equal(sensitive(deployment('/var/run')), 1);
    assert.equal(sensitive(daemonSet('/var/run/docker.sock', true)), 0);
    assert.equal(sensitive(daemonSet('/run/containerd/containerd.sock', true)), 0);
  });

  void test('sensitive-host-path: node plumbing and harmless node files are not reported', () => {
    assert.equal(sensitive(deployment('/etc/localtime')), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/plugins/example.csi.vendor.io', false)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/plugins_registry/', false)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/device-plugins', false)), 0);
    assert.equal(sensitive(daemonSet('/etc/cni/net.d', false)), 0);
    assert.equal(sensitive(daemonSet('/lib/modules', true)), 0);
  });

  const pod = (volume: string, mount: string): string =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: app}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: example/app:1',
      `      volumeMounts: [${mount}]`,
      `  volumes: [${volume}]`,
      '',
    ].join('\n');
  const found = (text: string, code: string) =>
    diagnose({ 'file:///pod.yaml': text }).filter((d) => d.code === code);

  void test('sensitive-host-path: a file or settings folder of /etc is no secret: reported only when written', () => {
    for (const path of [
      '/etc/hosts',
      '/etc/projid',
      '/etc/udev',
      '/etc/nvidia',
      '/etc/resolv.conf',
    ]) {
      assert.equal(sensitive(deployment(path)), 0, path);
      assert.equal(sensitive(daemonSet(path, true)), 0, path);
    }
    const written = found(
      pod(
        '{name: hosts, hostPath: {path: /etc/hosts, type: File}}',
        '{name: hosts, mountPath: /h}',
      ),
      'sensitive-host-path',
    );
    assert.equal(written.length, 1);
    assert.match(
      written[0]!.message.en,
      /mounted writable: the container can change the node's own settings/,
    );
    assert.doesNotMatch(written[0]!.message.en, /certificates|keys/);
    const privileged = daemonSet('/etc/projects', false).replace(
      'image: example/agent:1',
      'image: example/agent:1\n          securityContext: {privileged: true}',
    );
    assert.equal(sensitive(privileged), 0, 'a privileged helper writes /etc/projects by design');
  });

  void test('sensitive-host-path: places with secrets count even read-only, and the message names what they hold', () => {
    const message = (path: string) =>
      found(
        pod(`{name: h, hostPath: {path: ${path}}}`, '{name: h, mountPath: /h, readOnly: true}'),
        'sensitive-host-path',
      ).map((d) => d.message.en);
    const cases: [string, RegExp][] = [
      ['/etc', /whole configuration with its secrets/],
      ['/etc/kubernetes', /the kubelet and the cluster keep their configuration and credentials/],
      ['/etc/kubelet.conf', /the kubelet and the cluster keep/],
      ['/etc/ssh', /private host keys/],
      ['/etc/shadow', /password hashes/],
      ['/etc/ssl', /TLS private keys/],
      ['/etc/pki/tls/private/node.key', /TLS private keys/],
      ['/root', /root's home directory/],
      ['/var/lib/etcd', /etcd's data/],
    ];
    for (const [path, text] of cases) {
      const messages = message(path);
      assert.equal(messages.length, 1, path);
      assert.match(messages[0]!, text, path);
    }
    assert.deepEqual(message('/etc/ssl/certs'), [], 'public CA certificates');
  });

  void test('log sockets: no device wording and no readOnly advice, in either rule', () => {
    for (const [path, type] of [
      ['/dev/log', 'Socket'],
      ['/dev/log', ''],
      ['/run/systemd/journal/socket', 'Socket'],
      ['/var/run/systemd/journal/socket', ''],
    ]) {
      const text = pod(
        `{name: log, hostPath: {path: ${path}${type ? `, type: ${type}` : ''}}}`,
        '{name: log, mountPath: /dev/log}',
      );
      const all = diagnose({ 'file:///pod.yaml': text });
      assert.deepEqual(
        all
          .filter((d) => d.code.endsWith('host-path') || d.code === 'hostpath-in-workload')
          .map((d) => d.code),
        [],
        `${path} ${type}`,
      );
    }
    assert.equal(
      sensitive(deployment('/run/systemd/private')),
      1,
      "systemd's own bus stays reported",
    );
  });

  void test('sensitive-host-path: a socket or device hostPath gets no readOnly advice; the runtime socket still counts', () => {
    const socket = pod(
      '{name: s, hostPath: {path: /var/lib/containerd/app.sock, type: Socket}}',
      '{name: s, mountPath: /s}',
    );
    assert.equal(found(socket, 'sensitive-host-path').length, 0);
    assert.equal(found(socket, 'writable-host-path').length, 0);
    const device = pod(
      '{name: d, hostPath: {path: /dev/fuse, type: CharDevice}}',
      '{name: d, mountPath: /dev/fuse}',
    );
    assert.equal(found(device, 'sensitive-host-path').length, 0);
    const docker = pod(
      '{name: s, hostPath: {path: /var/run/docker.sock, type: Socket}}',
      '{name: s, mountPath: /var/run/docker.sock}',
    );
    const hits = found(docker, 'sensitive-host-path');
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /`readOnly` does not restrict a socket/);
  });

  void test('sensitive-host-path: hostPath PersistentVolumes follow the same paths', () => {
    const pv = (path: string, type = '') =>
      [
        'apiVersion: v1',
        'kind: PersistentVolume',
        'metadata: {name: pv}',
        'spec:',
        '  capacity: {storage: 1Gi}',
        '  accessModes: [ReadWriteOnce]',
        `  hostPath: {path: ${path}${type ? `, type: ${type}` : ''}}`,
        '',
      ].join('\n');
    const messages = (text: string) => found(text, 'sensitive-host-path').map((d) => d.message.en);
    assert.match(messages(pv('/etc/kubernetes/pki'))[0] ?? '', /credentials/);
    assert.match(messages(pv('/etc/udev'))[0] ?? '', /node's own settings/);
    assert.deepEqual(messages(pv('/dev/log', 'Socket')), []);
    assert.deepEqual(messages(pv('/dev/kvm', 'CharDevice')), []);
  });

  const hits = (text: string, code: string) =>
    diagnose({ 'file:///agent.yaml': text }).filter((d) => d.code === code);
  const follow = 'mountPropagation: HostToContainer';

  void test('kubelet pod and plugin directories: a DaemonSet following their mounts is a node agent at work', () => {
    for (const path of [
      '/var/lib/kubelet/pods',
      '/var/lib/kubelet/pods/',
      '/var/lib/kubelet/plugins',
      '/var/lib/kubelet/plugins/kubernetes.io/csi',
    ]) {
      const agent = hostMount('DaemonSet', path, follow);
      assert.deepEqual(hits(agent, 'sensitive-host-path'), [], path);
      assert.deepEqual(hits(agent, 'writable-host-path'), [], `${path}: restore writes there`);
    }
  });

  void test('kubelet pod and plugin directories: still reported outside such a DaemonSet', () => {
    for (const path of ['/var/lib/kubelet/pods', '/var/lib/kubelet/plugins']) {
      const inDeployment = hostMount('Deployment', path, follow);
      assert.equal(hits(inDeployment, 'sensitive-host-path').length, 1, `${path} in a Deployment`);
      assert.equal(hits(inDeployment, 'writable-host-path').length, 1, `${path} in a Deployment`);
      const noPropagation = hostMount('DaemonSet', path, 'readOnly: false');
      assert.equal(hits(noPropagation, 'sensitive-host-path').length, 1, `${path} unpropagated`);
      assert.equal(hits(noPropagation, 'writable-host-path').length, 1, `${path} unpropagated`);
    }
    const root = hostMount('DaemonSet', '/var/lib/kubelet', follow);
    const rootHits = hits(root, 'sensitive-host-path');
    assert.equal(rootHits.length, 1, "the kubelet's root holds its credentials too");
    assert.match(rootHits[0]!.message.en, /the kubelet's whole directory: its credentials/);
    assert.equal(hits(root, 'writable-host-path').length, 1);
    const csiPlugin = hostMount(
      'DaemonSet',
      '/var/lib/kubelet',
      'mountPropagation: Bidirectional',
    ).replace(
      'image: example/agent:1',
      'image: example/agent:1\n          securityContext: {privileged: true}',
    );
    assert.deepEqual(hits(csiPlugin, 'sensitive-host-path'), [], 'a CSI node plugin');
  });

  void test('kubelet pod and plugin directories: each has its own true message', () => {
    const message = (path: string) =>
      hits(hostMount('Deployment', path, 'readOnly: true'), 'sensitive-host-path').map(
        (d) => d.message,
      );
    const [pods] = message('/var/lib/kubelet/pods');
    assert.match(pods!.en, /the kubelet's pod directory, where it mounts the volumes of every pod/);
    assert.match(pods!.en, /Secrets and service account tokens/);
    const [podInside] = message('/var/lib/kubelet/pods/0c4b/volumes');
    assert.match(podInside!.en, /lies in the kubelet's pod directory `\/var\/lib\/kubelet\/pods`/);
    const [plugins] = message('/var/lib/kubelet/plugins');
    assert.match(
      plugins!.en,
      /the kubelet's plugin directory: the sockets of the node's CSI and DRA drivers/,
    );
    assert.match(plugins!.en, /staging mounts of the volumes attached to the node/);
    assert.doesNotMatch(plugins!.en, /Secrets|every pod on the node/, 'not the pods text');
    const [staging] = message('/var/lib/kubelet/plugins/kubernetes.io/csi');
    assert.match(staging!.en, /where the kubelet stages the volumes attached to the node/);
    for (const m of [pods!, podInside!, plugins!, staging!]) {
      assert.doesNotMatch(m.en, /Only a CSI node plugin/);
      assert.match(m.en, /a backup agent such as Velero's node agent/);
      assert.match(m.ru, /node agent Velero/);
    }
  });

  /** A metrics DaemonSet reading host `path` at /host/root; `podSc` and `sc` are flow maps. */
  const reader = (path: string, podSc: string, sc: string, mount = 'readOnly: true'): string =>
    [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: metrics}',
      'spec:',
      '  selector: {matchLabels: {app: metrics}}',
      '  template:',
      '    metadata: {labels: {app: metrics}}',
      '    spec:',
      ...(podSc ? [`      securityContext: ${podSc}`] : []),
      '      containers:',
      '        - name: exporter',
      '          image: example/exporter:1',
      ...(sc ? [`          securityContext: ${sc}`] : []),
      `          volumeMounts: [{name: root, mountPath: /host/root, mountPropagation: HostToContainer, ${mount}}]`,
      `      volumes: [{name: root, hostPath: {path: ${path}}}]`,
      '',
    ].join('\n');
  const nobodyPod = '{runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true, fsGroup: 65534}';
  const noEscalation = '{allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}';
  const sensitiveOf = (text: string) =>
    diagnose({ 'file:///metrics.yaml': text }).filter((d) => d.code === 'sensitive-host-path');

  void test('sensitive-host-path: an ordinary non-root user reading / or /etc read-only sees only world-readable files', () => {
    for (const path of ['/', '/etc', '/etc/']) {
      assert.deepEqual(sensitiveOf(reader(path, nobodyPod, noEscalation)), [], path);
    }
    const containerLevel = reader(
      '/',
      '',
      '{runAsNonRoot: true, runAsGroup: 1000, allowPrivilegeEscalation: false}',
    );
    assert.deepEqual(sensitiveOf(containerLevel), [], 'runAsNonRoot with a non-zero group');
    // Places of secrets stay reported whoever reads them: mounting them is asking for them.
    const credentials = sensitiveOf(reader('/etc/kubernetes', nobodyPod, noEscalation));
    assert.equal(credentials.length, 1);
    assert.match(credentials[0]!.message.en, /credentials/);
    assert.equal(sensitiveOf(reader('/var/lib/kubelet', nobodyPod, noEscalation)).length, 1);
  });

  void test('sensitive-host-path: / read by root keeps the takeover warning', () => {
    for (const [podSc, sc] of [
      ['', ''],
      ['{runAsUser: 0}', noEscalation],
      [nobodyPod, '{runAsUser: 0, allowPrivilegeEscalation: false}'],
      ['{runAsGroup: 65534}', noEscalation],
    ] as const) {
      const hits = sensitiveOf(reader('/', podSc, sc));
      assert.equal(hits.length, 1, `${podSc} ${sc}`);
      assert.match(hits[0]!.message.en, /can take over the node, even with `readOnly`/);
    }
  });

  void test('sensitive-host-path: a non-root user short of an ordinary one is told what it lacks', () => {
    const written = sensitiveOf(reader('/', nobodyPod, noEscalation, 'readOnly: false'));
    assert.equal(written.length, 1, 'a writable / stays reported');
    assert.match(written[0]!.message.en, /Container `exporter` runs as a non-root user/);
    assert.match(written[0]!.message.en, /only with these settings: `readOnly: true`\./);
    assert.doesNotMatch(written[0]!.message.en, /allowPrivilegeEscalation/);

    const escalates = sensitiveOf(reader('/', nobodyPod, '{readOnlyRootFilesystem: true}'));
    assert.equal(escalates.length, 1, 'setuid programs of the node make it root');
    assert.match(escalates[0]!.message.en, /`allowPrivilegeEscalation: false` \(else a setuid/);
    assert.match(escalates[0]!.message.en, /the kubelet's credentials and every pod's secrets/);
    assert.match(escalates[0]!.message.ru, /работает не от root/);

    const rootGroup = sensitiveOf(reader('/', '{runAsUser: 1000}', noEscalation));
    assert.equal(rootGroup.length, 1, 'without runAsGroup the group may be 0');
    assert.match(rootGroup[0]!.message.en, /a non-zero `runAsGroup`/);
    const groups = sensitiveOf(
      reader(
        '/etc',
        '{runAsUser: 1000, runAsGroup: 1000, fsGroup: 0, supplementalGroups: [0]}',
        noEscalation,
      ),
    );
    assert.equal(groups.length, 1);
    assert.match(groups[0]!.message.en, /the node's whole configuration/);
    assert.match(groups[0]!.message.en, /a non-zero `fsGroup`.*`supplementalGroups` without 0/);
    const caps = sensitiveOf(
      reader(
        '/',
        nobodyPod,
        '{allowPrivilegeEscalation: false, capabilities: {add: [SYS_TIME, cap_dac_read_search]}}',
      ),
    );
    assert.equal(caps.length, 1);
    assert.match(
      caps[0]!.message.en,
      /only with these settings: `capabilities.add` without capabilities that read any file or change the user \(it adds `DAC_READ_SEARCH`\)\./,
    );
    assert.match(
      caps[0]!.message.ru,
      /при таких настройках: `capabilities.add` без capabilities, .*\(сейчас там `DAC_READ_SEARCH`\)/,
    );
    assert.doesNotMatch(caps[0]!.message.en, /SYS_TIME/);
  });

  void test('sensitive-host-path: a capability that gives no access to files keeps an ordinary reader (node-exporter)', () => {
    for (const add of ['[SYS_TIME]', '[CAP_SYS_TIME, NET_BIND_SERVICE]', '[]']) {
      const sc = `{allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: ${add}}}`;
      assert.deepEqual(sensitiveOf(reader('/', nobodyPod, sc)), [], add);
    }
    for (const add of ['[all]', '[CAP_SETUID]', '[Sys_Ptrace]', '[DAC_OVERRIDE]']) {
      const sc = `{allowPrivilegeEscalation: false, capabilities: {add: ${add}}}`;
      assert.equal(sensitiveOf(reader('/', nobodyPod, sc)).length, 1, add);
    }
  });

  void test('sensitive-host-path: a privileged container mounting / or /etc is told about its privilege', () => {
    for (const [path, mount] of [
      ['/etc/', 'readOnly: true'],
      ['/', 'readOnly: true'],
      ['/', 'readOnly: false'],
    ] as const) {
      const hits = sensitiveOf(reader(path, '', '{privileged: true}', mount));
      assert.equal(hits.length, 1, `${path} ${mount}`);
      const { en, ru } = hits[0]!.message;
      assert.match(en, /^Container `exporter` is privileged: .* owns the node whatever it mounts/);
      assert.match(en, new RegExp(`this mount of host path \`${path}\``));
      assert.doesNotMatch(en, /can take over the node, even with `readOnly`|can read them/);
      assert.match(ru, /^Контейнер `exporter` привилегированный/);
    }
    const nonRootPrivileged = reader('/', nobodyPod, '{privileged: true}');
    assert.match(sensitiveOf(nonRootPrivileged)[0]!.message.en, /is privileged/);
    const sysAdmin = reader('/', '', '{capabilities: {add: [SYS_ADMIN]}}');
    assert.match(
      sensitiveOf(sysAdmin)[0]!.message.en,
      /can take over the node, even with `readOnly`/,
      'CAP_SYS_ADMIN as root remounts it writable: the takeover text holds',
    );
  });

  void test('sensitive-host-path: root anywhere in the pod keeps the takeover warning for a shared mount', () => {
    const shared = reader('/', nobodyPod, noEscalation).replace(
      '      containers:\n',
      [
        '      initContainers:',
        '        - name: setup',
        '          image: example/setup:1',
        '          securityContext: {runAsUser: 0}',
        '          volumeMounts: [{name: root, mountPath: /host/root, readOnly: true}]',
        '      containers:',
        '',
      ].join('\n'),
    );
    const hits = sensitiveOf(shared);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /can take over the node, even with `readOnly`/);
  });

  void test('hostpath-in-workload: a bare Pod is re-created, a controller starts its next pod', () => {
    const bare = found(
      pod('{name: data, hostPath: {path: /srv/data}}', '{name: data, mountPath: /data}'),
      'hostpath-in-workload',
    );
    assert.equal(bare.length, 1);
    assert.match(bare[0]!.message.en, /a re-created Pod may land on another node/);
    assert.match(bare[0]!.message.ru, /пересозданный Pod может попасть на другой узел/);
    assert.doesNotMatch(bare[0]!.message.en + bare[0]!.message.ru, /next pod|следующий под/);
    const controller = diagnose({ 'file:///d.yaml': deployment('/srv/data') }).filter(
      (d) => d.code === 'hostpath-in-workload',
    );
    assert.equal(controller.length, 1);
    assert.match(controller[0]!.message.en, /the next pod of this Deployment may land/);
    assert.match(controller[0]!.message.ru, /следующий под этого Deployment может попасть/);
  });

  void test("writable-host-path leaves an application's own data volume to hostpath-in-workload", () => {
    const data = pod('{name: data, hostPath: {path: /srv/data}}', '{name: data, mountPath: /data}');
    assert.equal(found(data, 'hostpath-in-workload').length, 1);
    assert.deepEqual(found(data, 'writable-host-path'), [], 'readOnly would break the app');
    for (const path of ['/var/log/app', '/var/lib/docker']) {
      const nodePath = pod(
        `{name: node, hostPath: {path: ${path}}}`,
        '{name: node, mountPath: /n}',
      );
      assert.equal(found(nodePath, 'writable-host-path').length, 1, path);
    }
  });

  void test('writable-host-path names the volume after its type, not two quoted words in a row', () => {
    const [writable] = found(
      pod('{name: data, hostPath: {path: /var/log/app}}', '{name: data, mountPath: /data}'),
      'writable-host-path',
    );
    assert.ok(writable);
    assert.match(
      writable.message.ru,
      /^Контейнер `app` монтирует том hostPath `data` с правом записи/,
    );
    assert.match(writable.message.en, /^Container `app` mounts host path volume `data` writable/);
  });
});
