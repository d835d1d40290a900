/** Builds .tgz archives in memory for the tests: a good chart and hostile ones. */
import { gzipSync } from 'node:zlib';
import { pack as tarPack, type Header } from 'tar-stream';
import { readChart } from '../../service/helm/fixture';

export interface Entry {
  header: Partial<Header> & Pick<Header, 'name'>;
  content?: string | Buffer;
}

export async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(e.header, e.content ?? '', (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function tgzOf(entries: Entry[]): Promise<Buffer> {
  return gzipSync(await tarOf(entries));
}

/** The `keeper` test chart packaged the way `helm package` lays it out: everything under `keeper/`. */
export async function keeperTgz(extra: Entry[] = []): Promise<Buffer> {
  const files = readChart('keeper');
  const entries: Entry[] = [{ header: { name: 'keeper/', type: 'directory' } }];
  for (const [path, text] of files)
    entries.push({ header: { name: `keeper/${path}` }, content: text });
  return tgzOf([...entries, ...extra]);
}
