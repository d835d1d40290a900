/**
 * The link sites the index keeps of a document nobody opened (navigation/packedSites.ts): packed,
 * they come back as the sites found in its tree, without the keys left undefined.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedChunk } from '../../../../server/src/service/parse/chunk';
import { packSites, unpackSites } from '../../../../server/src/service/navigation/packedSites';
import { relativeSites, type RelativeSite } from '../../../../server/src/service/navigation/sites';

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: queue
  namespace: shop
spec:
  serviceName: queue-headless
  selector: { matchLabels: { app: queue } }
  template:
    metadata: { labels: { app: queue } }
    spec:
      containers:
        - name: main
          image: rabbitmq:4.1
          volumeMounts:
            - { name: data, mountPath: /var/lib/rabbitmq }
            - { name: config, mountPath: /etc/rabbitmq }
      volumes:
        - name: config
          configMap: { name: "queue-config" }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 8Gi } }
`;

const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-1
spec:
  storageClassName: slow
  claimRef: { name: orders }
`;

function sitesOf(text: string): RelativeSite[] {
  const chunk = new ParsedChunk(text, false);
  const document = chunk.docs[0]!;
  if (document.recognition.type !== 'object') throw new Error('not an object');
  const { kind, namespace } = document.recognition.facts;
  return relativeSites(chunk, document, kind, namespace);
}

/** What JSON gives back of the sites (the keys whose value is undefined are left out). */
const asJson = (sites: RelativeSite[]): unknown => JSON.parse(JSON.stringify(sites));

describe('packed link sites', () => {
  for (const [name, text] of [
    ['a StatefulSet: namespaced links, pod-local volumes, a quoted name', statefulSet],
    ['a volume: a cluster-scoped class, a claim reference without a namespace', volume],
  ] as const) {
    it(`come back as found in the tree: ${name}`, () => {
      const sites = sitesOf(text);
      assert.ok(sites.length >= 2, 'the document has sites to pack');
      assert.deepEqual(unpackSites(packSites(sites)), asJson(sites));
    });
  }

  it('take less than the sites written as JSON objects', () => {
    const sites = sitesOf(statefulSet);
    const packed = packSites(sites).length;
    const json = JSON.stringify(sites).length;
    assert.ok(packed < json * 0.7, `${packed} characters packed, ${json} as JSON objects`);
  });

  it('pack an empty list', () => {
    assert.deepEqual(unpackSites(packSites([])), []);
  });
});
