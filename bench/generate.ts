/**
 * Generates realistic multi-document storage manifests for the benchmark: PersistentVolumes of
 * several kinds (nfs, local with nodeAffinity, csi, hostPath), PersistentVolumeClaims,
 * StorageClasses, StatefulSets with headless Services and volumeClaimTemplates, Deployments and
 * Pods with volumes and initContainers. The same seed and count always give the same text.
 *
 * Usage: node --import tsx bench/generate.ts <documents> [seed] > file.yaml
 */
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
} from 'kubernetes-types/core/v1';
import type { Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { stringify } from 'yaml';

/** mulberry32: a small, fast, seeded PRNG (deterministic across platforms). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Manifest =
  | PersistentVolume
  | PersistentVolumeClaim
  | Pod
  | Service
  | Deployment
  | StatefulSet
  | StorageClass;

/** The apps both bench generators deploy, their teams, images and ports. */
export const APPS = [
  'postgres',
  'mysql',
  'redis',
  'kafka',
  'zookeeper',
  'elastic',
  'minio',
  'mongo',
];
export const TEAMS = ['billing', 'search', 'payments', 'catalog', 'identity', 'reports'];
const SIZES = ['1Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi', '500Mi', '2Ti'];
export const IMAGES: Record<string, string> = {
  postgres: 'postgres:17.2',
  mysql: 'mysql:8.4',
  redis: 'redis:7.4-alpine',
  kafka: 'apache/kafka:3.9.0',
  zookeeper: 'zookeeper:3.9',
  elastic: 'docker.elastic.co/elasticsearch/elasticsearch:8.17.0',
  minio: 'minio/minio:RELEASE.2025-01-20T14-49-07Z',
  mongo: 'mongo:8.0',
};
export const PORTS: Record<string, number> = {
  postgres: 5432,
  mysql: 3306,
  redis: 6379,
  kafka: 9092,
  zookeeper: 2181,
  elastic: 9200,
  minio: 9000,
  mongo: 27017,
};

class Generator {
  private readonly out: Manifest[] = [];
  private serial = 0;
  private readonly classes: string[] = [];

  constructor(private readonly random: () => number) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private nextName(base: string): string {
    this.serial++;
    return `${base}-${this.serial}`;
  }

  generate(count: number): Manifest[] {
    this.storageClasses();
    while (this.out.length < count) {
      const roll = this.random();
      if (roll < 0.3) this.statefulSet();
      else if (roll < 0.5) this.deploymentWithClaim();
      else if (roll < 0.75) this.staticVolume();
      else if (roll < 0.9) this.podWithVolumes();
      else this.storageClass(`${this.pick(TEAMS)}-${this.nextName('class')}`, false);
    }
    return this.out.slice(0, count);
  }

  private storageClasses(): void {
    this.storageClass('standard', true);
    this.storageClass('local-storage', false, true);
  }

  private storageClass(name: string, isDefault: boolean, local = false): void {
    this.classes.push(name);
    const sc: StorageClass = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name,
        ...(isDefault
          ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }
          : {}),
      },
      provisioner: local ? 'kubernetes.io/no-provisioner' : 'ebs.csi.aws.com',
      reclaimPolicy: this.pick(['Delete', 'Retain']),
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: !local,
      ...(local ? {} : { parameters: { type: this.pick(['gp3', 'io2']), encrypted: 'true' } }),
    };
    this.out.push(sc);
  }

  private labels(app: string, team: string): Record<string, string> {
    return { 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': team, tier: 'storage' };
  }

  private statefulSet(): void {
    const app = this.pick(APPS);
    const team = this.pick(TEAMS);
    const name = this.nextName(`${team}-${app}`);
    const labels = this.labels(app, name);
    const port = PORTS[app]!;
    const service: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${name}-headless`, namespace: team, labels },
      spec: {
        clusterIP: 'None',
        selector: labels,
        ports: [{ name: 'client', port, targetPort: port }],
      },
    };
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: team, labels },
      spec: {
        serviceName: `${name}-headless`,
        replicas: this.int(1, 5),
        podManagementPolicy: this.pick(['OrderedReady', 'Parallel']),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { fsGroup: 1000, runAsUser: 1000, runAsNonRoot: true },
            terminationGracePeriodSeconds: 30,
            initContainers: [
              {
                name: 'prepare-data',
                image: 'busybox:1.37',
                command: ['sh', '-c', 'mkdir -p /data/db && chown -R 1000:1000 /data'],
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
            containers: [
              {
                name: app,
                image: IMAGES[app]!,
                ports: [{ name: 'client', containerPort: port, protocol: 'TCP' }],
                env: [
                  { name: 'DATA_DIR', value: '/data/db' },
                  {
                    name: 'POD_NAME',
                    valueFrom: { fieldRef: { fieldPath: 'metadata.name' } },
                  },
                ],
                resources: {
                  requests: { cpu: `${this.int(1, 8) * 250}m`, memory: `${this.int(1, 16)}Gi` },
                  limits: { memory: `${this.int(16, 32)}Gi` },
                },
                readinessProbe: {
                  tcpSocket: { port },
                  initialDelaySeconds: 10,
                  periodSeconds: 10,
                },
                volumeMounts: [
                  { name: 'data', mountPath: '/data' },
                  { name: 'config', mountPath: '/etc/app', readOnly: true },
                ],
              },
            ],
            volumes: [{ name: 'config', configMap: { name: `${name}-config` } }],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: this.pick(this.classes),
              resources: { requests: { storage: this.pick(SIZES) } },
            },
          },
        ],
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      },
    };
    this.out.push(service, sts);
  }

  private claim(name: string, namespace: string, labels: Record<string, string>) {
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace, labels },
      spec: {
        accessModes: [this.pick(['ReadWriteOnce', 'ReadWriteOncePod'])],
        storageClassName: this.pick(this.classes),
        volumeMode: 'Filesystem',
        resources: { requests: { storage: this.pick(SIZES) } },
      },
    };
    return pvc;
  }

  private deploymentWithClaim(): void {
    const app = this.pick(APPS);
    const team = this.pick(TEAMS);
    const name = this.nextName(`${team}-${app}`);
    const labels = this.labels(app, name);
    const pvc = this.claim(`${name}-data`, team, labels);
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: team, labels },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: labels },
        template: {
          metadata: { labels, annotations: { 'backup.example.com/enabled': 'true' } },
          spec: {
            securityContext: { fsGroup: 2000 },
            initContainers: [
              {
                name: 'restore',
                image: 'restic/restic:0.17.3',
                args: ['restore', 'latest', '--target', '/restore'],
                volumeMounts: [{ name: 'data', mountPath: '/restore' }],
              },
            ],
            containers: [
              {
                name: app,
                image: IMAGES[app]!,
                imagePullPolicy: 'IfNotPresent',
                volumeMounts: [
                  { name: 'data', mountPath: '/var/lib/data' },
                  { name: 'cache', mountPath: '/cache' },
                  { name: 'secrets', mountPath: '/etc/secrets', readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } },
              { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
              { name: 'secrets', secret: { secretName: `${name}-secrets`, defaultMode: 0o400 } },
            ],
          },
        },
      },
    };
    this.out.push(pvc, deployment);
  }

  private staticVolume(): void {
    const kind = this.pick(['nfs', 'local', 'csi', 'hostPath'] as const);
    const team = this.pick(TEAMS);
    const name = this.nextName(`${team}-${kind.toLowerCase()}-pv`);
    const size = this.pick(SIZES);
    const claimName = `${name}-claim`;
    const local = kind === 'local' || kind === 'hostPath';
    const className = kind === 'local' ? 'local-storage' : '';
    const source: Partial<NonNullable<PersistentVolume['spec']>> =
      kind === 'nfs'
        ? { nfs: { server: `nfs-${this.int(1, 9)}.storage.internal`, path: `/exports/${name}` } }
        : kind === 'local'
          ? { local: { path: `/mnt/disks/ssd${this.int(0, 7)}` } }
          : kind === 'csi'
            ? {
                csi: {
                  driver: 'nfs.csi.k8s.io',
                  volumeHandle: `${name}-handle`,
                  volumeAttributes: { server: 'nfs.storage.internal', share: `/${name}` },
                },
              }
            : { hostPath: { path: `/srv/data/${name}`, type: 'DirectoryOrCreate' } };
    const node = `worker-${this.int(1, 40)}`;
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, labels: { type: kind, team } },
      spec: {
        capacity: { storage: size },
        accessModes: [local ? 'ReadWriteOnce' : this.pick(['ReadWriteMany', 'ReadOnlyMany'])],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: className,
        volumeMode: 'Filesystem',
        ...(kind === 'nfs' ? { mountOptions: ['nfsvers=4.1', 'hard'] } : {}),
        ...source,
        ...(local
          ? {
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        { key: 'kubernetes.io/hostname', operator: 'In', values: [node] },
                      ],
                    },
                  ],
                },
              },
            }
          : {}),
        claimRef: { name: claimName, namespace: team },
      },
    };
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName, namespace: team },
      spec: {
        accessModes: pv.spec!.accessModes,
        storageClassName: className,
        volumeName: name,
        resources: { requests: { storage: size } },
      },
    };
    this.out.push(pv, pvc);
  }

  private podWithVolumes(): void {
    const team = this.pick(TEAMS);
    const name = this.nextName(`${team}-worker`);
    const claimName = `${name}-scratch`;
    const pvc = this.claim(claimName, team, { app: name });
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: team, labels: { app: name } },
      spec: {
        restartPolicy: 'OnFailure',
        securityContext: { fsGroup: 3000, fsGroupChangePolicy: 'OnRootMismatch' },
        initContainers: [
          {
            name: 'fetch',
            image: 'curlimages/curl:8.11.1',
            command: ['curl', '-fsSL', '-o', '/work/input.tar', 'https://example.invalid/in.tar'],
            volumeMounts: [{ name: 'work', mountPath: '/work' }],
          },
        ],
        containers: [
          {
            name: 'main',
            image: 'python:3.13-slim',
            command: ['python', '/app/run.py'],
            workingDir: '/work',
            volumeMounts: [
              { name: 'work', mountPath: '/work' },
              { name: 'scratch', mountPath: '/scratch' },
              { name: 'app', mountPath: '/app', readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: 'work', emptyDir: {} },
          { name: 'scratch', persistentVolumeClaim: { claimName } },
          {
            name: 'app',
            projected: {
              sources: [
                { configMap: { name: `${name}-code` } },
                {
                  downwardAPI: {
                    items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    };
    this.out.push(pvc, pod);
  }
}

/** The manifests as one YAML stream of exactly `documents` documents. */
export function generateManifests(documents: number, seed = 1): string {
  const manifests = new Generator(prng(seed)).generate(documents);
  return manifests.map((m) => stringify(m, { lineWidth: 0 })).join('---\n');
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(generateManifests(count, seed));
}
