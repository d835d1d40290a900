/**
 * Names the API server rejects: an object's `metadata.name` and `generateName`, and inside a pod
 * spec the names of volumes and containers (and a StatefulSet's claim templates, which become pod
 * volumes). Which kind follows which rule is one fact, kept in kubernetes/names.ts.
 */
import { localize } from '../i18n/format';
import { filledInLater, hasEnvVariable } from '../text/placeholders';
import {
  CLASS_NAME_RULE,
  NAME_CHECKED_KINDS,
  apiGroupOf,
  POD_SPEC_NAME_RULE,
  nameProblems,
  objectNameRule,
  podSpecNamesChecked,
  prefixProblems,
  isValidName,
  isValidPrefix,
  looksLikeFillIn,
  suggestedName,
  type NameProblem,
  type NameRule,
} from '../kubernetes/names';
import type { YamlPath } from '../parse/nodes';
import type { LocalizedText } from '../types';
import type { IndexedObject } from '../workspace/file';
import { renameFix } from './fixes/nameFixes';
import { replaceFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';
import type { Rule, RuleContext } from './types';
import {
  claimTemplatesOf,
  codeList,
  containersOf,
  get,
  mountsOf,
  podSpecOf,
  volumesOf,
  writtenClaimsOf,
  type PodSpecAt,
} from './util';
import { REJECTED } from './volumeMounts';

const FORMAT_RULES: Record<NameRule['format'], LocalizedText> = {
  subdomain: {
    en: 'A valid name has only lowercase letters, digits, `-` and `.`, starts and ends with a letter or digit, and is at most {max} characters long.',
    ru: 'Имя должно состоять только из строчных латинских букв, цифр, `-` и `.`, начинаться и заканчиваться буквой или цифрой, а его длина — не больше {max} символов.',
  },
  label: {
    en: 'A valid name has only lowercase letters, digits and `-` (no dots), starts and ends with a letter or digit, and is at most {max} characters long.',
    ru: 'Имя должно состоять только из строчных латинских букв, цифр и `-` (без точек), начинаться и заканчиваться буквой или цифрой, а его длина — не больше {max} символов.',
  },
  dns1035: {
    en: 'A valid name has only lowercase letters, digits and `-` (no dots), starts with a letter, ends with a letter or digit, and is at most {max} characters long.',
    ru: 'Имя должно состоять только из строчных латинских букв, цифр и `-` (без точек), начинаться с буквы, заканчиваться буквой или цифрой, а его длина — не больше {max} символов.',
  },
};

function problemText(p: NameProblem): LocalizedText {
  switch (p.code) {
    case 'length':
      return localize(
        { en: 'it is {length} characters long', ru: 'длина — {length}' },
        { length: p.length },
      );
    case 'uppercase':
      return { en: 'it has uppercase letters', ru: 'в нём есть заглавные буквы' };
    case 'characters':
      return localize({ en: 'it has {chars}', ru: 'в нём есть {chars}' }, { chars: charList(p) });
    case 'start':
      return localize({ en: 'it starts with `{c}`', ru: 'начинается с `{c}`' }, { c: p.char });
    case 'startsWithDigit':
      return { en: 'it starts with a digit', ru: 'начинается с цифры' };
    case 'end':
      return localize({ en: 'it ends with `{c}`', ru: 'заканчивается на `{c}`' }, { c: p.char });
    case 'dotParts':
      return {
        en: 'a part between dots is empty or starts or ends with `-`',
        ru: 'часть между точками пустая или начинается либо заканчивается на `-`',
      };
  }
}

function charList(p: { chars: string[] }): LocalizedText {
  const spaces = p.chars.some((c) => /\s/.test(c));
  const shown = codeList(p.chars.filter((c) => !/\s/.test(c)));
  if (!spaces) return { en: shown, ru: shown };
  const sep = shown ? ', ' : '';
  return { en: `${shown}${sep}spaces`, ru: `${shown}${sep}пробелы` };
}

function upperAndChars(p: { chars: string[] }): LocalizedText {
  return localize(
    { en: 'it has uppercase letters and {chars}', ru: 'в нём есть заглавные буквы и {chars}' },
    { chars: charList(p) },
  );
}

/** The problems as one clause in each language, joined with `;`. */
function problemsText(problems: readonly NameProblem[]): LocalizedText {
  const chars = problems.find((p) => p.code === 'characters');
  const upper = chars && problems.some((p) => p.code === 'uppercase');
  const texts = problems
    .filter((p) => !(upper && p.code === 'characters'))
    .map((p) => (upper && p.code === 'uppercase' ? upperAndChars(chars) : problemText(p)));
  return { en: texts.map((t) => t.en).join('; '), ru: texts.map((t) => t.ru).join('; ') };
}

/** What the name is, for the message's start: `Volume name`, `Имя тома`… */
type Subject =
  | 'object'
  | 'generateName'
  | 'volume'
  | 'container'
  | 'initContainer'
  | 'claim'
  | 'class'
  | 'classDash';

const CLASS_SUBJECT: LocalizedText = {
  en: 'StorageClass name `{name}` in `storageClassName` is invalid',
  ru: 'Имя класса хранилища `{name}` в `storageClassName` недопустимо',
};

const SUBJECTS: Record<Subject, LocalizedText> = {
  object: { en: '{kind} name `{name}` is invalid', ru: 'Имя `{name}` не подходит для {kind}' },
  generateName: {
    en: '`generateName` prefix `{name}` is invalid',
    ru: 'Префикс `generateName` `{name}` недопустим',
  },
  volume: { en: 'Volume name `{name}` is invalid', ru: 'Имя тома `{name}` недопустимо' },
  container: {
    en: 'Container name `{name}` is invalid',
    ru: 'Имя контейнера `{name}` недопустимо',
  },
  initContainer: {
    en: 'Init container name `{name}` is invalid',
    ru: 'Имя init-контейнера `{name}` недопустимо',
  },
  claim: {
    en: 'Claim template name `{name}` is invalid',
    ru: 'Имя шаблона заявки `{name}` недопустимо',
  },
  class: CLASS_SUBJECT,
  classDash: CLASS_SUBJECT,
};

/** Extra words after the rule: how a prefix is checked, where a claim template's name goes. */
const NOTES: Partial<Record<Subject, LocalizedText>> = {
  generateName: {
    en: ' The prefix may end with `-`: the API server appends 5 random characters to it.',
    ru: ' Префикс может заканчиваться на `-`: API-сервер допишет к нему 5 случайных символов.',
  },
  claim: {
    en: ' It becomes the name of a volume in every pod, so it follows the rule of volume names.',
    ru: ' Оно становится именем тома в каждом поде, поэтому подчиняется правилу для имён томов.',
  },
  classDash: {
    en: ' `"-"` is how Helm charts write "no class" in their values; in a manifest that is `storageClassName: ""`.',
    ru: ' `"-"` — так чарты Helm пишут «без класса» в своих значениях; в манифесте это `storageClassName: ""`.',
  },
};

const FILL_IN: LocalizedText = {
  en: ' It looks like a placeholder: fill it in before applying the file.',
  ru: ' Похоже, это заготовка, которую нужно заполнить перед применением файла.',
};

const CLAIM_REJECTED: LocalizedText = {
  en: 'The API server stores the StatefulSet but rejects the claims or pods it makes (`FailedCreate` events).',
  ru: 'API-сервер сохранит StatefulSet, но отклонит создаваемые им заявки или поды (события `FailedCreate`).',
};

function message(
  subject: Subject,
  params: { name: string; kind: string },
  problems: readonly NameProblem[],
  rule: NameRule,
  rejected: LocalizedText,
): LocalizedText {
  const head = localize(SUBJECTS[subject], params);
  const body = localize(FORMAT_RULES[rule.format], { max: rule.maxLength });
  const note = looksLikeFillIn(params.name) ? FILL_IN : (NOTES[subject] ?? { en: '', ru: '' });
  const what = problemsText(problems);
  return {
    en: `${head.en}: ${what.en}. ${body.en}${note.en} ${rejected.en}`,
    ru: `${head.ru}: ${what.ru}. ${body.ru}${note.ru} ${rejected.ru}`,
  };
}

/**
 * A name worth checking: a non-empty string that is final as written in `object` (no `${VAR}`,
 * no `$VAR`, no `<key>` argocd-vault-plugin fills in).
 */
function checkable(value: unknown, object: unknown): value is string {
  return (
    typeof value === 'string' &&
    value !== '' &&
    !filledInLater(value, object) &&
    !hasEnvVariable(value)
  );
}

function checkObjectName(object: IndexedObject, data: Record<string, unknown>, ctx: RuleContext) {
  const rule = objectNameRule(object.apiVersion, object.kind);
  if (!rule) return;
  const params = (name: string) => ({ name, kind: object.kind });
  const name = get(data, ['metadata', 'name']);
  if (checkable(name, data) && !isValidName(name, rule)) {
    const path = ['metadata', 'name'];
    const better = suggestedName(name, rule);
    ctx.report(
      path,
      message('object', params(name), nameProblems(name, rule), rule, REJECTED.object),
      {
        // A Namespace's name is replaced by a kustomization's `namespace:` (index.ts drops it).
        data: object.kind === 'Namespace' ? { name, namespaceName: true } : { name },
        fix: better ? () => renameFix(object, path, better) : undefined,
      },
    );
  }
  const prefix = get(data, ['metadata', 'generateName']);
  if (checkable(prefix, data) && !isValidPrefix(prefix, rule)) {
    const path = ['metadata', 'generateName'];
    const better = suggestedName(prefix, rule, true);
    ctx.report(
      path,
      message('generateName', params(prefix), prefixProblems(prefix, rule), rule, REJECTED.object),
      { data: { name: prefix }, fix: better ? () => renameFix(object, path, better) : undefined },
    );
  }
}

/** The paths of the mounts and devices named `name`, in every container of the pod spec. */
function mountNamePaths(at: PodSpecAt, name: string): YamlPath[] {
  return containersOf(at).flatMap((c) =>
    mountsOf(c)
      .filter((m) => m.mount.name === name)
      .map((m) => [...m.path, 'name']),
  );
}

interface NamedEntry {
  subject: Subject;
  name: string;
  path: YamlPath;
  /** Names the entry may not take (its siblings'). */
  taken: ReadonlySet<string>;
  /** Other places the name stands at, renamed along with it; undefined: no fix is simple. */
  alsoAt?: () => YamlPath[];
}

/** The named entries of a pod spec the API server checks, and a StatefulSet's claim templates. */
function podSpecEntries(kind: string, data: Record<string, unknown>, at: PodSpecAt): NamedEntry[] {
  const volumes = volumesOf(at);
  const templates = kind === 'StatefulSet' ? claimTemplatesOf(data) : [];
  const volumeNames = new Set([
    ...volumes.map((v) => v.volume.name),
    ...templates.map((t) => t.name),
  ]);
  const out: NamedEntry[] = [];
  for (const v of volumes) {
    const name = v.volume.name;
    const alsoAt = () => mountNamePaths(at, name);
    out.push({ subject: 'volume', name, path: [...v.path, 'name'], taken: volumeNames, alsoAt });
  }
  for (const t of templates) {
    // A pod-template volume of the same name (replaced by the claim) would need renaming too.
    const alsoAt = at.replaced.has(t.name) ? undefined : () => mountNamePaths(at, t.name);
    const path = [...t.path, 'metadata', 'name'];
    out.push({ subject: 'claim', name: t.name, path, taken: volumeNames, alsoAt });
  }
  const containers = containersOf(at).filter((c) => c.group !== 'ephemeralContainers');
  const containerNames = new Set(containersOf(at).map((c) => String(c.container.name)));
  for (const c of containers) {
    const subject = c.group === 'initContainers' ? 'initContainer' : 'container';
    const path = [...c.path, 'name'];
    const alsoAt = () => [];
    out.push({ subject, name: c.container.name, path, taken: containerNames, alsoAt });
  }
  return out;
}

function checkPodSpecNames(
  object: IndexedObject,
  data: Record<string, unknown>,
  ctx: RuleContext,
): void {
  if (!podSpecNamesChecked(object.apiVersion, object.kind)) return;
  const at = podSpecOf(object.kind, data);
  if (!at) return;
  const rule = POD_SPEC_NAME_RULE;
  const statefulSet = object.kind === 'StatefulSet';
  for (const entry of podSpecEntries(object.kind, data, at)) {
    const { name } = entry;
    if (!checkable(name, data) || isValidName(name, rule)) continue;
    const rejected =
      entry.subject === 'claim'
        ? CLAIM_REJECTED
        : REJECTED[statefulSet ? 'statefulSetPods' : 'object'];
    const better = suggestedName(name, rule);
    const { alsoAt } = entry;
    const fixable = better !== undefined && alsoAt !== undefined && !entry.taken.has(better);
    ctx.report(
      entry.path,
      message(entry.subject, { name, kind: object.kind }, nameProblems(name, rule), rule, rejected),
      {
        data: { name },
        fix: fixable ? () => renameFix(object, entry.path, better, alsoAt()) : undefined,
      },
    );
  }
}

/** Where a claim or a volume names its class, and what the API server does with a bad name. */
function classNameSites(
  object: IndexedObject,
  data: Record<string, unknown>,
): { path: YamlPath; rejected: LocalizedText }[] {
  const core = apiGroupOf(object.apiVersion) === '';
  const out: { path: YamlPath; rejected: LocalizedText }[] = [];
  if (core && object.kind === 'PersistentVolume')
    out.push({ path: ['spec', 'storageClassName'], rejected: REJECTED.object });
  const podSpecChecked = podSpecNamesChecked(object.apiVersion, object.kind);
  const statefulSet = object.kind === 'StatefulSet';
  for (const claim of writtenClaimsOf(object.kind, data)) {
    const path = [...claim.specPath, 'storageClassName'];
    if (claim.source === 'claim' && core) out.push({ path, rejected: REJECTED.object });
    if (claim.source === 'template' && podSpecChecked) out.push({ path, rejected: CLAIM_REJECTED });
    if (claim.source === 'ephemeral' && podSpecChecked)
      out.push({ path, rejected: REJECTED[statefulSet ? 'statefulSetPods' : 'object'] });
  }
  return out;
}

/** `storageClassName` values the API server refuses (`ValidateClassName`), such as Helm's `"-"`. */
function checkClassNames(
  object: IndexedObject,
  data: Record<string, unknown>,
  ctx: RuleContext,
): void {
  const rule = CLASS_NAME_RULE;
  for (const site of classNameSites(object, data)) {
    const name = get(data, site.path);
    if (!checkable(name, data) || isValidName(name, rule)) continue;
    const dash = name === '-';
    const text = message(
      dash ? 'classDash' : 'class',
      { name, kind: object.kind },
      nameProblems(name, rule),
      rule,
      site.rejected,
    );
    const better = dash ? undefined : suggestedName(name, rule);
    const fix = dash
      ? replaceFix(object, site.path, scalarText(''), NO_CLASS_FIX)
      : better
        ? () => renameFix(object, site.path, better)
        : undefined;
    ctx.report(site.path, text, { data: { name }, fix });
  }
}

const NO_CLASS_FIX: LocalizedText = {
  en: 'Set `storageClassName: ""` (no class)',
  ru: 'Указать `storageClassName: ""` (без класса)',
};

export const invalidName: Rule = {
  id: 'invalid-name',
  family: 'links',
  severity: 'error',
  kinds: NAME_CHECKED_KINDS,
  fixable: true,
  title: {
    en: 'A name the API server rejects',
    ru: 'Имя, которое API-сервер не примет',
  },
  docs: {
    en: "Kubernetes names follow DNS rules, and the API server refuses an object whose name breaks them. Most kinds (PersistentVolume, PersistentVolumeClaim, Pod, ConfigMap, Secret, StorageClass, Deployment, Job, snapshots…) take a DNS-1123 subdomain: lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit, at most 253 characters (a CronJob at most 52: its Jobs get an 11-character suffix). A Namespace, a StatefulSet, and inside a pod spec every volume and container take a DNS-1123 label: the same without dots, at most 63 characters. A Service takes a DNS-1035 label, which must also start with a letter. A `generateName` prefix follows its kind's rule and may end with `-`. A claim's or a volume's `storageClassName` must be a DNS-1123 subdomain too (`ValidateClassName`): Helm's `\"-\"`, printed as it is by a chart, is refused (the quick fix writes `storageClassName: \"\"`, no class). A StatefulSet's pod template is not checked when the set is stored, so a bad volume or container name there, or a bad claim template name (it becomes a pod volume), shows up as `FailedCreate` events instead. Names with placeholders (`${VAR}` and `$VAR` of envsubst, Helm templates) and kustomize patches are not checked, nor kinds whose rule was not confirmed upstream, nor the name of a Namespace that a kustomization with `namespace:` takes in (kustomize renames it to that namespace, so home-ops repositories write `name: _`). The quick fix lowercases the name and turns `_` into `-` when that makes it valid, renaming the volume's `volumeMounts` entries with it; objects that refer to a renamed object must be updated by hand.",
    ru: 'Имена в Kubernetes подчиняются правилам DNS, и API-сервер не примет объект, имя которого их нарушает. Для большинства видов (PersistentVolume, PersistentVolumeClaim, Pod, ConfigMap, Secret, StorageClass, Deployment, Job, снимки…) имя — поддомен DNS-1123: строчные латинские буквы, цифры, `-` и `.`, в начале и в конце — буква или цифра, не больше 253 символов (у CronJob — не больше 52: к именам его Job добавляется суффикс из 11 символов). У Namespace, StatefulSet, а внутри спецификации пода у каждого тома и контейнера имя — метка DNS-1123: то же, но без точек и не больше 63 символов. Имя сервиса — метка DNS-1035, которая к тому же начинается с буквы. Префикс `generateName` подчиняется правилу своего вида и может заканчиваться на `-`. `storageClassName` заявки или тома тоже должен быть поддоменом DNS-1123 (`ValidateClassName`): `\"-\"` из Helm, выведенный чартом как есть, API-сервер не примет (быстрое исправление запишет `storageClassName: \"\"`, без класса). Шаблон пода StatefulSet API-сервер при сохранении не проверяет, поэтому неверное имя тома или контейнера в нём, как и неверное имя шаблона заявки (оно становится томом пода), проявится событиями `FailedCreate`. Не проверяются имена с подстановками (`${VAR}` и `$VAR` для envsubst, шаблоны Helm), патчи Kustomize, виды, правило для которых не сверено с кодом Kubernetes, и имя Namespace, включённого в kustomization с `namespace:` (Kustomize подставит вместо него это пространство имён, поэтому в репозиториях home-ops пишут `name: _`). Быстрое исправление переводит имя в нижний регистр и заменяет `_` на `-`, если после этого имя допустимо, и вместе с томом переименовывает ссылки на него в `volumeMounts`; объекты, которые ссылаются на переименованный объект, нужно поправить вручную.',
  },
  check(object, data, ctx) {
    checkObjectName(object, data, ctx);
    checkPodSpecNames(object, data, ctx);
    checkClassNames(object, data, ctx);
  },
};
