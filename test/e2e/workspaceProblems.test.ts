/**
 * Problems of files nobody opened, in a real VS Code: the Problems panel lists the workspace's
 * files (not only the open one), and a file written on disk later joins the list on its own.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { filterProblems, poll, problemsByFile, showProblems } from './support/steps';
import { openFile, openWorkbench, screenshot, type Workbench } from './support/workbench';

const WORKSPACE = join(__dirname, 'workspace');

void describe('problems of the whole workspace', () => {
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    server = await startCodeServer({ workspace: WORKSPACE });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it('lists a problem of a file that was never opened', async () => {
    const { page } = bench;
    // Any YAML file starts the extension; claims.yaml itself is clean.
    await openFile(page, 'claims.yaml');
    await showProblems(page);
    const markers = await poll(
      page,
      'broken.yaml in the Problems panel',
      async () => (await problemsByFile(page)).get('broken.yaml'),
      60000,
    );
    assert.ok(
      markers.some((m) => /ReadWriteOnse/.test(m)),
      markers.join('\n'),
    );
    assert.equal(
      await page.locator('.tabs-container .tab[data-resource-name="broken.yaml"]').count(),
      0,
      'broken.yaml is not open',
    );
    await screenshot(page, '30-workspace-problems');
  });

  void it('a file written on disk joins the list without being opened', async () => {
    const { page } = bench;
    const write = () =>
      writeFileSync(
        join(server.workspace, 'late-claim.yaml'),
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: late\n  namespace: default\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: no-such-class\n  resources:\n    requests:\n      storage: 1Gi\n',
      );
    write();
    // The panel's list is virtual: a row below its fold is not in the page. The filter keeps
    // this file's rows in view however many problems the other files have.
    await filterProblems(page, 'late-claim');
    // The file's row may show before its cross-file finding is published (the first publish holds
    // its own checks only): wait for the finding itself.
    const listed = async () => {
      const markers = (await problemsByFile(page)).get('late-claim.yaml');
      return markers?.some((m) => /no-such-class/.test(m)) ? markers : undefined;
    };
    // On a loaded machine VS Code's file watcher has been seen to drop a creation event (one CI
    // run in many): a second write is a second event. The server is not what is retried.
    const markers = await poll(page, 'late-claim.yaml in the Problems panel', listed, 30000).catch(
      () => {
        write();
        return poll(page, 'late-claim.yaml in the Problems panel (written twice)', listed, 30000);
      },
    );
    assert.ok(
      markers.some((m) => /no-such-class/.test(m)),
      markers.join('\n'),
    );
  });
});
