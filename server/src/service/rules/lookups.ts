/**
 * Name lookups across the workspace, built once per storage signature and shared by every rule
 * and every file, so cross-file rules stay linear in the number of objects.
 */
import { isDefaultStorageClass } from '../kubernetes/storageClass';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  Service,
} from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { statefulSetClaimName, statefulSetOrdinals } from '../binding/expand';
import { claimNamedInSomeText, claimsUsedIn } from './claimUse';
import { compileLabelSelector } from '../binding/selectors';
import type {
  ReferenceGrant,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
} from '../kubernetes/snapshots';
import { objectData, type IndexedObject } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { nearestCopy } from '../workspace/nearest';
import { storageFingerprint, storageSignature } from './signature';
import { ephemeralClaimName, workloadPods } from '../kubernetes/ephemeral';
import { claimTemplatesOf, ephemeralTemplatesOf, isRecord, namespaceOf } from './util';
import { filledInLater } from '../text/placeholders';
import { isLocalPathConfigMap } from '../kubernetes/localPathConfig';

export interface Found<T> {
  object: IndexedObject;
  data: T;
}

/**
 * A claim the workspace defines: a PVC, one expanded from a StatefulSet's claim template, or the
 * claim of a generic ephemeral volume of a pod whose name is known.
 */
export interface ClaimEntry {
  object: IndexedObject;
  spec: PersistentVolumeClaimSpec;
  fromTemplate: boolean;
  /** Created for a pod's generic ephemeral volume (its `object` is the Pod or StatefulSet). */
  ephemeral?: true;
}

export class Lookups {
  readonly claims = new Map<string, ClaimEntry>();
  /**
   * Claims, volumes, classes and Services that several manifests write under one name, every
   * copy: a folder of examples, or one folder per environment, often repeats a name. Only one can
   * exist in a cluster, and the object that names it means the copy beside it (`claim`,
   * `volume`, `storageClass`, `service`).
   */
  private readonly claimCopies = new Map<string, ClaimEntry[]>();
  private readonly volumeCopies = new Map<string, Found<PersistentVolume>[]>();
  private readonly classCopies = new Map<string, Found<StorageClass>[]>();
  private readonly serviceCopies = new Map<string, Found<Service>[]>();
  readonly storageClasses = new Map<string, Found<StorageClass>>();
  readonly volumes = new Map<string, Found<PersistentVolume>>();
  readonly services = new Map<string, Found<Service>>();
  readonly defaultClasses: Found<StorageClass>[] = [];
  /** Volumes by `storageClassName` (`""` for none). */
  readonly volumesByClass = new Map<string, Found<PersistentVolume>[]>();
  /** VolumeSnapshots by `namespace/name`; classes and contents (cluster-wide) by name. */
  readonly snapshots = new Map<string, Found<VolumeSnapshot>>();
  readonly snapshotClasses = new Map<string, Found<VolumeSnapshotClass>>();
  readonly snapshotContents = new Map<string, Found<VolumeSnapshotContent>>();
  /** ReferenceGrants (Gateway API), which allow cross-namespace data sources. */
  readonly referenceGrants: Found<ReferenceGrant>[] = [];
  /** CSIDriver objects by driver name, every manifest of one (`csi-lifecycle-mode-not-allowed`). */
  readonly csiDrivers = new Map<string, Found<Record<string, unknown>>[]>();
  /** rancher/local-path-provisioner's ConfigMaps (kubernetes/localPathConfig.ts), every copy. */
  private readonly localPathConfigs: Found<Record<string, unknown>>[] = [];
  /** Names of the claims the StatefulSets' claim templates make (any namespace). */
  private readonly adoptedClaims = new Set<string>();
  /** Names of the claims workloads mount or claims and snapshots copy (`claimInUse`), once asked. */
  private claimsInUse?: Set<string>;
  /** Whether some file names the claim where claims are named, by name, once asked. */
  private readonly claimsNamedInText = new Map<string, boolean>();

  constructor(readonly workspace: Workspace) {
    for (const object of manifestsLast(workspace.objectsOfKind('PersistentVolumeClaim'))) {
      const data = objectData<PersistentVolumeClaim>(object);
      if (data && object.name) {
        const k = key(namespaceOf(object), object.name);
        const entry = { object, spec: isRecord(data.spec) ? data.spec : {}, fromTemplate: false };
        addCopy(this.claimCopies, k, this.claims.get(k), entry);
        this.claims.set(k, entry);
      }
    }
    for (const object of workspace.objectsOfKind('StatefulSet')) {
      const data = objectData<Record<string, unknown>>(object);
      if (!data || !object.name) continue;
      const ordinals = statefulSetOrdinals(data as StatefulSet);
      for (const t of claimTemplatesOf(data)) {
        if (!t.name) continue;
        const spec = isRecord(t.template.spec)
          ? (t.template.spec as PersistentVolumeClaimSpec)
          : {};
        for (const ordinal of ordinals) {
          const name = statefulSetClaimName(t.name, object.name, ordinal);
          this.adoptedClaims.add(name);
          const k = key(namespaceOf(object), name);
          if (!this.claims.has(k)) this.claims.set(k, { object, spec, fromTemplate: true });
        }
      }
    }
    this.indexEphemeralClaims(workspace);
    for (const object of manifestsLast(workspace.objectsOfKind('StorageClass'))) {
      const data = objectData<StorageClass>(object);
      if (!data || !object.name) continue;
      const entry = { object, data };
      addCopy(this.classCopies, object.name, this.storageClasses.get(object.name), entry);
      this.storageClasses.set(object.name, entry);
    }
    for (const found of this.storageClasses.values()) {
      if (isDefaultStorageClass(found.data.metadata)) this.defaultClasses.push(found);
    }
    for (const object of manifestsLast(workspace.objectsOfKind('PersistentVolume'))) {
      const data = objectData<PersistentVolume>(object);
      if (!data || !object.name) continue;
      addCopy(this.volumeCopies, object.name, this.volumes.get(object.name), { object, data });
      this.volumes.set(object.name, { object, data });
      const className =
        typeof data.spec?.storageClassName === 'string' ? data.spec.storageClassName : '';
      const list = this.volumesByClass.get(className);
      if (list) list.push({ object, data });
      else this.volumesByClass.set(className, [{ object, data }]);
    }
    for (const object of manifestsLast(workspace.objectsOfKind('Service'))) {
      const data = objectData<Service>(object);
      if (!data || !object.name) continue;
      const k = key(namespaceOf(object), object.name);
      addCopy(this.serviceCopies, k, this.services.get(k), { object, data });
      this.services.set(k, { object, data });
    }
    this.indexSnapshots(workspace);
    for (const object of workspace.objectsOfKind('CSIDriver')) {
      const data = objectData<Record<string, unknown>>(object);
      if (!data || !object.name) continue;
      const list = this.csiDrivers.get(object.name);
      if (list) list.push({ object, data });
      else this.csiDrivers.set(object.name, [{ object, data }]);
    }
    for (const object of workspace.objectsOfKind('ConfigMap')) {
      const data = isLocalPathConfigMap(object.name) && objectData<Record<string, unknown>>(object);
      if (data) this.localPathConfigs.push({ object, data });
    }
  }

  /**
   * The claims of generic ephemeral volumes whose pod names are known: a Pod's `<pod>-<volume>`,
   * a StatefulSet's `<set>-<ordinal>-<volume>`. Other controllers generate their pods' names, so
   * nothing can name those claims. A written claim of the same name wins.
   */
  private indexEphemeralClaims(workspace: Workspace): void {
    for (const kind of ['Pod', 'StatefulSet']) {
      for (const object of workspace.objectsOfKind(kind)) {
        const data = objectData<Record<string, unknown>>(object);
        if (!data || !object.name) continue;
        const templates = ephemeralTemplatesOf(kind, data);
        if (!templates.length) continue;
        for (const pod of workloadPods(kind, object.name, data)) {
          for (const t of templates) {
            const k = key(namespaceOf(object), ephemeralClaimName(pod.name, t.volume.volume.name));
            if (!this.claims.has(k))
              this.claims.set(k, { object, spec: t.spec, fromTemplate: true, ephemeral: true });
          }
        }
      }
    }
  }

  private indexSnapshots(workspace: Workspace): void {
    for (const object of manifestsLast(workspace.objectsOfKind('VolumeSnapshot'))) {
      const data = objectData<VolumeSnapshot>(object);
      if (data && object.name)
        this.snapshots.set(key(namespaceOf(object), object.name), { object, data });
    }
    for (const object of manifestsLast(workspace.objectsOfKind('VolumeSnapshotClass'))) {
      const data = objectData<VolumeSnapshotClass>(object);
      if (data && object.name) this.snapshotClasses.set(object.name, { object, data });
    }
    for (const object of manifestsLast(workspace.objectsOfKind('VolumeSnapshotContent'))) {
      const data = objectData<VolumeSnapshotContent>(object);
      if (data && object.name) this.snapshotContents.set(object.name, { object, data });
    }
    for (const object of workspace.objectsOfKind('ReferenceGrant')) {
      const data = objectData<ReferenceGrant>(object);
      if (data) this.referenceGrants.push({ object, data });
    }
  }

  /**
   * True when something uses a claim of this name (in any namespace): a workload of the
   * workspace mounts it (a kustomize patch's included: it adds the volume to a workload built
   * elsewhere), a StatefulSet's claim template makes it, another claim is cloned from it, a
   * VolumeSnapshot is taken of it, or a file names it on or just below a line about claims (an
   * operator's `existingClaim: data`, GitLab Runner's `[[…volumes.pvc]]`, claimUse.ts).
   */
  claimInUse(name: string): boolean {
    if (this.adoptedClaims.has(name)) return true;
    this.claimsInUse ??= claimsUsedIn(this.workspace, this);
    if (this.claimsInUse.has(name)) return true;
    let named = this.claimsNamedInText.get(name);
    if (named === undefined) {
      named = claimNamedInSomeText(this.workspace, name);
      this.claimsNamedInText.set(name, named);
    }
    return named;
  }

  snapshot(namespace: string, name: string): Found<VolumeSnapshot> | undefined {
    return this.snapshots.get(key(namespace, name));
  }

  /**
   * The claim of that name; with `near` (the uri of the object that names it), of several
   * manifests with that name the nearest one (`nearestCopy`).
   */
  /** True when a claim of this name exists in some namespace. */
  claimNamed(name: string): boolean {
    for (const k of this.claims.keys()) if (k.endsWith(`/${name}`)) return true;
    return false;
  }

  claim(namespace: string, name: string, near?: string): ClaimEntry | undefined {
    const k = key(namespace, name);
    const copies = near === undefined ? undefined : this.claimCopies.get(k);
    return copies ? nearestCopy(copies, near!, uriOfObject) : this.claims.get(k);
  }

  /**
   * The PersistentVolume of that name, the nearest copy to `near` as for `claim`; of copies as
   * near (files of one folder), the last that `fits`, if one does.
   */
  volume(
    name: string,
    near?: string,
    fits?: (copy: Found<PersistentVolume>) => boolean,
  ): Found<PersistentVolume> | undefined {
    const copies = near === undefined ? undefined : this.volumeCopies.get(name);
    return copies ? nearestCopy(copies, near!, uriOfObject, fits) : this.volumes.get(name);
  }

  /**
   * True when a volume of the class has labels that satisfy the selector (`matchLabels` and
   * `matchExpressions`, as the binding engine compiles it). An invalid selector matches nothing.
   */
  volumeMatchesSelector(className: string, selector: Record<string, unknown>): boolean {
    const compiled = compileLabelSelector(selector as LabelSelector);
    if (!compiled.ok) return false;
    const matches = compiled.matches ?? (() => true);
    return (this.volumesByClass.get(className) ?? []).some((pv) => matches(pv.object.labels));
  }

  /** The Service of that name, the nearest copy to `near` as for `claim`. */
  service(namespace: string, name: string, near?: string): Found<Service> | undefined {
    const k = key(namespace, name);
    const copies = near === undefined ? undefined : this.serviceCopies.get(k);
    return copies ? nearestCopy(copies, near!, uriOfObject) : this.services.get(k);
  }

  /** rancher/local-path-provisioner's ConfigMap, of several the nearest to `near`. */
  localPathConfig(near: string): Found<Record<string, unknown>> | undefined {
    const copies = this.localPathConfigs;
    return copies.length ? nearestCopy(copies, near, uriOfObject) : undefined;
  }

  /** The StorageClass of that name, the nearest copy to `near` as for `claim`. */
  storageClass(name: string, near?: string): Found<StorageClass> | undefined {
    const copies = near === undefined ? undefined : this.classCopies.get(name);
    return copies ? nearestCopy(copies, near!, uriOfObject) : this.storageClasses.get(name);
  }
}

/** Records a second manifest copy of a name (a cluster object and its manifest are one object). */
function addCopy<T extends { object: IndexedObject }>(
  copies: Map<string, T[]>,
  name: string,
  previous: T | undefined,
  entry: T,
): void {
  if (!previous || previous.object.origin !== 'manifest' || entry.object.origin !== 'manifest')
    return;
  const list = copies.get(name);
  if (list) list.push(entry);
  else copies.set(name, [previous, entry]);
}

function uriOfObject(copy: { object: IndexedObject }): string {
  return copy.object.uri;
}

/**
 * Cluster objects (snapshots) first, then the manifests: where both hold an object of the same
 * name, the manifest's copy — the one a fix may edit and `kubectl apply` sends — is the one kept.
 */
function manifestsLast(objects: readonly IndexedObject[]): IndexedObject[] {
  if (!objects.some((o) => o.origin === 'cluster')) return [...objects];
  return [
    ...objects.filter((o) => o.origin === 'cluster'),
    ...objects.filter((o) => o.origin !== 'cluster'),
  ];
}

export function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** True when a `namespace/name` or bare `name` in the known list matches. */
function knownIn(list: readonly string[], name: string, namespace?: string): boolean {
  return list.some((k) => k === name || (namespace !== undefined && k === key(namespace, name)));
}

/**
 * True when a reference the workspace does not resolve is not reported missing: the user listed
 * the object as living in the cluster (`kubeStorage.rules.knownObjects`), or its name or namespace
 * is a substitution a later tool fills in (`${APP}-data`, or a `<key>` of argocd-vault-plugin in
 * `from`, the object that refers: text/placeholders.ts), so which object it names is not known here.
 */
export function assumedToExist(
  known: readonly string[],
  name: string,
  namespace: string | undefined,
  from: unknown,
): boolean {
  return (
    filledInLater(name, from) ||
    (namespace !== undefined && filledInLater(namespace, from)) ||
    knownIn(known, name, namespace)
  );
}

const byVersion = new WeakMap<Workspace, { version: number; lookups: Lookups }>();
const byGeneration = new WeakMap<Workspace, { generation: number; lookups: Lookups }>();

/**
 * The lookups the rules read names and specs from. They are rebuilt only when the storage
 * signature moves, so their objects may be from an earlier version of a file: same content, but
 * possibly other positions. Compare objects with `sameObject`, never by identity.
 */
export function lookupsFor(workspace: Workspace): Lookups {
  const version = storageSignature(workspace);
  const hit = byVersion.get(workspace);
  if (hit?.version === version) return hit.lookups;
  const lookups = currentLookups(workspace);
  byVersion.set(workspace, { version, lookups });
  return lookups;
}

/** Lookups whose objects have the current positions (for quick fixes that edit another object). */
export function currentLookups(workspace: Workspace): Lookups {
  const hit = byGeneration.get(workspace);
  if (hit?.generation === workspace.generation) return hit.lookups;
  const lookups = new Lookups(workspace);
  byGeneration.set(workspace, { generation: workspace.generation, lookups });
  return lookups;
}

/** The same object, possibly from another version of its file (see `lookupsFor`). */
export function sameObject(a: IndexedObject, b: IndexedObject): boolean {
  return a === b || a.document === b.document || storageFingerprint(a) === storageFingerprint(b);
}
