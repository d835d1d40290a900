/** The volume mount rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose, fixtureText } from './helpers';

void describe('volume mount rules in detail', () => {
  void test('claim-not-mounted and volume-not-mounted split one finding by the kind of volume', () => {
    const found = diagnose({
      'file:///c.yaml': fixtureText('claim-not-mounted', 'bad'),
    }).filter((d) => d.code === 'claim-not-mounted' || d.code === 'volume-not-mounted');
    assert.deepEqual(
      found.map((d) => `${d.code}:${d.severity}`),
      ['claim-not-mounted:warning'],
    );
  });

  void test('a StatefulSet is stored with an undeclared mount; its pods are the ones rejected', () => {
    const pod = (kind: string, head: string) =>
      [
        'apiVersion: ' + (kind === 'Pod' ? 'v1' : 'apps/v1'),
        `kind: ${kind}`,
        'metadata: {name: queue}',
        head,
        '      containers:',
        '        - name: broker',
        '          image: rabbitmq:4',
        '          volumeMounts: [{name: journal, mountPath: /var/lib/rabbitmq}]',
        '',
      ].join('\n');
    const set = pod(
      'StatefulSet',
      'spec:\n  serviceName: queue\n  selector: {matchLabels: {app: q}}\n  template:\n    metadata: {labels: {app: q}}\n    spec:',
    );
    const deployment = pod(
      'Deployment',
      'spec:\n  selector: {matchLabels: {app: q}}\n  template:\n    metadata: {labels: {app: q}}\n    spec:',
    );
    const message = (text: string) =>
      diagnose({ 'file:///m.yaml': text }).find((d) => d.code === 'volume-mount-not-found')!
        .message;
    assert.match(message(set).en, /stores the StatefulSet but rejects every pod it makes/);
    assert.match(message(set).ru, /сохранит StatefulSet, но отклонит каждый его под/);
    assert.match(message(deployment).en, /The API server rejects the object\./);
  });
});
