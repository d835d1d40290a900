/** `removed-volume-plugin`: which sources and provisioners are gone, and what it says instead. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose } from './helpers';

const RULE = 'removed-volume-plugin';
const URI = 'file:///legacy/app.yaml';

const found = (text: string) => diagnose({ [URI]: text }).filter((d) => d.code === RULE);

const deployment = (volume: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: media
spec:
  selector:
    matchLabels: {app: media}
  template:
    metadata:
      labels: {app: media}
    spec:
      containers:
        - name: web
          image: registry.example.com/media/web:1.4
          volumeMounts:
            - {name: media, mountPath: /srv/media}
      volumes:
        - name: media
${volume}`;

void describe(RULE, () => {
  test('a GlusterFS volume of a Deployment: no successor named, move the data', () => {
    const [d, ...rest] = found(
      deployment('          glusterfs: {endpoints: gluster-cluster, path: media}\n'),
    );
    assert.deepEqual(rest, []);
    assert.ok(d);
    assert.match(d.message.en, /in-tree `glusterfs` volume plugin/);
    assert.match(d.message.en, /Move the data to storage that has a CSI driver\./);
    assert.match(d.message.ru, /Перенесите данные/);
    assert.equal(d.range.start.line, 18, 'on the `glusterfs` key');
  });

  test('sources and provisioners that CSI migration still serves are not reported', () => {
    assert.deepEqual(
      found(deployment('          awsElasticBlockStore: {volumeID: vol-0123456789abcdef0}\n')),
      [],
    );
    assert.deepEqual(
      found(
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: gp2}\nprovisioner: kubernetes.io/aws-ebs\n',
      ),
      [],
    );
    assert.deepEqual(found(deployment('          nfs: {server: 10.0.0.5, path: /media}\n')), []);
  });

  test('every removed provisioner is named with its plugin', () => {
    for (const [provisioner, source] of [
      ['kubernetes.io/glusterfs', 'glusterfs'],
      ['kubernetes.io/scaleio', 'scaleIO'],
      ['kubernetes.io/storageos', 'storageos'],
    ]) {
      const [d] = found(
        `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: old}\nprovisioner: ${provisioner}\n`,
      );
      assert.ok(d, provisioner);
      assert.match(d.message.en, new RegExp(`in-tree \`${source}\` plugin`));
    }
  });
});
