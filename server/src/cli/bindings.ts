/**
 * `kube-storage bindings <files or folders...> [--format text|json] [--node-labels k=v,k2=v2] [--lang en|ru]`:
 * which PersistentVolume each claim gets, or why it stays Pending (the PV controller, simulated).
 */
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  parseNodeLabels,
  plainText,
  type BindingResult,
  type ClaimResult,
  type EphemeralOrigin,
  type Lang,
  type LocalizedText,
} from '../service';
import { parseArgs } from './args';
import { cliService, langFromFlags, type CliIO } from './common';
import { clusterFlags, clusterUsage, loadCluster } from './cluster';
import { chartFlags, chartUsage, loadChart, renderedSource } from './chart';
import { collectYamlFiles, fileUri, UsageError } from './files';
import { displayPath } from './output';

export const bindingsUsage = `kube-storage bindings <files or folders...> [--format text|json] [--node-labels k=v,k2=v2] [--lang en|ru] ${clusterUsage} ${chartUsage}`;

/** The stable JSON of `kube-storage bindings` (documented in docs/cli.md). */
export interface BindingsJson {
  claims: {
    namespace: string;
    name: string;
    source: {
      file: string;
      range: {
        start: { line: number; character: number };
        end: { line: number; character: number };
      };
    } | null;
    phase: 'Bound' | 'Pending' | 'Lost';
    volume: string | null;
    outcome: ClaimResult['outcome'];
    storageClass: string;
    /** The claim gets the cluster's default class, its name not known: `storageClass` is `""`. */
    unnamedDefaultClass?: true;
    fromStatefulSet: string | null;
    /**
     * The pod's generic ephemeral volume whose `volumeClaimTemplate` creates the claim; `pod` (and
     * so `name`) holds `…` where the pod's controller generates its name.
     */
    ephemeral?: EphemeralOrigin;
    reason: { code: string; en: string; ru: string };
    rejected: {
      volume: string;
      code: string;
      en: string;
      ru: string;
      /** What would make this volume bind, when something would. */
      fix?: LocalizedText;
    }[];
    /** For a Pending claim: what would make it bind. */
    remedy?: LocalizedText;
    /** The claim is in a cluster snapshot (`--cluster`): it exists already. */
    inCluster: boolean;
  }[];
  volumes: { name: string; phase: string; claim: string | null; inCluster: boolean }[];
}

export async function runBindings(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    '--format': { values: ['text', 'json'] },
    '--lang': { values: ['en', 'ru'] },
    '--node-labels': {},
    ...clusterFlags,
    ...chartFlags,
  });
  if (!args.positional.length && !args.flags.has('--chart'))
    throw new UsageError('bindings needs at least one file or folder');
  const lang: Lang = langFromFlags(args.flags);
  const format = args.flags.get('--format')?.[0] ?? 'text';
  let nodeLabels: Record<string, string> | undefined;
  const labelText = args.flags.get('--node-labels')?.[0];
  if (labelText !== undefined) {
    try {
      nodeLabels = parseNodeLabels(labelText);
    } catch (e) {
      throw new UsageError(`--node-labels: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const service = cliService();
  const snapshots = await loadCluster(service, args.flags);
  const paths = (await collectYamlFiles(args.positional)).filter((p) => !snapshots.includes(p));
  for (const path of paths) service.setFile(fileUri(path), await fs.readFile(path, 'utf8'), 'disk');
  // The chart's claims are rendered with helm and bound like any other (cli/chart.ts).
  const chart = await loadChart(service, args.flags);
  const result = service.bindings({ nodeLabels });
  const chartArg = args.flags.get('--chart')?.[0] ?? '';
  if (chart) {
    for (const c of [...result.claims, ...result.volumes]) {
      if (!c.source || !service.isRendered(c.source.uri)) continue;
      const at = renderedSource(service, chart, chartArg, c.source.uri, c.source.range);
      if (at) c.source = { ...c.source, ...at };
    }
    const problem = service.renderProblem(chart.subject.key);
    if (problem) io.err(`${chartArg}: ${plainText(problem.message[lang], lang)}\n`);
  }

  if (format === 'json') io.out(JSON.stringify(toBindingsJson(result), null, 2) + '\n');
  else io.out(toBindingsText(result, lang));
  const failed = !!chart && !chart.ok;
  return failed || result.claims.some((c) => c.outcome === 'pending' || c.outcome === 'lost')
    ? 1
    : 0;
}

function sourceFile(uri: string): string {
  try {
    return displayPath(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

export function toBindingsJson(result: BindingResult): BindingsJson {
  return {
    claims: result.claims.map((c) => ({
      namespace: c.namespace,
      name: c.name,
      source: c.source ? { file: sourceFile(c.source.uri), range: c.source.range } : null,
      phase: c.phase,
      volume: c.volume,
      outcome: c.outcome,
      storageClass: c.storageClass,
      ...(c.unnamedDefaultClass ? { unnamedDefaultClass: true as const } : {}),
      fromStatefulSet: c.fromStatefulSet,
      ...(c.ephemeral ? { ephemeral: ephemeralJson(c.ephemeral) } : {}),
      reason: { code: c.reason.code, en: c.reason.en, ru: c.reason.ru },
      rejected: c.rejected.map((r) => ({
        volume: r.volume,
        code: r.code,
        en: r.en,
        ru: r.ru,
        ...(r.fix ? { fix: { en: r.fix.en, ru: r.fix.ru } } : {}),
      })),
      ...(c.remedy ? { remedy: { en: c.remedy.en, ru: c.remedy.ru } } : {}),
      inCluster: !!c.source?.inCluster,
    })),
    volumes: result.volumes.map((v) => ({
      name: v.name,
      phase: v.phase,
      claim: v.claim,
      inCluster: !!v.source?.inCluster,
    })),
  };
}

function ephemeralJson(e: EphemeralOrigin): EphemeralOrigin {
  return {
    kind: e.kind,
    workload: e.workload,
    volume: e.volume,
    pod: e.pod,
    generated: e.generated,
    about: { en: e.about.en, ru: e.about.ru },
  };
}

/** What creates the claim: its StatefulSet, or the workload whose pods' ephemeral volume it is. */
function createdBy(c: ClaimResult): string {
  if (c.fromStatefulSet) return `StatefulSet/${c.fromStatefulSet}`;
  return c.ephemeral ? `${c.ephemeral.kind}/${c.ephemeral.workload}` : '-';
}

const words = {
  en: {
    claims: 'Claims',
    volumes: 'Volumes',
    claim: 'CLAIM',
    phase: 'PHASE',
    outcome: 'OUTCOME',
    volume: 'VOLUME',
    class: 'CLASS',
    set: 'CREATED BY',
    name: 'NAME',
    rejected: 'rejected',
    none: 'No PersistentVolumes, claims, StatefulSets with volumeClaimTemplates or generic ephemeral volumes found.',
    noClass: '(none)',
    defaultClass: '(default)',
    deleted: '(deleted)',
    inCluster: '(cluster)',
    more: '…',
  },
  ru: {
    claims: 'Заявки',
    volumes: 'Тома',
    claim: 'ЗАЯВКА',
    phase: 'ФАЗА',
    outcome: 'ИТОГ',
    volume: 'ТОМ',
    class: 'КЛАСС',
    set: 'СОЗДАЁТ',
    name: 'ИМЯ',
    rejected: 'отклонён',
    none: 'Не найдено ни томов, ни заявок, ни StatefulSet с volumeClaimTemplates, ни универсальных эфемерных томов.',
    noClass: '(нет)',
    defaultClass: '(по умолчанию)',
    deleted: '(удалён)',
    inCluster: '(кластер)',
    more: '…',
  },
} as const;

const outcomes: Record<Lang, Record<ClaimResult['outcome'], string>> = {
  en: {
    bound: 'bound',
    provision: 'provision',
    'wait-for-first-consumer': 'wait for consumer',
    pending: 'pending',
    lost: 'lost',
  },
  ru: {
    bound: 'привязана',
    provision: 'выделение',
    'wait-for-first-consumer': 'ждёт пода',
    pending: 'ожидает',
    lost: 'потеряна',
  },
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function toBindingsText(result: BindingResult, lang: Lang): string {
  const w = words[lang];
  if (!result.claims.length && !result.volumes.length) return w.none + '\n';
  const out: string[] = [];
  if (result.claims.length) {
    out.push(`${w.claims} (${result.claims.length})`);
    const rows: string[][] = [[w.claim, w.phase, w.outcome, w.volume, w.class, w.set]];
    for (const c of result.claims) {
      rows.push([
        `${c.namespace}/${c.name}` + (c.source?.inCluster ? ' ' + w.inCluster : ''),
        c.phase,
        outcomes[lang][c.outcome],
        c.volume ?? '-',
        c.storageClass !== '' ? c.storageClass : c.unnamedDefaultClass ? w.defaultClass : w.noClass,
        createdBy(c),
      ]);
    }
    out.push(table(rows));
    out.push('');
    for (const c of result.claims) {
      out.push(`${c.namespace}/${c.name}: ${plainText(c.reason[lang], lang)}`);
      if (c.ephemeral) out.push(`  ${plainText(c.ephemeral.about[lang], lang)}`);
      if (c.remedy) out.push(`  → ${plainText(c.remedy[lang], lang)}`);
      for (const r of c.rejected.slice(0, 10)) {
        out.push(`    ${w.rejected} ${r.volume}: ${plainText(r[lang], lang)}`);
        if (r.fix) out.push(`      → ${plainText(r.fix[lang], lang)}`);
      }
      if (c.rejected.length > 10) out.push(`    ${w.more} +${c.rejected.length - 10}`);
    }
    out.push('');
  }
  if (result.volumes.length) {
    out.push(`${w.volumes} (${result.volumes.length})`);
    const rows: string[][] = [[w.name, w.phase, w.claim]];
    for (const v of result.volumes) {
      rows.push([
        v.name + (v.source?.inCluster ? ' ' + w.inCluster : ''),
        v.phase + (v.deleted ? ' ' + w.deleted : ''),
        v.claim ?? '-',
      ]);
    }
    out.push(table(rows));
  }
  out.push('', plainText(result.order[lang], lang));
  return out.join('\n') + '\n';
}
