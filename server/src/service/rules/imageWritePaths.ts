/**
 * Where well-known images write at run time with their default configuration, as their own
 * documentation and Dockerfiles say. Only official images whose write paths are documented are
 * listed: an image we do not know is never guessed at.
 */
import { commandWords, str, strings } from './util';
import type { Container } from 'kubernetes-types/core/v1';
import {
  envFromElsewhere,
  envValue,
  flagValue,
  inWorkdir,
  lineOf,
  majorOf,
  mountsBelow,
  type ImageWrites,
} from './imageSettings';
import { STATEFUL_IMAGES } from './statefulImages';

/** Redis is given a config file (`redis-server /etc/redis/redis.conf`) or a start script. */
export function redisReadsConfig(c: Pick<Container, 'command' | 'args'>): boolean {
  return /\S\.(conf|sh)(\s|$)/.test(lineOf(c));
}

/** Redis is asked to keep its data: `--appendonly yes` or a `--save <seconds> <changes>` rule. */
export function redisAskedToPersist(c: Pick<Container, 'command' | 'args'>): boolean {
  const argv = commandWords(c);
  if (/--appendonly\s+yes\b/.test(argv.join(' '))) return true;
  const save = argv.indexOf('--save');
  return save >= 0 && /^\d+\s+\d+/.test(argv[save + 1] ?? '');
}

/** PGDATA: `/var/lib/postgresql/data`, from 18 on `/var/lib/postgresql/<major>/docker`. */
function postgresData(c: Container, tag: string | undefined): string | undefined {
  const major = majorOf(tag);
  return (
    envValue(c, 'PGDATA') ??
    (major === undefined
      ? undefined
      : major >= 18
        ? `/var/lib/postgresql/${major}/docker`
        : '/var/lib/postgresql/data')
  );
}

const redisDir = (c: Container): string => inWorkdir(flagValue(c, '--dir') ?? '/data', '/data');

/**
 * mongod's `--dbpath`, by default `/data/db`, and `/data/configdb` for a config server started
 * without one (`--configsvr` changes the default, SERVER-1554). Also inside a shell command line
 * (`sh -c "mongod --configsvr …"`); a config server set up in its config file is not seen.
 */
export function mongoDataDir(c: Pick<Container, 'command' | 'args'>): string {
  const dbpath = flagValue(c, '--dbpath');
  if (dbpath) return dbpath;
  const line = commandWords(c).join(' ');
  const configServer = /(^|\s)--configsvr(\s|$)/.test(line) && !/(^|\s)--dbpath(\s|=|$)/.test(line);
  return configServer ? '/data/configdb' : '/data/db';
}

const mysqlData = (c: Container): string => flagValue(c, '--datadir') ?? '/var/lib/mysql';

/** A `my.cnf` of the user's (`--defaults-file`, a volume in `/etc/mysql`) may set `datadir`. */
const mysqlSettingsElsewhere = (c: Container): boolean =>
  !flagValue(c, '--datadir') &&
  (/--defaults(-extra)?-file/.test(lineOf(c)) ||
    mountsBelow(c, ['/etc/mysql', '/etc/my.cnf', '/etc/my.cnf.d']));

const KNOWN: readonly ImageWrites[] = [
  {
    // Docker Hub "nginx": read-only mode needs /var/cache/nginx and /var/run (nginx.pid).
    repositories: ['nginx'],
    paths: () => ['/var/cache/nginx', '/var/run'],
  },
  {
    // The unprivileged variant moves the pid file and every *_temp_path to /tmp.
    repositories: ['nginxinc/nginx-unprivileged'],
    paths: () => ['/tmp'],
  },
  {
    // httpd.conf: ServerRoot /usr/local/apache2, PidFile logs/httpd.pid.
    repositories: ['httpd'],
    paths: () => ['/usr/local/apache2/logs'],
  },
  {
    // Unix socket in /var/run/postgresql; PGDATA /var/lib/postgresql/data, from 18 on
    // /var/lib/postgresql/<major>/docker.
    repositories: ['postgres'],
    paths: (c, tag) => {
      const data = postgresData(c, tag);
      return ['/var/run/postgresql', ...(data ? [data] : [])];
    },
    dataDirs: (c, tag) => {
      const data = postgresData(c, tag);
      return data ? [data] : undefined;
    },
    servers: ['postgres'],
    settingsElsewhere: (c) =>
      envFromElsewhere(c, ['PGDATA']) ||
      /(^|\s)(-D|-c\s*(data_directory|config_file)=)/.test(lineOf(c)),
    // VOLUME /var/lib/postgresql/data; from 18 on VOLUME /var/lib/postgresql.
    volumes: (tag) => {
      const major = majorOf(tag);
      if (major === undefined) return [];
      return [major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data'];
    },
  },
  {
    // WORKDIR /data: RDB snapshots are written there (and failing snapshots stop writes).
    repositories: ['redis'],
    paths: (c) => [redisDir(c)],
    volumes: () => ['/data'],
    dataDirs: (c) => [redisDir(c)],
    servers: ['redis-server'],
    // `dir` in the config file; `--dir` on the command line overrides it.
    settingsElsewhere: (c) => !flagValue(c, '--dir') && redisReadsConfig(c),
  },
  {
    repositories: ['mysql'],
    paths: (c) => [mysqlData(c), '/var/run/mysqld', '/tmp'],
    volumes: () => ['/var/lib/mysql'],
    dataDirs: (c) => [mysqlData(c)],
    servers: ['mysqld'],
    settingsElsewhere: mysqlSettingsElsewhere,
  },
  {
    repositories: ['mariadb'],
    paths: (c) => [mysqlData(c), '/run/mysqld', '/tmp'],
    volumes: () => ['/var/lib/mysql'],
    dataDirs: (c) => [mysqlData(c)],
    servers: ['mariadbd', 'mysqld'],
    settingsElsewhere: mysqlSettingsElsewhere,
  },
  {
    // Data in /data/db; the Unix socket /tmp/mongodb-<port>.sock.
    repositories: ['mongo'],
    paths: (c) => [mongoDataDir(c), '/tmp'],
    volumes: () => ['/data/db', '/data/configdb'],
    dataDirs: (c) => [mongoDataDir(c)],
    servers: ['mongod'],
    // `storage.dbPath` in the config file; `--dbpath` on the command line overrides it.
    settingsElsewhere: (c) =>
      !flagValue(c, '--dbpath') && /(^|\s)(--config|-f)(=|\s|$)/.test(lineOf(c)),
  },
  {
    // VOLUME $RABBITMQ_DATA_DIR (/var/lib/rabbitmq).
    repositories: ['rabbitmq'],
    paths: () => ['/var/lib/rabbitmq'],
    volumes: () => ['/var/lib/rabbitmq'],
    // The message store (RABBITMQ_MNESIA_DIR, else below RABBITMQ_MNESIA_BASE); the Erlang
    // cookie sits beside it.
    dataDirs: (c) => [
      envValue(c, 'RABBITMQ_MNESIA_DIR') ??
        envValue(c, 'RABBITMQ_MNESIA_BASE') ??
        '/var/lib/rabbitmq/mnesia',
    ],
    servers: ['rabbitmq-server'],
    // `rabbitmq-env.conf` in /etc/rabbitmq may set MNESIA_BASE.
    settingsElsewhere: (c) =>
      envFromElsewhere(c, ['RABBITMQ_MNESIA_BASE', 'RABBITMQ_MNESIA_DIR']) ||
      mountsBelow(c, ['/etc/rabbitmq']),
  },
  {
    // GF_PATHS_DATA (the SQLite database, plugins, sessions).
    repositories: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    paths: (c) => [envValue(c, 'GF_PATHS_DATA') ?? '/var/lib/grafana'],
  },
  {
    // WORKDIR /prometheus, --storage.tsdb.path defaults to data/ (agent mode: data-agent/).
    repositories: ['prom/prometheus', 'quay.io/prometheus/prometheus'],
    paths: (c) => [
      inWorkdir(
        flagValue(c, '--storage.tsdb.path') ?? flagValue(c, '--storage.agent.path') ?? 'data',
        '/prometheus',
      ),
    ],
    volumes: () => ['/prometheus'],
  },
  {
    // WORKDIR /alertmanager, --storage.path defaults to data/.
    repositories: ['prom/alertmanager', 'quay.io/prometheus/alertmanager'],
    paths: (c) => [inWorkdir(flagValue(c, '--storage.path') ?? 'data', '/alertmanager')],
    volumes: () => ['/alertmanager'],
  },
  ...STATEFUL_IMAGES,
];

const DOCKER_HUB = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|mirror\.gcr\.io)\//;
/** Registries that republish Docker Hub's official images unchanged (Amazon ECR Public, MCR). */
const OFFICIAL_MIRROR =
  /^(?:public\.ecr\.aws\/docker\/library|mcr\.microsoft\.com\/mirror\/docker\/library)\//;

/**
 * `docker.io/library/nginx:1.27@sha256:…` -> repository `nginx`, tag `1.27`; the same for the
 * official images' mirrors (`mirror.gcr.io/library/…`, `public.ecr.aws/docker/library/…`,
 * `mcr.microsoft.com/mirror/docker/library/…`).
 */
export function parseImage(image: string): { repository: string; tag: string | undefined } {
  let rest = image.trim().toLowerCase().split('@')[0]!;
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  rest = rest
    .replace(OFFICIAL_MIRROR, '')
    .replace(DOCKER_HUB, '')
    .replace(/^library\//, '');
  return { repository: rest, tag };
}

/**
 * The paths a known image writes to, for this container (its env and flags taken into account);
 * undefined when the image is not one we know, or is known only for its data directory
 * (rules/statefulImages.ts). `TMPDIR` set in the env is a write path too.
 */
export function knownWritePaths(container: Container): string[] | undefined {
  const known = knownImage(container);
  return known?.writes.paths?.(container, known.tag);
}

/**
 * The directories a known image declares as `VOLUME` (see `ImageWrites.volumes`); empty for an
 * image we do not know or whose Dockerfile declares none. Listed only where the official
 * Dockerfile is known to declare them.
 */
export function imageDeclaredVolumes(container: Container): string[] {
  const known = knownImage(container);
  return known?.writes.volumes?.(known.tag) ?? [];
}

/**
 * Where a known database image keeps its data with this container's settings (`--dir`, `PGDATA`,
 * `--dbpath`, `--datadir`…); undefined for an image we do not know, or whose data directory its
 * settings leave unknown.
 */
export function knownDataDirs(container: Container): string[] | undefined {
  const known = knownImage(container);
  return known?.writes.dataDirs?.(container, known.tag);
}

/**
 * Whether settings we cannot read (a config file, an env value from a ConfigMap) may put a known
 * database image's data elsewhere than `knownDataDirs` says.
 */
export function dataSettingsElsewhere(container: Container): boolean {
  return knownImage(container)?.writes.settingsElsewhere?.(container) ?? false;
}

function knownImage(
  container: Container,
): { writes: ImageWrites; tag: string | undefined } | undefined {
  const image = str(container.image);
  if (!image) return undefined;
  const { repository, tag } = parseImage(image);
  const writes = KNOWN.find((k) => k.repositories.includes(repository));
  return writes && { writes, tag };
}

/** The image's entry point, which runs what it is given, and the server when given only flags. */
const ENTRYPOINT = 'docker-entrypoint.sh';

/** A shell's separators between commands: what follows one is a program. */
const SHELL_SEPARATOR = /(?:&&|\|\||[;|\n])/;

/**
 * The programs a container's command line starts: its first word, and the first word of each
 * command of a shell script among its words (`sh -c "… && exec mysqld"`), by their file names.
 */
function startedPrograms(words: readonly string[]): string[] {
  const out = words[0] ? [words[0]] : [];
  words.forEach((word, i) => {
    if (!/\s/.test(word) && words[i - 1] !== '-c') return;
    for (const segment of word.split(SHELL_SEPARATOR)) {
      const first = segment
        .trim()
        .split(/\s+/)
        .find((w) => w !== 'exec' && !/^\w+=/.test(w));
      if (first) out.push(first);
    }
  });
  return out.map((p) => p.slice(p.lastIndexOf('/') + 1));
}

/**
 * Whether a known database container runs its server: the image's own command, flags for it, or a
 * command line that starts the server program; not a client (`command: [sleep, infinity]`, `psql`)
 * or a test run in the image. Undefined for an image we do not know.
 */
export function runsDatabaseServer(container: Container): boolean | undefined {
  const servers = knownImage(container)?.writes.servers;
  if (!servers) return undefined;
  const command = strings(container.command);
  const args = strings(container.args);
  if (!command.length) {
    const first = args[0];
    if (first === undefined || first.startsWith('-')) return true;
    return [ENTRYPOINT, ...servers].includes(first.slice(first.lastIndexOf('/') + 1));
  }
  return startedPrograms([...command, ...args]).some(
    (p) => p === ENTRYPOINT || servers.includes(p),
  );
}

/** Paths the container's own env says it writes temporary files to (`TMPDIR`). */
export function declaredTempPaths(container: Container): string[] {
  const tmp = envValue(container, 'TMPDIR');
  return tmp && tmp.startsWith('/') ? [tmp] : [];
}
