/** Who a container's processes are on the node (kubernetes/securityContext.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import {
  addedCapabilities,
  fileAccessCapabilities,
  isPrivileged,
  ordinaryUserGaps,
  runsAsNonRootUser,
} from '../../../../server/src/service/kubernetes/securityContext';

const container = (securityContext?: unknown): Container =>
  ({ name: 'app', securityContext }) as Container;
const pod = (securityContext?: unknown): PodSpec =>
  ({ containers: [], securityContext }) as PodSpec;

void describe('security context: who the process is', () => {
  void test('runsAsNonRootUser: the container wins over the pod; runAsNonRoot counts without a user', () => {
    assert.equal(runsAsNonRootUser(container(), pod()), false, 'the image decides: maybe root');
    assert.equal(runsAsNonRootUser(container(), pod({ runAsUser: 65534 })), true);
    assert.equal(runsAsNonRootUser(container({ runAsUser: 0 }), pod({ runAsUser: 1000 })), false);
    assert.equal(runsAsNonRootUser(container({ runAsUser: 1000 }), pod({ runAsUser: 0 })), true);
    assert.equal(runsAsNonRootUser(container(), pod({ runAsNonRoot: true })), true);
    assert.equal(
      runsAsNonRootUser(container({ runAsNonRoot: false }), pod({ runAsNonRoot: true })),
      false,
    );
    assert.equal(
      runsAsNonRootUser(container({ runAsUser: 0 }), pod({ runAsNonRoot: true })),
      false,
      'an explicit user 0 is root (the kubelet then refuses to start it)',
    );
    assert.equal(runsAsNonRootUser(container('nonsense'), pod([1])), false);
  });

  void test('runsAsNonRootUser: a user a later tool fills in (`$ID`) is not known', () => {
    assert.equal(runsAsNonRootUser(container({ runAsUser: '$ID' }), pod()), false);
    assert.equal(runsAsNonRootUser(container({ runAsUser: '${UID}' }), pod()), false);
    assert.equal(
      runsAsNonRootUser(container({ runAsUser: '$ID' }), pod({ runAsNonRoot: true })),
      true,
      'runAsNonRoot still tells',
    );
  });

  void test('isPrivileged and addedCapabilities read the container only', () => {
    assert.equal(isPrivileged(container({ privileged: true })), true);
    assert.equal(isPrivileged(container({ privileged: 'true' })), false);
    assert.deepEqual(
      addedCapabilities(container({ capabilities: { add: ['cap_sys_admin', 'NET_ADMIN', 3] } })),
      ['SYS_ADMIN', 'NET_ADMIN'],
    );
    assert.deepEqual(addedCapabilities(container({ capabilities: { drop: ['ALL'] } })), []);
  });

  void test('ordinaryUserGaps: what could still make a non-root process root or join group 0', () => {
    const sealed = { allowPrivilegeEscalation: false };
    assert.deepEqual(ordinaryUserGaps(container(sealed), pod({ runAsGroup: 65534 })), []);
    assert.deepEqual(ordinaryUserGaps(container({ ...sealed, runAsGroup: 10 }), pod()), []);
    assert.deepEqual(ordinaryUserGaps(container(), pod({ runAsGroup: 65534 })), ['escalation']);
    assert.deepEqual(ordinaryUserGaps(container(sealed), pod()), ['run-as-group']);
    assert.deepEqual(
      ordinaryUserGaps(container({ ...sealed, runAsGroup: 0 }), pod({ runAsGroup: 10 })),
      ['run-as-group'],
    );
    assert.deepEqual(
      ordinaryUserGaps(
        container({ ...sealed, capabilities: { add: ['SYS_TIME', 'cap_fowner'] } }),
        pod({ runAsGroup: 10, fsGroup: 0, supplementalGroups: [5, 0] }),
      ),
      ['fs-group', 'supplemental-groups', 'capabilities'],
    );
    assert.deepEqual(
      ordinaryUserGaps(
        container({ ...sealed, capabilities: { add: ['SYS_TIME', 'NET_BIND_SERVICE'] } }),
        pod({ runAsGroup: 10 }),
      ),
      [],
      'setting the clock or binding low ports reads no files',
    );
  });

  void test('fileAccessCapabilities: only capabilities that reach files or identities, any spelling', () => {
    const adds = (add: unknown[]): string[] =>
      fileAccessCapabilities(container({ capabilities: { add } }));
    assert.deepEqual(adds(['SYS_TIME', 'NET_ADMIN', 'CHOWN']), ['CHOWN']);
    assert.deepEqual(adds(['cap_dac_read_search', 'Setgid', 'all']), [
      'DAC_READ_SEARCH',
      'SETGID',
      'ALL',
    ]);
    assert.deepEqual(
      adds([
        'DAC_OVERRIDE',
        'FOWNER',
        'SYS_ADMIN',
        'SYS_PTRACE',
        'SYS_MODULE',
        'SYS_RAWIO',
        'MKNOD',
        'SETUID',
      ]),
      [
        'DAC_OVERRIDE',
        'FOWNER',
        'SYS_ADMIN',
        'SYS_PTRACE',
        'SYS_MODULE',
        'SYS_RAWIO',
        'MKNOD',
        'SETUID',
      ],
    );
  });
});
