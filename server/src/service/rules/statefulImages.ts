/**
 * Where the official images of search engines, coordination services, wide-column stores and
 * logs keep their data (Elasticsearch, OpenSearch, ZooKeeper, etcd, Cassandra, Apache's and
 * Confluent's Kafka), as their Dockerfiles and entrypoints say. Listed only for their data
 * directories: their other writes (logs, generated configuration) are not known, so the
 * read-only-root rules leave them alone.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { commandWords, get, isAtOrBelow, str } from './util';
import {
  envFromElsewhere,
  envValue,
  flagValue,
  inWorkdir,
  mountsBelow,
  type ImageWrites,
} from './imageSettings';
import { normalizeHostPath } from './nodePlumbing';

/** What tells Elasticsearch and OpenSearch apart when their settings are read. */
interface SearchEngine {
  /** `path.home`, the image's working directory: `path.data` defaults to its `data/`. */
  home: string;
  /** The env names a setting may be given by (the images turn them into `-E` settings). */
  envNames: (setting: string) => string[];
  /** An empty env value is dropped (OpenSearch's entrypoint) rather than passed on. */
  dropsEmpty: boolean;
  /** An env variable that moves the configuration directory. */
  confEnv?: string;
}

/**
 * Elasticsearch takes `cluster.name`-like env names and `ES_SETTING_CLUSTER_NAME` (`_` for a dot,
 * `__` for an underscore) as settings in its Docker build (EnvironmentAwareCommand).
 */
const ELASTICSEARCH: SearchEngine = {
  home: '/usr/share/elasticsearch',
  envNames: (s) => [s, 'ES_SETTING_' + s.toUpperCase().replace(/_/g, '__').replace(/\./g, '_')],
  dropsEmpty: false,
  confEnv: 'ES_PATH_CONF',
};

/** OpenSearch's entrypoint passes lowercase dotted env names with a value on as `-E` settings. */
const OPENSEARCH: SearchEngine = {
  home: '/usr/share/opensearch',
  envNames: (s) => [s],
  dropsEmpty: true,
};

/** A setting's value, `elsewhere` when it may come from an env value we cannot read. */
type Setting = { value: string } | 'elsewhere' | undefined;

/** `-E name=value` or `-Ename=value` among the container's words. */
function commandLineSetting(c: Container, name: string): string | undefined {
  const words = commandWords(c);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const pair = w === '-E' ? words[i + 1] : w.startsWith('-E') ? w.slice(2) : undefined;
    if (pair?.startsWith(name + '=')) return pair.slice(name.length + 1);
  }
  return undefined;
}

/** A setting given by the env (which the images put after the command line's) or by `-E`. */
function searchSetting(c: Container, engine: SearchEngine, name: string): Setting {
  const names = engine.envNames(name);
  if (envFromElsewhere(c, names)) return 'elsewhere';
  for (const n of names) {
    const value = envValue(c, n);
    if (value !== undefined && !(engine.dropsEmpty && value === '')) return { value };
  }
  const flag = commandLineSetting(c, name);
  return flag === undefined ? undefined : { value: flag };
}

/** A list setting: `master,data,` or `["master", "data"]`; undefined for an empty value. */
function settingList(value: string): string[] | undefined {
  const inner = value.trim().replace(/^\[([^]*)\]$/, '$1');
  const roles = inner
    .split(',')
    .map((r) => r.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
  return roles.length || value.trim().startsWith('[') ? roles : undefined;
}

/** Master-eligible nodes keep the cluster state on disk; data nodes keep the shards. */
const keepsData = (roles: readonly string[]): boolean =>
  roles.some((r) => /^(master|cluster_manager|search|warm)$/.test(r) || r.startsWith('data'));

/**
 * The settings file (`elasticsearch.yml`, `opensearch.yml`) is mounted, or a volume at or above
 * its directory, or the directory is moved: settings we do not read.
 */
function configMounted(c: Container, engine: SearchEngine, file: string): boolean {
  const conf = engine.confEnv;
  if (conf && (envValue(c, conf) !== undefined || envFromElsewhere(c, [conf]))) return true;
  const config = `${engine.home}/config`;
  const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  return mounts.some((m) => {
    const path = normalizeHostPath(str(get(m, ['mountPath'])) ?? '');
    return path === `${config}/${file}` || isAtOrBelow(config, path);
  });
}

/**
 * Whether the node keeps data by its roles: `node.roles`, else the legacy `node.master` and
 * `node.data` (both `false`: a coordinating-only node); undefined when we cannot tell.
 */
function nodeKeepsData(c: Container, engine: SearchEngine, file: string): boolean | undefined {
  const roles = searchSetting(c, engine, 'node.roles');
  if (roles === 'elsewhere') return undefined;
  if (roles) {
    const list = settingList(roles.value);
    return list && keepsData(list);
  }
  const master = searchSetting(c, engine, 'node.master');
  const data = searchSetting(c, engine, 'node.data');
  if (master === 'elsewhere' || data === 'elsewhere') return undefined;
  if (master?.value === 'false' && data?.value === 'false') return false;
  // The config file may set the roles.
  return configMounted(c, engine, file) ? undefined : true;
}

/** `path.data` (a list: `/a,/b` or `["/a","/b"]`), by default `data/` in the home directory. */
function searchDataDirs(c: Container, engine: SearchEngine, file: string): string[] | undefined {
  const keeps = nodeKeepsData(c, engine, file);
  if (keeps === undefined) return undefined;
  if (!keeps) return [];
  const path = searchSetting(c, engine, 'path.data');
  const list = path && path !== 'elsewhere' ? settingList(path.value) : undefined;
  return (list?.length ? list : ['data']).map((p) => inWorkdir(p, engine.home));
}

const searchSettingsElsewhere = (c: Container, engine: SearchEngine, file: string): boolean =>
  configMounted(c, engine, file) || searchSetting(c, engine, 'path.data') === 'elsewhere';

/** The ZooKeeper image's config directory, where a mounted `zoo.cfg` stops it writing its own. */
const zooConfDir = (c: Container): string => envValue(c, 'ZOO_CONF_DIR') ?? '/conf';

/** `dataDir=/x` among `ZOO_CFG_EXTRA`'s lines, appended after the entrypoint's own. */
function zooExtra(c: Container, key: string): string | undefined {
  const lines = (envValue(c, 'ZOO_CFG_EXTRA') ?? '').split(/\s+/);
  const last = lines.filter((l) => l.startsWith(key + '=')).pop();
  return last?.slice(key.length + 1) || undefined;
}

/** `dataDir` (snapshots, `myid`) and `dataLogDir` (the transaction log). */
const zooDataDirs = (c: Container): string[] => [
  zooExtra(c, 'dataDir') ?? envValue(c, 'ZOO_DATA_DIR') ?? '/data',
  zooExtra(c, 'dataLogDir') ?? envValue(c, 'ZOO_DATA_LOG_DIR') ?? '/datalog',
];

/** `-Dcassandra.storagedir=` in the JVM options moves every default data directory. */
const cassandraStorageMoved = (c: Container): boolean =>
  ['JVM_OPTS', 'JVM_EXTRA_OPTS'].some((n) => /cassandra\.storagedir/.test(envValue(c, n) ?? ''));

/** A Go flag: `--name value`, `--name=value`, or the same with one dash. */
const goFlag = (c: Container, name: string): string | undefined =>
  flagValue(c, `--${name}`) ?? flagValue(c, `-${name}`);

/** etcd reads `ETCD_DATA_DIR` for `--data-dir` only when the flag is not on the command line. */
const etcdSetting = (c: Container, name: string): string | undefined =>
  goFlag(c, name) ?? envValue(c, 'ETCD_' + name.toUpperCase().replace(/-/g, '_'));

/** The etcd image's WORKDIR, `/var/lib/etcd` from 3.5.7 on (before it, the root). */
function etcdWorkdir(tag: string | undefined): string | undefined {
  const m = tag ? /^v?(\d+)\.(\d+)\.(\d+)/.exec(tag) : null;
  if (!m) return undefined;
  const [major, minor, patch] = m.slice(1).map(Number) as [number, number, number];
  const since = major > 3 || (major === 3 && (minor > 5 || (minor === 5 && patch >= 7)));
  return since ? '/var/lib/etcd' : undefined;
}

/**
 * `--data-dir`, by default `<name>.etcd` in the working directory, and a separate `--wal-dir`;
 * unknown with a config file (etcd then ignores its flags and env) or a directory built from
 * `$(VAR)`, and a relative one where the image's working directory is not known.
 */
function etcdDataDirs(c: Container, tag: string | undefined): string[] | undefined {
  if (etcdSetting(c, 'config-file') !== undefined) return undefined;
  const data = etcdSetting(c, 'data-dir') ?? `${etcdSetting(c, 'name') ?? 'default'}.etcd`;
  const wal = etcdSetting(c, 'wal-dir');
  const dirs = wal ? [data, wal] : [data];
  if (dirs.some((d) => d.includes('$('))) return undefined;
  const workdir = etcdWorkdir(tag);
  if (!workdir) return dirs.every((d) => d.startsWith('/')) ? dirs : undefined;
  return dirs.map((d) => inWorkdir(d, workdir));
}

/** `KAFKA_*` env the Kafka image does not write into `server.properties` (KafkaDockerWrapper). */
const KAFKA_NOT_SERVER_PROPS = new Set([
  'KAFKA_VERSION',
  'KAFKA_HEAP_OPTS',
  'KAFKA_LOG4J_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JMX_OPTS',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_GC_LOG_OPTS',
  'KAFKA_LOG4J_ROOT_LOGLEVEL',
  'KAFKA_LOG4J_LOGGERS',
  'KAFKA_TOOLS_LOG4J_LOGLEVEL',
  'KAFKA_JMX_HOSTNAME',
]);

/** Kafka's `log.dir` default, used when `server.properties` sets neither `log.dirs` nor it. */
const KAFKA_LOG_DIR_DEFAULT = '/tmp/kafka-logs';

/**
 * The Kafka image writes `server.properties` from the `KAFKA_*` env (`KAFKA_LOG_DIRS` ->
 * `log.dirs`), appended to a mounted one in /mnt/shared/config; with neither it uses its bundled
 * file. Known: `log.dirs` (else `log.dir`) from the env, and, where other server env is set and no
 * file is mounted, Kafka's default `/tmp/kafka-logs`. Without any such env the bundled file is used
 * unless Kubernetes' service links (`KAFKA_PORT`…) add properties: not guessed at.
 */
function kafkaDataDirs(c: Container): string[] | undefined {
  const names = ['KAFKA_LOG_DIRS', 'KAFKA_LOG_DIR', 'KAFKA_METADATA_LOG_DIR'];
  if (envFromElsewhere(c, names)) return undefined;
  // `run` exports `KAFKA_X=y` arguments as env.
  if (commandWords(c).some((w) => /^KAFKA_\w+=/.test(w))) return undefined;
  const metadata = envValue(c, 'KAFKA_METADATA_LOG_DIR');
  const extra = metadata ? [metadata] : [];
  const logDirs = envValue(c, 'KAFKA_LOG_DIRS') || envValue(c, 'KAFKA_LOG_DIR');
  if (logDirs) return [...logDirs.split(',').map((d) => d.trim()), ...extra];
  if (mountsBelow(c, ['/mnt/shared/config'])) return undefined;
  const env = Array.isArray(c.env) ? c.env : [];
  const serverEnv = env.some((e) => {
    const name = String(get(e, ['name']) ?? '');
    return name.startsWith('KAFKA_') && !KAFKA_NOT_SERVER_PROPS.has(name);
  });
  return serverEnv ? [KAFKA_LOG_DIR_DEFAULT, ...extra] : undefined;
}

/** Confluent's image sets `KAFKA_LOG_DIRS` to its `VOLUME` when empty, then renders the env. */
function confluentKafkaDataDirs(c: Container): string[] {
  const logDirs = envValue(c, 'KAFKA_LOG_DIRS') || '/var/lib/kafka/data';
  const metadata = envValue(c, 'KAFKA_METADATA_LOG_DIR');
  return [...logDirs.split(',').map((d) => d.trim()), ...(metadata ? [metadata] : [])];
}

export const STATEFUL_IMAGES: readonly ImageWrites[] = [
  {
    // path.data defaults to /usr/share/elasticsearch/data (the image's WORKDIR is path.home).
    repositories: ['docker.elastic.co/elasticsearch/elasticsearch', 'elasticsearch'],
    dataDirs: (c) => searchDataDirs(c, ELASTICSEARCH, 'elasticsearch.yml'),
    servers: ['elasticsearch', 'eswrapper'],
    settingsElsewhere: (c) => searchSettingsElsewhere(c, ELASTICSEARCH, 'elasticsearch.yml'),
  },
  {
    repositories: ['opensearchproject/opensearch', 'public.ecr.aws/opensearchproject/opensearch'],
    dataDirs: (c) => searchDataDirs(c, OPENSEARCH, 'opensearch.yml'),
    servers: ['opensearch', 'opensearch-docker-entrypoint.sh'],
    settingsElsewhere: (c) => searchSettingsElsewhere(c, OPENSEARCH, 'opensearch.yml'),
  },
  {
    // The entrypoint writes zoo.cfg from ZOO_* unless one is already in ZOO_CONF_DIR.
    repositories: ['zookeeper'],
    volumes: () => ['/data', '/datalog', '/logs'],
    dataDirs: zooDataDirs,
    servers: ['zkServer.sh'],
    settingsElsewhere: (c) =>
      envFromElsewhere(c, ['ZOO_DATA_DIR', 'ZOO_DATA_LOG_DIR', 'ZOO_CFG_EXTRA', 'ZOO_CONF_DIR']) ||
      mountsBelow(c, [zooConfDir(c)]),
  },
  {
    // $CASSANDRA_HOME/data is a link to /var/lib/cassandra; cassandra.yaml may set each directory.
    repositories: ['cassandra'],
    volumes: () => ['/var/lib/cassandra'],
    dataDirs: (c) => (cassandraStorageMoved(c) ? undefined : ['/var/lib/cassandra']),
    servers: ['cassandra'],
    settingsElsewhere: (c) =>
      envFromElsewhere(c, ['CASSANDRA_CONF', 'JVM_OPTS', 'JVM_EXTRA_OPTS']) ||
      envValue(c, 'CASSANDRA_CONF') !== undefined ||
      mountsBelow(c, ['/etc/cassandra', '/opt/cassandra/conf']),
  },
  {
    // WORKDIR /var/lib/etcd; CMD /usr/local/bin/etcd.
    repositories: ['gcr.io/etcd-development/etcd', 'quay.io/coreos/etcd'],
    dataDirs: (c, tag) => etcdDataDirs(c, tag),
    servers: ['etcd'],
    settingsElsewhere: (c) =>
      envFromElsewhere(c, ['ETCD_DATA_DIR', 'ETCD_WAL_DIR', 'ETCD_NAME', 'ETCD_CONFIG_FILE']),
  },
  {
    // CMD /etc/kafka/docker/run, which prepares server.properties and starts the broker.
    repositories: ['apache/kafka', 'kafka'],
    volumes: () => ['/etc/kafka/secrets', '/var/lib/kafka/data', '/mnt/shared/config'],
    dataDirs: kafkaDataDirs,
    servers: ['run'],
  },
  {
    // CMD /etc/confluent/docker/run; configure renders kafka.properties from the env.
    repositories: ['confluentinc/cp-kafka'],
    volumes: () => ['/var/lib/kafka/data', '/etc/kafka/secrets'],
    dataDirs: confluentKafkaDataDirs,
    servers: ['run'],
    settingsElsewhere: (c) => envFromElsewhere(c, ['KAFKA_LOG_DIRS', 'KAFKA_METADATA_LOG_DIR']),
  },
];
