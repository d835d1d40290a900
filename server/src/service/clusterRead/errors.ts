/**
 * Why kubectl could not read the cluster, from its stderr. kubectl (client-go) prints one line per
 * failure after klog lines (`E1206 11:55:39.918920 28615 memcache.go:265] …`) of the discovery
 * attempts; the patterns below are the messages of kubectl 1.2x–1.35:
 *
 * - `Error from server (Forbidden): persistentvolumes is forbidden: User "…" cannot list …` (RBAC);
 * - `error: the server doesn't have a resource type "volumesnapshotclasses"` (no CRD);
 * - `error: You must be logged in to the server (Unauthorized)` (expired or wrong credentials);
 * - `Unable to connect to the server: tls: failed to verify certificate: x509: …` (certificates);
 * - `Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded …)`;
 * - `The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or
 *   port?`, `Unable to connect to the server: dial tcp: lookup …: no such host`;
 * - `Unable to connect to the server: getting credentials: exec: executable … not found` (an exec
 *   credential plugin such as gke-gcloud-auth-plugin or aws);
 * - `Error in configuration: context was not found for specified context: …`,
 *   `error: current-context is not set`, `error: no context exists with the name: "…"`.
 *
 * Forbidden and an unknown resource type drop one kind; every other problem ends the read.
 */

export type KubectlProblemKind =
  | 'untrusted'
  | 'missing'
  | 'noContexts'
  | 'noContext'
  | 'badKubeconfig'
  | 'forbidden'
  | 'unknownResource'
  | 'unauthorized'
  | 'credentials'
  | 'certificate'
  | 'timeout'
  | 'unreachable'
  | 'tooLarge'
  | 'badOutput'
  | 'failed';

export interface KubectlProblem {
  kind: KubectlProblemKind;
  /** kubectl's own message (its last line that is not a klog line), or the binary, or the limit. */
  detail: string;
}

/** Problems that concern one resource only: the others are read anyway. */
export function isPerResource(problem: KubectlProblem): boolean {
  return problem.kind === 'forbidden' || problem.kind === 'unknownResource';
}

/** A klog line: severity letter, MMDD, time, thread id, file:line]. */
const KLOG_LINE = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]]+\]/;

/** kubectl's message for the user: its last line that is not a klog line, capped. */
export function kubectlMessage(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !KLOG_LINE.test(l));
  const last = lines.at(-1) ?? stderr.trim();
  return last.length > 400 ? `${last.slice(0, 400)}…` : last;
}

const PATTERNS: readonly [KubectlProblemKind, RegExp][] = [
  [
    'noContext',
    /context was not found for specified context|no context exists with the name|current-context is not set/i,
  ],
  [
    'badKubeconfig',
    /error loading config file|invalid configuration|couldn't get version\/kind; json parse error/i,
  ],
  [
    'unknownResource',
    /the server doesn't have a resource type|no matches for kind|could not find the requested resource/i,
  ],
  ['forbidden', /\(Forbidden\)|is forbidden:/],
  [
    'credentials',
    /getting credentials|exec plugin|executable [^\s]+ not found|gke-gcloud-auth-plugin|failed to refresh token/i,
  ],
  ['unauthorized', /You must be logged in to the server|\(Unauthorized\)|provide credentials/i],
  [
    'certificate',
    /x509:|tls: failed to verify certificate|certificate signed by unknown authority|certificate has expired|certificate is valid for|tls: bad certificate/i,
  ],
  [
    'timeout',
    /Client\.Timeout exceeded|context deadline exceeded|i\/o timeout|TLS handshake timeout|\(Timeout\)|timed out|request canceled/i,
  ],
  [
    'unreachable',
    /was refused|Unable to connect to the server|no such host|connection refused|connection reset|no route to host|network is unreachable|dial tcp/i,
  ],
];

/** The problem kubectl's stderr describes (kubectl exited with an error). */
export function classifyKubectlStderr(stderr: string): KubectlProblem {
  const detail = kubectlMessage(stderr);
  for (const [kind, pattern] of PATTERNS) if (pattern.test(detail)) return { kind, detail };
  // The message line may be generic; the klog lines before it name the cause.
  for (const [kind, pattern] of PATTERNS) if (pattern.test(stderr)) return { kind, detail };
  return { kind: 'failed', detail };
}
