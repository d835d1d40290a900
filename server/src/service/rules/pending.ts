/**
 * "This claim will stay Pending": the binding engine's verdict, for the cases no more specific
 * rule explains (those with `volumeName`, a missing class or a selector have their own rules).
 */
import {
  bindingInputFromWorkspace,
  simulateBindings,
  type BindingResult,
  type ClaimResult,
} from '../binding';
import type { LocalizedText } from '../types';
import { afterColon } from '../i18n/format';
import type { Workspace } from '../workspace/workspace';
import type { Lookups } from './lookups';
import { storageSignature } from './signature';
import type { Rule } from './types';
import { claimTemplatesOf, ephemeralTemplatesOf, get, namespaceOf, workloadKinds } from './util';
import { requestExceedsReservedVolume, reservedVolume } from './volumeReservations';
import { provisioningClassFixes } from './fixes/nameFixes';

/**
 * The last simulation per workspace and the storage signature it was run for: typing anywhere
 * that leaves volumes, claims, classes and mounts as they were (a probe, an image, a comment)
 * reuses it. Only the claims' names and uris are read from the result, never their ranges,
 * which may have moved since.
 */
const lastRun = new WeakMap<Workspace, { version: number; map: Map<string, ClaimResult[]> }>();

/** Pending claims by `namespace/name` (and by StatefulSet `namespace/set`). */
function pendingClaims(lookups: Lookups): Map<string, ClaimResult[]> {
  const workspace = lookups.workspace;
  const version = storageSignature(workspace);
  const previous = lastRun.get(workspace);
  if (previous?.version === version) return previous.map;
  const map = new Map<string, ClaimResult[]>();
  let result: BindingResult | undefined;
  try {
    // The rule reads the claims that stay Pending, their outcomes and reasons only: no other
    // claim's result, no per-volume rejection lists (O(claims × volumes)).
    result = simulateBindings(bindingInputFromWorkspace(workspace), {
      maxRejected: 0,
      outcomes: ['pending'],
    });
  } catch (e) {
    workspace.onError('binding simulation for claim-stays-pending', e);
    result = undefined;
  }
  for (const claim of result?.claims ?? []) {
    if (claim.outcome !== 'pending') continue;
    const key = claim.ephemeral
      ? ephemeralKey(claim.namespace, claim.ephemeral.kind, claim.ephemeral.workload)
      : claim.fromStatefulSet
        ? `sts:${claim.namespace}/${claim.fromStatefulSet}`
        : `${claim.namespace}/${claim.name}`;
    const list = map.get(key);
    if (list) list.push(claim);
    else map.set(key, [claim]);
  }
  lastRun.set(workspace, { version, map });
  return map;
}

/** Where the Pending claims of a workload's generic ephemeral volumes are kept. */
const ephemeralKey = (namespace: string, kind: string, workload: string): string =>
  `ephemeral:${namespace}/${kind}/${workload}`;

/** The finding's first sentence: which claims will not bind. */
function lead(count: number, name: string, ephemeral: boolean): LocalizedText {
  // With several claims, the reason (written of "the claim") is the first one's.
  if (ephemeral)
    return count > 1
      ? {
          en: `${count} claims of this ephemeral volume (one per pod) will not bind. The first, \`${name}\`:`,
          ru: `Не привяжутся заявки этого эфемерного тома (${count}, по одной на под). Первая, \`${name}\`:`,
        }
      : {
          en: `Claim \`${name}\` of this ephemeral volume will not bind.`,
          ru: `Заявка \`${name}\` этого эфемерного тома не привяжется.`,
        };
  return count > 1
    ? {
        en: `None of the ${count} claims of this template will bind. The first, \`${name}\`:`,
        ru: `Ни одна из заявок этого шаблона (${count}) не привяжется. Первая, \`${name}\`:`,
      }
    : { en: 'The claim will not bind.', ru: 'Заявка не привяжется.' };
}

/**
 * The reason after a lead that ends with a colon («Первая, `x`: подходящего тома нет…»): Russian
 * as every message after a colon (i18n/format.ts `afterColon`); English lowers a plain first word
 * too (`no volume fits`), never a name written in CamelCase (`StorageClass` stays).
 */
function afterLead(lead: LocalizedText, reason: LocalizedText): LocalizedText {
  if (!lead.en.endsWith(':')) return reason;
  return {
    en: reason.en.replace(/^[A-Z](?=[a-z]*(?![A-Za-z]))/, (c) => c.toLowerCase()),
    ru: afterColon(reason).ru,
  };
}

/**
 * Reasons that lie in the claim's class: the finding goes on `storageClassName` when it is
 * written (in a chart, that traces it to the value that set it, e.g. `storageClass: "-"`).
 */
const CLASS_REASONS = new Set(['pending-no-class', 'pending-no-provisioner']);

/** Reasons other rules already explain better. */
const EXPLAINED_ELSEWHERE = new Set([
  'pending-class-missing',
  'pending-volume-name-missing',
  'pending-volume-name-unfit',
  'pending-volume-name-taken',
]);

export const claimWillStayPending: Rule = {
  id: 'claim-will-stay-pending',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', ...workloadKinds],
  fixable: true,
  title: {
    en: 'A claim will stay Pending: no volume fits and no class can provision one',
    ru: 'Заявка останется в `Pending`: подходящего тома нет, а выделить его некому',
  },
  docs: {
    en: "The binding simulation follows the PV controller: a claim binds to the smallest fitting Available volume of its class; without one, the class's provisioner creates a volume. If the claim has no class (`\"\"`), or its class uses `kubernetes.io/no-provisioner`, and no written PersistentVolume fits, the claim stays `Pending` and so do its pods. The message gives the controller's reason. Create a fitting volume, or use a StorageClass with a provisioner. A claim without `storageClassName` gets the cluster's default class: it is reported only when the cluster has none (`kubeStorage.cluster.defaultStorageClass` is `none`, or a cluster snapshot lists StorageClasses and none is default). The claims a StatefulSet's `volumeClaimTemplates` and a pod's generic ephemeral volumes (`ephemeral.volumeClaimTemplate`, one claim per pod) create are simulated too and reported on their template.",
    ru: 'Симуляция привязки повторяет контроллер PV: заявка привязывается к наименьшему подходящему тому в состоянии `Available` своего класса, а если такого нет, том выделяет провижинер класса. Если класса у заявки нет (`""`) или класс использует `kubernetes.io/no-provisioner`, а подходящего постоянного тома в файлах нет, заявка останется в `Pending`, а вместе с ней и поды. В сообщении указана причина, как её видит контроллер. Создайте подходящий том или используйте класс хранилища с провижинером. Заявке без `storageClassName` назначат класс по умолчанию из кластера, поэтому она отмечается, только если такого класса в кластере нет (`kubeStorage.cluster.defaultStorageClass` равен `none` или снимок кластера перечисляет классы хранилища, и ни один не отмечен по умолчанию). Заявки, которые создают `volumeClaimTemplates` StatefulSet и универсальные эфемерные тома пода (`ephemeral.volumeClaimTemplate`, по заявке на под), тоже участвуют в симуляции, и о них сообщается на их шаблоне.',
  },
  check(object, data, ctx) {
    const pending = pendingClaims(ctx.lookups);
    if (!pending.size) return;
    const ns = namespaceOf(object);
    const report = (
      claim: ClaimResult,
      path: (string | number)[],
      spec: unknown,
      specPath: (string | number)[],
      count = 1,
      ephemeral = false,
    ) => {
      if (EXPLAINED_ELSEWHERE.has(claim.reason.code)) return;
      if (get(spec, ['volumeName']) || get(spec, ['selector'])) return;
      const cls = claim.storageClass;
      if (cls && ctx.settings.knownObjects.storageClasses.includes(cls)) return;
      // An ephemeral volume's claims stay on the volume's name, which the pod spec shows.
      const onClass =
        !ephemeral &&
        CLASS_REASONS.has(claim.reason.code) &&
        get(spec, ['storageClassName']) !== undefined;
      const first = lead(count, claim.name, ephemeral);
      const reason = afterLead(first, claim.reason);
      ctx.report(
        onClass ? [...specPath, 'storageClassName'] : path,
        {
          en: `${first.en} ${reason.en} Create a fitting PersistentVolume or use a StorageClass with a provisioner.`,
          ru: `${first.ru} ${reason.ru} Создайте подходящий постоянный том или используйте класс хранилища с провижинером.`,
        },
        { fix: () => provisioningClassFixes(object, specPath, spec, ctx.lookups) },
      );
    };
    if (object.kind === 'PersistentVolumeClaim') {
      const claim = pending.get(`${ns}/${object.name}`)?.find((c) => c.source?.uri === object.uri);
      const reserved = object.name ? reservedVolume(ctx.lookups, ns, object.name) : undefined;
      // claim-larger-than-volume says it on the request line.
      if (reserved && requestExceedsReservedVolume(data.spec, reserved)) return;
      if (claim) report(claim, ['metadata', 'name'], data.spec, ['spec']);
      return;
    }
    // The claims of generic ephemeral volumes, one per pod: reported on the volume's name.
    const ephemeral = pending.get(ephemeralKey(ns, object.kind, object.name ?? ''));
    for (const t of ephemeral ? ephemeralTemplatesOf(object.kind, data) : []) {
      const name = t.volume.volume.name;
      const mine = ephemeral!.filter((c) => c.ephemeral?.volume === name);
      if (mine.length)
        report(mine[0]!, [...t.volume.path, 'name'], t.spec, t.path, mine.length, true);
    }
    const claims =
      object.kind === 'StatefulSet' ? pending.get(`sts:${ns}/${object.name}`) : undefined;
    if (!claims) return;
    for (const t of claimTemplatesOf(data)) {
      const mine = claims.filter((c) => c.name.startsWith(`${t.name}-${object.name}-`));
      if (mine.length)
        report(
          mine[0]!,
          [...t.path, 'metadata', 'name'],
          t.template.spec,
          [...t.path, 'spec'],
          mine.length,
        );
    }
  },
};
