import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../server/src/cli';
import { makeTempDir } from '../../support/tempDir';
import { realTool } from '../../support/tools';

const helm = realTool('helm');

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

void test(
  'values on a chart packaged by helm: the subcharts inside the archive check their keys',
  { skip: helm.missing },
  async () => {
    const dir = makeTempDir('ks-packaged-subcharts-');
    // A subchart packaged on its own, to sit in the parent's charts/ as a .tgz.
    write(join(dir, 'cache'), {
      'Chart.yaml': 'apiVersion: v2\nname: cache\nversion: 0.3.0\n',
      'values.yaml': 'persistence:\n  enabled: true\n  size: 1Gi\n',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cache\ndata:\n  size: {{ .Values.persistence.size | quote }}\n',
    });
    write(join(dir, 'shop'), {
      'Chart.yaml':
        'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: postgresql\n    version: 1.2.0\n  - name: cache\n    version: 0.3.0\n',
      'values.yaml': 'replicas: 1\n',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\ndata:\n  replicas: {{ .Values.replicas | quote }}\n',
      'charts/postgresql/Chart.yaml': 'apiVersion: v2\nname: postgresql\nversion: 1.2.0\n',
      'charts/postgresql/values.yaml':
        'primary:\n  persistence:\n    enabled: true\n    size: 8Gi\n    storageClass: ""\n',
      'charts/postgresql/templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pg\ndata:\n  size: {{ .Values.primary.persistence.size | quote }}\n',
    });
    const run = (...args: string[]) => execFileSync(helm.path!, args, { cwd: dir, stdio: 'pipe' });
    run('package', 'cache', '-d', join(dir, 'shop', 'charts'));
    run('package', 'shop', '-d', dir);
    const values = join(dir, 'my.yaml');
    writeFileSync(
      values,
      'postgresql:\n  primary:\n    persistence:\n      sise: 20Gi\ncache:\n  persistence:\n    enabeld: false\n',
    );
    let out = '';
    const code = await main(['values', join(dir, 'shop-1.0.0.tgz'), '-f', values, '--lang', 'en'], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    assert.equal(code, 0, out);
    assert.match(out, /my\.yaml:4:\d+: warning \[helm-values-unknown-key\].*size/);
    assert.match(out, /my\.yaml:7:\d+: warning \[helm-values-unknown-key\].*enabled/);
  },
);
