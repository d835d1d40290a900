/**
 * How a container's settings reach a well-known image (flags, env, mounted config files), and the
 * shape of what rules/imageWritePaths.ts and rules/statefulImages.ts know about each image.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { commandWords, get, isAtOrBelow, str } from './util';

export interface ImageWrites {
  /** Repositories as written in `image:` (without registry defaults), matched exactly. */
  repositories: readonly string[];
  /**
   * Absolute paths the process writes to; the container's own settings may override them. Absent
   * for an image listed only for its data directory, whose other writes are not known.
   */
  paths?: (container: Container, tag: string | undefined) => string[];
  /**
   * The directories the image's Dockerfile declares as `VOLUME`: containerd (the CRI plugin's
   * default `ignore_image_defined_volumes = false`) bind-mounts a writable anonymous volume of
   * the container there, so writes succeed even on a read-only root filesystem, and are lost
   * when the container is re-created. CRI-O's default (`image_volumes = "mkdir"`) does not.
   */
  volumes?: (tag: string | undefined) => string[];
  /**
   * Where a database image keeps its data with this container's settings; undefined when the
   * settings leave it unknown (a `postgres` image without a version tag).
   */
  dataDirs?: (container: Container, tag: string | undefined) => string[] | undefined;
  /** The database's server programs: what the image's `CMD` runs (`docker-entrypoint.sh` aside). */
  servers?: readonly string[];
  /**
   * Whether settings we cannot read may put the data elsewhere than `dataDirs` says: a config
   * file (`mongod --config`, `redis-server redis.conf`, `--defaults-file`), an env value taken
   * from a ConfigMap or Secret.
   */
  settingsElsewhere?: (container: Container) => boolean;
}

/** `--flag=value` or `--flag value` in the container's command and args. */
export function flagValue(
  container: Pick<Container, 'command' | 'args'>,
  flag: string,
): string | undefined {
  const words = commandWords(container);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith(flag + '=')) return w.slice(flag.length + 1);
    if (w === flag) return words[i + 1];
  }
  return undefined;
}

export function envValue(container: Container, name: string): string | undefined {
  const env = container.env;
  if (!Array.isArray(env)) return undefined;
  const entry = env.find((e) => get(e, ['name']) === name);
  return entry ? str(entry.value) : undefined;
}

/** One of `names` may be set in the env from somewhere we do not read: `valueFrom`, `envFrom`. */
export function envFromElsewhere(container: Container, names: readonly string[]): boolean {
  if (Array.isArray(container.envFrom) && container.envFrom.length) return true;
  const env = Array.isArray(container.env) ? container.env : [];
  return env.some((e) => names.includes(get(e, ['name']) as string) && get(e, ['valueFrom']));
}

/** The command line as one string, shell scripts included. */
export const lineOf = (c: Pick<Container, 'command' | 'args'>): string => commandWords(c).join(' ');

/** A volume is mounted where the image reads configuration files (`/etc/mysql/conf.d`…). */
export function mountsBelow(container: Container, dirs: readonly string[]): boolean {
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  return mounts.some((m) => {
    const path = str(get(m, ['mountPath'])) ?? '';
    return dirs.some((d) => isAtOrBelow(path, d));
  });
}

/** A relative path resolved against the image's working directory. */
export function inWorkdir(path: string, workdir: string): string {
  return path.startsWith('/') ? path : `${workdir}/${path}`;
}

/** The major version in a tag such as `16.4-alpine` or `18`. */
export function majorOf(tag: string | undefined): number | undefined {
  const m = tag ? /^(\d+)(?:[.-]|$)/.exec(tag) : null;
  return m ? Number(m[1]) : undefined;
}
