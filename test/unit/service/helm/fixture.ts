/** Reads the test charts under test/fixtures/helm into the path -> text maps the model takes. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildChartModel, type ChartModel } from '../../../../server/src/service/helm';

export const fixturesDir = resolve(__dirname, '../../../fixtures/helm');

export function readChart(name: string): Map<string, string> {
  const root = join(fixturesDir, name);
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

export function keeper(): ChartModel {
  return buildChartModel(readChart('keeper'));
}

/** A redis-like chart: `persistence: {}` with documented keys, free-form maps beside it. */
export function cache(): ChartModel {
  return buildChartModel(readChart('cache'));
}

export function override(name: string): string {
  return readFileSync(join(fixturesDir, 'overrides', name), 'utf8');
}
