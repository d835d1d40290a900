/**
 * Processes and files, checked on the sources and the manifest: only the process runner
 * (server/src/node/process.ts, used by the helm runner for the client's `helm show` and the
 * server's `helm template`, by the kubectl runner for "Read Storage From Cluster", and by the CLI's
 * lint to run its own bundle again with a V8 flag) starts a process (execFile, no shell, timeout,
 * output cap, trust check for the user's tools); kubectl is only ever asked to
 * read (`get` with `--request-timeout`, `config` reads); the server never writes a file; the
 * client writes only where the user asked (the save dialogs of the values inspector and of the
 * cluster snapshot); untrusted workspaces are declared as limited, with the helm and kubectl
 * paths restricted and machine-scoped.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { kubectlArgs } from '../../../server/src/node/kubectl/process';

const root = resolve(__dirname, '..', '..', '..');

function sources(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mts|js|mjs)$/.test(name)) {
        out.push({
          path: relative(root, full).split('\\').join('/'),
          text: readFileSync(full, 'utf8'),
        });
      }
    }
  };
  walk(join(root, dir));
  return out;
}

const all = [...sources('server/src'), ...sources('client/src'), ...sources('client/webview')];

interface Manifest {
  capabilities: {
    untrustedWorkspaces: {
      supported: unknown;
      description?: string;
      restrictedConfigurations?: string[];
    };
  };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const nls = (file: string) =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;

void describe('processes and files', () => {
  void it('only the process runner (server/src/node/process.ts) touches child_process, and only through execFile', () => {
    const users = all.filter((f) => /child_process/.test(f.text)).map((f) => f.path);
    assert.deepEqual(users, ['server/src/node/process.ts']);
    const runner = all.find((f) => f.path === 'server/src/node/process.ts')!.text;
    assert.doesNotMatch(runner, /\b(exec|execSync|spawn|spawnSync|fork|execFileSync)\s*\(/);
    assert.match(runner, /shell:\s*false/);
    assert.match(runner, /timeout:/);
    assert.match(runner, /maxBuffer:/);
    assert.match(runner, /if \(!options\.trusted\)/);
  });

  void it('the process runner is used by the helm and kubectl runners and the CLI relaunch only', () => {
    const users = all
      .filter((f) => /from '(\.\.\/)+(node\/)?process'|from '\.\.\/process'/.test(f.text))
      .map((f) => f.path)
      .sort();
    assert.deepEqual(users, [
      'server/src/cli/v8Threads.ts',
      'server/src/node/helm/process.ts',
      'server/src/node/kubectl/process.ts',
    ]);
    // The relaunch runs this process's own Node binary on kube-storage's bundle, nothing else.
    const runner = all.find((f) => f.path === 'server/src/node/process.ts')!.text;
    assert.match(runner, /execFile\(\s*process\.execPath,/);
  });

  void it('kubectl is only asked to read: get with --request-timeout, config reads', () => {
    const options = { kubectlPath: 'kubectl', trusted: true, context: 'prod' };
    const reads = [
      ...['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'nodes'].flatMap(
        (resource) =>
          [true, false].map((allNamespaces) => ({ verb: 'get' as const, resource, allNamespaces })),
      ),
      { verb: 'contexts' as const },
      { verb: 'currentContext' as const },
      { verb: 'contextNamespace' as const },
    ];
    for (const read of reads) {
      const args = kubectlArgs(read, options);
      const verb = args[0] === 'config' ? `config ${args[1]}` : args[0];
      assert.ok(
        ['get', 'config get-contexts', 'config current-context', 'config view'].includes(verb!),
        `kubectl ${args.join(' ')}`,
      );
      if (verb === 'get') assert.ok(args.some((a) => /^--request-timeout=\d+s$/.test(a)));
    }
    // No other resource, and nothing that could slip an option or a verb in.
    for (const resource of ['secrets', 'pods', '--raw=/api', 'storageclasses --watch'])
      assert.throws(() => kubectlArgs({ verb: 'get', resource, allNamespaces: true }, options));
    const kubectl = all.find((f) => f.path === 'server/src/node/kubectl/process.ts')!.text;
    assert.doesNotMatch(
      kubectl,
      /'(apply|create|delete|patch|replace|edit|label|annotate|scale|exec|cp|proxy|port-forward|set-context|use-context|set-credentials)'/,
    );
  });

  void it('no eval or Function constructor anywhere', () => {
    for (const f of all) {
      assert.ok(!/\beval\s*\(|new Function\s*\(/.test(f.text), `${f.path} evaluates code`);
    }
  });

  void it('the server never writes, deletes or renames a file', () => {
    const ops =
      'writeFile|appendFile|createWriteStream|unlink|rm|rmdir|rename|mkdir|copyFile|truncate|symlink|chmod|cp';
    const call = new RegExp(`\\b(fs|fsp|promises)\\.(${ops})(Sync)?\\(`);
    const named = new RegExp(
      `import\\s*\\{[^}]*\\b(${ops})(Sync)?\\b[^}]*\\}\\s*from\\s*'(node:)?fs`,
    );
    for (const f of all.filter((x) => x.path.startsWith('server/src/'))) {
      assert.ok(!call.test(f.text) && !named.test(f.text), `${f.path} writes to the file system`);
    }
  });

  void it('the client writes only after a save dialog the user answered', () => {
    const writers = all.filter(
      (f) =>
        f.path.startsWith('client/') &&
        /\.fs\.writeFile\(|\bwriteFile(Sync)?\(|applyEdit\(/.test(f.text),
    );
    for (const f of writers) {
      assert.ok(
        ['client/src/helmValues/panel.ts', 'client/src/cluster/save.ts'].includes(f.path),
        `unexpected writer ${f.path}`,
      );
      const at = f.text.indexOf('fs.writeFile(');
      const before = f.text.slice(Math.max(0, at - 1500), at);
      assert.match(before, /showSaveDialog/, 'a save dialog comes first');
      // The values inspector may propose an existing file; the snapshot's dialog asks itself.
      if (f.path === 'client/src/helmValues/panel.ts')
        assert.match(before, /modal: true/, 'overwriting asks first');
    }
  });

  void it('untrusted workspaces: limited support, helm and kubectl paths restricted and machine-scoped', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    const key = /^%(.+)%$/.exec(untrusted.description ?? '')?.[1];
    assert.ok(key && nls('package.nls.json')[key] && nls('package.nls.ru.json')[key]);
    const properties = manifest.contributes.configuration.properties;
    const executables = Object.keys(properties).filter((k) =>
      /(path|binary|executable|command)$/i.test(k),
    );
    assert.ok(executables.includes('kubeStorage.helm.path'));
    assert.ok(executables.includes('kubeStorage.kubectl.path'));
    for (const k of executables) {
      assert.equal(properties[k]!.scope, 'machine', `${k} is machine-scoped`);
      assert.ok(untrusted.restrictedConfigurations?.includes(k), `${k} is restricted`);
    }
  });
});
