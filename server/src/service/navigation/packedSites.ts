/**
 * The link sites of a document as the index keeps them until navigation first asks (parse/summary.ts):
 * found by the thread that parsed the document, they cross to the main thread and wait there as one
 * string, each site a tuple rather than an object with its keys. On the 5,000-file bench the sites
 * of 20,000 documents took 7.0 MB as JSON objects.
 */
import type { LinkKind } from './linkRules';
import type { RelativeSite } from './sites';

type PackedSite = [
  link: LinkKind,
  role: RelativeSite['role'],
  name: string,
  namespace: string | null,
  scope: string | null,
  start: number,
  end: number,
];

export function packSites(sites: readonly RelativeSite[]): string {
  return JSON.stringify(
    sites.map((s): PackedSite => [
      s.link,
      s.role,
      s.name,
      s.namespace ?? null,
      s.scope ?? null,
      s.span[0],
      s.span[1],
    ]),
  );
}

/** The sites `packSites` was given, without the keys whose value was undefined. */
export function unpackSites(packed: string): RelativeSite[] {
  return (JSON.parse(packed) as PackedSite[]).map(
    ([link, role, name, namespace, scope, start, end]): RelativeSite => ({
      link,
      role,
      name,
      ...(namespace !== null && { namespace }),
      ...(scope !== null && { scope }),
      span: [start, end],
    }),
  );
}
