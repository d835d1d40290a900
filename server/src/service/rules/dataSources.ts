/**
 * A claim's data source as the API server sees it: a source it drops (`dataSource` of an unknown
 * kind or group), one it rejects, one in another namespace without a ReferenceGrant.
 * What the API server does with a data source follows kubernetes/kubernetes
 * `pkg/api/persistentvolumeclaim/util.go` and `ValidatePersistentVolumeClaimSpec`; what makes
 * provisioning from a source fail follows the CSI external-provisioner (size, driver, class and
 * volume mode of the source).
 */
import { localize } from '../i18n/format';
import {
  REFERENCE_GRANT_GROUP,
  SNAPSHOT_GROUP,
  grantAllows,
  keptInDataSource,
} from '../kubernetes/snapshots';
import type { IndexedObject } from '../workspace/file';
import { appendDocument, setKey } from './fixes/edits';
import { fix, removeFieldFix } from './fixes/quickFix';
import {
  claimSpecsOf,
  writtenSource,
  SNAPSHOT_CLAIM_KINDS,
  type WrittenSource,
} from './snapshotSources';
import type { LocalizedText } from '../types';
import type { QuickFix, Rule, RuleContext } from './types';
import { namespaceOf } from './util';

/** `apiGroup: snapshot.storage.k8s.io` set on a VolumeSnapshot source, or a claim's group removed. */
function groupFix(object: IndexedObject, written: WrittenSource): QuickFix | undefined {
  if (written.ref.kind === 'VolumeSnapshot') {
    return fix(
      localize(
        { en: 'Set `apiGroup: {group}`', ru: 'Указать `apiGroup: {group}`' },
        { group: SNAPSHOT_GROUP },
      ),
      setKey(object, written.path, 'apiGroup', SNAPSHOT_GROUP),
    );
  }
  if (written.ref.kind === 'PersistentVolumeClaim' && written.ref.apiGroup !== undefined) {
    return removeFieldFix(object, [...written.path, 'apiGroup'], {
      en: 'Remove `apiGroup` (a claim is in the core group)',
      ru: 'Убрать `apiGroup` (заявка — из основной группы API)',
    });
  }
  return undefined;
}

export const dataSourceIgnored: Rule = {
  id: 'data-source-ignored',
  family: 'snapshots',
  severity: 'warning',
  kinds: SNAPSHOT_CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A `dataSource` the API server silently drops',
    ru: '`dataSource`, который API-сервер молча отбрасывает',
  },
  docs: {
    en: "In `dataSource` (without `dataSourceRef`) the API server keeps only a `PersistentVolumeClaim` (no `apiGroup`) or a `VolumeSnapshot` with `apiGroup: snapshot.storage.k8s.io`; anything else is dropped without an error, and the claim gets an **empty** volume. Typical slips: a VolumeSnapshot without `apiGroup`, a claim with `apiGroup: v1` or `core`, a populator's kind in `dataSource`. Fix the group (the quick fix does), or use `dataSourceRef` for other kinds: it reports mistakes instead of dropping them.",
    ru: 'В `dataSource` (без `dataSourceRef`) API-сервер сохраняет только `PersistentVolumeClaim` (без `apiGroup`) или `VolumeSnapshot` с `apiGroup: snapshot.storage.k8s.io`; всё остальное молча отбрасывается, и заявка получает **пустой** том. Типичные промахи: VolumeSnapshot без `apiGroup`, заявка с `apiGroup: v1` или `core`, вид объекта заполнителя томов в `dataSource`. Исправьте группу (быстрое исправление так и сделает) или используйте `dataSourceRef` для других видов: там ошибки сообщаются, а не теряются.',
  },
  check(object, data, ctx) {
    for (const at of claimSpecsOf(object.kind, data)) {
      if (writtenSource(at, 'dataSourceRef')) continue;
      const written = writtenSource(at, 'dataSource');
      if (!written?.ref.kind || keptInDataSource(written.ref)) continue;
      const group = written.ref.apiGroup ?? '';
      ctx.report(
        written.path,
        localize(
          {
            en: 'The API server drops this `dataSource` ({kind} in group `{group}`) without an error: only a PersistentVolumeClaim (no group) or a VolumeSnapshot (`{snapshots}`) is kept here. The claim would get an empty volume. {hint}',
            ru: 'API-сервер молча отбросит этот `dataSource` ({kind} в группе `{group}`): здесь сохраняются только PersistentVolumeClaim (без группы) и VolumeSnapshot (`{snapshots}`). Заявка получит пустой том. {hintRu}',
          },
          {
            kind: written.ref.kind,
            group: group || '""',
            snapshots: SNAPSHOT_GROUP,
            hint:
              written.ref.kind === 'VolumeSnapshot'
                ? `Set \`apiGroup: ${SNAPSHOT_GROUP}\`.`
                : written.ref.kind === 'PersistentVolumeClaim'
                  ? 'Remove `apiGroup`.'
                  : 'For a volume populator, use `dataSourceRef`.',
            hintRu:
              written.ref.kind === 'VolumeSnapshot'
                ? `Укажите \`apiGroup: ${SNAPSHOT_GROUP}\`.`
                : written.ref.kind === 'PersistentVolumeClaim'
                  ? 'Уберите `apiGroup`.'
                  : 'Для заполнителя томов используйте `dataSourceRef`.',
          },
        ),
        { onKey: true, fix: () => groupFix(object, written) },
      );
    }
  },
};

export const dataSourceRejected: Rule = {
  id: 'data-source-rejected',
  family: 'snapshots',
  severity: 'error',
  kinds: SNAPSHOT_CLAIM_KINDS,
  fixable: true,
  title: {
    en: '`dataSource` and `dataSourceRef` the API server rejects',
    ru: '`dataSource` и `dataSourceRef`, которые API-сервер не примет',
  },
  docs: {
    en: 'The API server refuses a claim whose data source names a kind other than `PersistentVolumeClaim` without an `apiGroup` (in `dataSourceRef`, or in `dataSource` beside it), or whose `dataSource` and `dataSourceRef` differ (a `dataSourceRef` with a `namespace` is left to `data-source-cross-namespace`: there the alpha feature gate decides). Kubernetes copies one field into the other: write one of them (prefer `dataSourceRef`), with the group of the kind.',
    ru: 'API-сервер не примет заявку, у которой источник данных называет вид, отличный от `PersistentVolumeClaim`, без `apiGroup` (в `dataSourceRef` или в `dataSource` рядом с ним), или у которой `dataSource` и `dataSourceRef` различаются (`dataSourceRef` с `namespace` оставлен правилу `data-source-cross-namespace`: там всё решает feature gate в альфе). Kubernetes сам копирует одно поле в другое: пишите одно из них (лучше `dataSourceRef`) и с группой API вида.',
  },
  check(object, data, ctx) {
    for (const at of claimSpecsOf(object.kind, data)) {
      const ref = writtenSource(at, 'dataSourceRef');
      // With a namespace, the alpha feature gate decides: data-source-cross-namespace reports it.
      if (!ref || ref.ref.namespace) continue;
      const source = writtenSource(at, 'dataSource');
      for (const written of source ? [ref, source] : [ref]) {
        const { kind, apiGroup } = written.ref;
        if (!kind || kind === 'PersistentVolumeClaim' || apiGroup) continue;
        ctx.report(
          [...written.path, 'kind'],
          localize(
            {
              en: '`{field}` names a `{kind}` without `apiGroup`; the API server rejects the claim: only a PersistentVolumeClaim is in the core group.{hint}',
              ru: '`{field}` называет `{kind}` без `apiGroup`, и API-сервер не примет заявку: в основной группе API только PersistentVolumeClaim.{hintRu}',
            },
            {
              field: written.field,
              kind,
              hint: kind === 'VolumeSnapshot' ? ` Set \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
              hintRu: kind === 'VolumeSnapshot' ? ` Укажите \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
            },
          ),
          { fix: () => groupFix(object, written) },
        );
      }
      if (!source) continue;
      const same =
        (source.ref.apiGroup ?? undefined) === (ref.ref.apiGroup ?? undefined) &&
        source.ref.kind === ref.ref.kind &&
        source.ref.name === ref.ref.name;
      if (same) continue;
      ctx.report(
        source.path,
        {
          en: '`dataSource` and `dataSourceRef` differ; the API server rejects the claim (it keeps the two equal itself). Write only `dataSourceRef`.',
          ru: '`dataSource` и `dataSourceRef` различаются, и API-сервер не примет заявку (он сам держит их равными). Оставьте только `dataSourceRef`.',
        },
        { onKey: true, fix: () => removeSourceFix(object, source) },
      );
    }
  },
};

function removeSourceFix(object: IndexedObject, source: WrittenSource): QuickFix | undefined {
  return removeFieldFix(object, source.path, {
    en: 'Remove `dataSource` (keep `dataSourceRef`)',
    ru: 'Убрать `dataSource` (оставить `dataSourceRef`)',
  });
}

export const dataSourceCrossNamespace: Rule = {
  id: 'data-source-cross-namespace',
  family: 'snapshots',
  severity: 'warning',
  kinds: SNAPSHOT_CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A data source in another namespace without a ReferenceGrant, or written so that it is dropped or rejected',
    ru: 'Источник данных из другого пространства имён без ReferenceGrant или записанный так, что его отбросят или не примут',
  },
  docs: {
    en: "`dataSourceRef.namespace` restores or clones from another namespace. It needs the feature gate `CrossNamespaceVolumeDataSource` (alpha, off by default: without it the API server drops the whole `dataSourceRef` and the volume is created empty) and, in the source's namespace, a ReferenceGrant (`gateway.networking.k8s.io`) that lets PersistentVolumeClaims of the claim's namespace refer to that kind. Without the grant the claim stays `Pending`. Create the ReferenceGrant (the quick fix adds one) or copy the data into the claim's namespace. A `dataSourceRef` with a `namespace` that names a kind other than `PersistentVolumeClaim` without `apiGroup`, or has `dataSource` beside it, is rejected by the API server when the gate is on, and with the gate off loses `dataSourceRef` (the claim then goes by `dataSource` alone, in its own namespace): both are reported, whatever the namespace.",
    ru: '`dataSourceRef.namespace` восстанавливает или клонирует из другого пространства имён. Для этого нужен feature gate `CrossNamespaceVolumeDataSource` (альфа, по умолчанию выключен: без него API-сервер отбросит весь `dataSourceRef`, и том создастся пустым), а в пространстве имён источника — ReferenceGrant (`gateway.networking.k8s.io`), который разрешает заявкам из пространства имён заявки ссылаться на этот вид объектов. Без разрешения заявка останется в `Pending`. Создайте ReferenceGrant (быстрое исправление добавит его) или скопируйте данные в пространство имён заявки. Если `dataSourceRef` с `namespace` называет вид, отличный от `PersistentVolumeClaim`, без `apiGroup` или рядом с ним задан `dataSource`, то при включённом feature gate API-сервер не примет заявку, а при выключенном отбросит `dataSourceRef` (и останется только `dataSource` — источник в пространстве имён самой заявки): оба случая отмечаются, какое бы пространство имён ни было указано.',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const ref = writtenSource(at, 'dataSourceRef');
      const target = ref?.ref.namespace;
      if (!ref || !target) continue;
      reportGateDependent(object, ref, writtenSource(at, 'dataSource'), ctx);
      if (target === ns || !ref.ref.kind) continue;
      const granted = ctx.lookups.referenceGrants.some(
        (g) => namespaceOf(g.object) === target && grantAllows(g.data, ns, ref.ref),
      );
      if (granted) continue;
      ctx.report(
        [...ref.path, 'namespace'],
        localize(
          {
            en: 'No ReferenceGrant in namespace `{target}` lets claims of `{ns}` use its {kind} `{name}`. The claim stays `Pending` (and without the alpha feature gate `CrossNamespaceVolumeDataSource` the API server drops `dataSourceRef`, leaving the volume empty). Create the ReferenceGrant in `{target}`.',
            ru: 'В пространстве имён `{target}` нет ReferenceGrant, который разрешает заявкам из `{ns}` брать {kind} `{name}`. Заявка останется в `Pending` (а без альфа-версии feature gate `CrossNamespaceVolumeDataSource` API-сервер отбросит `dataSourceRef`, и том будет пустым). Создайте ReferenceGrant в `{target}`.',
          },
          { target, ns, kind: ref.ref.kind, name: ref.ref.name ?? '' },
        ),
        { fix: () => referenceGrantFix(object, ns, target, ref) },
      );
    }
  },
};

/**
 * What the alpha gate decides for a `dataSourceRef` with a namespace (kubernetes/kubernetes
 * `pkg/api/persistentvolumeclaim/util.go` `DropDisabledFields`, `ValidatePersistentVolumeClaimSpec`):
 * with `CrossNamespaceVolumeDataSource` on, a core kind other than a claim, or `dataSource` beside
 * it, is rejected; with it off (the default) the API server drops `dataSourceRef` and accepts.
 */
function reportGateDependent(
  object: IndexedObject,
  ref: WrittenSource,
  source: WrittenSource | undefined,
  ctx: RuleContext,
): void {
  const { kind, apiGroup } = ref.ref;
  if (kind && kind !== 'PersistentVolumeClaim' && !apiGroup) {
    ctx.report(
      [...ref.path, 'kind'],
      localize(CORE_KIND_ACROSS_NAMESPACES, {
        kind,
        hint: kind === 'VolumeSnapshot' ? ` Set \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
        hintRu: kind === 'VolumeSnapshot' ? ` Укажите \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
      }),
      { fix: () => groupFix(object, ref) },
    );
  }
  if (!source) return;
  ctx.report(source.path, SOURCE_BESIDE_NAMESPACE, {
    onKey: true,
    fix: () => removeSourceFix(object, source),
  });
}

const CORE_KIND_ACROSS_NAMESPACES: LocalizedText = {
  en: '`dataSourceRef` names a `{kind}` without `apiGroup`. With the alpha feature gate `CrossNamespaceVolumeDataSource` on, the API server rejects the claim (only a PersistentVolumeClaim is in the core group); with it off (the default), it drops `dataSourceRef`.{hint}',
  ru: '`dataSourceRef` называет `{kind}` без `apiGroup`. Если feature gate `CrossNamespaceVolumeDataSource` (альфа) включён, API-сервер не примет заявку (в основной группе API только PersistentVolumeClaim); если выключен (по умолчанию), API-сервер отбросит `dataSourceRef`.{hintRu}',
};

const SOURCE_BESIDE_NAMESPACE: LocalizedText = {
  en: "`dataSource` beside `dataSourceRef.namespace`: with the alpha feature gate `CrossNamespaceVolumeDataSource` on, the API server rejects the claim; with it off (the default), it drops `dataSourceRef` and goes by `dataSource` alone, in the claim's own namespace. Remove `dataSource`.",
  ru: '`dataSource` рядом с `dataSourceRef.namespace`: если feature gate `CrossNamespaceVolumeDataSource` (альфа) включён, API-сервер не примет заявку; если выключен (по умолчанию), API-сервер отбросит `dataSourceRef`, и останется только `dataSource` — источник в пространстве имён самой заявки. Уберите `dataSource`.',
};

function referenceGrantFix(
  object: IndexedObject,
  ns: string,
  target: string,
  ref: WrittenSource,
): QuickFix {
  const name = `${ns}-claims-to-${(ref.ref.kind ?? 'source').toLowerCase()}s`.slice(0, 63);
  const grant = {
    apiVersion: `${REFERENCE_GRANT_GROUP}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name, namespace: target },
    spec: {
      from: [{ group: '', kind: 'PersistentVolumeClaim', namespace: ns }],
      to: [{ group: ref.ref.apiGroup ?? '', kind: ref.ref.kind ?? '' }],
    },
  };
  return {
    title: localize(
      {
        en: 'Create ReferenceGrant `{name}` in `{target}`',
        ru: 'Создать ReferenceGrant `{name}` в `{target}`',
      },
      { name, target },
    ),
    edits: [appendDocument(object, grant)],
  };
}

export const dataSourceRules: Rule[] = [
  dataSourceIgnored,
  dataSourceRejected,
  dataSourceCrossNamespace,
];
