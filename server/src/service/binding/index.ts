/**
 * The binding engine: what the Kubernetes PV controller would do with these volumes and claims.
 * `simulateBindings(input)` is pure; `bindingInputFromWorkspace` collects the input from the index.
 */
import { runSimulation, pickDefaultClass, type ClassState } from './controller';
import { classState } from './classes';
import { claimNamesOf, expandStatefulSet } from './expand';
import { expandEphemeral, isPodsOwnClaim } from './ephemeral';
import { claimState, str, volumeState } from './build';
import { claimHasClass, claimKey, type ClaimState, type VolumeState } from './state';
import type { PodSpec } from 'kubernetes-types/core/v1';
import type {
  BindingInput,
  BindingOptions,
  BindingResult,
  ConsumerRef,
  SourceRef,
  WorkloadInput,
  WorkloadResult,
} from './types';

export type * from './types';
export { bindingInputFromWorkspace, type BindingScope } from './workspaceInput';
export { expandStatefulSet } from './expand';

interface Position {
  uri: string;
  line: number;
  sub: number;
  input: number;
}

function comparePositions(a: Position, b: Position): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.line - b.line || a.sub - b.sub || a.input - b.input;
}

function position(source: SourceRef | undefined, input: number, sub = 0): Position {
  return source
    ? { uri: source.uri, line: source.line ?? source.range.start.line, sub, input }
    : { uri: '\uffff', line: 0, sub, input };
}

/** Runs the simulation. Never throws on odd input: unreadable objects are skipped. */
export function simulateBindings(input: BindingInput, options: BindingOptions = {}): BindingResult {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const classes = storageClassesOf(input);
  const { claims, byKey, setClaims, podClaims } = claimsOf(input, defaultNamespace);
  const { workloads, podSpecs } = linkConsumers(
    input.workloads,
    byKey,
    { setClaims, podClaims },
    defaultNamespace,
  );
  admitDefaultClass(claims, classes);
  const result = runSimulation({
    volumes: volumesOf(input),
    claims,
    classes: classes.classMap,
    classList: classes.classList,
    defaultClass: classes.defaultClass,
    otherDefaults: classes.otherDefaults,
    clusterDefault: classes.clusterDefault,
    nodeLabels: options.nodeLabels,
    podSpecs,
    maxRounds: options.maxRounds ?? 20,
    maxRejected: options.maxRejected ?? 100,
    outcomes: options.outcomes && new Set(options.outcomes),
  });
  result.workloads = workloads;
  return result;
}

/** The StorageClasses by name, and which one is the default. */
interface StorageClasses {
  classMap: Map<string, ClassState>;
  classList: ClassState[];
  defaultClass: ClassState | undefined;
  /** The names of all classes marked default, when more than one is. */
  otherDefaults: string[] | undefined;
  /** A default class outside the workspace (the setting), when none here is one. */
  clusterDefault: { name?: string } | undefined;
}

function storageClassesOf(input: BindingInput): StorageClasses {
  const classMap = new Map<string, ClassState>();
  for (const { object, source } of input.storageClasses) {
    const cls = classState(object, source);
    if (cls) classMap.set(cls.name, cls);
  }
  const classList = [...classMap.values()];
  const defaults = classList.filter((c) => c.isDefault);
  // The controller's choice among the classes marked default; else the one the user names.
  const named = input.clusterDefaultClass;
  const defaultClass =
    pickDefaultClass(classList) ?? (named?.mode === 'named' ? classMap.get(named.name) : undefined);
  const clusterDefault = defaultClass
    ? undefined
    : clusterDefaultOutside(input.clusterDefaultClass);
  const otherDefaults = defaults.length > 1 ? defaults.map((c) => c.name).sort() : undefined;
  return { classMap, classList, defaultClass, otherDefaults, clusterDefault };
}

/** Volumes: a later object of the same name replaces an earlier one, as `kubectl apply` would. */
function volumesOf(input: BindingInput): VolumeState[] {
  const volumeMap = new Map<string, VolumeState>();
  input.volumes.forEach(({ object, source }, i) => {
    const v = volumeState(object, i, source);
    if (v) volumeMap.set(v.name, v);
  });
  return [...volumeMap.values()].sort((a, b) => a.index - b.index);
}

/**
 * Claims: written ones, then those StatefulSets create (unless a claim of that name exists), then
 * those the ephemeral volume controller creates; ordered by creation time, then by position.
 */
function claimsOf(input: BindingInput, defaultNamespace: string) {
  const entries: { claim: ClaimState; pos: Position; time: number }[] = [];
  const byKey = new Map<string, ClaimState>();
  const add = (c: ClaimState | undefined, pos: Position): void => {
    if (!c) return;
    const previous = byKey.get(c.key);
    if (previous)
      entries.splice(
        entries.findIndex((e) => e.claim === previous),
        1,
      );
    byKey.set(c.key, c);
    const t = Date.parse(str(c.object.metadata?.creationTimestamp) ?? '');
    entries.push({ claim: c, pos, time: Number.isNaN(t) ? Number.POSITIVE_INFINITY : t });
  };
  input.claims.forEach(({ object, source }, i) =>
    add(claimState(object, defaultNamespace, source, null), position(source, i)),
  );
  const setClaims = addStatefulSetClaims(input, defaultNamespace, byKey, add);
  // Then those the ephemeral volume controller creates for the pods' generic ephemeral volumes.
  const podClaims = addEphemeralClaims(input, defaultNamespace, byKey, (c, i, sub) =>
    add(c, position(c.source, input.claims.length + input.statefulSets.length + i, sub + 1)),
  );
  entries.sort((a, b) => {
    if (a.time !== b.time) return a.time < b.time ? -1 : 1;
    return (
      comparePositions(a.pos, b.pos) ||
      (a.claim.key < b.claim.key ? -1 : a.claim.key > b.claim.key ? 1 : 0)
    );
  });
  const claims = entries.map((e, order) => Object.assign(e.claim, { order }));
  return { claims, byKey, setClaims, podClaims };
}

/** The claims of each StatefulSet's templates, added unless one of that name exists; their keys. */
function addStatefulSetClaims(
  input: BindingInput,
  defaultNamespace: string,
  byKey: ReadonlyMap<string, ClaimState>,
  add: (c: ClaimState, pos: Position) => void,
): Map<string, string[]> {
  const setClaims = new Map<string, string[]>();
  input.statefulSets.forEach(({ object, source }, i) => {
    const setName = str(object?.metadata?.name);
    if (!setName) return;
    const keys: string[] = [];
    expandStatefulSet(object, defaultNamespace).forEach((expanded, sub) => {
      const c = claimState(expanded.claim, defaultNamespace, source, setName);
      if (!c) return;
      keys.push(c.key);
      if (!byKey.has(c.key)) add(c, position(source, input.claims.length + i, sub + 1));
    });
    setClaims.set(claimKey(str(object.metadata?.namespace) || defaultNamespace, setName), keys);
  });
  return setClaims;
}

/** Admission (DefaultStorageClass plugin): a new claim without a class gets the default one. */
function admitDefaultClass(claims: ClaimState[], classes: StorageClasses): void {
  const { defaultClass, clusterDefault } = classes;
  const admitted = defaultClass?.name ?? clusterDefault?.name;
  for (const c of claims) {
    if (c.hadStatus || claimHasClass(c)) continue;
    if (admitted !== undefined) {
      c.specClass = admitted;
      c.classNote = { key: 'admissionDefault', className: admitted };
    } else if (clusterDefault) c.unnamedClusterDefault = true;
  }
}

/**
 * The claims of each workload's generic ephemeral volumes, one per pod and volume, added unless a
 * claim of that name exists; the keys each workload's pods use.
 */
function addEphemeralClaims(
  input: BindingInput,
  defaultNamespace: string,
  byKey: ReadonlyMap<string, ClaimState>,
  add: (c: ClaimState, workload: number, sub: number) => void,
): Map<WorkloadInput, string[]> {
  const podClaims = new Map<WorkloadInput, string[]>();
  input.workloads.forEach((w, i) => {
    const keys: string[] = [];
    expandEphemeral(w, defaultNamespace).forEach(({ claim, origin }, sub) => {
      const c = claimState(claim, defaultNamespace, w.source, null);
      if (!c) return;
      const existing = byKey.get(c.key);
      if (existing) {
        // A running pod's claim (a cluster snapshot) is the pod's; another one it never uses.
        if (!isPodsOwnClaim(existing.object, origin)) return;
        existing.ephemeral = origin;
      } else {
        c.ephemeral = origin;
        add(c, i, sub);
      }
      keys.push(c.key);
    });
    if (keys.length) podClaims.set(w, keys);
  });
  return podClaims;
}

/**
 * Consumers: workloads mounting claims by name, StatefulSets using their templates' claims, and
 * pods using the claims of their generic ephemeral volumes.
 */
function linkConsumers(
  input: BindingInput['workloads'],
  byKey: ReadonlyMap<string, ClaimState>,
  created: {
    setClaims: ReadonlyMap<string, string[]>;
    podClaims: ReadonlyMap<WorkloadInput, string[]>;
  },
  defaultNamespace: string,
): { workloads: WorkloadResult[]; podSpecs: Map<ConsumerRef, PodSpec | undefined> } {
  const workloads: WorkloadResult[] = [];
  const podSpecs = new Map<ConsumerRef, PodSpec | undefined>();
  for (const w of input) {
    const namespace = w.namespace || defaultNamespace;
    const ref: ConsumerRef = { kind: w.kind, namespace, name: w.name, source: w.source };
    podSpecs.set(ref, w.podSpec);
    const keys = claimNamesOf(w.podSpec).map((n) => claimKey(namespace, n));
    if (w.kind === 'StatefulSet')
      keys.push(...(created.setClaims.get(claimKey(namespace, w.name)) ?? []));
    keys.push(...(created.podClaims.get(w) ?? []));
    const unique = [...new Set(keys)];
    for (const key of unique) byKey.get(key)?.consumers.push(ref);
    workloads.push({ ...ref, claims: unique });
  }
  return { workloads, podSpecs };
}

/**
 * The cluster's default class when it is not among the input's classes: named by the user, or
 * unknown (unset setting: clusters usually have one). `none`, or no setting: there is none.
 */
function clusterDefaultOutside(
  setting: BindingInput['clusterDefaultClass'],
): { name?: string } | undefined {
  if (setting?.mode === 'named') return { name: setting.name };
  return setting?.mode === 'unknown' ? {} : undefined;
}

/** `k=v,k2=v2` → labels; undefined for an empty string. Throws on a malformed pair. */
export function parseNodeLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`"${pair}" is not key=value`);
    labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return labels;
}
