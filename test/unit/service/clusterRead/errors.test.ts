import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyKubectlStderr,
  isPerResource,
  kubectlMessage,
  type KubectlProblemKind,
} from '../../../../server/src/service/clusterRead/errors';
import {
  kubectlProblemMessage,
  processTimeoutMessage,
} from '../../../../server/src/service/clusterRead/kubectlMessages';

const klog = (message: string) =>
  `E1206 11:55:39.918920   28615 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: ${message}"`;

/** kubectl's stderr for each failure, as kubectl 1.2x–1.35 prints it. */
const cases: [KubectlProblemKind, string][] = [
  [
    'forbidden',
    'Error from server (Forbidden): persistentvolumes is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "persistentvolumes" in API group "" at the cluster scope',
  ],
  [
    'forbidden',
    'Error from server (Forbidden): volumesnapshotclasses.snapshot.storage.k8s.io is forbidden: User "jane@example.com" cannot list resource "volumesnapshotclasses" in API group "snapshot.storage.k8s.io" at the cluster scope: requires one of ["container.volumeSnapshotClasses.list"] permission(s).',
  ],
  ['unknownResource', 'error: the server doesn\'t have a resource type "volumesnapshotclasses"'],
  [
    'unauthorized',
    [
      klog('the server has asked for the client to provide credentials'),
      'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
    ].join('\n'),
  ],
  ['unauthorized', 'error: You must be logged in to the server (Unauthorized)'],
  [
    'credentials',
    'Unable to connect to the server: getting credentials: exec: executable gke-gcloud-auth-plugin not found\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.',
  ],
  [
    'credentials',
    'Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255',
  ],
  [
    'certificate',
    [
      klog(
        'Get "https://10.0.0.1:6443/api?timeout=32s": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      ),
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
    ].join('\n'),
  ],
  [
    'certificate',
    'Unable to connect to the server: x509: certificate has expired or is not yet valid: current time 2026-12-06T12:00:00Z is after 2026-11-30T08:00:00Z',
  ],
  [
    'certificate',
    'Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for kubernetes, kubernetes.default, not k8s.internal.example.com',
  ],
  [
    'timeout',
    'Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
  ],
  ['timeout', 'Unable to connect to the server: net/http: TLS handshake timeout'],
  ['timeout', 'Unable to connect to the server: dial tcp 10.0.0.1:6443: i/o timeout'],
  [
    'timeout',
    'Error from server (Timeout): the server was unable to return a response in the time allotted, but may still be processing the request (get persistentvolumeclaims)',
  ],
  [
    'unreachable',
    [
      klog(
        'Get "http://127.0.0.1:9/api?timeout=5s": dial tcp 127.0.0.1:9: connect: connection refused',
      ),
      'The connection to the server 127.0.0.1:9 was refused - did you specify the right host or port?',
    ].join('\n'),
  ],
  [
    'unreachable',
    'Unable to connect to the server: dial tcp: lookup api.prod.example.com on 10.255.255.53:53: no such host',
  ],
  [
    'unreachable',
    'Unable to connect to the server: dial tcp 10.0.0.1:6443: connect: no route to host',
  ],
  ['noContext', 'Error in configuration: context was not found for specified context: prod-eu'],
  ['noContext', 'error: current-context is not set'],
  ['noContext', 'error: no context exists with the name: "prod-eu"'],
  [
    'badKubeconfig',
    'error: error loading config file "/home/jane/.kube/config": yaml: line 7: mapping values are not allowed in this context',
  ],
  ['failed', 'error: unexpected end of the world'],
];

void describe('kubectl stderr', () => {
  for (const [kind, stderr] of cases) {
    void it(`${kind}: ${kubectlMessage(stderr).slice(0, 70)}`, () => {
      assert.equal(classifyKubectlStderr(stderr).kind, kind);
    });
  }

  void it("the message is kubectl's last line, without klog lines", () => {
    const stderr = [
      klog('Get "http://127.0.0.1:9/api": dial tcp 127.0.0.1:9: connect: connection refused'),
      klog('Get "http://127.0.0.1:9/api": dial tcp 127.0.0.1:9: connect: connection refused'),
      'The connection to the server 127.0.0.1:9 was refused - did you specify the right host or port?',
      '',
    ].join('\n');
    assert.equal(
      kubectlMessage(stderr),
      'The connection to the server 127.0.0.1:9 was refused - did you specify the right host or port?',
    );
    assert.ok(kubectlMessage('x'.repeat(2000)).length <= 401);
  });

  void it('only forbidden and unknown kinds are per resource', () => {
    const kinds = new Set(cases.map(([k]) => k));
    for (const kind of kinds)
      assert.equal(
        isPerResource({ kind, detail: '' }),
        kind === 'forbidden' || kind === 'unknownResource',
        kind,
      );
  });

  void it('every problem has a message in both languages with its placeholders filled', () => {
    const kinds: KubectlProblemKind[] = [
      'untrusted',
      'missing',
      'noContexts',
      'noContext',
      'badKubeconfig',
      'forbidden',
      'unknownResource',
      'unauthorized',
      'credentials',
      'certificate',
      'timeout',
      'unreachable',
      'tooLarge',
      'badOutput',
      'failed',
    ];
    for (const kind of kinds) {
      const text = kubectlProblemMessage(
        { kind, detail: 'kubectl says {so}' },
        { context: 'prod', resource: 'persistentvolumes' },
      );
      for (const lang of ['en', 'ru'] as const) {
        assert.ok(text[lang].length > 20, `${kind} ${lang}`);
        assert.doesNotMatch(text[lang].replace('{so}', ''), /\{\w+\}/, `${kind} ${lang}`);
      }
      assert.notEqual(text.en, text.ru);
      assert.match(text.ru, /[а-яё]/);
    }
    const stopped = processTimeoutMessage(60_000);
    assert.match(stopped.en, /60 s/);
    assert.match(stopped.ru, /60 с/);
  });
});
