/**
 * Diagnostics, quick-fix titles and completion details are plain text in the editor: no Markdown
 * backtick reaches them; names come in the quotes of the language (English “…”, Russian «…»).
 * Every rule's bad fixture is opened in both languages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { cursor } from '../support/cursor';
import { messageOf, TestClient } from './support/client';

const RULES = join(__dirname, '..', 'fixtures', 'rules');
const QUOTE = { en: /“[^”]+”/, ru: /«[^»]+»/ };

const fixtures = readdirSync(RULES).map((rule) => ({
  rule,
  text: readFileSync(join(RULES, rule, 'bad.yaml'), 'utf8'),
}));

for (const lang of ['en', 'ru'] as const) {
  void describe(`plain-text surfaces in ${lang}`, () => {
    let client: TestClient;
    const uriOf = (name: string) => `file:///tmp/kube-storage-plain-text-${lang}/${name}.yaml`;

    before(async () => {
      client = await TestClient.start({ locale: lang, settings: { language: 'auto' } });
      for (const f of fixtures) await client.open(uriOf(f.rule), f.text);
    });

    after(async () => {
      await client.stop();
    });

    void it('diagnostic messages and quick-fix titles have no backticks', async () => {
      let quoted = 0;
      let titles = 0;
      let ownRule = 0;
      for (const f of fixtures) {
        const uri = uriOf(f.rule);
        // The fixtures share one workspace, so cross-file rules may see each other's objects:
        // a fixture's own rule is not required here, only that its findings read as plain text.
        const ds: Diagnostic[] = await client
          .waitForDiagnostics(uri, (d) => d.length > 0, 3000)
          .catch(() => []);
        if (ds.some((d) => d.code === f.rule)) ownRule++;
        for (const d of ds) {
          const message = messageOf(d);
          assert.doesNotMatch(message, /`/, `${f.rule}: ${message}`);
          if (QUOTE[lang].test(message)) quoted++;
          const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: d.range,
            context: { diagnostics: [d], only: ['quickfix'] },
          });
          for (const a of actions) {
            assert.doesNotMatch(a.title, /`/, `${f.rule}: ${a.title}`);
            for (const fixed of a.diagnostics ?? [])
              assert.doesNotMatch(messageOf(fixed), /`/, `${f.rule}: ${messageOf(fixed)}`);
            if (QUOTE[lang].test(a.title)) titles++;
          }
        }
      }
      assert.ok(ownRule > fixtures.length * 0.75, `only ${ownRule} fixtures show their rule`);
      // Most messages name a field or an object; they keep the names, in quotes.
      assert.ok(quoted > fixtures.length / 2, `only ${quoted} quoted messages`);
      assert.ok(titles > 5, `only ${titles} quoted quick-fix titles`);
    });

    void it('completion details have no backticks', async () => {
      const { text, position } = cursor(
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n|',
      );
      const uri = uriOf('completion');
      await client.open(uri, text);
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position,
      });
      const spec = list.items.find((i) => i.label === 'spec');
      assert.ok(spec?.detail, JSON.stringify(list.items.map((i) => i.label)));
      assert.match(spec.detail, QUOTE[lang]);
      for (const item of list.items) assert.doesNotMatch(item.detail ?? '', /`/, item.label);
    });
  });
}
