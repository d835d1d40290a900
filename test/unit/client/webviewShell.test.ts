/** One HTML shell for both webviews: strict CSP, one nonce for the script and the styles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonce, webviewHtml, type WebviewPage } from '../../../client/src/webviewShell';

const page: WebviewPage = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/helmValues.js',
  lang: 'ru',
  title: 'Values <of> "keeper"',
  styles: 'body { color: var(--vscode-foreground); }',
};

function csp(html: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
}

void test('the script and the styles carry the nonce the policy allows, and nothing else runs', () => {
  const html = webviewHtml(page, 'abc123');
  const policy = csp(html);
  assert.match(policy, /^default-src 'none'; /);
  assert.match(policy, /script-src 'nonce-abc123'(;|$)/);
  assert.match(
    policy,
    /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net 'nonce-abc123'/,
  );
  assert.ok(!/unsafe-inline|unsafe-eval|img-src|worker-src/.test(policy), policy);
  assert.match(
    html,
    /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource[^"]*helmValues\.js"><\/script>/,
  );
  assert.match(
    html,
    /<style nonce="abc123">body \{ color: var\(--vscode-foreground\); \}<\/style>/,
  );
  assert.match(html, /<html lang="ru">/);
  assert.match(html, /<title>Values &#60;of&#62; &#34;keeper&#34;<\/title>/);
  assert.match(html, /<div id="app"><\/div>/);
});

void test("the preview's images and layout worker, the inspector's main role", () => {
  const policy = csp(webviewHtml({ ...page, images: true, blobWorkers: true }, 'n'));
  assert.match(policy, /img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net data:/);
  assert.match(policy, /worker-src blob:/);
  assert.match(
    webviewHtml({ ...page, appAttributes: 'role="main"' }),
    /<div id="app" role="main">/,
  );
});

void test('a fresh nonce per page, safe in an attribute', () => {
  const a = nonce();
  assert.match(a, /^[A-Za-z0-9]{16,}$/);
  assert.notEqual(a, nonce());
  const [x, y] = [webviewHtml(page), webviewHtml(page)];
  assert.notEqual(csp(x), csp(y));
});
