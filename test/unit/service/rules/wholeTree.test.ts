/** The node's whole trees and who reads them (rules/wholeTree.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import {
  treeReader,
  wholeTreeOf,
  type TreeReader,
} from '../../../../server/src/service/rules/wholeTree';
import type { MountAt } from '../../../../server/src/service/rules/util';

void describe('whole trees of the node: `/` and `/etc`', () => {
  void test('wholeTreeOf: `/` and `/etc` themselves, not the places of secrets in them', () => {
    assert.equal(wholeTreeOf('/'), 'node-root');
    assert.equal(wholeTreeOf('//'), 'node-root');
    assert.equal(wholeTreeOf('/etc/'), 'node-etc');
    assert.equal(wholeTreeOf('/var/../etc'), 'node-etc');
    for (const path of ['/etc/kubernetes', '/etc/ssl', '/var/lib/kubelet', '/var', '/etc/hosts']) {
      assert.equal(wholeTreeOf(path), undefined, path);
    }
  });

  void test('treeReader: who reads a whole tree through a mount', () => {
    const read = (sc: unknown, podSc: unknown, readOnly = true): TreeReader => {
      const container = { name: 'c', securityContext: sc } as Container;
      const m: MountAt = {
        mount: { name: 'root', mountPath: '/host', readOnly },
        container: { container, group: 'containers', path: [] },
        path: [],
        field: 'volumeMounts',
      };
      return treeReader(m, { containers: [container], securityContext: podSc } as PodSpec);
    };
    const nobody = { runAsUser: 65534, runAsGroup: 65534 };
    const sealed = { allowPrivilegeEscalation: false };
    assert.deepEqual(read(sealed, nobody), { kind: 'ordinary' });
    assert.deepEqual(read(sealed, nobody, false), { kind: 'non-root', gaps: ['read-only'] });
    assert.deepEqual(read({}, nobody), { kind: 'non-root', gaps: ['escalation'] });
    assert.deepEqual(read(sealed, {}), { kind: 'root' }, 'the image picks the user');
    assert.deepEqual(read({ privileged: true }, nobody), { kind: 'privileged' });
    assert.deepEqual(read({ ...sealed, runAsUser: 0 }, nobody), { kind: 'root' });
  });
});
