/**
 * Fidelity to the PV controller: every case of upstream binder_test.go our inputs can express
 * (upstreamCases.ts), run twice. Like upstream: one call of `syncClaim` (or `syncVolume`) on
 * the controller, compared field by field with upstream's expected objects. And through the
 * whole simulation, which runs the controller until nothing changes, compared on what the tested
 * function decides: the claims' phase and volume for a `syncClaim` case, the volumes' phase and
 * `claimRef` for a `syncVolume` case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { claimState, volumeState } from '../../../../server/src/service/binding/build';
import {
  PersistentVolumeController,
  classState,
} from '../../../../server/src/service/binding/controller';
import type { ClaimState, VolumeState } from '../../../../server/src/service/binding/state';
import { simulate } from './helpers';
import {
  BIND_COMPLETED,
  BOUND_BY_CONTROLLER,
  NAMESPACE,
  classes,
  upstreamCases,
  type UpstreamCase,
} from './upstreamCases';

function controllerFor(c: UpstreamCase): PersistentVolumeController {
  const classList = classes.map((o) => classState(o)!);
  return new PersistentVolumeController({
    volumes: c.volumes.map((v, i) => volumeState(v, i, undefined)!),
    claims: c.claims.map((k, order) =>
      Object.assign(claimState(k, NAMESPACE, undefined, null)!, { order }),
    ),
    classes: new Map(classList.map((k) => [k.name, k])),
    classList,
    maxRounds: 1,
    maxRejected: 10,
  });
}

const has = (o: { metadata?: { annotations?: Record<string, string> } }, a: string) =>
  !!o.metadata?.annotations?.[a];

function claimFields(k: ClaimState | PersistentVolumeClaim): unknown[] {
  if ('key' in k) return [k.name, k.phase, k.volumeName, k.bindCompleted, k.boundByController];
  return [
    k.metadata!.name,
    k.status!.phase,
    k.spec!.volumeName ?? '',
    has(k, BIND_COMPLETED),
    has(k, BOUND_BY_CONTROLLER),
  ];
}

function volumeFields(v: VolumeState | PersistentVolume): unknown[] {
  if ('modesKey' in v)
    return [v.name, v.phase, v.claimRef?.name ?? '', v.claimRef?.uid ?? '', v.boundByController];
  const ref = v.spec!.claimRef;
  // An empty phase is read as Pending, as the controller's `syncVolume` treats it.
  return [
    v.metadata!.name,
    v.status?.phase || 'Pending',
    ref?.name ?? '',
    ref?.uid ?? '',
    has(v, BOUND_BY_CONTROLLER),
  ];
}

void test('upstream binder_test.go cases: one sync call agrees field by field', async (t) => {
  let agree = 0;
  for (const c of upstreamCases) {
    const controller = controllerFor(c);
    const { volumes, claims } = controller.state;
    if (c.test === 'syncClaim') for (const k of claims) controller.syncClaim(k);
    else for (const v of volumes) controller.syncVolume(v);
    const got = { claims: claims.map(claimFields), volumes: volumes.map(volumeFields) };
    const expected = {
      claims: c.expectedClaims.map(claimFields),
      volumes: c.expectedVolumes.map(volumeFields),
    };
    if (JSON.stringify(got) === JSON.stringify(expected)) agree++;
    await t.test(c.name, () => assert.deepEqual(got, expected));
  }
  t.diagnostic(`${agree} of ${upstreamCases.length} upstream cases agree after one call`);
});

/**
 * Where the settled state is not upstream's single step: upstream's test calls `syncClaim` once,
 * before `syncVolume` makes the unclaimed Pending/Failed/Released volumes `Available` (pv_controller.go:
 * "Volume is unused"); the next `syncClaim` binds one of them.
 */
const settlesFurther = new Set(["1-17 - skip non-available PV if it's not pre-bind"]);

function disagreements(c: UpstreamCase): string[] {
  const result = simulate({ volumes: c.volumes, claims: c.claims, classes });
  const out: string[] = [];
  if (c.test === 'syncClaim') {
    for (const expected of c.expectedClaims) {
      const name = expected.metadata!.name!;
      const got = result.claims.find((r) => r.name === name);
      const phase = expected.status?.phase;
      if (got?.phase !== phase) out.push(`claim ${name}: phase ${got?.phase}, upstream ${phase}`);
      const volume = phase === 'Pending' ? null : expected.spec?.volumeName || null;
      if (got && got.phase === phase && got.volume !== volume)
        out.push(`claim ${name}: volume ${got.volume}, upstream ${volume}`);
    }
  } else {
    for (const expected of c.expectedVolumes) {
      const name = expected.metadata!.name!;
      const got = result.volumes.find((r) => r.name === name);
      const ref = expected.spec?.claimRef;
      const claim = ref ? `${ref.namespace}/${ref.name}` : null;
      if (got?.phase !== expected.status?.phase)
        out.push(`volume ${name}: phase ${got?.phase}, upstream ${expected.status?.phase}`);
      if (got?.claim !== claim) out.push(`volume ${name}: claim ${got?.claim}, upstream ${claim}`);
    }
  }
  return out;
}

void test('upstream binder_test.go cases: the settled simulation agrees', async (t) => {
  let agree = 0;
  for (const c of upstreamCases) {
    if (settlesFurther.has(c.name)) continue;
    const problems = disagreements(c);
    if (!problems.length) agree++;
    await t.test(c.name, () => assert.deepEqual(problems, []));
  }
  t.diagnostic(`${agree} of ${upstreamCases.length - settlesFurther.size} upstream cases agree`);
});
