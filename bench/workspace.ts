/**
 * A generated GitOps repository (issue 19): one folder per app and environment, four documents
 * per file, storage manifests linked across files. The same seed and count always give the same
 * files.
 *
 * - `platform/<env>/storage-classes.yaml`: the environment's four StorageClasses;
 * - `apps/<app>/<env>/storage.yaml`: a static PersistentVolume, its PersistentVolumeClaim (bound
 *   by `volumeName` and `claimRef`), a dynamic claim of a platform class, the headless Service;
 * - `apps/<app>/<env>/workload.yaml`: a StatefulSet (serviceName → the Service, claim templates
 *   of a platform class), a Deployment mounting both claims of storage.yaml, a CronJob mounting
 *   the dynamic claim, a ConfigMap.
 *
 * Every claim, class, volume and Service named is defined in another file of the workspace, so
 * the generated files have no cross-file findings once the whole workspace is indexed, and a
 * checker that reports before it has read everything shows false "not found" findings.
 *
 * Usage: node --import tsx bench/workspace.ts <folder> [files] [seed]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { APPS, IMAGES, PORTS, TEAMS, prng } from './generate';

export interface GeneratedFile {
  /** Path relative to the workspace root, with `/`. */
  path: string;
  text: string;
}

const ENVS = ['dev', 'staging', 'prod', 'perf'];
const SIZES = ['1Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi', '500Mi'];
const CLASSES = ['standard', 'fast-ssd', 'bulk-hdd', 'local-storage'];

const yaml = (documents: unknown[]): string =>
  documents.map((d) => stringify(d, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');

function storageClasses(env: string): GeneratedFile {
  const classes = CLASSES.map((name) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      labels: { 'app.kubernetes.io/managed-by': 'argocd', environment: env },
      ...(name === 'standard'
        ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }
        : {}),
    },
    provisioner: name === 'local-storage' ? 'kubernetes.io/no-provisioner' : 'ebs.csi.aws.com',
    reclaimPolicy: name === 'bulk-hdd' ? 'Retain' : 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: name !== 'local-storage',
    ...(name === 'local-storage'
      ? {}
      : { parameters: { type: name === 'bulk-hdd' ? 'st1' : 'gp3', encrypted: 'true' } }),
  }));
  return { path: `platform/${env}/storage-classes.yaml`, text: yaml(classes) };
}

/** The two files of one app in one environment. */
function appFiles(random: () => number, app: string, env: string): GeneratedFile[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const kind = app.split('-')[1]!;
  const team = app.split('-')[0]!;
  const namespace = `${team}-${env}`;
  const labels = {
    'app.kubernetes.io/name': kind,
    'app.kubernetes.io/instance': app,
    'app.kubernetes.io/part-of': team,
    environment: env,
  };
  const port = PORTS[kind]!;
  const volume = `${app}-${env}-archive`;
  const archive = `${app}-archive`;
  const cache = `${app}-cache`;
  const size = pick(SIZES);
  const nfs = random() < 0.5;
  const storage = [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: volume, labels: { team, environment: env } },
      spec: {
        capacity: { storage: size },
        accessModes: [nfs ? 'ReadWriteMany' : 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: nfs ? '' : 'local-storage',
        volumeMode: 'Filesystem',
        ...(nfs
          ? {
              mountOptions: ['nfsvers=4.1', 'hard'],
              nfs: { server: `nfs-${int(1, 9)}.storage.internal`, path: `/exports/${volume}` },
            }
          : {
              local: { path: `/mnt/disks/ssd${int(0, 7)}` },
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        {
                          key: 'kubernetes.io/hostname',
                          operator: 'In',
                          values: [`${env}-worker-${int(1, 40)}`],
                        },
                      ],
                    },
                  ],
                },
              },
            }),
        claimRef: { name: archive, namespace },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: archive, namespace, labels },
      spec: {
        accessModes: [nfs ? 'ReadWriteMany' : 'ReadWriteOnce'],
        storageClassName: nfs ? '' : 'local-storage',
        volumeName: volume,
        resources: { requests: { storage: size } },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: cache, namespace, labels },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: pick(['standard', 'fast-ssd', 'bulk-hdd']),
        volumeMode: 'Filesystem',
        resources: { requests: { storage: pick(SIZES) } },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${app}-headless`, namespace, labels },
      spec: {
        clusterIP: 'None',
        selector: labels,
        ports: [{ name: 'client', port, targetPort: port }],
      },
    },
  ];
  const workload = [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: app, namespace, labels },
      spec: {
        serviceName: `${app}-headless`,
        replicas: env === 'prod' ? 3 : 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { fsGroup: 1000, runAsUser: 1000, runAsNonRoot: true },
            containers: [
              {
                name: kind,
                image: IMAGES[kind]!,
                ports: [{ name: 'client', containerPort: port, protocol: 'TCP' }],
                resources: {
                  requests: { cpu: `${int(1, 8) * 250}m`, memory: `${int(1, 16)}Gi` },
                  limits: { memory: `${int(16, 32)}Gi` },
                },
                readinessProbe: { tcpSocket: { port }, initialDelaySeconds: 10, periodSeconds: 10 },
                volumeMounts: [
                  { name: 'data', mountPath: '/data' },
                  { name: 'config', mountPath: '/etc/app', readOnly: true },
                ],
              },
            ],
            volumes: [{ name: 'config', configMap: { name: `${app}-config` } }],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: pick(['fast-ssd', 'standard']),
              resources: { requests: { storage: pick(SIZES) } },
            },
          },
        ],
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `${app}-exporter`, namespace, labels },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { ...labels, component: 'exporter' } },
        template: {
          metadata: { labels: { ...labels, component: 'exporter' } },
          spec: {
            securityContext: { fsGroup: 2000 },
            containers: [
              {
                name: 'exporter',
                image: 'quay.io/prometheus/node-exporter:v1.8.2',
                imagePullPolicy: 'IfNotPresent',
                volumeMounts: [
                  { name: 'archive', mountPath: '/archive', readOnly: true },
                  { name: 'cache', mountPath: '/cache' },
                ],
              },
            ],
            volumes: [
              { name: 'archive', persistentVolumeClaim: { claimName: archive, readOnly: true } },
              { name: 'cache', persistentVolumeClaim: { claimName: cache } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: `${app}-backup`, namespace, labels },
      spec: {
        schedule: `${int(0, 59)} ${int(0, 5)} * * *`,
        concurrencyPolicy: 'Forbid',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'OnFailure',
                containers: [
                  {
                    name: 'backup',
                    image: 'restic/restic:0.17.3',
                    args: ['backup', '/cache'],
                    volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
                  },
                ],
                volumes: [{ name: 'cache', persistentVolumeClaim: { claimName: cache } }],
              },
            },
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${app}-config`, namespace, labels },
      data: { 'app.conf': `listen=${port}\ndata_dir=/data\nenv=${env}\n` },
    },
  ];
  return [
    { path: `apps/${app}/${env}/storage.yaml`, text: yaml(storage) },
    { path: `apps/${app}/${env}/workload.yaml`, text: yaml(workload) },
  ];
}

/** `files` files (at least the platform's): the platform's classes, then apps env by env. */
export function generateWorkspace(files: number, seed = 1): GeneratedFile[] {
  const random = prng(seed);
  const out = ENVS.map(storageClasses);
  for (let i = 0; out.length < files; i++) {
    const app = `${TEAMS[i % TEAMS.length]}-${APPS[Math.floor(i / TEAMS.length) % APPS.length]}-${i}`;
    for (const env of ENVS) {
      for (const file of appFiles(random, app, env)) if (out.length < files) out.push(file);
    }
  }
  return out;
}

/** Writes the files under `root` (emptied first). */
export function writeWorkspace(root: string, files: readonly GeneratedFile[]): void {
  rmSync(root, { recursive: true, force: true });
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}

if (require.main === module) {
  const root = process.argv[2];
  if (!root) throw new Error('usage: workspace.ts <folder> [files] [seed]');
  writeWorkspace(
    root,
    generateWorkspace(Number(process.argv[3] ?? 5000), Number(process.argv[4] ?? 1)),
  );
}
