import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  ChartSourceError,
  readChartArchive,
  safeEntryPath,
  defaultArchiveLimits,
} from '../../../../server/src/node/charts';
import { buildChartModel } from '../../../../server/src/service/helm';
import { readChart } from '../../service/helm/fixture';
import { keeperTgz, tgzOf } from './build';

async function rejection(
  data: Uint8Array | Promise<Uint8Array>,
  limits = defaultArchiveLimits,
): Promise<ChartSourceError> {
  try {
    await readChartArchive(await data, limits);
  } catch (e) {
    assert.ok(e instanceof ChartSourceError, `expected ChartSourceError, got ${String(e)}`);
    assert.ok(e.text.en && e.text.ru);
    return e;
  }
  assert.fail('the archive was accepted');
}

void test('a packaged chart reads to the same files as its folder, subcharts left out', async () => {
  const { root, files } = await readChartArchive(
    await keeperTgz([{ header: { name: 'keeper/charts/sub/Chart.yaml' }, content: 'name: sub' }]),
  );
  assert.equal(root, 'keeper');
  assert.deepEqual([...files.keys()].sort(), [...readChart('keeper').keys()].sort());
  assert.equal(files.get('values.yaml'), readChart('keeper').get('values.yaml'));
  const model = buildChartModel(files);
  assert.equal(model.meta.name, 'keeper');
  assert.ok(model.byId.get('persistence.size'));
});

void test('not gzip: a clear error in both languages', async () => {
  const e = await rejection(Buffer.from('apiVersion: v2\nname: plain\n'));
  assert.equal(e.code, 'notGzip');
  assert.match(e.text.ru, /сжатым gzip/);
  assert.equal((await rejection(Buffer.alloc(0))).code, 'notGzip');
});

void test('gzip of something that is not a tar, and a truncated archive, are damaged archives', async () => {
  const e = await rejection(gzipSync(Buffer.from('x'.repeat(2000))));
  assert.ok(e.code === 'badArchive' || e.code === 'archiveNoChart', e.code);
  const good = await keeperTgz();
  assert.equal((await rejection(good.subarray(0, good.length - 40))).code, 'badArchive');
});

void test('path traversal and absolute paths reject the whole archive', async () => {
  for (const name of [
    'keeper/../../evil.yaml',
    '../keeper/Chart.yaml',
    '/etc/passwd',
    'keeper\\..\\x',
    'C:/x',
  ]) {
    const e = await rejection(keeperTgz([{ header: { name }, content: 'x' }]));
    assert.equal(e.code, 'unsafePath', name);
    assert.ok(e.text.en.includes(name));
  }
  assert.deepEqual(safeEntryPath('./keeper//templates/./a.yaml'), [
    'keeper',
    'templates',
    'a.yaml',
  ]);
});

void test('symbolic and hard links reject the archive', async () => {
  const sym = await rejection(
    keeperTgz([
      { header: { name: 'keeper/templates/x.yaml', type: 'symlink', linkname: '/etc/passwd' } },
    ]),
  );
  assert.equal(sym.code, 'link');
  assert.match(sym.text.ru, /ссылка/);
  const hard = await rejection(
    keeperTgz([
      { header: { name: 'keeper/values-2.yaml', type: 'link', linkname: 'keeper/values.yaml' } },
    ]),
  );
  assert.equal(hard.code, 'link');
  const fifo = await rejection(keeperTgz([{ header: { name: 'keeper/pipe', type: 'fifo' } }]));
  assert.equal(fifo.code, 'unsupportedEntry');
});

void test('size limits: one entry, all entries, entry count, the archive itself', async () => {
  const limits = {
    maxArchiveBytes: 1024 * 1024,
    maxEntryBytes: 4096,
    maxTotalBytes: 64 * 1024,
    maxEntries: 50,
  };
  const big = await rejection(
    tgzOf([{ header: { name: 'c/Chart.yaml' }, content: 'x'.repeat(5000) }]),
    limits,
  );
  assert.equal(big.code, 'entryTooLarge');
  const many = await rejection(
    tgzOf(
      Array.from({ length: 60 }, (_, i) => ({
        header: { name: `c/templates/t${i}.yaml` },
        content: 'a: 1',
      })),
    ),
    limits,
  );
  assert.equal(many.code, 'tooManyEntries');
  const total = await rejection(
    tgzOf(
      Array.from({ length: 20 }, (_, i) => ({
        header: { name: `c/t${i}` },
        content: 'y'.repeat(4000),
      })),
    ),
    limits,
  );
  assert.equal(total.code, 'unpackedTooLarge');
  const huge = await rejection(keeperTgz(), { ...limits, maxArchiveBytes: 100 });
  assert.equal(huge.code, 'archiveTooLarge');
});

void test('a decompression bomb stops at the unpacked-size cap', async () => {
  // 16 MiB of zeros compresses to about 16 KiB.
  const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024));
  const e = await rejection(bomb, {
    ...defaultArchiveLimits,
    maxTotalBytes: 1024 * 1024,
    maxEntries: 10,
  });
  assert.equal(e.code, 'unpackedTooLarge');
});

void test('an archive without a chart is reported as such', async () => {
  const e = await rejection(tgzOf([{ header: { name: 'readme.txt' }, content: 'hello' }]));
  assert.equal(e.code, 'archiveNoChart');
});
