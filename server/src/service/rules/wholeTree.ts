/**
 * The node's whole trees, `/` and `/etc` itself, and who reads them through a mount: the facts
 * (which paths they are, which readers see only what every user of the node may) and the
 * `sensitive-host-path` texts for them (rules/hostPath.ts).
 *
 * Their secrets are a few files and folders the node keeps from other users: the kubelet creates
 * its directories (`/var/lib/kubelet`, its `pods` and `plugins`, `/var/log/pods`) `0750`, owned
 * by root (kubelet.go `setupDataDirs`); kubeadm and k3s write keys and kubeconfigs `0600`;
 * `/etc/shadow`, SSH host keys and `/etc/ssl/private` are closed to others too. Whatever else is
 * in the trees, every user of the node may read.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import {
  fileAccessCapabilities,
  isPrivileged,
  ordinaryUserGaps,
  runsAsNonRootUser,
  type OrdinaryUserGap,
} from '../kubernetes/securityContext';
import { hostPathRole, isWritableMount, nodeSecrets, type HostPathUse } from './nodePlumbing';
import { containerName } from './podStorage';
import type { MountAt, PodSpecAt } from './util';

/** `/` (`node-root`) or `/etc` itself (`node-etc`). */
export type WholeTree = 'node-root' | 'node-etc';

export function wholeTreeOf(path: string): WholeTree | undefined {
  const role = hostPathRole(path);
  if (role === 'node-root') return 'node-root';
  return role === 'node-config' && nodeSecrets(path) === 'node-etc' ? 'node-etc' : undefined;
}

/**
 * Who reads a whole tree of the node through a mount:
 * - `ordinary`: a non-root user that can neither become root nor join root's group, through a
 *   read-only mount: it reads only what the node lets every user read;
 * - `non-root`: a non-root user some settings short of that (`gaps`; `read-only` when the mount is
 *   writable);
 * - `privileged`: a privileged container, which owns the node whatever it mounts;
 * - `root`: anyone else (root, or a user the manifest does not pin).
 */
export type TreeReaderGap = OrdinaryUserGap | 'read-only';
export type TreeReader =
  | { kind: 'ordinary' }
  | { kind: 'non-root'; gaps: TreeReaderGap[] }
  | { kind: 'privileged' }
  | { kind: 'root' };

export function treeReader(m: MountAt, spec: PodSpec): TreeReader {
  const c = m.container.container;
  if (isPrivileged(c)) return { kind: 'privileged' };
  if (!runsAsNonRootUser(c, spec)) return { kind: 'root' };
  const gaps: TreeReaderGap[] = isWritableMount(m) ? ['read-only'] : [];
  gaps.push(...ordinaryUserGaps(c, spec));
  return gaps.length ? { kind: 'non-root', gaps } : { kind: 'ordinary' };
}

/** What a whole tree of the node is, and what in it the node keeps from other users. */
const WHOLE_TREES: Record<WholeTree, { what: LocalizedText; guarded: LocalizedText }> = {
  'node-root': {
    what: { en: "the node's whole filesystem", ru: 'вся файловая система узла' },
    guarded: {
      en: "the kubelet's credentials and every pod's secrets (the kubelet's directories are `0750`)",
      ru: 'учётные данные kubelet и секреты всех подов (у каталогов kubelet права `0750`)',
    },
  },
  'node-etc': {
    what: { en: "the node's whole configuration", ru: 'все настройки узла' },
    guarded: { en: 'its keys and password hashes', ru: 'свои ключи и хеши паролей' },
  },
};

/** The settings a non-root container lacks to read only what every user of the node may. */
const READER_GAPS: Record<TreeReaderGap, LocalizedText> = {
  'read-only': { en: '`readOnly: true`', ru: '`readOnly: true`' },
  escalation: {
    en: '`allowPrivilegeEscalation: false` (else a setuid program such as `su` or `pkexec` makes it root)',
    ru: '`allowPrivilegeEscalation: false` (иначе setuid-программа вроде `su` или `pkexec` сделает его root)',
  },
  'run-as-group': {
    en: "a non-zero `runAsGroup` (else it may run with root's group: the runtime gives group 0 to a user its image does not list)",
    ru: 'ненулевой `runAsGroup` (иначе он может работать с группой root: среда выполнения даёт группу 0 пользователю, которого нет в образе)',
  },
  'fs-group': {
    en: "a non-zero `fsGroup` (`fsGroup: 0` adds root's group to every container)",
    ru: 'ненулевой `fsGroup` (`fsGroup: 0` добавляет группу root всем контейнерам)',
  },
  'supplemental-groups': {
    en: "`supplementalGroups` without 0 (root's group)",
    ru: '`supplementalGroups` без 0 (группы root)',
  },
  capabilities: {
    en: '`capabilities.add` without capabilities that read any file or change the user (it adds {caps})',
    ru: '`capabilities.add` без capabilities, которые читают любые файлы или меняют пользователя (сейчас там {caps})',
  },
};

/** Through a mount of `/` the node's own setuid programs are at hand too. */
const ESCALATION_THROUGH_ROOT: LocalizedText = {
  en: "`allowPrivilegeEscalation: false` (else a setuid program such as `su` or `pkexec`, the image's or the node's own under this mount, makes it root)",
  ru: '`allowPrivilegeEscalation: false` (иначе его сделает root setuid-программа вроде `su` или `pkexec` — из образа или из файловой системы узла, смонтированной по этому пути)',
};

function gapList(tree: WholeTree, gaps: readonly TreeReaderGap[], c: Container): LocalizedText {
  const caps = fileAccessCapabilities(c)
    .map((cap) => `\`${cap}\``)
    .join(', ');
  const texts = gaps.map((g) =>
    g === 'escalation' && tree === 'node-root'
      ? ESCALATION_THROUGH_ROOT
      : localize(READER_GAPS[g], { caps }),
  );
  return { en: texts.map((t) => t.en).join('; '), ru: texts.map((t) => t.ru).join('; ') };
}

/** A non-root container reads a whole tree of the node, some settings short of an ordinary user. */
const NON_ROOT_READER: LocalizedText = {
  en: 'Host path `{path}` is {what}. Container `{container}` runs as a non-root user, and the node keeps {guarded} from other users, but the container stays an ordinary user only with these settings: {gaps}. With them it reads only the files every user of the node may read, and this is not reported.',
  ru: 'Путь `{path}` — {what}. Контейнер `{container}` работает не от root, а {guarded} узел закрывает от остальных пользователей, но обычным пользователем контейнер остаётся только при таких настройках: {gaps}. С ними он прочитает лишь файлы, доступные на узле любому пользователю, и правило его не отметит.',
};

/** A privileged container mounts a whole tree of the node. */
const PRIVILEGED_READER: LocalizedText = {
  en: 'Container `{container}` is privileged: it has every device of the node and may mount any disk or remount anything writable, so it owns the node whatever it mounts, and neither `readOnly` nor leaving out this mount of host path `{path}` takes that away. The risk is the privilege: only node agents need `privileged: true` (storage and CSI drivers, node setup); if this container is not one, remove `privileged: true`.',
  ru: 'Контейнер `{container}` привилегированный: ему доступны все устройства узла, он может смонтировать любой диск или перемонтировать что угодно с правом записи, так что узел в его власти, что бы он ни монтировал, и ни `readOnly`, ни отказ от монтирования пути `{path}` этого не изменят. Опасна сама привилегия: `privileged: true` нужен лишь агентам узла (драйверам хранилищ и CSI, настройке узла); если этот контейнер не из их числа, уберите `privileged: true`.',
};

/**
 * The finding for a pod's mounts of a whole tree of the node (`/`, `/etc`): the generic text when
 * root (or a user the manifest does not pin) reads it, the privilege when a privileged container
 * does, the missing settings for a non-root container, nothing when only ordinary users read it.
 */
export function wholeTreeText(
  tree: WholeTree,
  use: HostPathUse,
  at: PodSpecAt,
  generic: LocalizedText,
): LocalizedText | undefined {
  if (!use.mounts.length) return generic;
  const readers = use.mounts.map((m) => ({ m, reader: treeReader(m, at.spec) }));
  if (readers.some((r) => r.reader.kind === 'root')) return generic;
  const privileged = readers.find((r) => r.reader.kind === 'privileged');
  if (privileged) {
    return localize(PRIVILEGED_READER, {
      container: containerName(privileged.m.container),
    });
  }
  for (const { m, reader } of readers) {
    if (reader.kind !== 'non-root') continue;
    return localize(NON_ROOT_READER, {
      ...WHOLE_TREES[tree],
      container: containerName(m.container),
      gaps: gapList(tree, reader.gaps, m.container.container),
    });
  }
  return undefined;
}
