/** A StatefulSet's governing Service (`serviceName`): it exists, and it is headless. */
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import { assumedToExist, type Lookups } from './lookups';
import type { IndexedObject } from '../workspace/file';
import type { QuickFix, Rule } from './types';
import {
  commandWords,
  containersOf,
  get,
  isRecord,
  namespaceOf,
  podSpecOf,
  replicasOf,
  str,
} from './util';
import { addHeadlessClusterIp, createHeadlessServiceFix, replaceFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';
import { parseImage } from './imageWritePaths';

export const statefulSetServiceNotFound: Rule = {
  id: 'statefulset-service-not-found',
  family: 'links',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A StatefulSet names a Service that does not exist',
    ru: 'StatefulSet ссылается на несуществующий сервис',
  },
  docs: {
    en: "`serviceName` names the headless Service that gives each replica a stable DNS name (`<pod>.<service>`). Without the Service the API server accepts the StatefulSet and the pods start, but they get no such names: replicas that address each other by them (as many clustered databases do) cannot find each other, while apps that find their peers another way (a regular Service, the API server, a store such as etcd) are not affected. Create a headless Service (the quick fix adds one) or list it in `kubeStorage.rules.knownObjects.services`. Reported only for more than one replica: `serviceName` is optional, and a single pod has no peers (charts create the headless Service only when they scale out, CSI controllers set a name without a Service). Nor is it reported when a container takes `--leader-election` (or `--leader-elect`): such replicas, CSI controllers and operators, elect their leader through the API server and do not address each other by name; nor when it runs Stolon's `stolon-keeper`, Zalando's Spilo image (Patroni) or Patroni started by the chart's own command with `PATRONI_POSTGRESQL_CONNECT_ADDRESS` taken from the pod's IP (`status.podIP`): their replicas publish their pod IP in their store (etcd, Consul or the API server) and replicate from the primary's address they read there.",
    ru: '`serviceName` называет headless-сервис, который даёт каждой реплике постоянное DNS-имя (`<под>.<сервис>`). Без сервиса API-сервер примет StatefulSet и поды запустятся, но таких имён у них не будет: реплики, которые обращаются друг к другу по этим именам (так делают многие кластерные СУБД), друг друга не найдут, а приложениям, которые находят соседей иначе (через обычный сервис, API-сервер или хранилище вроде etcd), это не помешает. Создайте headless-сервис (быстрое исправление добавит его) или добавьте его в `kubeStorage.rules.knownObjects.services`. Отмечается только при нескольких репликах: `serviceName` необязателен, а у единственного пода нет соседей (чарты создают headless-сервис, только когда реплик больше одной, а контроллеры CSI указывают имя без сервиса). Не отмечается и StatefulSet, у которого контейнер запущен с `--leader-election` (или `--leader-elect`): такие реплики (контроллеры CSI, операторы) выбирают лидера через API-сервер и по именам друг к другу не обращаются. Как и StatefulSet, в котором работает `stolon-keeper` (Stolon), образ Spilo от Zalando (Patroni) или Patroni, запущенный командой самого чарта, с адресом `PATRONI_POSTGRESQL_CONNECT_ADDRESS` из IP пода (`status.podIP`): их реплики публикуют IP своего пода в хранилище состояния кластера (etcd, Consul или API-сервер) и реплицируют данные с основной реплики по адресу, прочитанному оттуда.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    const replicas = replicasOf(data);
    if (!name || replicas <= 1 || findsPeersWithoutDns(data)) return;
    const ns = namespaceOf(object);
    if (ctx.lookups.service(ns, name, object.uri)) return;
    if (assumedToExist(ctx.settings.knownObjects.services, name, ns, data)) return;
    ctx.report(
      ['spec', 'serviceName'],
      localize(
        {
          en: 'No Service `{name}` in namespace `{ns}`. The API server accepts this, but the {replicas} replicas get no stable DNS names (`<pod>.{name}`): replicas that address each other by these names will not find each other. Create a headless Service (`clusterIP: None`) with this name.',
          ru: 'В пространстве имён `{ns}` нет сервиса `{name}`. API-сервер это примет, но у реплик (их {replicas}) не будет постоянных DNS-имён (`<под>.{name}`): если реплики обращаются друг к другу по таким именам, они друг друга не найдут. Создайте headless-сервис (`clusterIP: None`) с этим именем.',
        },
        { name, ns, replicas },
      ),
      { fix: () => createHeadlessServiceFix(object, data, name) },
    );
  },
};

/** `--leader-elect`, `--leader-election`, `--enable-leader-election` (maybe `=true`). */
const LEADER_ELECTION = /^--?(?:enable-)?leader-elect(?:ion)?(?:=true)?$/;

/**
 * A program whose replicas find each other through a store, not by per-pod DNS names: Stolon's
 * keeper publishes its address (`--pg-advertise-address`, else its listen address, the pod IP in
 * Stolon's manifests) in its store, and a standby replicates from the address of the primary it
 * reads there (sorintlab/stolon, `cmd/keeper/cmd/keeper.go`). Matched as a word of the command
 * line or of a start script (`exec gosu stolon stolon-keeper …`).
 */
const PEERS_FROM_STORE = /(^|[\s/])stolon-keeper(\s|$)/;

/**
 * Zalando's Spilo image (Patroni with PostgreSQL), which finds its peers the same way: its start
 * script sets Patroni's `postgresql.connect_address` and `restapi.connect_address` to the pod's
 * IP, Patroni publishes them in its store (the API server or etcd), and a replica follows the
 * leader's address read there (zalando/spilo, `postgres-appliance/scripts/configure_spilo.py`,
 * `PG_CONNECT_ADDRESS`). Matched by the image's repository: `…/acid/spilo-14`,
 * `ghcr.io/zalando/spilo-16`.
 */
const SPILO_IMAGE = /(^|\/)spilo(-\d+)?$/;

/** Patroni started by a command or script of the chart's own (`exec patroni /etc/…/patroni.yaml`). */
const PATRONI = /(^|[\s/])patroni(\s|$)/;

/** `$(POD_IP)` or `$(POD_IP):5432`: an address whose host is one earlier variable. */
const VARIABLE_HOST = /^\$\(([A-Za-z_][A-Za-z0-9_]*)\)(?::\d+)?$/;

/**
 * Patroni run outside Spilo (the timescaledb-single chart), told by
 * `PATRONI_POSTGRESQL_CONNECT_ADDRESS` to publish the pod's IP: Patroni writes
 * `postgresql.connect_address` to its member key in its store as `conn_url`, and a replica
 * streams from the leader's `conn_url` read there (patroni/patroni,
 * `patroni/postgresql/config.py`, `resolve_connection_addresses` and `primary_conninfo_params`).
 * Kubernetes expands only variables defined earlier in the list.
 */
function patroniPublishesPodIp(container: Container): boolean {
  const words = commandWords(container);
  if (!words.some((word) => PATRONI.test(word))) return false;
  const env = Array.isArray(container.env) ? container.env.filter(isRecord) : [];
  const address = env.find((e) => e.name === 'PATRONI_POSTGRESQL_CONNECT_ADDRESS');
  if (!address) return false;
  if (holdsPodIp(address)) return true;
  const host = VARIABLE_HOST.exec(str(address.value) ?? '')?.[1];
  const earlier = env.slice(0, env.indexOf(address));
  return earlier.some((e) => e.name === host && holdsPodIp(e));
}

/** An environment variable read from the pod's IP (`fieldRef.fieldPath: status.podIP`). */
function holdsPodIp(variable: EnvVar): boolean {
  return variable.valueFrom?.fieldRef?.fieldPath === 'status.podIP';
}

/**
 * The replicas find their peers without the governing Service's per-pod DNS names, so a missing
 * Service costs them nothing: they elect a leader through the API server (a Lease; a CSI
 * controller or an operator run as a StatefulSet, whose sidecars take `--leader-election`), or
 * they read each other's addresses from a store (`PEERS_FROM_STORE`, `SPILO_IMAGE`,
 * `patroniPublishesPodIp`).
 */
function findsPeersWithoutDns(data: Record<string, unknown>): boolean {
  const at = podSpecOf('StatefulSet', data);
  if (!at) return false;
  return containersOf(at).some(
    ({ container }) =>
      SPILO_IMAGE.test(parseImage(str(container.image) ?? '').repository) ||
      patroniPublishesPodIp(container) ||
      commandWords(container).some(
        (word) => LEADER_ELECTION.test(word.trim()) || PEERS_FROM_STORE.test(word),
      ),
  );
}

/**
 * The headless Service of the namespace that selects the StatefulSet's pods. Of several (a
 * gossip ring selecting every member, a per-component one), the one named after the StatefulSet
 * or its `serviceName` wins, then the one with the most specific selector.
 */
function headlessServiceFor(
  lookups: Lookups,
  statefulSet: IndexedObject,
  names: readonly string[],
  data: Record<string, unknown>,
): string | undefined {
  const labels = get(data, ['spec', 'template', 'metadata', 'labels']);
  if (!isRecord(labels)) return undefined;
  const namespace = namespaceOf(statefulSet);
  let best: { name: string; score: number } | undefined;
  for (const { object } of lookups.services.values()) {
    const name = object.name;
    if (!name || namespaceOf(object) !== namespace) continue;
    // Of Services written under one name in several folders, the one nearest the StatefulSet.
    const spec = lookups.service(namespace, name, statefulSet.uri)?.data.spec;
    if (spec?.clusterIP !== 'None') continue;
    const selector = isRecord(spec.selector) ? Object.entries(spec.selector) : [];
    if (!selector.length || !selector.every(([k, v]) => labels[k] === v)) continue;
    const named = names.some((n) => n && name.startsWith(n)) ? 1000 : 0;
    const score = named + selector.length;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

export const statefulSetServiceNotHeadless: Rule = {
  id: 'statefulset-service-not-headless',
  family: 'links',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The Service of a replicated StatefulSet is not headless',
    ru: 'Сервис StatefulSet с несколькими репликами не headless',
  },
  docs: {
    en: "Per-pod DNS records (`<pod>.<service>.<namespace>.svc`) exist only for a headless Service, one with `clusterIP: None`. The API server accepts a StatefulSet whose `serviceName` is a normal ClusterIP Service, but then replicas cannot address each other by name. Point `serviceName` at the headless Service that selects the pods (the quick fix offers it when there is one), or set `clusterIP: None` (an existing Service must be recreated, the field is immutable) and keep a separate Service for client traffic. Reported only for more than one replica: a single pod has no peers to find. Nor is it reported for replicas that find each other without these names (a container with `--leader-election`, Stolon's `stolon-keeper`, Zalando's Spilo image, Patroni that publishes the pod's IP), as for `statefulset-service-not-found`.",
    ru: 'DNS-записи отдельных подов (`<под>.<сервис>.<пространство имён>.svc`) есть только у headless-сервиса — сервиса с `clusterIP: None`. API-сервер примет StatefulSet, у которого `serviceName` указывает на обычный ClusterIP-сервис, но тогда реплики не смогут обратиться друг к другу по имени. Укажите в `serviceName` headless-сервис, который выбирает эти поды (быстрое исправление предложит его, если он есть), или задайте `clusterIP: None` (существующий сервис придётся пересоздать — поле неизменяемое), а для клиентского трафика заведите отдельный сервис. Отмечается только при нескольких репликах: единственному поду искать некого. Не отмечаются и реплики, которые находят друг друга без этих имён (контейнер с `--leader-election`, `stolon-keeper` из Stolon, образ Spilo от Zalando, Patroni, публикующий IP пода), — так же, как в `statefulset-service-not-found`.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    const replicas = replicasOf(data);
    if (!name || replicas <= 1 || findsPeersWithoutDns(data)) return;
    const ns = namespaceOf(object);
    const service = ctx.lookups.service(ns, name, object.uri);
    if (!service || service.object.template) return;
    const clusterIP = service.data.spec?.clusterIP;
    if (clusterIP === 'None' || service.data.spec?.type === 'ExternalName') return;
    const headless = headlessServiceFor(ctx.lookups, object, [object.name ?? '', name], data);
    const params = {
      name,
      replicas,
      headless: headless ?? '',
      detail: clusterIP
        ? `\`clusterIP: ${clusterIP}\``
        : '`clusterIP` is not set, so it gets a cluster IP',
      detailRu: clusterIP
        ? `\`clusterIP: ${clusterIP}\``
        : '`clusterIP` не задан, и сервису выдаётся кластерный IP',
    };
    ctx.report(
      ['spec', 'serviceName'],
      headless
        ? localize(
            {
              en: 'Service `{name}` is not headless ({detail}), so the {replicas} replicas get no per-pod DNS names and cannot address each other by name. Service `{headless}` is headless and selects these pods: set `serviceName: {headless}`.',
              ru: 'Сервис `{name}` не headless ({detailRu}), поэтому у реплик (их {replicas}) не будет DNS-имён подов и обратиться друг к другу по имени они не смогут. Сервис `{headless}` — headless и выбирает эти поды: укажите `serviceName: {headless}`.',
            },
            params,
          )
        : localize(
            {
              en: 'Service `{name}` is not headless ({detail}), so the {replicas} replicas get no per-pod DNS names and cannot address each other by name. Set `clusterIP: None` on it, or point `serviceName` at a headless Service.',
              ru: 'Сервис `{name}` не headless ({detailRu}), поэтому у реплик (их {replicas}) не будет DNS-имён подов и обратиться друг к другу по имени они не смогут. Укажите в нём `clusterIP: None` или направьте `serviceName` на headless-сервис.',
            },
            params,
          ),
      {
        fix: () => {
          const makeHeadless = addHeadlessClusterIp(service.object);
          if (!headless) return makeHeadless;
          const useHeadless = replaceFix(
            object,
            ['spec', 'serviceName'],
            scalarText(headless),
            localize(
              { en: 'Use `serviceName: {name}`', ru: 'Указать `serviceName: {name}`' },
              { name: headless },
            ),
          )();
          return [useHeadless, makeHeadless].filter((f): f is QuickFix => f !== undefined);
        },
      },
    );
  },
};

export const governingServiceRules: Rule[] = [
  statefulSetServiceNotFound,
  statefulSetServiceNotHeadless,
];
