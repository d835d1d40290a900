/**
 * Messages of reading the cluster with kubectl, both languages side by side. kubectl's own text
 * (`{detail}`) is quoted as kubectl printed it.
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import type { KubectlProblem, KubectlProblemKind } from './errors';

const problems: Record<KubectlProblemKind, LocalizedText> = {
  untrusted: {
    en: 'kubectl is not run in an untrusted workspace. Trust the workspace to read storage from a cluster.',
    ru: 'В недоверенной рабочей области kubectl не запускается. Чтобы читать хранилище из кластера, отметьте рабочую область как доверенную.',
  },
  missing: {
    en: 'kubectl was not found (`{detail}`). Install kubectl or set `kubeStorage.kubectl.path`.',
    ru: 'kubectl не найден (`{detail}`). Установите kubectl или укажите путь в `kubeStorage.kubectl.path`.',
  },
  noContexts: {
    en: 'Your kubeconfig has no contexts, so there is no cluster to read. Add one (`kubectl config set-context`, or your cloud CLI’s “get credentials” command), or point `KUBECONFIG` at your kubeconfig.',
    ru: 'В kubeconfig нет ни одного контекста, читать не из чего. Добавьте контекст (`kubectl config set-context` или команда облачной CLI, которая выдаёт учётные данные) либо укажите файл в `KUBECONFIG`.',
  },
  noContext: {
    en: 'The context `{context}` is not in your kubeconfig: {detail}',
    ru: 'Контекста `{context}` нет в kubeconfig: {detail}',
  },
  badKubeconfig: {
    en: 'kubectl cannot read your kubeconfig: {detail}',
    ru: 'kubectl не может прочитать kubeconfig: {detail}',
  },
  forbidden: {
    en: 'You may not list `{resource}` in `{context}` (RBAC), so they are not in the snapshot: {detail}',
    ru: 'В `{context}` вам не разрешено читать список `{resource}` (RBAC), в снимок кластера они не попали: {detail}',
  },
  unknownResource: {
    en: 'The cluster `{context}` does not serve `{resource}` (its CRD is not installed or the Kubernetes version is older), so there are none in the snapshot.',
    ru: 'Кластер `{context}` не знает `{resource}` (нет CRD или версия Kubernetes старше), в снимке кластера их нет.',
  },
  unauthorized: {
    en: 'The API server of `{context}` did not accept your credentials (expired token or certificate?). Log in again and retry: {detail}',
    ru: 'API-сервер `{context}` не принял ваши учётные данные (истёк токен или сертификат?). Войдите заново и повторите: {detail}',
  },
  credentials: {
    en: 'kubectl could not get credentials for `{context}` from its credential plugin. Check that the plugin your kubeconfig names is installed and logged in: {detail}',
    ru: 'kubectl не получил учётные данные для `{context}` от своего плагина. Проверьте, что плагин из kubeconfig установлен и вы в нём вошли: {detail}',
  },
  certificate: {
    en: 'The certificate of the API server of `{context}` was not accepted (an unknown authority, expired, or issued for another name). Check `certificate-authority-data` of the cluster in your kubeconfig: {detail}',
    ru: 'Сертификат API-сервера `{context}` не принят (неизвестный центр сертификации, срок истёк или выдан на другое имя). Проверьте `certificate-authority-data` кластера в kubeconfig: {detail}',
  },
  timeout: {
    en: 'The API server of `{context}` did not answer in time. Check the VPN or network, then refresh: {detail}',
    ru: 'API-сервер `{context}` не ответил вовремя. Проверьте VPN или сеть и обновите: {detail}',
  },
  unreachable: {
    en: 'The API server of `{context}` cannot be reached. Check the VPN or network and the server address in your kubeconfig: {detail}',
    ru: 'До API-сервера `{context}` не достучаться. Проверьте VPN или сеть и адрес сервера в kubeconfig: {detail}',
  },
  tooLarge: {
    en: 'kubectl printed more than {detail} bytes for `{resource}`; the snapshot was not made.',
    ru: 'kubectl выдал для `{resource}` больше {detail} байт; снимок кластера не сделан.',
  },
  badOutput: {
    en: 'kubectl did not print a list for `{resource}` ({detail}); the snapshot was not made.',
    ru: 'kubectl вывел для `{resource}` не список ({detail}); снимок кластера не сделан.',
  },
  failed: {
    en: 'kubectl failed on `{context}`: {detail}',
    ru: 'kubectl завершился ошибкой на `{context}`: {detail}',
  },
};

/** kubectl was stopped after this long (the process, not one request). */
const timeoutOfProcess: LocalizedText = {
  en: 'kubectl did not finish in {seconds} s and was stopped. Check the VPN or network, then refresh.',
  ru: 'kubectl не уложился в {seconds} с и был остановлен. Проверьте VPN или сеть и обновите.',
};

/** The message for a problem of reading `resource` (or the contexts) from `context`. */
export function kubectlProblemMessage(
  problem: KubectlProblem,
  where: { context?: string; resource?: string } = {},
): LocalizedText {
  return localize(problems[problem.kind], {
    detail: problem.detail,
    context: where.context ?? '',
    resource: where.resource ?? '',
  });
}

/** kubectl (the process) ran out of time. */
export function processTimeoutMessage(ms: number): LocalizedText {
  return localize(timeoutOfProcess, { seconds: Math.round(ms / 1000) });
}

export const clusterReadMessages = {
  /** Every storage kind failed per resource: there is nothing to show. */
  nothingRead: {
    en: 'No storage could be read from `{context}`:',
    ru: 'Из `{context}` не удалось прочитать ничего о хранилище:',
  },
} satisfies Record<string, LocalizedText>;
