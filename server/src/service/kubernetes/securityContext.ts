/**
 * Who a container's processes are on the node, read from its and its pod's security context: one
 * Kubernetes fact, used by every rule that judges what a process may read or write (the root
 * group on volumes, `fsGroup` for non-root writers, host paths). A container's `runAsUser`,
 * `runAsGroup` and `runAsNonRoot` win over the pod's.
 */
import type {
  Container,
  PodSecurityContext,
  PodSpec,
  SecurityContext,
} from 'kubernetes-types/core/v1';
import { isRecord } from '../plainData';

export function containerSecurityContext(c: Container): SecurityContext {
  return isRecord(c.securityContext) ? c.securityContext : {};
}

export function podSecurityContext(spec: PodSpec): PodSecurityContext {
  return isRecord(spec.securityContext) ? spec.securityContext : {};
}

/**
 * The process runs as a user other than root: `runAsUser` other than 0, or, without one,
 * `runAsNonRoot: true` (the kubelet then refuses to start an image whose user is root). A
 * `runAsUser` that is no number (`$ID`, `${UID}` that a later tool fills in) is a user not known
 * here, like none at all: only `runAsNonRoot: true` then tells.
 */
export function runsAsNonRootUser(c: Container, spec: PodSpec): boolean {
  const sc = containerSecurityContext(c);
  const podSc = podSecurityContext(spec);
  const user: unknown = sc.runAsUser ?? podSc.runAsUser;
  return typeof user === 'number' ? user !== 0 : (sc.runAsNonRoot ?? podSc.runAsNonRoot) === true;
}

/** `privileged: true`: every device of the node and every capability. */
export function isPrivileged(c: Container): boolean {
  return containerSecurityContext(c).privileged === true;
}

/** The capabilities the container adds, upper-case and without `CAP_` (`SYS_ADMIN`). */
export function addedCapabilities(c: Container): string[] {
  const caps = containerSecurityContext(c).capabilities;
  const add: unknown = isRecord(caps) ? caps.add : undefined;
  if (!Array.isArray(add)) return [];
  return add
    .filter((cap): cap is string => typeof cap === 'string')
    .map((cap) => cap.toUpperCase().replace(/^CAP_/, ''));
}

/**
 * The capabilities that reach past a file's owner and mode, or change who the process is:
 * reading or writing any file (`DAC_READ_SEARCH`, `DAC_OVERRIDE`, `FOWNER`, `CHOWN`), becoming
 * any user or group (`SETUID`, `SETGID`), or reaching the node's memory, disks and mounts
 * (`SYS_ADMIN`, `SYS_PTRACE`, `SYS_MODULE`, `SYS_RAWIO`, `MKNOD`); `ALL` holds them all. Others
 * (`SYS_TIME`, `NET_BIND_SERVICE`, `NET_ADMIN`…) give no access to files.
 */
const FILE_ACCESS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL',
  'DAC_READ_SEARCH',
  'DAC_OVERRIDE',
  'FOWNER',
  'CHOWN',
  'SETUID',
  'SETGID',
  'SYS_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'MKNOD',
]);

/** The added capabilities (`addedCapabilities`) that give access to files or identities. */
export function fileAccessCapabilities(c: Container): string[] {
  return addedCapabilities(c).filter((cap) => FILE_ACCESS_CAPABILITIES.has(cap));
}

/**
 * What could still give a non-root process root's powers or root's group (see
 * `ordinaryUserGaps`):
 * - `escalation`: no `allowPrivilegeEscalation: false`, so a setuid program it runs (`su`,
 *   `sudo`, `pkexec`…) makes it root;
 * - `run-as-group`: no `runAsGroup` other than 0: without one the process gets its image's group
 *   for the user, and group 0 when the image does not list the user (containerd's `WithUserID`);
 * - `fs-group`: `fsGroup: 0` adds root's group to every container of the pod;
 * - `supplemental-groups`: `supplementalGroups` lists 0;
 * - `capabilities`: the container adds a capability that reads any file or changes who it is
 *   (`fileAccessCapabilities`: `DAC_READ_SEARCH`, `SETUID`…); `SYS_TIME` and the like do not.
 */
export type OrdinaryUserGap =
  'escalation' | 'run-as-group' | 'fs-group' | 'supplemental-groups' | 'capabilities';

/**
 * For a container that runs as a non-root user (`runsAsNonRootUser`) and is not privileged: what
 * is missing for it to be an ordinary user of the node, one that can neither become root nor
 * join root's group and so reads only what the node lets every user read. Empty when nothing is.
 * A group the image's own `/etc/group` gives the user is not visible in a manifest.
 */
export function ordinaryUserGaps(c: Container, spec: PodSpec): OrdinaryUserGap[] {
  const sc = containerSecurityContext(c);
  const podSc = podSecurityContext(spec);
  const gaps: OrdinaryUserGap[] = [];
  if (sc.allowPrivilegeEscalation !== false) gaps.push('escalation');
  const group = sc.runAsGroup ?? podSc.runAsGroup;
  if (typeof group !== 'number' || group === 0) gaps.push('run-as-group');
  if (podSc.fsGroup === 0) gaps.push('fs-group');
  if (Array.isArray(podSc.supplementalGroups) && podSc.supplementalGroups.includes(0)) {
    gaps.push('supplemental-groups');
  }
  if (fileAccessCapabilities(c).length) gaps.push('capabilities');
  return gaps;
}
