/**
 * Benchmark of the binding engine: 10,000 PersistentVolumes × 10,000 PersistentVolumeClaims
 * (mixed access modes, classes, sizes, selectors, pre-bound volumes, a few competing and
 * pending claims). Prints the time of `simulateBindings`. Run:
 *   node --import tsx bench/binding.ts [volumes] [claims]
 * Not a test: the machine's load changes the numbers.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { simulateBindings, type BindingInput } from '../server/src/service/binding';

const volumeCount = Number(process.argv[2] ?? 10000);
const claimCount = Number(process.argv[3] ?? 10000);

/** A small deterministic generator, so every run measures the same input. */
let seed = 42;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const modeSets = [
  ['ReadWriteOnce'],
  ['ReadWriteOnce', 'ReadOnlyMany'],
  ['ReadWriteMany', 'ReadWriteOnce'],
  ['ReadOnlyMany'],
];
const classes = ['', 'fast', 'slow', 'local'];
const sizes = ['1Gi', '2Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi'];

function makeInput(): BindingInput {
  const volumes: PersistentVolume[] = [];
  for (let i = 0; i < volumeCount; i++) {
    volumes.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `pv-${i}`, labels: { rack: `r${i % 10}` } },
      spec: {
        capacity: { storage: pick(sizes) },
        accessModes: pick(modeSets),
        storageClassName: pick(classes),
        nfs: { server: 'nfs.example', path: `/export/${i}` },
        ...(i % 50 === 0 ? { claimRef: { namespace: `ns-${i % 7}`, name: `claim-${i}` } } : {}),
      },
    });
  }
  const claims: PersistentVolumeClaim[] = [];
  for (let i = 0; i < claimCount; i++) {
    claims.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `claim-${i}`, namespace: `ns-${i % 7}` },
      spec: {
        accessModes: pick(modeSets).slice(0, 1),
        storageClassName: pick(classes),
        resources: { requests: { storage: pick(sizes) } },
        ...(i % 20 === 0 ? { selector: { matchLabels: { rack: `r${i % 10}` } } } : {}),
      },
    });
  }
  const storageClasses: StorageClass[] = ['fast', 'slow'].map((name) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: 'example.com/csi',
  }));
  storageClasses.push({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local' },
    provisioner: 'kubernetes.io/no-provisioner',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  return {
    volumes: volumes.map((object) => ({ object })),
    claims: claims.map((object) => ({ object })),
    storageClasses: storageClasses.map((object) => ({ object })),
    statefulSets: [],
    workloads: [],
  };
}

const input = makeInput();
simulateBindings(makeInput()); // warm-up (JIT)
const runs: number[] = [];
const cpu: number[] = [];
let last;
for (let i = 0; i < 5; i++) {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  last = simulateBindings(input);
  const used = process.cpuUsage(cpuStarted);
  runs.push(Number(process.hrtime.bigint() - started) / 1e6);
  cpu.push((used.user + used.system) / 1000);
}
runs.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const count = (outcome: string) => last!.claims.filter((c) => c.outcome === outcome).length;
console.log(
  `binding: ${volumeCount} volumes × ${claimCount} claims: median ${runs[2]!.toFixed(0)} ms ` +
    `(min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}), CPU time median ${cpu[2]!.toFixed(0)} ms, ` +
    `${last!.rounds} rounds; ` +
    `bound ${count('bound')}, provision ${count('provision')}, wait ${count('wait-for-first-consumer')}, pending ${count('pending')}`,
);
