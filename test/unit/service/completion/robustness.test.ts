/** Half-typed and broken YAML at any cursor position: completion and navigation never throw. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import { complete } from '../../../../server/src/service/completion';
import {
  definition,
  prepareRename,
  references,
} from '../../../../server/src/service/navigation/navigate';
import { documentSymbols } from '../../../../server/src/service/navigation/symbols';

const fragments = [
  'apiVersion: v1\n',
  'kind: PersistentVolumeClaim\n',
  'kind: Pod\n',
  'kind: StatefulSet\n',
  'metadata:\n',
  '  name: data\n',
  'spec:\n',
  '  volumes:\n',
  '  - name: v\n',
  '    persistentVolumeClaim:\n',
  '      claimName: data\n',
  '  containers:\n',
  '    - name: a\n',
  '      volumeMounts:\n',
  '        - name: v\n',
  '  accessModes: [ReadWriteOnce, ',
  '  resources: {requests: {storage: ',
  '---\n',
  '# comment\n',
  '  script: |\n    echo hi\n',
  '"quoted: key": x\n',
  '- - - \n',
  '{{ .Values.x }}\n',
  ': : :\n',
  '\t\n',
  '  ',
  '-',
  '[',
  '{',
  '"',
  "'",
  '&anchor ',
  '*alias\n',
];

void test('completion and navigation survive any text and any cursor', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...fragments), { maxLength: 25 }),
      fc.nat(),
      fc.constantFrom('en' as const, 'ru' as const),
      (parts, seed, lang) => {
        const text = parts.join('');
        const lines = text.split('\n');
        const line = seed % lines.length;
        const character = (seed >> 3) % (lines[line]!.length + 1);
        const workspace = new Workspace();
        workspace.setFile(
          'file:///ws/other.yaml',
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n',
        );
        const file = workspace.setFile('file:///ws/t.yaml', text, 'editor', 1)!;
        const position = { line, character };
        const items = complete(workspace, 'file:///ws/t.yaml', position, lang);
        assert.ok(Array.isArray(items));
        for (const item of items) {
          assert.equal(item.range.start.line, line);
          assert.ok(
            item.range.start.character <= character && character <= item.range.end.character,
          );
        }
        definition(workspace, file.uri, position);
        references(workspace, file.uri, position, true);
        prepareRename(workspace, file.uri, position);
        documentSymbols(file);
      },
    ),
    { numRuns: 300, seed: 42 },
  );
});
