import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsText, fileNameOf } from '../../../../client/src/cluster/names';

void describe('cluster snapshot names', () => {
  void it('a file name from any context name', () => {
    assert.equal(fileNameOf('kind-dev'), 'kind-dev.yaml');
    assert.equal(
      fileNameOf('arn:aws:eks:eu-west-1:123456789012:cluster/prod'),
      'arn-aws-eks-eu-west-1-123456789012-cluster-prod.yaml',
    );
    assert.equal(fileNameOf('gke_shop_europe-west4_main'), 'gke_shop_europe-west4_main.yaml');
    assert.equal(fileNameOf('jane@prod [admin]'), 'jane-prod-admin.yaml');
    assert.equal(fileNameOf('../../etc'), 'etc.yaml');
    assert.equal(fileNameOf('///'), 'cluster.yaml');
  });

  void it('the counts of what was read, kinds in English', () => {
    assert.equal(
      countsText({ counts: { StorageClass: 2, PersistentVolume: 0, Node: 3 } }),
      'StorageClass 2 · PersistentVolume 0 · Node 3',
    );
  });
});
