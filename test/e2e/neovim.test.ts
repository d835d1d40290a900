/** The standalone language server in another editor: headless Neovim reads diagnostics and a hover. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './support/codeServer';
import { makeTempDir } from '../support/tempDir';

function runNeovim(file: string, line: number, col: number, locale: string): string {
  const home = makeTempDir('kube-storage-nvim-');
  const result = spawnSync(
    'nvim',
    ['--headless', '-n', '-i', 'NONE', '-u', join(__dirname, 'neovim', 'check.lua')],
    {
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
        KS_FILE: file,
        KS_SERVER: join(REPO, 'dist', 'server.js'),
        KS_HOVER_LINE: String(line),
        KS_HOVER_COL: String(col),
        KS_LOCALE: locale,
      },
      encoding: 'utf8',
      timeout: 60000,
    },
  );
  return `${result.stdout}${result.stderr}`;
}

describe('Neovim as an LSP client', () => {
  it('shows kube-storage diagnostics and hover (English)', () => {
    const output = runNeovim(join(__dirname, 'workspace', 'broken.yaml'), 7, 7, 'en');
    assert.match(output, /DIAG 7 6 invalid-enum .*ReadWriteOnse/);
    assert.match(output, /HOVER .*ReadWriteOnse|HOVER .*accessModes/);
    assert.match(output, /^OK$/m);
  });

  it('speaks Russian when the client locale is Russian', () => {
    const output = runNeovim(join(__dirname, 'workspace', 'claims.yaml'), 7, 5, 'ru');
    assert.match(output, /HOVER .*[А-Яа-яё]{4,}/);
  });
});
