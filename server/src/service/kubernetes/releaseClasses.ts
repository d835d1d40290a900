/**
 * StorageClasses a Helm release makes when the workspace declares the release but not the chart's
 * files: a Flux `HelmRelease` (helm.toolkit.fluxcd.io) or an Argo CD `Application` (argoproj.io)
 * of a chart from a registry. The classes exist once the release is installed, so claims of them
 * are not "class not found". One entry per chart, read in its own templates and `values.yaml`:
 *
 * - `rook-ceph-cluster` (rook/rook `deploy/charts/rook-ceph-cluster`): one class per item of
 *   `cephBlockPools`, `cephECBlockPools`, `cephFileSystems` and `cephObjectStores` whose
 *   `storageClass.enabled` is true. A list given in the values replaces the chart's (Helm merges
 *   maps, not lists); without one, the chart's defaults make `ceph-block` (the default class),
 *   `ceph-filesystem` and `ceph-bucket`. Block and filesystem classes are provisioned by
 *   `<csiDriverNamePrefix or operatorNamespace>.rbd.csi.ceph.com` and `….cephfs.csi.ceph.com`,
 *   bucket classes by `<release namespace>.ceph.rook.io/bucket`.
 * - `nfs-subdir-external-provisioner` (kubernetes-sigs, `charts/…/templates/storageclass.yaml`):
 *   `storageClass.name` (`nfs-client`) unless `storageClass.create` is false; Immediate binding.
 * - `local-path-provisioner` (rancher, `deploy/chart/…/templates/storageclass.yaml`): one class per
 *   entry of `storageClassConfigs`, else `storageClass.name` (`local-path`), each unless its
 *   `storageClass.create` is false; WaitForFirstConsumer binding by default.
 *
 * The templates test the switches (`create`, `enabled`, nfs's `defaultClass`, rook's `isDefault`)
 * with `if`, by Go template truth (a quoted `"false"` is true); local-path prints `defaultClass`
 * into the annotation, and rook's erasure-coded template prints `allowVolumeExpansion`, as they are.
 *
 * Both provisioners are named `storageClass.provisionerName`, else `cluster.local/<fullname>`, the
 * charts' usual `fullname` (the release's name, with the chart's after it unless it holds it).
 */
import type { YamlPath } from '../parse/nodes';
import { isTemplateTrue, printsTrue } from '../helm/templateTruth';
import { isRecord } from '../plainData';
import type { DeclaredRelease } from './declaredRelease';

/** A StorageClass the release makes, and where its name is written (else the chart's name). */
export interface ReleaseClass {
  manifest: Record<string, unknown>;
  name: string;
  at: YamlPath;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The StorageClasses the release's chart makes with these values; [] for a chart not known. */
export function classesOfRelease(release: DeclaredRelease): ReleaseClass[] {
  switch (release.chart) {
    case 'rook-ceph-cluster':
      return rookCephClusterClasses(release);
    case 'nfs-subdir-external-provisioner':
      return nfsSubdirClasses(release);
    case 'local-path-provisioner':
      return localPathClasses(release);
    default:
      return [];
  }
}

/** The charts' `fullname` helper: `fullnameOverride`, else the release's name and the chart's. */
function fullnameOf(release: DeclaredRelease): string {
  const { values } = release;
  const name = str(values.nameOverride) ?? release.chart;
  const full =
    str(values.fullnameOverride) ??
    (release.releaseName.includes(name) ? release.releaseName : `${release.releaseName}-${name}`);
  return full.slice(0, 63).replace(/-+$/, '');
}

/** `storageClass.provisionerName`, else `cluster.local/<fullname>`. */
function provisionerNameOf(release: DeclaredRelease, sc: Record<string, unknown>): string {
  return str(sc.provisionerName) ?? `cluster.local/${fullnameOf(release)}`;
}

/** The values' `storageClass` map over the chart's (Helm merges maps key by key). */
function mergedClassValues(
  defaults: Record<string, unknown>,
  written: unknown,
): Record<string, unknown> {
  return { ...defaults, ...(isRecord(written) ? written : {}) };
}

/** Where a class's name is written in the values, else the chart's name. */
function namePath(release: DeclaredRelease, written: unknown, path: YamlPath): YamlPath {
  return release.valuesPath && isRecord(written) && str(written.name)
    ? [...release.valuesPath, ...path]
    : release.chartPath;
}

function plainClass(
  name: string,
  provisioner: string,
  isDefault: boolean,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      annotations: { 'storageclass.kubernetes.io/is-default-class': String(isDefault) },
    },
    provisioner,
    ...fields,
  };
}

const NFS_SUBDIR_DEFAULTS = {
  create: true,
  defaultClass: false,
  name: 'nfs-client',
  allowVolumeExpansion: true,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
};

function nfsSubdirClasses(release: DeclaredRelease): ReleaseClass[] {
  const written = release.values.storageClass;
  const sc = mergedClassValues(NFS_SUBDIR_DEFAULTS, written);
  const name = str(sc.name);
  if (!isTemplateTrue(sc.create) || !name) return [];
  const nfs = isRecord(release.values.nfs) ? release.values.nfs : {};
  const mountOptions = Array.isArray(nfs.mountOptions) && nfs.mountOptions.length;
  const manifest = plainClass(
    name,
    provisionerNameOf(release, sc),
    isTemplateTrue(sc.defaultClass),
    {
      allowVolumeExpansion: sc.allowVolumeExpansion,
      reclaimPolicy: sc.reclaimPolicy,
      volumeBindingMode: sc.volumeBindingMode,
      ...(mountOptions ? { mountOptions: nfs.mountOptions } : {}),
    },
  );
  return [{ name, manifest, at: namePath(release, written, ['storageClass', 'name']) }];
}

const LOCAL_PATH_DEFAULTS = {
  create: true,
  defaultClass: false,
  name: 'local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

function localPathClasses(release: DeclaredRelease): ReleaseClass[] {
  const { values } = release;
  const own = mergedClassValues(LOCAL_PATH_DEFAULTS, values.storageClass);
  const configs = isRecord(values.storageClassConfigs) ? values.storageClassConfigs : {};
  // `storageClassConfigs` replaces the single class; each entry's values are its own.
  const entries: [string, Record<string, unknown>, YamlPath | undefined][] = Object.keys(configs)
    .length
    ? Object.entries(configs).map(([name, config]) => [
        name,
        isRecord(config) && isRecord(config.storageClass) ? config.storageClass : {},
        release.valuesPath && [...release.valuesPath, 'storageClassConfigs', name],
      ])
    : [[str(own.name) ?? '', own, undefined]];
  return entries.flatMap(([name, sc, at]) => {
    if (!isTemplateTrue(sc.create) || !name) return [];
    const mode = str(sc.volumeBindingMode);
    const manifest = plainClass(
      name,
      provisionerNameOf(release, own),
      printsTrue(sc.defaultClass),
      {
        ...(mode ? { volumeBindingMode: mode } : {}),
        ...(str(sc.reclaimPolicy) ? { reclaimPolicy: sc.reclaimPolicy } : {}),
        allowVolumeExpansion: true,
      },
    );
    const path = at ?? namePath(release, values.storageClass, ['storageClass', 'name']);
    return [{ name, manifest, at: path }];
  });
}

/** rook-ceph-cluster's lists and what each item's class is provisioned by. */
const ROOK_LISTS = [
  { key: 'cephBlockPools', driver: 'rbd' },
  { key: 'cephECBlockPools', driver: 'ec' },
  { key: 'cephFileSystems', driver: 'cephfs' },
  { key: 'cephObjectStores', driver: 'bucket' },
] as const;

type RookDriver = (typeof ROOK_LISTS)[number]['driver'];

/** The chart's own items (values.yaml), for a list the values leave out. */
const ROOK_DEFAULTS: Record<string, Record<string, unknown>[]> = {
  cephBlockPools: [{ storageClass: { enabled: true, name: 'ceph-block', isDefault: true } }],
  cephECBlockPools: [],
  cephFileSystems: [{ storageClass: { enabled: true, name: 'ceph-filesystem' } }],
  cephObjectStores: [{ storageClass: { enabled: true, name: 'ceph-bucket' } }],
};

function rookCephClusterClasses(release: DeclaredRelease): ReleaseClass[] {
  const { values } = release;
  const operatorNamespace = str(values.operatorNamespace) ?? 'rook-ceph';
  const csiPrefix = str(values.csiDriverNamePrefix) ?? operatorNamespace;
  const out: ReleaseClass[] = [];
  for (const { key, driver } of ROOK_LISTS) {
    const written = Array.isArray(values[key]) ? (values[key] as unknown[]) : undefined;
    (written ?? ROOK_DEFAULTS[key]!).forEach((item, i) => {
      const sc = isRecord(item) && isRecord(item.storageClass) ? item.storageClass : undefined;
      const name = str(sc?.name);
      if (!sc || !isTemplateTrue(sc.enabled) || !name) return;
      const provisioner =
        driver === 'bucket'
          ? `${release.namespace ?? operatorNamespace}.ceph.rook.io/bucket`
          : `${csiPrefix}.${driver === 'cephfs' ? 'cephfs' : 'rbd'}.csi.ceph.com`;
      out.push({
        name,
        manifest: rookClass(name, sc, provisioner, driver),
        at:
          written && release.valuesPath
            ? [...release.valuesPath, key, i, 'storageClass', 'name']
            : release.chartPath,
      });
    });
  }
  return out;
}

/** The class a rook-ceph-cluster template prints for one item's `storageClass` values. */
function rookClass(
  name: string,
  sc: Record<string, unknown>,
  provisioner: string,
  driver: RookDriver,
): Record<string, unknown> {
  const bucket = driver === 'bucket';
  const labels = isRecord(sc.labels) ? sc.labels : undefined;
  const annotations = {
    ...(bucket
      ? {}
      : { 'storageclass.kubernetes.io/is-default-class': String(isTemplateTrue(sc.isDefault)) }),
    ...(isRecord(sc.annotations) ? sc.annotations : {}),
  };
  // Block and filesystem templates print `| default "true"` (true for a false too); the
  // erasure-coded one prints the value as it is; bucket classes leave it out.
  const expansion = driver === 'ec' ? printsTrue(sc.allowVolumeExpansion) : !bucket;
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(labels ? { labels } : {}), annotations },
    provisioner,
    reclaimPolicy: str(sc.reclaimPolicy) ?? 'Delete',
    ...(bucket ? {} : { allowVolumeExpansion: expansion }),
    volumeBindingMode: str(sc.volumeBindingMode) ?? 'Immediate',
    ...(Array.isArray(sc.mountOptions) && sc.mountOptions.length
      ? { mountOptions: sc.mountOptions }
      : {}),
    ...(Array.isArray(sc.allowedTopologies) && sc.allowedTopologies.length
      ? { allowedTopologies: sc.allowedTopologies }
      : {}),
  };
}
