/** The quick fixes of the storage rules, built from the edit helpers. */
import type { PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1';
import type { YamlPath } from '../../parse/nodes';
import { localize } from '../../i18n/format';
import type { IndexedObject } from '../../workspace/file';
import type { LocalizedText } from '../../types';
import type { QuickFix } from '../types';
import { get, isRecord } from '../util';
import { appendDocument, insertInSeq, replaceValue, setKey } from './edits';
import { fix } from './quickFix';

export function createClaimFix(object: IndexedObject, name: string): QuickFix | undefined {
  const claim: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: object.namespace ? { name, namespace: object.namespace } : { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  };
  return fix(
    localize(
      { en: 'Create PersistentVolumeClaim `{name}`', ru: 'Создать заявку `{name}`' },
      { name },
    ),
    appendDocument(object, claim),
  );
}

export function addVolumeFix(
  object: IndexedObject,
  podSpecPath: YamlPath,
  name: string,
): QuickFix | undefined {
  return fix(
    localize(
      {
        en: 'Add volume `{name}` backed by claim `{name}`',
        ru: 'Добавить том `{name}` с заявкой `{name}`',
      },
      { name },
    ),
    insertInSeq(object, [...podSpecPath, 'volumes'], {
      name,
      persistentVolumeClaim: { claimName: name },
    }),
  );
}

export function createHeadlessServiceFix(
  object: IndexedObject,
  data: Record<string, unknown>,
  name: string,
): QuickFix | undefined {
  const labels = get(data, ['spec', 'selector', 'matchLabels']);
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: object.namespace ? { name, namespace: object.namespace } : { name },
    spec: {
      clusterIP: 'None',
      ...(isRecord(labels) ? { selector: labels as Record<string, string> } : {}),
    },
  };
  return fix(
    localize(
      { en: 'Create headless Service `{name}`', ru: 'Создать headless-сервис `{name}`' },
      { name },
    ),
    appendDocument(object, service),
  );
}

export function addHeadlessClusterIp(service: IndexedObject): QuickFix | undefined {
  return fix(
    {
      en: 'Make the Service headless (`clusterIP: None`)',
      ru: 'Сделать сервис headless (`clusterIP: None`)',
    },
    setKey(service, ['spec'], 'clusterIP', 'None'),
  );
}

export function setValueFix(
  object: IndexedObject,
  mapPath: YamlPath,
  key: string,
  value: unknown,
  title: LocalizedText,
): () => QuickFix | undefined {
  return () => fix(title, setKey(object, mapPath, key, value));
}

export function replaceFix(
  object: IndexedObject,
  path: YamlPath,
  newText: string,
  title: LocalizedText,
): () => QuickFix | undefined {
  return () => fix(title, replaceValue(object, path, newText));
}
