import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeObject } from '../../../../server/src/service/schema/decode';

describe('decodeObject: the object as the API server reads it', () => {
  it('drops fields set to null and remembers them with their owner', () => {
    const data = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', annotations: null },
      spec: { ports: [{ port: 80, nodePort: null }] },
    };
    const { data: decoded, absent } = decodeObject(data, 'core.v1.Service');
    assert.deepEqual(decoded, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { ports: [{ port: 80 }] },
    });
    assert.deepEqual(absent, [
      { path: ['metadata', 'annotations'], field: 'annotations', owner: 'meta.v1.ObjectMeta' },
      { path: ['spec', 'ports', 0, 'nodePort'], field: 'nodePort', owner: 'core.v1.ServicePort' },
    ]);
  });

  it('turns null list items and map values into the zero value of their type', () => {
    const data = {
      metadata: { name: 'p', labels: { tier: null } },
      spec: {
        containers: [{ name: 'c', args: ['-v', null], resources: { limits: { memory: null } } }],
        volumes: [null],
      },
    };
    const { data: decoded } = decodeObject(data, 'core.v1.Pod');
    assert.deepEqual(decoded, {
      metadata: { name: 'p', labels: { tier: '' } },
      spec: {
        containers: [{ name: 'c', args: ['-v', ''], resources: { limits: { memory: '0' } } }],
        volumes: [{}],
      },
    });
  });

  it('keeps unknown fields set to null, so strict validation still names them', () => {
    const data = { metadata: { name: 'p' }, spec: { containers: [], volumez: null } };
    assert.deepEqual(decodeObject(data, 'core.v1.Pod').data, data);
  });

  it('returns the very same object when there is no null', () => {
    const data = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    const decoded = decodeObject(data, 'core.v1.Pod');
    assert.equal(decoded.data, data);
    assert.deepEqual(decoded.absent, []);
  });

  it('does not change the parsed data it was given', () => {
    const data = { metadata: { name: 'p', annotations: null }, spec: { containers: [null] } };
    const copy = structuredClone(data);
    decodeObject(data, 'core.v1.Pod');
    assert.deepEqual(data, copy);
  });

  it('drops "" where defaulting replaces it, and keeps it where validation must see it', () => {
    const data = {
      metadata: { name: 'db' },
      spec: {
        podManagementPolicy: '',
        serviceName: '',
        template: { spec: { containers: [{ name: 'db', imagePullPolicy: '' }] } },
        volumeClaimTemplates: [{ spec: { volumeMode: '' } }],
      },
    };
    assert.deepEqual(decodeObject(data, 'apps.v1.StatefulSet').data, {
      metadata: { name: 'db' },
      spec: {
        serviceName: '',
        template: { spec: { containers: [{ name: 'db' }] } },
        volumeClaimTemplates: [{ spec: { volumeMode: '' } }],
      },
    });
  });

  it('stops on data made cyclic by aliases, also under a recursive schema', () => {
    const data: Record<string, unknown> = { metadata: { name: 'c' } };
    data.data = { x: data };
    assert.equal(decodeObject(data, 'core.v1.ConfigMap').data, data);
    const props: Record<string, unknown> = { type: 'object', description: null };
    props.properties = { self: props };
    const crd = { spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: props } }] } };
    const decoded = decodeObject(crd, 'apiextensions.v1.CustomResourceDefinition');
    assert.ok(decoded.absent.length > 0);
  });

  it('finds a null or an empty string however far down the object holds it', () => {
    const containers = Array.from({ length: 300 }, (_, i) => ({ name: `c${i}`, image: 'app' }));
    const pod = { metadata: { name: 'p' }, spec: { containers } };
    assert.equal(decodeObject(pod, 'core.v1.Pod').data, pod);
    const last = containers[299]! as Record<string, unknown>;
    last.env = [{ name: 'A', value: null }];
    const decoded = decodeObject(pod, 'core.v1.Pod');
    assert.deepEqual(
      decoded.absent.map((a) => a.path),
      [['spec', 'containers', 299, 'env', 0, 'value']],
    );
    last.env = [{ name: 'A' }];
    last.imagePullPolicy = '';
    const decodedPod = decodeObject(pod, 'core.v1.Pod').data as typeof pod;
    assert.equal(Object.hasOwn(decodedPod.spec.containers[299]!, 'imagePullPolicy'), false);
  });
});
