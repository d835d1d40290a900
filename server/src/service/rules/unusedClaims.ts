/**
 * A claim that no pod uses, written beside workloads: the typical trace of a chart whose
 * `persistence.enabled` makes the claim while another setting (a `persistence.type`, an
 * `existingClaim`) gives the pods an emptyDir, or of a typo in a volume's `claimName`. The claim
 * is provisioned and holds nothing; the data is kept where it does not last.
 *
 * A claim is used when a workload anywhere in the workspace (a kustomize patch too) mounts it, a
 * StatefulSet adopts it as one of its claim templates' claims, a claim is cloned from it, a
 * snapshot is taken of it, or a file — its own included — names it on or just below a line about
 * claims, configuration texts too (pods an application makes at run time, a Jenkins agent
 * template, GitLab Runner's `[[…volumes.pvc]]`: `Lookups.claimInUse`); or when another object of
 * its file names it as the value of a key about volumes or persistence (`volume: data`), or in
 * an environment variable so named (`PVC_NAME`). A clone or a restore is not checked: the copy is
 * made for whatever reads it. Only claims written beside workloads are checked: a file of claims
 * alone is for workloads elsewhere, often in another repository. A rendered chart
 * is one file, so it is checked as a whole release.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { localize, joinTexts } from '../i18n/format';
import { filledInLater } from '../text/placeholders';
import type { LocalizedText } from '../types';
import { objectData, type IndexedObject } from '../workspace/file';
import { removeDocument, replacePair } from './fixes/edits';
import { fix, fixes } from './fixes/quickFix';
import type { Lookups } from './lookups';
import type { QuickFix, Rule } from './types';
import { codeList, get, isRecord, podSpecOf, str, volumesOf, type VolumeAt } from './util';

/** A key (or an environment variable's name) about claims, volumes or persistence. */
const CLAIM_KEY = /claim|pvc|volume|persist|storage/i;

interface SiblingWorkload {
  object: IndexedObject;
  data: Record<string, unknown>;
  emptyDirs: VolumeAt[];
}

/** The workloads of the claim's file, with their emptyDir volumes. */
function siblingWorkloads(claim: IndexedObject, siblings: readonly IndexedObject[]) {
  const out: SiblingWorkload[] = [];
  for (const object of siblings) {
    const data = objectData<Record<string, unknown>>(object);
    const at = data && podSpecOf(object.kind, data);
    if (!data || !at || object.document === claim.document) continue;
    out.push({ object, data, emptyDirs: volumesOf(at).filter((v) => isRecord(v.volume.emptyDir)) });
  }
  return out;
}

/**
 * True when `value` names the claim where a claim is named (see the module comment). Metadata is
 * skipped: a workload often has the claim's name (a chart's full name) as its own name or label.
 */
function namesClaim(value: unknown, name: string, claimKey: boolean): boolean {
  if (typeof value === 'string') return claimKey && value === name;
  if (Array.isArray(value)) return value.some((item) => namesClaim(item, name, claimKey));
  if (!isRecord(value)) return false;
  // An environment variable `{name: PVC_NAME, value: data}`: its name says what the value is.
  const entryKey = typeof value.name === 'string' && CLAIM_KEY.test(value.name);
  return Object.entries(value).some(
    ([key, v]) =>
      key !== 'metadata' &&
      namesClaim(v, name, CLAIM_KEY.test(key) || (key === 'value' && entryKey)),
  );
}

function namedInFile(
  claim: IndexedObject,
  name: string,
  siblings: readonly IndexedObject[],
): boolean {
  return siblings.some(
    (o) => o.document !== claim.document && namesClaim(objectData(o), name, false),
  );
}

/** "Deployment `app` with emptyDir `data`" for each workload of the file. */
function workloadList(workloads: readonly SiblingWorkload[]): LocalizedText {
  const max = 3;
  const list = (one: string, several: string) =>
    workloads
      .slice(0, max)
      .map(
        (w) =>
          `${w.object.kind} \`${workloadName(w)}\`` +
          (w.emptyDirs.length
            ? ` ${w.emptyDirs.length > 1 ? several : one} ${codeList(w.emptyDirs.map((v) => v.volume.name))}`
            : ''),
      )
      .join(', ') + (workloads.length > max ? ` (+${workloads.length - max})` : '');
  return {
    en: list('with emptyDir', 'with emptyDir volumes'),
    ru: list('с томом emptyDir', 'с томами emptyDir'),
  };
}

function workloadName(w: SiblingWorkload): string {
  return str(get(w.data, ['metadata', 'name'])) ?? '?';
}

function message(name: string, workloads: readonly SiblingWorkload[]): LocalizedText {
  const kept = workloads.some((w) => w.emptyDirs.length)
    ? {
        en: ' Whatever it was made for is kept on an emptyDir, which is lost with the pod.',
        ru: ' Данные, ради которых она создана, хранятся на томе emptyDir и пропадут вместе с подом.',
      }
    : {
        en: ' Whatever it was made for is kept elsewhere, perhaps in the container itself.',
        ru: ' Данные, ради которых она создана, хранятся где-то ещё — возможно, в самом контейнере.',
      };
  return joinTexts(
    localize(
      {
        en: 'No pod uses claim `{name}`: none of the workloads beside it ({workloads}) mounts it, and no workload of the workspace does. The volume is provisioned and stays empty.',
        ru: 'Заявку `{name}` не использует ни один под: её не монтирует ни одна из рабочих нагрузок рядом с ней ({workloads}) и ни одна другая рабочая нагрузка в рабочей области. Том будет выделен и останется пустым.',
      },
      { name, workloads: workloadList(workloads) },
    ),
    kept,
    {
      en: " Check the volume's `claimName`, or the chart setting that chooses the volume (a `persistence.type`, an `existingClaim`).",
      ru: ' Проверьте `claimName` тома или параметр чарта, который выбирает том (`persistence.type`, `existingClaim`).',
    },
  );
}

/** Puts the claim in place of the one emptyDir of the file's workloads, when there is just one. */
function mountClaimFix(name: string, workloads: readonly SiblingWorkload[]): QuickFix | undefined {
  const emptyDirs = workloads.flatMap((w) => w.emptyDirs.map((v) => ({ w, v })));
  if (emptyDirs.length !== 1) return undefined;
  const { w, v } = emptyDirs[0]!;
  const volume: Volume = v.volume;
  return fix(
    localize(
      {
        en: 'Mount claim `{name}` as volume `{volume}` of {kind} `{workload}` instead of its emptyDir',
        ru: 'Смонтировать заявку `{name}` как том `{volume}` в {kind} `{workload}` вместо emptyDir',
      },
      {
        name,
        volume: volume.name,
        kind: w.object.kind,
        workload: str(get(w.data, ['metadata', 'name'])) ?? '',
      },
    ),
    replacePair(w.object, [...v.path, 'emptyDir'], 'persistentVolumeClaim', { claimName: name }),
  );
}

/** Removes the claim's document: nothing uses it, and it would only hold a volume nobody reads. */
function removeClaimFix(claim: IndexedObject, name: string): QuickFix | undefined {
  return fix(
    localize(
      {
        en: 'Remove claim `{name}`, which no pod uses',
        ru: 'Удалить заявку `{name}`: её не использует ни один под',
      },
      { name },
    ),
    removeDocument(claim),
  );
}

/**
 * A claim cloned or restored (`dataSource`, `dataSourceRef`): a copy is made for whatever will
 * read it, often outside the manifests (an operator's test attaches it with `kubectl patch`).
 */
function isCopy(data: Record<string, unknown>): boolean {
  return (
    isRecord(get(data, ['spec', 'dataSource'])) || isRecord(get(data, ['spec', 'dataSourceRef']))
  );
}

function usedElsewhere(
  lookups: Lookups,
  claim: IndexedObject,
  name: string,
  siblings: readonly IndexedObject[],
): boolean {
  return lookups.claimInUse(name) || namedInFile(claim, name, siblings);
}

export const claimUsedByNoPod: Rule = {
  id: 'claim-used-by-no-pod',
  family: 'workloads',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  title: {
    en: 'A claim written beside workloads that no pod uses',
    ru: 'Неиспользуемая заявка рядом с рабочими нагрузками',
  },
  docs: {
    en: "A PersistentVolumeClaim sits in a file with workloads (or in a rendered Helm chart), but no pod uses it: no workload in the workspace mounts it (a kustomize patch included), no StatefulSet's claim template makes a claim of its name, and no other object of the file names it where claims are named (a field about claims, volumes or persistence, such as an operator's `existingClaim`; an environment variable such as `PVC_NAME`; a configuration text that mentions it beside the word claim or pvc). The volume is provisioned and stays empty, while the data it was meant for is kept elsewhere — often on an emptyDir that is lost with the pod. Typical causes are a typo in a volume's `claimName` and a chart whose `persistence.enabled` makes the claim while another setting (`persistence.type`, `existingClaim`) gives the pods another volume. A file of claims alone is not checked: its claims are for workloads elsewhere; nor is a clone or a restore (`dataSource`, `dataSourceRef`), made for whatever will read the copy. The quick fixes mount the claim in place of the one emptyDir of the file's workloads, or remove the claim.",
    ru: 'Заявка на том (PVC) лежит в файле с рабочими нагрузками (или в отрендеренном Helm-чарте), но её не использует ни один под: её не монтирует ни одна рабочая нагрузка в рабочей области (включая патчи Kustomize), ни один шаблон заявки StatefulSet не создаёт заявку с таким именем, и ни один другой объект файла не называет её там, где называют заявки (в поле о заявках, томах или хранении данных, например `existingClaim` оператора; в переменной окружения вроде `PVC_NAME`; в тексте конфигурации рядом со словом claim или pvc). Том будет выделен и останется пустым, а данные, ради которых он создан, хранятся где-то ещё — часто на emptyDir, который пропадёт вместе с подом. Типичные причины — опечатка в `claimName` тома и чарт, у которого `persistence.enabled` создаёт заявку, а другой параметр (`persistence.type`, `existingClaim`) даёт подам другой том. Файл, в котором только заявки, не проверяется: они нужны рабочим нагрузкам из других файлов; не проверяются и клоны, и заявки, восстановленные из снимка (`dataSource`, `dataSourceRef`): копию создают для того, кто будет её читать. Быстрые исправления монтируют заявку вместо единственного тома emptyDir в рабочих нагрузках файла или удаляют заявку.',
  },
  fixable: true,
  check(object, data, ctx) {
    // The name as written: a mustache `{{name}}` reads as a map, and names nothing.
    const name = str(get(data, ['metadata', 'name']));
    if (!name || filledInLater(name, data) || isCopy(data)) return;
    const siblings = ctx.lookups.workspace.getFile(object.uri)?.objects() ?? [];
    const workloads = siblingWorkloads(object, siblings);
    if (!workloads.length || usedElsewhere(ctx.lookups, object, name, siblings)) return;
    ctx.report(['metadata', 'name'], message(name, workloads), {
      fix: () => fixes(mountClaimFix(name, workloads), removeClaimFix(object, name)),
    });
  },
};
